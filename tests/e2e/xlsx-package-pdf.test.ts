/**
 * A report written into the package (workbook/xlsx/package/report.ts) opens
 * in LibreOffice and prints as XlsxWorkbook's does: a workbook with one data
 * sheet and the review added, converted to PDF headless; page 1 is the data
 * sheet, page 2 the review, one A4 landscape page with its title and text.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { convertToPdf } from "../../scripts/libreoffice";
import type { ReportSheet } from "../../core/report/sheet";
import { writeReportSheetsIntoPackage } from "../../workbook/xlsx/package/report";
import { bytesOf, reviewReport } from "../workbook/xlsx/package/support";

const REPORTS: Record<string, ReportSheet> = { "review-zh": reviewReport("zh-CN"), "review-en": reviewReport("en-US") };

let dir = "";
const pdf = (name: string): string => join(dir, "pdf", `${name}.pdf`);
const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: "utf8", timeout: 90_000 });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tradebook-package-"));
  const files: string[] = [];
  for (const [name, sheet] of Object.entries(REPORTS)) {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Data").addRows([["Customer", "Paid"], ["C1", 100]]);
    const written = await writeReportSheetsIntoPackage(await bytesOf(wb), [sheet], `${name}.xlsx`);
    if (!written.ok) throw new Error(JSON.stringify(written.error));
    const file = join(dir, `${name}.xlsx`);
    writeFileSync(file, written.value);
    files.push(file);
  }
  convertToPdf(dir, files, join(dir, "pdf"));
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("LibreOffice prints a report written into the package", () => {
  it.each(Object.keys(REPORTS))("%s: the data sheet, then the review on one A4 landscape page", (name) => {
    expect(/Pages:\s+(\d+)/.exec(run("pdfinfo", [pdf(name)]))?.[1]).toBe("2");
    const page2 = run("pdfinfo", ["-f", "2", "-l", "2", pdf(name)]);
    const size = /Page\s+2 size:\s+([\d.]+) x ([\d.]+) pts/.exec(page2);
    expect([Math.round(Number(size?.[1])), Math.round(Number(size?.[2]))]).toEqual([842, 595]);
  });

  it.each([
    ["review-zh", ["季度考核 2026-Q3", "宁波光明照明 R&D", "未通过", "第 2 页 / 共 2 页", "生成于 2026-10-08 09:30", "1,294,100.00"]],
    ["review-en", ["Review 2026-Q3", "failed", "Page 2 of 2", "Generated 2026-10-08 09:30"]],
  ] as const)("%s shows its text on page 2", (name, texts) => {
    // Page numbers count the whole workbook. pdftotext spaces CJK glyphs unevenly: compare without white space.
    const text = run("pdftotext", ["-f", "2", "-l", "2", pdf(name), "-"]).replace(/\s+/g, "");
    for (const t of texts) expect(text).toContain(t.replace(/\s+/g, ""));
  });
});
