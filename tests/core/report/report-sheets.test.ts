/**
 * The review and weekly reports as printable sheets (core/review/sheet.ts,
 * core/weekly/sheet.ts) and their rendering by exceljs
 * (workbook/xlsx/exceljs/report-writer.ts), read back from real .xlsx bytes.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { indexSnapshot } from "../../../core/index/indexes";
import type { ReportSheet } from "../../../core/report/sheet";
import { SIGN_ROW_POINTS } from "../../../core/report/sign-off";
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
    // The week stays whole; the name is shortened and tagged (see tests/reliability/sheet-names.test.ts).
    ["weekly, long name", weeklySheet({ ...weekly, salesperson: "Alexandra Konstantinopoulou/Smith" }, "en-US", meta).name, "Weekly Alexandra~kklz 2026-W33"],
  ])("%s", (_, name, expected) => {
    expect(name).toBe(expected);
    expect(name.length).toBeLessThanOrEqual(31);
  });
});

describe("print setup of every report", () => {
  const weeklyEn = weeklySheet(weekly, "en-US", meta);
  const tableHead = weeklyEn.cells.find((c) => c.value === "Company" && c.style?.bold)?.row ?? 0;
  it.each([
    ["review", reviewSheet(review, "en-US", meta), { from: 1, to: 2 }],
    ["weekly", weeklyEn, { from: tableHead, to: tableHead }],
  ])("%s: A4 landscape, one page wide at full size, title rows repeated, page numbers and generation time", (_, sheet, titleRows) => {
    expect(sheet.print).toMatchObject({ orientation: "landscape", paper: "A4", fitToWidth: 1, scale: 100, titleRows });
    // A literal "&" is doubled so Excel prints it instead of reading a code.
    expect(sheet.print.header.left).toBe("R&&D Lighting");
    expect(sheet.print.footer.right).toBe("Page &P of &N");
    expect(sheet.print.footer.left).toBe("Generated 2026-10-08 09:30");
  });

  it("weekly: the key customers' column headers are the rows repeated on every page", () => {
    expect(tableHead).toBeGreaterThan(2);
    expect(weeklyEn.cells.filter((c) => c.row === tableHead).map((c) => c.value)).toEqual(["Company", "Grade / new or followed", "Address", "Contact", "Phone", "Email", "What happened"]);
  });
});

describe("the review sheet", () => {
  const sheet = reviewSheet(review, "en-US", meta);
  const headOf = (second: string) => sheet.cells.find((c) => c.value === second && c.col === 2 && c.style?.bold)?.row ?? 0;
  const assessed = headOf("Stage");
  const numbers = headOf("Paid CNY");

  it("has one row per salesperson under each table's header, in review order", () => {
    expect(assessed).toBeGreaterThan(2);
    expect(numbers).toBeGreaterThan(assessed + review.salespeople.length);
    for (const head of [assessed, numbers]) expect(review.salespeople.map((_, i) => cellAt(sheet, head + 1 + i, 1)?.value)).toEqual(["Li", "Wang", "Chen", "Zhao"]);
    expect([1, 2, 3, 4].map((i) => cellAt(sheet, assessed + i, STATUS_COLUMN)?.value ?? null)).toEqual(["failed", "failed", "passed", null]);
    expect(cellAt(sheet, numbers + 2, PAID_COLUMN)).toMatchObject({ value: 94100, style: { format: "money" } });
  });

  it("closes the numbers with the team's total", () => {
    const total = numbers + review.salespeople.length + 1;
    expect(cellAt(sheet, total, 1)?.value).toBe("Team total");
    expect([2, 3, 5, 6, 7].map((c) => cellAt(sheet, total, c)?.value)).toEqual([review.team.paidCNY, review.team.commissionCNY, review.team.orders, review.team.newCustomers, review.team.contacts]);
  });

  it("marks failed requirements red and puts data bars on paid CNY", () => {
    expect(sheet.conditional.find((m) => m.equals === "failed")).toEqual({ block: { fromRow: assessed + 1, fromCol: STATUS_COLUMN, toRow: assessed + 4, toCol: STATUS_COLUMN }, equals: "failed", fill: "FFC7CE", color: "9C0006" });
    expect(sheet.dataBars[0].block).toEqual({ fromRow: numbers + 1, fromCol: PAID_COLUMN, toRow: numbers + 4, toCol: PAID_COLUMN });
  });

  it("describes two charts whose data blocks hold categories and values, placed right of the printed columns", () => {
    expect(sheet.charts.map((c) => [c.kind, c.title])).toEqual([
      ["bar", "Paid CNY by salesperson"],
      ["pie", "Contacts by channel"],
    ]);
    for (const chart of sheet.charts) {
      expect(chart.anchor.col).toBeGreaterThan(sheet.columnWidths.length);
      const { fromRow, toRow } = chart.data;
      for (let r = fromRow + 1; r <= toRow; r++) {
        expect(typeof cellAt(sheet, r, chart.data.fromCol)?.value).toBe("string");
        expect(typeof cellAt(sheet, r, chart.data.fromCol + 1)?.value).toBe("number");
      }
    }
  });

  it.each([
    ["en-US", ["Salesperson's signature:", "Date:"], ["Manager", "Manager's signature:", "Date:"]],
    ["zh-CN", ["业务员签字：", "日期："], ["经理", "经理签字：", "日期："]],
  ] as const)("%s: a signature and date line for each salesperson and the manager, rows tall enough to write on, on the first page", (lang, person, manager) => {
    const s = reviewSheet(review, lang, meta);
    const rows = [...new Set(s.cells.filter((c) => c.value === person[0]).map((c) => c.row))];
    expect(rows.map((r) => s.cells.find((c) => c.row === r && c.col === 1)?.value)).toEqual(["Li", "Wang", "Chen", "Zhao"]);
    const last = rows[rows.length - 1] + 1;
    for (const r of rows) expect(s.cells.filter((c) => c.row === r && typeof c.value === "string").map((c) => c.value).slice(1)).toEqual(person);
    expect(s.cells.filter((c) => c.row === last && typeof c.value === "string").map((c) => c.value)).toEqual(manager);
    // The lines: empty cells ruled below.
    expect(s.cells.filter((c) => c.row === last && c.style?.border === "bottom").every((c) => c.value === null)).toBe(true);
    for (const r of [...rows, last]) expect(s.rowHeights?.[r]).toBeGreaterThanOrEqual(SIGN_ROW_POINTS);
    // The breakdowns start the next page.
    expect(s.pageBreaks).toEqual([last + 2]);
    expect(s.cells.find((c) => c.row === last + 2)?.value).toBe(lang === "zh-CN" ? "四、成交客户（本季到款）" : "4. Deal customers (paid this quarter)");
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
    expect(ws.columns.map((c) => c.width)).toEqual([10, 12, 11, 11, 6, 7, 7, 7, 7, 7, 7, 12, 7]);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:2" });
    expect(ws.pageSetup.margins).toEqual({ left: 0.25, right: 0.25, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 });
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
