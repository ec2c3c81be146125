/**
 * The Office.js adapter (workbook/office) on the fake Excel: payload-bounded
 * reads and writes, appends the co-authoring way, literal text, the 1904 date
 * system, rows found by ID after others changed the sheet, and Excel's errors
 * in words (the version check: requirements.test.ts).
 */
import { describe, expect, it } from "vitest";
import { serialFromDateTime, serialFromYMD } from "../../../core/contract/dates";
import type { CellValue } from "../../../core/contract/raw";
import { OfficeWorkbook } from "../../../workbook/office/office-workbook";
import { DEFAULT_LIMITS, type PayloadLimits } from "../../../workbook/office/payload";
import { PROBE_ROWS } from "../../../workbook/office/table-view";
import { INJECTION_PAYLOADS } from "../../contract/injection-payloads";
import { FakeExcel } from "../../fakes/fake-excel";
import { value, issues } from "../../support/result";

const upTo = (minor: number) => ({ isSetSupported: (name: string, version?: string) => name === "ExcelApi" && Number((version ?? "1.1").split(".")[1]) <= minor });
const modern = upTo(17);

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

const FOLLOWUP_HEADERS = ["FollowUpID", "Date", "CustomerID", "Salesperson", "Channel", "Direction", "Purpose", "Summary", "NextStep", "NextDate", "Satisfaction"];
const day = serialFromYMD(2026, 11, 27);
const followUpId = (i: number) => `F-261127-${String(i).padStart(7, "0")}`;
function followUps(n: number): CellValue[][] {
  return Array.from({ length: n }, (_, i) => [followUpId(i), day - (i % 700) + 0.375, `C-2601${String(i % 97).padStart(2, "0")}-K3QXA`, i % 2 ? "王芳" : "李雷", i % 3 ? "Email" : "WhatsApp", i % 5 ? "Out" : "In"]);
}
function workbookWith(rows: number, table = true): FakeExcel {
  const excel = new FakeExcel();
  excel.seed({ sheet: "FollowUps", table: table ? "FollowUps" : undefined, headers: FOLLOWUP_HEADERS, rows: followUps(rows) });
  return excel;
}
const portOn = (excel: FakeExcel, limits: PayloadLimits = DEFAULT_LIMITS, requirements = modern) => new OfficeWorkbook({ run: excel.run, requirements, limits });
const newFollowUp = (id: string, extra: Record<string, CellValue> = {}) => ({ FollowUpID: id, Date: day + 0.5, CustomerID: "C-260105-K3QXA", Salesperson: "王芳", Channel: "Email", Direction: "Out", ...extra });

describe("reads stay under Excel's payload limits in few syncs", () => {
  it("reads 4 columns of a 500,000-row FollowUps table in a bounded number of syncs, none over 4 MB", async () => {
    const excel = workbookWith(500_000);
    const t = value(await portOn(excel).readTable("FollowUps", ["Date", "CustomerID", "Channel", "Direction"]));
    expect(t.rows).toHaveLength(500_000);
    const [, date, customer, , channel, direction] = followUps(500_000)[499_999];
    expect(t.rows[499_999]).toEqual({ rowNumber: 500_001, cells: { Date: date, CustomerID: customer, Channel: channel, Direction: direction } });
    // One sync opens the table; the rest carry at most maxBytes / safety of cells each (+1 for the last, partial one).
    const carried = sum(excel.stats.responses);
    const bound = 1 + Math.ceil((carried * DEFAULT_LIMITS.safety) / DEFAULT_LIMITS.maxBytes) + 1;
    expect(excel.stats.syncs).toBeLessThanOrEqual(bound);
    expect(bound).toBeLessThanOrEqual(10);
    expect(Math.max(...excel.stats.responses)).toBeLessThan(4_000_000);
    expect(Math.max(...excel.stats.requests)).toBeLessThan(4_000_000);
    expect(excel.stats.rejected).toBe(0);
  }, 60_000);

  it("halves the rows per sync when Excel refuses a response as too large, and still reads every row", async () => {
    const excel = workbookWith(60_000);
    excel.payloadLimit = 1_000_000; // a host stricter than the adapter's 4 MB plan
    const t = value(await portOn(excel).readTable("FollowUps"));
    expect(excel.stats.rejected).toBeGreaterThanOrEqual(1);
    expect(t.rows).toHaveLength(60_000);
    expect(t.rows.map((r) => r.cells.FollowUpID)).toEqual(Array.from({ length: 60_000 }, (_, i) => followUpId(i)));
    expect(Math.max(...excel.stats.responses)).toBeLessThanOrEqual(1_000_000);
  }, 30_000);

  it("reads a small table (within the first slice) in one sync", async () => {
    const excel = workbookWith(PROBE_ROWS - 1);
    value(await portOn(excel).readTable("FollowUps"));
    expect(excel.stats.syncs).toBe(1);
  });

  it("writes a large append in blocks, each request under the limit", async () => {
    const excel = workbookWith(10);
    const limits = { ...DEFAULT_LIMITS, maxBytes: 200_000 };
    const rows = Array.from({ length: 5_000 }, (_, i) => newFollowUp(`F-261128-${String(i).padStart(5, "0")}`, { Summary: "报价已发送，等待回复" }));
    expect(value(await portOn(excel, limits).appendRows("FollowUps", rows))).toEqual({ firstRow: 12, count: 5_000 });
    expect(Math.max(...excel.stats.requests)).toBeLessThan(200_000);
    expect(excel.table("FollowUps").rows).toBe(5_010);
    const t = value(await portOn(excel).readTable("FollowUps", ["FollowUpID", "Summary"]));
    expect(t.rows[5_009].cells).toEqual({ FollowUpID: "F-261128-04999", Summary: "报价已发送，等待回复" });
  });
});

describe("appends write into the rows below the table, never table.rows.add", () => {
  it.each([
    ["an Excel 2021+ host (Table.resize available)", upTo(17)],
    ["an Excel 2019 host (auto-expansion alone)", upTo(9)],
  ])("on %s the table grows to take the new rows", async (_label, requirements) => {
    const excel = workbookWith(3);
    const out = value(await portOn(excel, DEFAULT_LIMITS, requirements).appendRows("FollowUps", [newFollowUp("F-X1"), newFollowUp("F-X2")]));
    expect(out).toEqual({ firstRow: 5, count: 2 });
    expect(excel.stats.rowsAdd).toBe(0);
    expect(excel.stats.suspendCalls).toBeGreaterThanOrEqual(1);
    expect(excel.table("FollowUps").rows).toBe(5);
    expect(excel.sheet("FollowUps").value(4, 0)).toBe("F-X1");
    expect(excel.sheet("FollowUps").value(5, 4)).toBe("Email");
  });

  it("refuses to write over cells below the table, and writes nothing", async () => {
    const excel = workbookWith(3);
    excel.sheet("FollowUps").setRaw(5, 2, "someone's note");
    const found = issues(await portOn(excel).appendRows("FollowUps", [newFollowUp("F-X1"), newFollowUp("F-X2")]));
    expect(found.map((i) => i.code)).toEqual(["cells-below-table"]);
    expect(found[0].message.en).toContain("FollowUps!C6");
    expect(excel.sheet("FollowUps").value(4, 0)).toBeNull();
  });

  it("fills a fresh table's empty row first", async () => {
    const excel = new FakeExcel();
    excel.seed({ sheet: "FollowUps", table: "FollowUps", headers: FOLLOWUP_HEADERS, rows: [] });
    expect(value(await portOn(excel).appendRows("FollowUps", [newFollowUp("F-X1"), newFollowUp("F-X2")]))).toEqual({ firstRow: 2, count: 2 });
    expect(excel.table("FollowUps").rows).toBe(2);
  });
});

describe("text stays literal text", () => {
  it("the fake is strict: text written without the Text format becomes a formula", async () => {
    const excel = workbookWith(1);
    await excel.run({}, async (ctx) => {
      ctx.workbook.worksheets.getItemOrNullObject("FollowUps").getRangeByIndexes(5, 0, 1, 2).values = [["=1+1", "-5"]];
      await ctx.sync();
    });
    expect(excel.sheet("FollowUps").formula(5, 0)).toBe("=1+1");
    expect(excel.sheet("FollowUps").value(5, 1)).toBe(-5);
  });

  it.each(INJECTION_PAYLOADS.map((p) => [JSON.stringify(p), p]))("%s is appended as that text, in a Text cell", async (_label, payload) => {
    const excel = workbookWith(2);
    value(await portOn(excel).appendRows("FollowUps", [newFollowUp("F-INJ", { Summary: payload })]));
    const sheet = excel.sheet("FollowUps");
    expect(sheet.value(3, 7)).toBe(payload);
    expect(sheet.formula(3, 7)).toBeUndefined();
    expect(sheet.format(3, 7)).toBe("@");
  });
});

describe("the 1904 date system", () => {
  const when = serialFromDateTime(2026, 11, 27, 9, 30);
  it("reads a 1904 workbook's dates as 1900 serials and writes them back in 1904", async () => {
    const excel = new FakeExcel();
    excel.date1904 = true;
    excel.seed({ sheet: "FollowUps", table: "FollowUps", headers: FOLLOWUP_HEADERS, rows: [["F-1", when - 1462, "C-1", "王芳", "Email", "Out"]] });
    const port = portOn(excel);
    expect(value(await port.readTable("FollowUps", ["Date"])).rows[0].cells.Date).toBeCloseTo(when, 9);
    value(await port.appendRows("FollowUps", [newFollowUp("F-2", { Date: when, NextDate: "2026-12-01" })]));
    expect(excel.sheet("FollowUps").value(2, 1)).toBeCloseTo(when - 1462, 9);
    expect(excel.sheet("FollowUps").value(2, 9)).toBe(serialFromYMD(2026, 12, 1) - 1462);
    value(await port.updateRows("FollowUps", [{ id: "F-1", values: { NextDate: serialFromYMD(2027, 1, 4) } }]));
    expect(value(await port.readTable("FollowUps", ["FollowUpID", "NextDate"])).rows[0].cells.NextDate).toBe(serialFromYMD(2027, 1, 4));
  });

  it("refuses a date a 1904 workbook cannot hold, naming the cell", async () => {
    const excel = workbookWith(1);
    excel.date1904 = true;
    const found = issues(await portOn(excel).appendRows("FollowUps", [newFollowUp("F-OLD", { Date: serialFromYMD(1903, 6, 1) })]));
    expect(found[0]).toMatchObject({ sheet: "FollowUps", row: 3, column: "Date", code: "date-before-1904" });
  });
});

describe("updates find their row by ID as the table is now", () => {
  it("after another user sorted a table larger than one read slice", async () => {
    const excel = workbookWith(PROBE_ROWS * 3);
    const port = portOn(excel);
    const before = value(await port.readTable("FollowUps", ["FollowUpID"]));
    expect(before.rows[10]).toEqual({ rowNumber: 12, cells: { FollowUpID: followUpId(10) } });
    excel.rewrite("FollowUps", (grid) => [grid[0], ...grid.slice(1).reverse()]);
    value(await port.updateRows("FollowUps", [{ id: followUpId(10), values: { Summary: "=sorted", Satisfaction: 5 } }]));
    const row = PROBE_ROWS * 3 - 10; // 0-based sheet row after the reverse
    expect(excel.sheet("FollowUps").value(row, 0)).toBe(followUpId(10));
    expect(excel.sheet("FollowUps").value(row, 7)).toBe("=sorted");
    expect(excel.sheet("FollowUps").formula(row, 7)).toBeUndefined();
    expect(excel.sheet("FollowUps").value(row, 10)).toBe(5);
    expect(excel.sheet("FollowUps").value(11, 7)).toBeNull();
  });
});

describe("Excel's errors come back as issues in both languages", () => {
  it.each([
    ["the user is typing in a cell and the host ignores delayForCellEdit", (x: FakeExcel) => Object.assign(x, { cellEditMode: true, ignoresDelayForCellEdit: true }), "excel-InvalidOperationInCellEditMode", "单元格编辑", "cell-edit mode"],
    ["the sheet is protected", (x: FakeExcel) => void (x.sheet("FollowUps").protected_ = true), "excel-AccessDenied", "工作表受保护", "protected"],
    ["another user deletes the sheet while we work", (x: FakeExcel) => Object.assign(x, { beforeSync: (n: number) => n === 2 && x.state.sheets.splice(0, 1) && x.state.tables.splice(0, 1) }), "missing-table", "没有名为", "no table named"],
  ])("when %s", async (_label, arrange, code, zh, en) => {
    const excel = workbookWith(3);
    const sheet = excel.sheet("FollowUps");
    arrange(excel);
    const found = issues(await portOn(excel).appendRows("FollowUps", [newFollowUp("F-E1")]));
    expect(found[0].code).toBe(code);
    expect(found[0].message.zh).toContain(zh);
    expect(found[0].message.en).toContain(en);
    expect(sheet.value(4, 0)).toBeNull();
  });

  it("asks Excel to wait while the user finishes typing, so the batch succeeds", async () => {
    const excel = workbookWith(3);
    excel.cellEditMode = true;
    value(await portOn(excel).appendRows("FollowUps", [newFollowUp("F-W1")]));
    expect(excel.runOptions.every((o) => o.delayForCellEdit === true)).toBe(true);
    expect(excel.stats.delayedForCellEdit).toBe(1);
  });

  it("a property read before load() and sync() throws PropertyNotLoaded, as in Excel", async () => {
    const excel = workbookWith(1);
    await excel.run({}, async (ctx) => {
      const range = ctx.workbook.tables.getItem("FollowUps").getHeaderRowRange();
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      await ctx.sync();
      expect(range.values[0][0]).toBe("FollowUpID");
    });
  });
});
