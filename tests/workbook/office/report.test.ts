/**
 * The Office.js adapter's sheet-level work on the fake Excel: report sheets
 * with Excel's own features (conditional formats, data bars, charts, A4
 * print setup) in one write sync, and ensureStructure creating what a
 * workbook lacks without touching what it has.
 */
import { describe, expect, it } from "vitest";
import type { ReportSheet } from "../../../core/report/sheet";
import { SCHEMA, TABLE_NAMES } from "../../../core/contract/schema";
import { OfficeWorkbook } from "../../../workbook/office/office-workbook";
import { FakeExcel } from "../../fakes/fake-excel";
import { value, issues } from "../../support/result";

const modern = { isSetSupported: (name: string) => name === "ExcelApi" };
const portOn = (excel: FakeExcel) => new OfficeWorkbook({ run: excel.run, requirements: modern });

const REVIEW: ReportSheet = {
  name: "季度考核 2026-Q3",
  cells: [
    { row: 1, col: 1, value: "季度考核 2026-Q3", style: { bold: true, size: 16 } },
    { row: 3, col: 1, value: "业务员", style: { bold: true, fill: "DDEBF7", border: true } },
    { row: 3, col: 2, value: "到款", style: { bold: true, fill: "DDEBF7", border: true } },
    { row: 3, col: 3, value: "结果", style: { bold: true, fill: "DDEBF7", border: true } },
    { row: 4, col: 1, value: "=王芳" },
    { row: 4, col: 2, value: 1234567.891, style: { format: "money", align: "right" } },
    { row: 4, col: 3, value: "通过" },
    { row: 5, col: 1, value: "李雷" },
    { row: 5, col: 2, value: 0.256, style: { format: "percent" } },
    { row: 5, col: 3, value: "未通过" },
  ],
  merges: [{ fromRow: 1, fromCol: 1, toRow: 1, toCol: 3 }],
  columnWidths: [12, 16, 10],
  freezeRows: 3,
  conditional: [{ block: { fromRow: 4, fromCol: 3, toRow: 5, toCol: 3 }, equals: "未通过", fill: "FFC7CE", color: "9C0006" }],
  dataBars: [{ block: { fromRow: 4, fromCol: 2, toRow: 5, toCol: 2 }, color: "5B9BD5" }],
  charts: [{ kind: "bar", title: "到款", data: { fromRow: 3, fromCol: 1, toRow: 5, toCol: 2 }, anchor: { row: 7, col: 1 } }],
  print: { orientation: "landscape", paper: "A4", fitToWidth: 1, scale: 100, titleRows: { from: 1, to: 3 }, header: { center: "季度考核" }, footer: { right: "第 &P 页，共 &N 页" } },
};

describe("report sheets use Excel's own features", () => {
  it("writes cells, formats, merges, widths, marks, bars, a chart and A4 print setup in one write sync", async () => {
    const excel = new FakeExcel();
    excel.addSheet("客户");
    expect(value(await portOn(excel).writeReportSheet(REVIEW))).toEqual({ name: REVIEW.name });
    expect(excel.stats.syncs).toBe(2); // one to look, one to write
    const s = excel.sheet(REVIEW.name);
    expect(s.value(3, 0)).toBe("=王芳");
    expect(s.formula(3, 0)).toBeUndefined();
    expect(s.format(3, 1)).toBe("#,##0.00");
    expect(s.format(4, 1)).toBe("0.0%");
    expect(s.styles.get("0,0")).toMatchObject({ bold: true, size: 16 });
    expect(s.styles.get("2,2")).toMatchObject({ fill: "#DDEBF7", borderEdgeTop: "Continuous" });
    expect(s.merges).toEqual([`'${REVIEW.name}'!A1:C1`]);
    expect(s.columnWidths.get(1)).toBeGreaterThan(s.columnWidths.get(0) ?? 0);
    expect(s.frozenRows).toBe(3);
    expect(s.conditionalFormats).toEqual([
      { type: "CellValue", address: `'${REVIEW.name}'!C4:C5`, props: { "cellValue.rule": { formula1: '="未通过"', operator: "EqualTo" }, "cellValue.format.fill.color": "#FFC7CE", "cellValue.format.font.color": "#9C0006" } },
      { type: "DataBar", address: `'${REVIEW.name}'!B4:B5`, props: { "dataBar.positiveFormat.fillColor": "#5B9BD5" } },
    ]);
    expect(s.charts).toEqual([{ type: "BarClustered", source: `'${REVIEW.name}'!A3:B5`, props: { seriesBy: "Columns", "title.text": "到款", position: `'${REVIEW.name}'!A7:'${REVIEW.name}'!H22` } }]);
    expect(s.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { scale: 100 },
      printTitleRows: "$1:$3",
      printArea: "A1:C5",
      "headersFooters.defaultForAllPages.centerHeader": "季度考核",
      "headersFooters.defaultForAllPages.rightFooter": "第 &P 页，共 &N 页",
    });
  });

  it("replaces an earlier report of the same name", async () => {
    const excel = new FakeExcel();
    const port = portOn(excel);
    value(await port.writeReportSheet(REVIEW));
    value(await port.writeReportSheet({ ...REVIEW, cells: [{ row: 1, col: 1, value: "v2" }], charts: [] }));
    expect(excel.state.sheets.filter((s) => s.name === REVIEW.name)).toHaveLength(1);
    expect(excel.sheet(REVIEW.name).value(3, 0)).toBeNull();
    expect(excel.sheet(REVIEW.name).charts).toEqual([]);
  });

  it("never replaces a sheet holding a table, whatever its name", async () => {
    const excel = new FakeExcel();
    excel.seed({ sheet: "My pipeline", table: "Pipeline", headers: ["A"], rows: [["x"]] });
    expect(issues(await portOn(excel).writeReportSheet({ ...REVIEW, name: "My pipeline" })).map((i) => i.code)).toEqual(["data-sheet"]);
    expect(excel.sheet("My pipeline").value(1, 0)).toBe("x");
  });
});

describe("ensureStructure", () => {
  it("creates every table of an empty workbook in three syncs, then finds nothing to do", async () => {
    const excel = new FakeExcel();
    const port = portOn(excel);
    const report = value(await port.ensureStructure("zh-CN"));
    expect(report).toEqual({ createdTables: [...TABLE_NAMES], addedColumns: [] });
    expect(excel.stats.syncs).toBe(3);
    for (const name of TABLE_NAMES) {
      const t = excel.table(name);
      expect(t.sheet.name).toBe(SCHEMA[name].sheet.zh);
      expect(excel.grid(t.sheet.name).values[0]).toEqual(SCHEMA[name].columns.map((c) => c.zh));
      expect(t.sheet.frozenRows).toBe(1);
    }
    expect(excel.sheet("客户").format(1, SCHEMA.Customers.columns.findIndex((c) => c.key === "CreatedOn"))).toBe("yyyy-mm-dd");
    expect(value(await port.ensureStructure("zh-CN"))).toEqual({ createdTables: [], addedColumns: [] });
  });

  it("creates a table on an empty sheet of its name", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Payments");
    expect(value(await portOn(excel).ensureStructure("en-US")).createdTables).toContain("Payments");
    expect(excel.table("Payments").sheet.name).toBe("Payments");
  });

  it("refuses a sheet with content but no header row, and creates nothing", async () => {
    const excel = new FakeExcel();
    excel.addSheet("收款").setRaw(4, 2, "notes");
    const found = issues(await portOn(excel).ensureStructure("zh-CN"));
    expect(found).toEqual([expect.objectContaining({ sheet: "收款", code: "sheet-not-empty" })]);
    expect(excel.state.tables).toEqual([]);
    expect(excel.state.sheets.map((s) => s.name)).toEqual(["收款"]);
  });

  it("adds missing columns to a plain sheet right of its last column, in the sheet's language", async () => {
    const excel = new FakeExcel();
    excel.seed({ sheet: "业务员", headers: ["姓名", "入职日期", "备注"], rows: [["王芳", 46000, "x"]] });
    const report = value(await portOn(excel).ensureStructure("en-US"));
    expect(report.addedColumns).toEqual(["Manager", "BaseSalaryCNY", "Active", "Email"].map((column) => ({ table: "Salespeople", column })));
    expect(excel.grid("业务员").values).toEqual([
      ["姓名", "入职日期", "备注", "经理", "底薪", "在职", "邮箱"],
      ["王芳", 46000, "x", null, null, null, null],
    ]);
  });
});
