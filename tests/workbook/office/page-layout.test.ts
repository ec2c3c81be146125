/**
 * The Office adapter's print setup (workbook/office/page-layout.ts) against
 * Office.js as documented: the values it sets are members of
 * @types/office-js's enums, read from the type definitions themselves; the
 * fake Excel, whose pageLayout refuses what the reference does not allow,
 * takes every setting of a report and of the data sheets ensureStructure
 * creates; and it refuses the fit-to-pages zoom with verticalFitToPages 0
 * that the adapter used to send (undocumented, and office-js #1860 reports
 * fit-to-pages not applied in some hosts).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SCHEMA, TABLE_NAMES } from "../../../core/contract/schema";
import { dataSheetPrint } from "../../../core/report/data-sheet-print";
import { SIGN_ROW_POINTS } from "../../../core/report/sign-off";
import { OfficeWorkbook } from "../../../workbook/office/office-workbook";
import { ORIENTATION, PAPER, zoomOf } from "../../../workbook/office/page-layout";
import { FakeExcel } from "../../fakes/fake-excel";
import { PAGE_ORIENTATIONS, PAPER_TYPES } from "../../fakes/fake-excel-page-layout";
import { value } from "../../support/result";
import { reviewReport } from "../xlsx/package/support";

const modern = { isSetSupported: (name: string) => name === "ExcelApi" };
const portOn = (excel: FakeExcel) => new OfficeWorkbook({ run: excel.run, requirements: modern });

/** The string values of `enum name { … }` in the Excel namespace of @types/office-js. */
function excelEnum(name: string): string[] {
  const types = readFileSync(require.resolve("@types/office-js/index.d.ts"), "utf8");
  const excel = types.indexOf("declare namespace Excel {");
  const start = types.indexOf(`enum ${name} {`, excel);
  const body = types.slice(start, types.indexOf("}", start));
  return [...body.matchAll(/^\s*\w+ = "([^"]+)",?\s*$/gm)].map((m) => m[1]);
}

describe("the values set are Office.js's own (@types/office-js)", () => {
  it("the fake knows exactly Excel.PageOrientation's and Excel.PaperType's values", () => {
    expect([...PAGE_ORIENTATIONS].sort()).toEqual(excelEnum("PageOrientation").sort());
    expect([...PAPER_TYPES].sort()).toEqual(excelEnum("PaperType").sort());
    expect(PAPER_TYPES).toHaveLength(41);
  });

  it("orientation and paper size are members of those enums", () => {
    for (const v of Object.values(ORIENTATION)) expect(excelEnum("PageOrientation")).toContain(v);
    expect(excelEnum("PaperType")).toContain(PAPER.A4);
  });

  it.each(TABLE_NAMES)("%s: the zoom is a documented scale (10 to 400), never pages to fit", (table) => {
    const zoom = zoomOf(dataSheetPrint(table, "zh-CN"));
    expect(Object.keys(zoom)).toEqual(["scale"]);
    expect(zoom.scale).toBeGreaterThanOrEqual(10);
    expect(zoom.scale).toBeLessThanOrEqual(400);
  });
});

describe("the fake Excel's pageLayout is as strict as the reference", () => {
  async function applying(set: (layout: Excel.PageLayout) => void): Promise<unknown> {
    const excel = new FakeExcel();
    return excel
      .run({}, async (ctx) => {
        set(ctx.workbook.worksheets.add("Sheet1").pageLayout);
        await ctx.sync();
        return "accepted";
      })
      .catch((e: { code?: string }) => e.code);
  }

  const cases: readonly (readonly [string, (l: Excel.PageLayout) => void, "InvalidArgument" | "accepted"])[] = [
    ["the zoom this adapter used to set (verticalFitToPages 0)", (l: Excel.PageLayout) => (l.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 }), "InvalidArgument"],
    ["a scale mixed with pages to fit", (l: Excel.PageLayout) => (l.zoom = { scale: 80, horizontalFitToPages: 1 }), "InvalidArgument"],
    ["a scale under 10", (l: Excel.PageLayout) => (l.zoom = { scale: 5 }), "InvalidArgument"],
    ["a fraction of a page", (l: Excel.PageLayout) => (l.zoom = { horizontalFitToPages: 1.5 }), "InvalidArgument"],
    ["a paper size Excel does not list", (l: Excel.PageLayout) => ((l as unknown as { paperSize: string }).paperSize = "ISO A4"), "InvalidArgument"],
    ["an orientation in lower case", (l: Excel.PageLayout) => ((l as unknown as { orientation: string }).orientation = "landscape"), "InvalidArgument"],
    ["print titles that are cells, not whole rows", (l: Excel.PageLayout) => l.setPrintTitleRows("A1:C1"), "InvalidArgument"],
    ["print title columns that are not whole columns", (l: Excel.PageLayout) => l.setPrintTitleColumns("A1:B1"), "InvalidArgument"],
    ["a negative margin", (l: Excel.PageLayout) => (l.leftMargin = -1), "InvalidArgument"],
    ["a scale", (l: Excel.PageLayout) => (l.zoom = { scale: 100 }), "accepted"],
    ["pages to fit, whole and positive", (l: Excel.PageLayout) => (l.zoom = { horizontalFitToPages: 1, verticalFitToPages: 3 }), "accepted"],
    ["A4 landscape, title rows and columns, a print area", (l: Excel.PageLayout) => {
      l.paperSize = "A4";
      l.orientation = "Landscape";
      l.setPrintTitleRows("$1:$2");
      l.setPrintTitleColumns("$A:$B");
      l.setPrintArea("A1:M40");
    }, "accepted"],
  ];
  it.each(cases)("%s", async (_, set, outcome) => {
    expect(await applying(set)).toBe(outcome);
  });
});

describe("the adapter's print setup passes the fake", () => {
  it("a report: A4 landscape at its scale, narrow margins, title rows, its columns as the print area, page break, header and footer", async () => {
    const excel = new FakeExcel();
    const review = reviewReport("zh-CN");
    expect(value(await portOn(excel).writeReportSheet(review))).toEqual({ name: review.name });
    const s = excel.sheet(review.name);
    const rows = Math.max(...review.cells.map((c) => c.row));
    expect(s.pageLayout).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { scale: 100 },
      leftMargin: 18,
      rightMargin: 18,
      topMargin: 43.2,
      bottomMargin: 43.2,
      headerMargin: 18,
      footerMargin: 18,
      centerHorizontally: true,
      printTitleRows: "$1:$2",
      printArea: `A1:M${rows}`,
      "headersFooters.defaultForAllPages.leftHeader": "宁波光明照明 R&&D",
      "headersFooters.defaultForAllPages.centerHeader": "季度考核 2026-Q3",
      "headersFooters.defaultForAllPages.rightHeader": "截至 2026-09-30",
      "headersFooters.defaultForAllPages.leftFooter": "生成于 2026-10-08 09:30",
      "headersFooters.defaultForAllPages.centerFooter": "",
      "headersFooters.defaultForAllPages.rightFooter": "第 &P 页 / 共 &N 页",
    });
    expect(s.pageBreaks).toEqual(review.pageBreaks?.map((r) => `A${r}`));
    // Signature rows tall enough to write on.
    const signRow = review.cells.find((c) => c.value === "经理签字：")?.row ?? 0;
    expect(s.rowHeights.get(signRow - 1)).toBe(SIGN_ROW_POINTS);
  });

  it("the data sheets ensureStructure creates: A4, landscape where wide, header row (and ID column when several pages wide) on every page", async () => {
    const excel = new FakeExcel();
    value(await portOn(excel).ensureStructure("en-US"));
    for (const table of TABLE_NAMES) {
      const print = dataSheetPrint(table, "en-US");
      const layout = excel.sheet(SCHEMA[table].sheet.en).pageLayout;
      expect(layout).toMatchObject({ orientation: ORIENTATION[print.orientation], paperSize: "A4", zoom: { scale: print.scale }, printTitleRows: "$1:$1", "headersFooters.defaultForAllPages.centerHeader": "&A" });
      expect(layout.printTitleColumns).toBe(print.fitToWidth > 1 ? (table === "Customers" ? "$A:$B" : "$A:$A") : undefined);
    }
    expect(excel.sheet("Customers").pageLayout.orientation).toBe("Landscape");
    expect(excel.sheet("Payments").pageLayout.orientation).toBe("Portrait");
  });
});
