/**
 * The printable reports as a person gets them: each report sheet alone in a
 * workbook, converted to PDF by LibreOffice (headless, recalculating on
 * load), then checked with poppler: A4 landscape, one page wide, Chinese
 * text present and set in an embedded CJK font. Page images are kept in
 * artifacts/reports/ for a human to look at.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { convertToPdf } from "../../scripts/libreoffice";
import { indexSnapshot } from "../../core/index/indexes";
import { quarterlyReview } from "../../core/review/review";
import { reviewSheet } from "../../core/review/sheet";
import { DEFAULT_SETTINGS } from "../../core/contract/settings";
import { weeklyReport } from "../../core/weekly/weekly";
import { weeklySheet } from "../../core/weekly/sheet";
import type { ReportSheet } from "../../core/report/sheet";
import { renderReportSheet } from "../../workbook/xlsx/exceljs/report-writer";
import { REVIEW_SNAPSHOT } from "../fixtures/review-snapshot";

const ARTIFACTS = resolve(__dirname, "../../artifacts/reports");
const meta = { companyName: "宁波光明照明 & Co", generatedAt: "2026-10-08 09:30" };
const index = indexSnapshot(REVIEW_SNAPSHOT);
const review = quarterlyReview(REVIEW_SNAPSHOT, index, { year: 2026, quarter: 3 }, DEFAULT_SETTINGS);
const REPORTS: Record<string, ReportSheet> = {
  "review-zh": reviewSheet(review, "zh-CN", meta),
  "review-en": reviewSheet(review, "en-US", meta),
  "weekly-zh": weeklySheet(weeklyReport(REVIEW_SNAPSHOT, index, "Zhao", { year: 2026, week: 33 }, DEFAULT_SETTINGS), "zh-CN", meta),
};

let dir = "";
const pdf = (name: string): string => join(dir, "pdf", `${name}.pdf`);
const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: "utf8", timeout: 90_000 });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tradebook-report-"));
  const files: string[] = [];
  for (const [name, sheet] of Object.entries(REPORTS)) {
    const wb = new ExcelJS.Workbook();
    renderReportSheet(wb, sheet);
    const file = join(dir, `${name}.xlsx`);
    await wb.xlsx.writeFile(file);
    files.push(file);
  }
  convertToPdf(dir, files, join(dir, "pdf"));
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const name of Object.keys(REPORTS)) {
    copyFileSync(pdf(name), join(ARTIFACTS, `${name}.pdf`));
    run("pdftoppm", ["-png", "-r", "60", pdf(name), join(ARTIFACTS, name)]);
  }
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("printed reports (rules.md §7 §8: printable)", () => {
  it.each(Object.keys(REPORTS))("%s is A4 landscape, one page", (name) => {
    const info = run("pdfinfo", [pdf(name)]);
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
    expect(size).not.toBeNull();
    const [w, h] = [Number(size?.[1]), Number(size?.[2])];
    expect(Math.round(w)).toBe(842);
    expect(Math.round(h)).toBe(595);
    // Few salespeople: the whole report fits on one page.
    expect(/Pages:\s+(\d+)/.exec(info)?.[1]).toBe("1");
    expect(readdirSync(ARTIFACTS).filter((f) => f.startsWith(name) && f.endsWith(".png"))).toHaveLength(1);
  });

  it.each([
    ["review-zh", ["季度考核 2026-Q3", "宁波光明照明 & Co", "未通过", "第 1 页 / 共 1 页", "生成于 2026-10-08 09:30", "1,294,100.00"]],
    ["review-en", ["Review 2026-Q3", "failed", "Page 1 of 1", "Generated 2026-10-08 09:30"]],
    ["weekly-zh", ["周报 Zhao 2026-W33", "重点客户", "C7 Trading Ltd & Co", "Sent price list", "Slow sample approval"]],
  ] as const)("%s shows its text", (name, texts) => {
    // pdftotext spaces CJK glyphs unevenly: compare without white space.
    const text = run("pdftotext", [pdf(name), "-"]).replace(/\s+/g, "");
    for (const t of texts) expect(text).toContain(t.replace(/\s+/g, ""));
  });

  it.each(["review-zh", "weekly-zh"])("%s embeds a CJK font", (name) => {
    const fonts = run("pdffonts", [pdf(name)]);
    const cjk = fonts.split("\n").filter((l) => /CJK/i.test(l));
    expect(cjk.length).toBeGreaterThan(0);
    // Columns: name type encoding emb sub uni — "yes" in emb.
    expect(cjk.every((l) => /\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.test(l))).toBe(true);
  });
});
