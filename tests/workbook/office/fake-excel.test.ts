/**
 * The fake Excel is as strict as Excel where the adapter's correctness
 * depends on it. Each case is a behaviour the fake used to forgive; the
 * adapter tests (coauthoring, limits, adapter, report) show the code that
 * relied on the forgiveness failing against it.
 */
import { describe, expect, it } from "vitest";
import { CALL_BYTES } from "../../fakes/fake-excel-base";
import { seedValidation } from "../../fakes/fake-excel-format";
import { FakeExcel } from "../../fakes/fake-excel";

const HEADERS = ["FollowUpID", "Date", "CustomerID"];

function workbook(rows = 3): FakeExcel {
  const excel = new FakeExcel();
  excel.seed({ sheet: "FollowUps", table: "FollowUps", headers: HEADERS, rows: Array.from({ length: rows }, (_, i) => [`F-${i}`, 46000 + i, "C-1"]) });
  return excel;
}

/** The code an Office.js call fails with (the fake's errors carry Excel's codes). */
async function codeOf(excel: FakeExcel, batch: (ctx: Excel.RequestContext) => void): Promise<string | undefined> {
  try {
    await excel.run({}, async (ctx) => {
      batch(ctx);
      await ctx.sync();
    });
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
}

describe("the fake Excel is as strict as Excel", () => {
  it("a range keeps the address it was made with when a co-author inserts rows above it", async () => {
    const excel = workbook();
    await excel.run({}, async (ctx) => {
      const below = ctx.workbook.tables.getItem("FollowUps").getDataBodyRange().getRowsBelow(1);
      await ctx.sync();
      excel.coauthor.insert("FollowUps", 0, [["F-CO", 1, "C-9"]]);
      below.values = [["mine", 2, "C-2"]];
      await ctx.sync();
    });
    // Row 5 (0-based 4) was below the table when the range was made; it now holds F-2, which we overwrote.
    expect(excel.sheet("FollowUps").value(4, 0)).toBe("mine");
    expect(excel.table("FollowUps").rows).toBe(4);
  });

  it.each([
    ["below the table, to row 2001 (the old templates)", { row: 1, rows: 2000 }, 3],
    ["on the entire column", { row: 0, rows: 1_048_576 }, 4],
    ["on the table's own rows only", { row: 1, rows: 3 }, 4],
  ])("data validation %s: rows written below the table join it only when none sits below (co-authoring guidance)", async (_label, where, rows) => {
    const excel = workbook();
    const sheet = excel.sheet("FollowUps");
    seedValidation({ sheet, col: 0, cols: 3, ...where }, { type: "List" });
    await excel.run({}, async (ctx) => {
      ctx.workbook.tables.getItem("FollowUps").getDataBodyRange().getRowsBelow(1).values = [["F-3", 46003, "C-1"]];
      await ctx.sync();
    });
    expect(excel.table("FollowUps").rows).toBe(rows);
  });

  it("a table column's data validation grows with the table", async () => {
    const excel = workbook();
    const sheet = excel.sheet("FollowUps");
    seedValidation({ sheet, row: 1, col: 2, rows: 3, cols: 1 }, { type: "List" });
    await excel.run({}, async (ctx) => {
      ctx.workbook.tables.getItem("FollowUps").getDataBodyRange().getRowsBelow(2).values = [["F-3", 1, "C-1"], ["F-4", 2, "C-1"]];
      await ctx.sync();
    });
    expect(sheet.validations[0].boxes).toEqual([{ row: 1, col: 2, rows: 5, cols: 1 }]);
  });

  it("every call weighs in the request, not only its values, and 5 MB of calls is refused", async () => {
    const excel = workbook();
    const cells = 30_000;
    const code = await codeOf(excel, (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("FollowUps");
      for (let i = 0; i < cells; i++) sheet.getRangeByIndexes(10 + i, 5, 1, 1).values = [["x"]];
    });
    // The values alone are 30,000 × 7 bytes; the calls (make a range, set its values) are 30,000 × 2 × CALL_BYTES.
    expect(cells * 7).toBeLessThan(excel.payloadLimit / 20);
    expect(2 * cells * CALL_BYTES).toBeGreaterThan(excel.payloadLimit);
    expect(code).toBe("RequestPayloadSizeLimitExceeded");
  });

  it("reading more than 5,000,000 cells at once fails with RangeExceedsLimit, even where payloads are unlimited (desktop)", async () => {
    const excel = workbook();
    excel.payloadLimit = Infinity;
    expect(await codeOf(excel, (ctx) => void ctx.workbook.worksheets.getItem("FollowUps").getRangeByIndexes(0, 0, 2_500_001, 2).load("values"))).toBe("RangeExceedsLimit");
    expect(await codeOf(excel, (ctx) => void ctx.workbook.worksheets.getItem("FollowUps").getRangeByIndexes(0, 0, 1_000_000, 2).load("rowCount"))).toBeUndefined();
  });

  it("text written into General cells that starts with = + - @ becomes a formula; in Text cells it stays text", async () => {
    const excel = workbook();
    await excel.run({}, async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("FollowUps");
      sheet.getRangeByIndexes(10, 0, 1, 4).values = [["=1+1", "+86 138", "-x", "@SUM(A1)"]];
      const text = sheet.getRangeByIndexes(11, 0, 1, 4);
      text.numberFormat = [["@", "@", "@", "@"]];
      text.values = [["=1+1", "+86 138", "-x", "@SUM(A1)"]];
      await ctx.sync();
    });
    const s = excel.sheet("FollowUps");
    expect([0, 1, 2, 3].map((c) => s.formula(10, c))).toEqual(["=1+1", "=+86 138", "=-x", "=@SUM(A1)"]);
    expect([0, 1, 2, 3].map((c) => [s.value(11, c), s.formula(11, c)])).toEqual([["=1+1", undefined], ["+86 138", undefined], ["-x", undefined], ["@SUM(A1)", undefined]]);
  });

  it.each([
    ["周报/2026", "InvalidArgument"],
    ["Review [Q3]", "InvalidArgument"],
    ["a name of thirty-two characters!", "InvalidArgument"],
    ["'quoted'", "InvalidArgument"],
    ["History", "InvalidArgument"],
    ["followups", "ItemAlreadyExists"],
    ["季度考核 2026-Q3", undefined],
  ])("a sheet named %j: %s", async (name, code) => {
    expect(await codeOf(workbook(), (ctx) => void ctx.workbook.worksheets.add(name))).toBe(code);
  });

  it.each([
    ["1Sales", "InvalidArgument"],
    ["Sales 2026", "InvalidArgument"],
    ["A1", "InvalidArgument"],
    ["XFD1048576", "InvalidArgument"],
    ["R1C1", "InvalidArgument"],
    ["r", "InvalidArgument"],
    ["Sales_2026.Q3", undefined],
    ["\\Sales", undefined],
    ["客户", undefined],
  ])("a table named %j: %s", async (name, code) => {
    expect(await codeOf(workbook(), (ctx) => void (ctx.workbook.tables.getItem("FollowUps").name = name))).toBe(code);
  });

  it("a sync can never answer, as the first sync of a large workbook on the web has been reported to", async () => {
    const excel = workbook();
    excel.unansweredSyncs = 1;
    const first = excel.run({}, async (ctx) => {
      ctx.workbook.tables.getItem("FollowUps").getHeaderRowRange().load("values");
      await ctx.sync();
      return "answered";
    });
    const later = await Promise.race([first, new Promise((r) => setTimeout(() => r("still waiting"), 100))]);
    expect(later).toBe("still waiting");
    expect(excel.stats.unanswered).toBe(1);
  });

  it("tables' onChanged runs after a co-author's change, with source Remote", async () => {
    const excel = workbook();
    const seen: string[] = [];
    await excel.run({}, async (ctx) => {
      ctx.workbook.tables.onChanged.add(async (args) => void seen.push(`${args.tableId} ${args.source}`));
      await ctx.sync();
    });
    excel.coauthor.append("FollowUps", ["F-CO", 1, "C-1"]);
    expect(seen).toEqual(["FollowUps Remote"]);
  });
});
