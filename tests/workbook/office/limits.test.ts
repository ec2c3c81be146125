/**
 * The Office.js adapter against Excel's documented limits, on the strict
 * fake: 5 MB requests and responses on the web (calls included), 5,000,000
 * cells per read everywhere, a first sync that never answers, and tables
 * whose template left data validation below them.
 */
import { describe, expect, it } from "vitest";
import { serialFromYMD } from "../../../core/contract/dates";
import type { CellValue } from "../../../core/contract/raw";
import type { ReportSheet } from "../../../core/report/sheet";
import { OfficeWorkbook } from "../../../workbook/office/office-workbook";
import { DEFAULT_LIMITS } from "../../../workbook/office/payload";
import { seedConditional, seedValidation } from "../../fakes/fake-excel-format";
import { FakeExcel } from "../../fakes/fake-excel";
import { issues, value } from "../../support/result";

const HEADERS = ["FollowUpID", "Date", "CustomerID", "Salesperson", "Channel", "Direction", "Purpose", "Summary", "NextStep", "NextDate", "Satisfaction"];
const day = serialFromYMD(2026, 11, 27);
const upTo = (minor: number) => ({ isSetSupported: (name: string, version?: string) => name === "ExcelApi" && Number((version ?? "1.1").split(".")[1]) <= minor });
const id = (i: number) => `F-${String(i).padStart(7, "0")}`;
const WEB_LIMIT = 5 * 1024 * 1024;

function workbook(rows: readonly CellValue[][]): FakeExcel {
  const excel = new FakeExcel();
  excel.seed({ sheet: "FollowUps", table: "FollowUps", headers: HEADERS, rows });
  return excel;
}
const newRow = (followUp: string) => ({ FollowUpID: followUp, Date: day, CustomerID: "C-1", Salesperson: "王芳", Channel: "Email", Direction: "Out" });

describe("every read and write stays under Excel's limits", () => {
  it("reads a table of 10 KB rows: the first look is halved until Excel accepts it, then sized from what the rows weigh", async () => {
    const note = "报价已发送，等待客户回复。".repeat(300).slice(0, 3_500); // 10,500 bytes of UTF-8
    const excel = workbook(Array.from({ length: 1_200 }, (_, i) => [id(i), day, "C-1", "王芳", "Email", "Out", "Quote", note, "", null, 3]));
    const t = value(await new OfficeWorkbook({ run: excel.run, requirements: upTo(17) }).readTable("FollowUps"));
    expect(t.rows).toHaveLength(1_200);
    expect(t.rows[1_199].cells.Summary).toBe(note);
    expect(Math.max(...excel.stats.responses)).toBeLessThanOrEqual(WEB_LIMIT);
    expect(excel.stats.rejected).toBe(1); // 500 rows × 10 KB in the first look; 250 fit
  });

  it("reads 5,200,000 cells where payloads are unlimited (desktop), halving a read Excel refuses as over 5,000,000 cells", async () => {
    const rows = 520_000;
    const excel = workbook(Array.from({ length: rows }, (_, i) => [id(i), day, "C", "王", "E", "O", "", "", "", null, 1]));
    excel.payloadLimit = Infinity;
    const desktop = { ...DEFAULT_LIMITS, maxBytes: 1e12, maxCellsPerRange: 10_000_000, maxCellsPerSync: 10_000_000 };
    const t = value(await new OfficeWorkbook({ run: excel.run, requirements: upTo(17), limits: desktop }).readTable("FollowUps", HEADERS.slice(0, 10)));
    expect(t.rows).toHaveLength(rows);
    expect(t.rows[rows - 1].cells.FollowUpID).toBe(id(rows - 1));
    expect(excel.stats.rejected).toBe(0);
    expect(excel.stats.syncs).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it("updates 12,000 rows in syncs whose calls, not only values, stay under 5 MB", async () => {
    // A short text each: about 40 bytes of values a row, but four calls (two ranges, a format, the values).
    const rows = 12_000;
    const excel = workbook(Array.from({ length: rows }, (_, i) => [id(i), day, "C-1", "王芳", "Email", "Out"]));
    const updates = Array.from({ length: rows }, (_, i) => ({ id: id(i), values: { NextStep: `call ${i % 7}` } }));
    expect(value(await new OfficeWorkbook({ run: excel.run, requirements: upTo(17) }).updateRows("FollowUps", updates))).toEqual({ count: rows });
    expect(excel.stats.rejected).toBe(0);
    expect(Math.max(...excel.stats.requests)).toBeLessThan(WEB_LIMIT);
    expect(excel.sheet("FollowUps").value(rows, 8)).toBe(`call ${(rows - 1) % 7}`);
  }, 120_000);
});

describe("the first sync has a timeout", () => {
  it("says Excel is not answering, in both languages, and a retry goes through once it answers", async () => {
    const excel = workbook([[id(1), day, "C-1"]]);
    excel.unansweredSyncs = 1;
    const port = new OfficeWorkbook({ run: excel.run, requirements: upTo(17), firstSyncTimeoutMs: 50 });
    const found = issues(await port.readTable("FollowUps"));
    expect(found.map((i) => i.code)).toEqual(["excel-not-answering"]);
    expect(found[0].message.zh).toContain("重试");
    expect(found[0].message.en).toContain("Retry");
    expect(value(await port.readTable("FollowUps")).rows).toHaveLength(1);
    // Once Excel has answered, later work is not timed.
    excel.unansweredSyncs = 0;
    expect(value(await port.readTable("FollowUps", ["FollowUpID"])).rows).toHaveLength(1);
  });
});

describe("a table whose template put data validation below it still takes new rows", () => {
  function oldTemplate(): FakeExcel {
    const excel = workbook([[id(1), day, "C-1", "王芳", "Email", "Out"]]);
    const sheet = excel.sheet("FollowUps");
    // As the old templates did: dropdowns and the overdue highlight from row 2 to row 2001.
    seedValidation({ sheet, row: 1, col: 4, rows: 2000, cols: 2 }, { type: "List" });
    seedConditional({ sheet, row: 1, col: 9, rows: 2000, cols: 1 }, "Custom");
    return excel;
  }

  it("on Excel 2019 (no Table.resize) the validation below is cleared and the table grows, append after append", async () => {
    const excel = oldTemplate();
    const port = new OfficeWorkbook({ run: excel.run, requirements: upTo(9) });
    expect(value(await port.appendRows("FollowUps", [newRow("F-A")]))).toEqual({ firstRow: 3, count: 1 });
    expect(value(await port.appendRows("FollowUps", [newRow("F-B")]))).toEqual({ firstRow: 4, count: 1 });
    expect(excel.table("FollowUps").rows).toBe(3);
    const sheet = excel.sheet("FollowUps");
    // The rules stay on the table's own rows and grew with it; nothing below.
    expect(sheet.validations.flatMap((v) => v.boxes)).toEqual([{ row: 1, col: 4, rows: 3, cols: 2 }]);
    expect(sheet.conditionalAreas.flatMap((a) => a.boxes)).toEqual([{ row: 1, col: 9, rows: 3, cols: 1 }]);
  });

  it("the structure check (ensureStructure) takes them off the cells below the table and says so", async () => {
    const excel = oldTemplate();
    const port = new OfficeWorkbook({ run: excel.run, requirements: upTo(9) });
    const report = value(await port.ensureStructure("en-US"));
    expect(report.mendedTables).toEqual(["FollowUps"]);
    const sheet = excel.sheet("FollowUps");
    expect(sheet.validations.flatMap((v) => v.boxes)).toEqual([{ row: 1, col: 4, rows: 1, cols: 2 }]);
    expect(sheet.conditionalAreas.flatMap((a) => a.boxes)).toEqual([{ row: 1, col: 9, rows: 1, cols: 1 }]);
    expect(value(await port.ensureStructure("en-US")).mendedTables).toBeUndefined();
  });

  it("when the table still does not grow (AutoCorrect off, no Table.resize), the rows are taken back and the next append is not stuck", async () => {
    const excel = workbook([[id(1), day, "C-1", "王芳", "Email", "Out"]]);
    excel.state.autoExpandTables = false;
    const port = new OfficeWorkbook({ run: excel.run, requirements: upTo(9) });
    for (const attempt of ["F-A", "F-B"]) {
      const found = issues(await port.appendRows("FollowUps", [newRow(attempt)]));
      expect(found.map((i) => i.code)).toEqual(["table-not-expanded"]);
      expect(found[0].message.en).toContain("the form keeps them");
      expect(excel.sheet("FollowUps").value(2, 0)).toBeNull();
    }
    excel.state.autoExpandTables = true;
    expect(value(await port.appendRows("FollowUps", [newRow("F-C")]))).toEqual({ firstRow: 3, count: 1 });
  });
});

describe("sheet names follow Excel's rules", () => {
  it("a report named with a slash is written under a name Excel accepts", async () => {
    const excel = workbook([]);
    const sheet: ReportSheet = {
      name: "周报 2026-W47 王芳/Li",
      cells: [{ row: 1, col: 1, value: "周报" }],
      merges: [],
      columnWidths: [10],
      freezeRows: 0,
      conditional: [],
      dataBars: [],
      charts: [],
      print: { orientation: "portrait", paper: "A4", fitToWidth: 1, scale: 100, header: {}, footer: {} },
    };
    const out = value(await new OfficeWorkbook({ run: excel.run, requirements: upTo(17) }).writeReportSheet(sheet));
    // The slash replaced, and a tag of the original so "王芳/Li" and "王芳:Li" never share a sheet (core/report/sheet.ts).
    expect(out.name).toBe("周报 2026-W47 王芳-Li~e8hd");
    expect(excel.sheet(out.name).value(0, 0)).toBe("周报");
  });
});
