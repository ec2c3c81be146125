/**
 * The printed page (core/report/page.ts), the data sheets' print setup
 * (data-sheet-print.ts), Excel's 255-character header and footer
 * (header-footer.ts) and the row heights writers set (row-heights.ts).
 */
import { describe, expect, it } from "vitest";
import { SCHEMA, TABLE_NAMES } from "../../../core/contract/schema";
import { DEFAULT_SETTINGS } from "../../../core/contract/settings";
import { indexSnapshot } from "../../../core/index/indexes";
import { dataSheetPrint } from "../../../core/report/data-sheet-print";
import { SIGN_ROW_POINTS } from "../../../core/report/sign-off";
import { HEADER_FOOTER_LIMIT, fitHeaderFooter, headerFooter } from "../../../core/report/header-footer";
import { excelColumnPoints, pagesAcross, printableWidth, scaleToFit, sheetPoints, wideColumnPoints } from "../../../core/report/page";
import { linesOf, rowHeights } from "../../../core/report/row-heights";
import { quarterlyReview } from "../../../core/review/review";
import { reviewSheet } from "../../../core/review/sheet";
import { weeklyReport } from "../../../core/weekly/weekly";
import { weeklySheet } from "../../../core/weekly/sheet";
import { REVIEW_SNAPSHOT } from "../../fixtures/review-snapshot";

const meta = { companyName: "R&D Lighting", generatedAt: "2026-10-08 09:30" };
const index = indexSnapshot(REVIEW_SNAPSHOT);
const review = quarterlyReview(REVIEW_SNAPSHOT, index, { year: 2026, quarter: 3 }, DEFAULT_SETTINGS);
const weekly = weeklyReport(REVIEW_SNAPSHOT, index, "Zhao", { year: 2026, week: 33 }, DEFAULT_SETTINGS);

describe("the page: A4 inside narrow margins", () => {
  it.each([
    ["landscape", 841.89 - 36],
    ["portrait", 595.28 - 36],
  ] as const)("%s is %d points wide to print on", (orientation, points) => {
    expect(printableWidth(orientation)).toBeCloseTo(points, 2);
  });

  it.each([
    [10, 56.25, 70],
    [12, 66.75, 84],
    [6, 35.25, 42],
  ])("a column of %d characters: %d points in Excel, %d in the wider reading", (chars, excel, wide) => {
    expect(excelColumnPoints(chars)).toBe(excel);
    expect(wideColumnPoints(chars)).toBe(wide);
  });
});

describe("pages across and the scale a fit comes to", () => {
  it.each([
    ["fits at 100 %", [50, 50], 1, 0, 1],
    ["two pages at 100 %", [70, 70], 1, 0, 2],
    ["one page when shrunk to half", [70, 70], 0.5, 0, 1],
    ["without title columns", [40, 40, 40, 40], 1, 0, 2],
    ["the title column on every page takes room", [40, 40, 40, 40], 1, 1, 3],
  ] as const)("%s", (_, columns, scale, titles, pages) => {
    expect(pagesAcross(columns, "landscape", scale, titles)).toBe(pages);
  });

  it.each([
    ["already fits", [50, 50], 1, 100],
    // 805.89 of Excel's 2 × 528.75 points.
    ["shrinks to fit one page", [100, 100], 1, 76],
    ["two pages at full size", [100, 100], 2, 100],
  ] as const)("%s", (_, columns, pages, percent) => {
    expect(scaleToFit(columns, "landscape", pages)).toBe(percent);
  });
});

describe("the reports fit the page at 100 %, in either reading of column widths", () => {
  // So a host that applies no fit and no scale (office-js #1860) still prints them whole at full size.
  it.each([
    ["review zh", reviewSheet(review, "zh-CN", meta)],
    ["review en", reviewSheet(review, "en-US", meta)],
    ["weekly zh", weeklySheet(weekly, "zh-CN", meta)],
    ["weekly en", weeklySheet(weekly, "en-US", meta)],
  ])("%s", (_, sheet) => {
    expect(sheetPoints(sheet.columnWidths)).toBeLessThanOrEqual(printableWidth(sheet.print.orientation));
    expect(sheet.print.scale).toBe(100);
  });
});

describe("data sheets: landscape where wide, as few pages across as keep 8.25 pt, header row repeated", () => {
  it.each([
    ["Customers", "landscape", 4, { from: 1, to: 2 }],
    ["FollowUps", "landscape", 2, { from: 1, to: 1 }],
    ["Samples", "landscape", 2, { from: 1, to: 1 }],
    ["Orders", "landscape", 2, { from: 1, to: 1 }],
    ["Payments", "portrait", 1, undefined],
    ["Salespeople", "landscape", 1, undefined],
    ["Forecasts", "portrait", 1, undefined],
    ["Scores", "landscape", 1, undefined],
    ["WeeklyNotes", "landscape", 2, { from: 1, to: 1 }],
    ["Settings", "landscape", 1, undefined],
    ["CommissionTiers", "portrait", 1, undefined],
    ["ExchangeRates", "portrait", 1, undefined],
    ["Countries", "landscape", 1, undefined],
  ] as const)("%s: %s, %d page(s) across", (table, orientation, across, titleColumns) => {
    const print = dataSheetPrint(table, "zh-CN");
    expect(print).toMatchObject({ orientation, paper: "A4", fitToWidth: across, titleRows: { from: 1, to: 1 }, header: { center: "&A" }, footer: { right: "第 &P 页 / 共 &N 页" } });
    expect(print.titleColumns).toEqual(titleColumns);
    // At 75 % the 11-point text prints at 8.25 points: the sheet fits its pages across there.
    const widths = SCHEMA[table].columns.map((c) => c.width);
    expect(pagesAcross(widths, orientation, 0.75, titleColumns?.to ?? 0)).toBeLessThanOrEqual(across);
  });

  it("portrait only when the columns fit the portrait page at 100 %", () => {
    for (const table of TABLE_NAMES) {
      const widths = SCHEMA[table].columns.map((c) => c.width);
      expect(dataSheetPrint(table, "en-US").orientation === "portrait").toBe(sheetPoints(widths) <= printableWidth("portrait"));
    }
  });
});

describe("headers and footers: Excel stores at most 255 characters", () => {
  it("leaves a short one alone", () => {
    expect(headerFooter({ left: "R&&D", center: "季度考核", right: "第 &P 页" })).toBe("&LR&&D&C季度考核&R第 &P 页");
  });

  it("shortens the longest part, never splitting a doubled & or a code", () => {
    const long = { left: "R&&D ".repeat(80), center: "Review 2026-Q3", right: "Page &P of &N" };
    const fitted = fitHeaderFooter(long);
    expect(headerFooter(long).length).toBeLessThanOrEqual(HEADER_FOOTER_LIMIT);
    expect(fitted.center).toBe(long.center);
    expect(fitted.right).toBe(long.right);
    expect(fitted.left?.endsWith("…")).toBe(true);
    // Every "&" left is doubled or starts a code.
    expect(fitted.left?.replace(/&&|&[PN]/g, "")).not.toContain("&");
  });
});

describe("row heights: room for every line of wrapped text, in whichever host wraps more", () => {
  it.each([
    ["one short line", "通过", 9, 60, 1],
    ["an explicit second line", "2026-04-12\n~2026-07-11", 9, 70, 2],
    ["CJK breaks between any two characters", "客户询问太阳能路灯的价格和起订量", 9, 60, 3],
    ["a word longer than the cell breaks inside it", "hassan.nasser@omegadistribution.com", 9, 60, 4],
  ] as const)("%s", (_, text, size, width, lines) => {
    expect(linesOf(text, size, width, 0.62)).toBe(lines);
  });

  it("gives signature rows their writing room and wrapped rows their lines", () => {
    const sheet = reviewSheet(review, "zh-CN", meta);
    const heights = rowHeights(sheet, 9);
    const sign = sheet.cells.find((c) => c.value === "经理签字：")?.row ?? 0;
    expect(heights.get(sign)).toBe(SIGN_ROW_POINTS);
    const detail = sheet.cells.find((c) => typeof c.value === "string" && c.value.startsWith("试用期"))?.row ?? 0;
    expect(heights.get(detail)).toBeGreaterThanOrEqual(2 * 9 * 1.3);
  });
});
