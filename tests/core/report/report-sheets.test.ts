/**
 * The review and weekly reports as printable sheets (core/review/sheet.ts,
 * core/weekly/sheet.ts) and their rendering by exceljs
 * (workbook/xlsx/exceljs/report-writer.ts), read back from real .xlsx bytes.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { indexSnapshot } from "../../../core/index/indexes";
import type { ReportSheet } from "../../../core/report/sheet";
import { quarterlyReview } from "../../../core/review/review";
import { PAID_COLUMN, STATUS_COLUMN, reviewSheet } from "../../../core/review/sheet";
import { DEFAULT_SETTINGS } from "../../../core/contract/settings";
import { weeklyReport } from "../../../core/weekly/weekly";
import { weeklySheet } from "../../../core/weekly/sheet";
import { ReportSheetConflict, renderReportSheet } from "../../../workbook/xlsx/exceljs/report-writer";
import { buildWorkbook } from "../../../templates/builder";
import { REVIEW_SNAPSHOT } from "../../fixtures/review-snapshot";

const meta = { companyName: "R&D Lighting", generatedAt: "2026-10-08 09:30" };
const index = indexSnapshot(REVIEW_SNAPSHOT);
const review = quarterlyReview(REVIEW_SNAPSHOT, index, { year: 2026, quarter: 3 }, DEFAULT_SETTINGS);
const weekly = weeklyReport(REVIEW_SNAPSHOT, index, "Zhao", { year: 2026, week: 33 }, DEFAULT_SETTINGS);
const cellAt = (sheet: ReportSheet, row: number, col: number) => sheet.cells.find((c) => c.row === row && c.col === col);

describe("sheet names (localized, at most 31 characters)", () => {
  it.each([
    ["review zh", reviewSheet(review, "zh-CN", meta).name, "季度考核 2026-Q3"],
    ["review en", reviewSheet(review, "en-US", meta).name, "Review 2026-Q3"],
    ["weekly zh", weeklySheet(weekly, "zh-CN", meta).name, "周报 Zhao 2026-W33"],
    ["weekly en", weeklySheet(weekly, "en-US", meta).name, "Weekly Zhao 2026-W33"],
    ["weekly, long name", weeklySheet({ ...weekly, salesperson: "Alexandra Konstantinopoulou/Smith" }, "en-US", meta).name, "Weekly Alexandra Konstantinopou"],
  ])("%s", (_, name, expected) => {
    expect(name).toBe(expected);
    expect(name.length).toBeLessThanOrEqual(31);
  });
});

describe("print setup of every report", () => {
  it.each([
    ["review", reviewSheet(review, "en-US", meta)],
    ["weekly", weeklySheet(weekly, "en-US", meta)],
  ])("%s: A4 landscape, one page wide, titles repeated, page numbers and generation time", (_, sheet) => {
    expect(sheet.print).toMatchObject({ orientation: "landscape", paper: "A4", fitToWidth: 1, titleRows: { from: 1, to: 2 } });
    // A literal "&" is doubled so Excel prints it instead of reading a code.
    expect(sheet.print.header.left).toBe("R&&D Lighting");
    expect(sheet.print.footer.right).toBe("Page &P of &N");
    expect(sheet.print.footer.left).toBe("Generated 2026-10-08 09:30");
  });
});

describe("the review sheet", () => {
  const sheet = reviewSheet(review, "en-US", meta);
  const head = sheet.cells.find((c) => c.value === "Salesperson" && c.col === 1 && c.style?.bold)?.row ?? 0;

  it("has one row per salesperson under the table header, in review order", () => {
    expect(review.salespeople.map((_, i) => cellAt(sheet, head + 1 + i, 1)?.value)).toEqual(["Li", "Wang", "Chen", "Zhao"]);
    expect([1, 2, 3, 4].map((i) => cellAt(sheet, head + i, STATUS_COLUMN)?.value ?? null)).toEqual(["failed", "failed", "passed", null]);
    expect(cellAt(sheet, head + 2, PAID_COLUMN)).toMatchObject({ value: 94100, style: { format: "money" } });
  });

  it("marks failed requirements red and puts data bars on paid CNY", () => {
    expect(sheet.conditional.find((m) => m.equals === "failed")).toEqual({ block: { fromRow: head + 1, fromCol: STATUS_COLUMN, toRow: head + 4, toCol: STATUS_COLUMN }, equals: "failed", fill: "FFC7CE", color: "9C0006" });
    expect(sheet.dataBars[0].block).toEqual({ fromRow: head + 1, fromCol: PAID_COLUMN, toRow: head + 4, toCol: PAID_COLUMN });
  });

  it("describes two charts whose data blocks hold categories and values", () => {
    expect(sheet.charts.map((c) => [c.kind, c.title])).toEqual([
      ["bar", "Paid CNY by salesperson"],
      ["pie", "Contacts by channel"],
    ]);
    for (const chart of sheet.charts) {
      const { fromRow, toRow } = chart.data;
      for (let r = fromRow + 1; r <= toRow; r++) {
        expect(typeof cellAt(sheet, r, chart.data.fromCol)?.value).toBe("string");
        expect(typeof cellAt(sheet, r, chart.data.fromCol + 1)?.value).toBe("number");
      }
    }
  });
});

describe("rendering with exceljs (read back from .xlsx bytes)", () => {
  async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    return back;
  }

  it("writes values, merges, widths, page setup, header and footer, marks and data bars", async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = reviewSheet(review, "zh-CN", meta);
    renderReportSheet(wb, sheet);
    const ws = (await roundTrip(wb)).getWorksheet("季度考核 2026-Q3") as ExcelJS.Worksheet;
    expect(ws.getCell(1, 1).value).toBe("季度考核 2026-Q3 · R&D Lighting");
    expect(ws.getCell(1, 1).isMerged).toBe(true);
    expect(ws.getColumn(5).width).toBe(34);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:2" });
    expect(ws.headerFooter.oddHeader).toBe("&LR&&D Lighting&C季度考核 2026-Q3&R截至 2026-09-30");
    expect(ws.headerFooter.oddFooter).toBe("&L生成于 2026-10-08 09:30&R第 &P 页 / 共 &N 页");
    const money = sheet.cells.find((c) => c.style?.format === "money");
    expect(ws.getCell(money?.row ?? 0, money?.col ?? 0).numFmt).toBe("#,##0.00");
    // exceljs reads conditional formats back but its typings omit the property.
    const formats = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
    const rules = formats.flatMap((cf) => cf.rules.map((r) => ({ ref: cf.ref, type: r.type })));
    expect(rules.filter((r) => r.type === "cellIs")).toHaveLength(3);
    expect(rules.filter((r) => r.type === "dataBar").length).toBe(sheet.dataBars.length);
  });

  it("replaces a report sheet of the same name instead of adding a second", async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = weeklySheet(weekly, "zh-CN", meta);
    renderReportSheet(wb, sheet);
    renderReportSheet(wb, sheet);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["周报 Zhao 2026-W33"]);
  });

  it.each(["客户", "Customers", "周报"])("never replaces the data sheet %s", (name) => {
    const wb = buildWorkbook(name === "Customers" ? "en-US" : "zh-CN");
    const before = wb.worksheets.length;
    expect(() => renderReportSheet(wb, { ...weeklySheet(weekly, "zh-CN", meta), name })).toThrow(ReportSheetConflict);
    expect(wb.worksheets.length).toBe(before);
  });
});
