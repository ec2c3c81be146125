/**
 * Printing, as LibreOffice renders it to PDF and poppler measures it: the
 * demo's quarterly review and its busiest weekly report (written by exceljs
 * as the CLI writes them, and the review also written into a package next to
 * a data sheet), and every data sheet of the template, in both languages.
 * One LibreOffice start converts every file; a calibration sheet printed in
 * the same run gives the ratio between a word's box and its font size.
 *
 * Each page is A4 in the orientation its sheet asks for, no text is smaller
 * than 8 pt, the review carries signature and date lines, the weekly report
 * and the data sheets repeat their column headers on every page. Page images
 * of the reports are kept in artifacts/print/ for a human to look at.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseISODate } from "../../core/contract/dates";
import { SCHEMA, TABLE_NAMES, headerOf, sheetNameOf, type Lang } from "../../core/contract/schema";
import { dataSheetPrint } from "../../core/report/data-sheet-print";
import { MIN_PRINTED_POINTS, PAGE_MARGINS } from "../../core/report/page";
import type { ReportSheet } from "../../core/report/sheet";
import { SIGN_TEXT } from "../../core/report/sign-off";
import { demoReports } from "../../scripts/demo-reports";
import { convertToPdf } from "../../scripts/libreoffice";
import { buildWorkbook } from "../../templates/builder";
import { REPORT_FONT, renderReportSheet } from "../../workbook/xlsx/exceljs/report-writer";
import { writeReportSheetsIntoPackage } from "../../workbook/xlsx/package/report";
import { boxPerPoint, calibrationSheet, pageText, pagesOf, wordPoints, type Page } from "./pdf-measure";

const ARTIFACTS = resolve(__dirname, "../../artifacts/print");
const LANGS = ["zh-CN", "en-US"] as const;
const COMPANY: Record<Lang, string> = { "zh-CN": "宁波光明照明 & Co", "en-US": "Ningbo Guangming Lighting & Co" };
const A4 = { long: 842, short: 595 };
/** Words printed above this line are the page header (the top margin, in points). */
const HEADER_LINE = PAGE_MARGINS.top * 72;

let dir = "";
let perPoint = 0;
const reports = new Map<string, ReportSheet>();
const pages = new Map<string, Page[]>();
const pdf = (name: string): string => join(dir, "pdf", `${name}.pdf`);
const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: "utf8", timeout: 90_000 });

async function writeReport(name: string, sheet: ReportSheet): Promise<string> {
  const wb = new ExcelJS.Workbook();
  renderReportSheet(wb, sheet);
  const file = join(dir, `${name}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tradebook-print-"));
  const files: string[] = [];
  const calibration = join(dir, "calibration.xlsx");
  await calibrationSheet(REPORT_FONT).xlsx.writeFile(calibration);
  files.push(calibration);
  for (const lang of LANGS) {
    const demo = await demoReports(lang, parseISODate("2026-11-27") ?? 0, "2026-11-27 09:00", COMPANY[lang]);
    reports.set(`review-${lang}`, demo.review);
    reports.set(`weekly-${lang}`, demo.weekly);
    files.push(await writeReport(`review-${lang}`, demo.review), await writeReport(`weekly-${lang}`, demo.weekly));
    // The review as the CLI and the browser preview write it: into the workbook's own package.
    const host = new ExcelJS.Workbook();
    host.addWorksheet("Data").addRows([["Customer", "Paid"], ["C1", 100]]);
    const written = await writeReportSheetsIntoPackage(new Uint8Array((await host.xlsx.writeBuffer()) as ArrayBuffer), [demo.review], "package.xlsx");
    if (!written.ok) throw new Error(JSON.stringify(written.error));
    writeFileSync(join(dir, `package-${lang}.xlsx`), written.value);
    files.push(join(dir, `package-${lang}.xlsx`));
    const template = join(dir, `template-${lang}.xlsx`);
    await buildWorkbook(lang).xlsx.writeFile(template);
    files.push(template);
  }
  convertToPdf(dir, files, join(dir, "pdf"));
  perPoint = boxPerPoint(pdf("calibration"));
  for (const f of files) {
    const name = f.slice(dir.length + 1, -".xlsx".length);
    pages.set(name, pagesOf(pdf(name)));
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const name of reports.keys()) {
    copyFileSync(pdf(name), join(ARTIFACTS, `${name}.pdf`));
    run("pdftoppm", ["-png", "-r", "60", pdf(name), join(ARTIFACTS, name)]);
  }
}, 240_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const pagesOfFile = (name: string): Page[] => pages.get(name) ?? [];
const landscape = (p: Page): boolean => Math.round(p.width) === A4.long && Math.round(p.height) === A4.short;
const portrait = (p: Page): boolean => Math.round(p.width) === A4.short && Math.round(p.height) === A4.long;
const smallest = (p: Page): { text: string; points: number } =>
  wordPoints(p, perPoint).reduce((min, w) => (w.points < min.points ? { text: w.word.text, points: w.points } : min), { text: "", points: Infinity });
const body = (p: Page) => p.words.filter((w) => w.yMin > HEADER_LINE);
const headerText = (p: Page): string => p.words.filter((w) => w.yMax < HEADER_LINE).map((w) => w.text).join("");
const squeeze = (s: string): string => s.replace(/\s+/g, "");

describe("the calibration", () => {
  it("gives one box-to-size ratio for every size it prints", () => {
    expect(perPoint).toBeGreaterThan(1);
    expect(perPoint).toBeLessThan(1.6);
  });
});

describe.each(LANGS)("the reports, %s", (lang) => {
  const zh = lang === "zh-CN";

  it.each(["review", "weekly", "package"])("%s: every page A4 landscape, no text under 8 pt", (kind) => {
    const all = pagesOfFile(`${kind}-${lang}`);
    expect(all.length).toBeGreaterThan(0);
    // The package holds a data sheet first (its own, default page).
    const printed = kind === "package" ? all.slice(1) : all;
    for (const p of printed) {
      expect(landscape(p)).toBe(true);
      expect(smallest(p).points).toBeGreaterThanOrEqual(MIN_PRINTED_POINTS);
    }
  });

  it("review: the signed page first (assessment, numbers, signature and date lines), the breakdowns next, titles repeated", () => {
    const [first, second, ...rest] = pagesOfFile(`review-${lang}`);
    expect(rest).toEqual([]);
    const text = pageText(first);
    const people = reports.get(`review-${lang}`)?.cells.filter((c) => c.value === (zh ? SIGN_TEXT.salesperson.zh : SIGN_TEXT.salesperson.en)).length ?? 0;
    expect(people).toBeGreaterThan(1);
    for (const label of [SIGN_TEXT.salesperson, SIGN_TEXT.manager, SIGN_TEXT.date]) {
      const words = squeeze(zh ? label.zh : label.en);
      expect(text).toContain(words);
    }
    // One signature line per salesperson, one for the manager.
    expect(text.split(squeeze(zh ? SIGN_TEXT.salesperson.zh : SIGN_TEXT.salesperson.en)).length - 1).toBe(people);
    expect(text.split(squeeze(zh ? SIGN_TEXT.date.zh : SIGN_TEXT.date.en)).length - 1).toBe(people + 1);
    expect(text).toContain(zh ? "团队合计" : "Teamtotal");
    // Title rows on the next page too; the page header and footer on both.
    const title = squeeze(`${zh ? "季度考核" : "Review"} 2026-Q3 · ${COMPANY[lang]}`);
    expect(pageText(second)).toContain(title);
    expect(pageText(second)).toContain(zh ? "四、成交客户" : "4.Dealcustomers");
    expect(pageText(first)).toContain(zh ? "第1页/共2页" : "Page1of2");
    expect(headerText(second)).toContain(squeeze(COMPANY[lang]));
  });

  it("weekly: the key customers' column headers at the top of every page after the first", () => {
    const all = pagesOfFile(`weekly-${lang}`);
    expect(all.length).toBeGreaterThanOrEqual(2);
    const heads = zh ? ["公司名称", "本周情况"] : ["Company", "What"];
    for (const p of all.slice(1)) {
      const words = body(p);
      const head = heads.map((h) => words.find((w) => w.text === h));
      expect(head.every((w) => w !== undefined)).toBe(true);
      // Nothing of the sheet above the header row.
      const top = Math.min(...head.map((w) => w?.yMin ?? Infinity));
      expect(words.filter((w) => w.yMax < top)).toEqual([]);
    }
  });

  it("package: the review written into a workbook prints after its data sheet, pages counted across the workbook", () => {
    const all = pagesOfFile(`package-${lang}`);
    expect(all).toHaveLength(3);
    expect(pageText(all[1])).toContain(zh ? "第2页/共3页" : "Page2of3");
    expect(pageText(all[1])).toContain(squeeze(zh ? SIGN_TEXT.manager.zh : SIGN_TEXT.manager.en));
  });

  it("shows the company with its ampersand, the generation time and the money as formatted", () => {
    const text = pagesOfFile(`review-${lang}`).map(pageText).join("");
    expect(text).toContain(squeeze(COMPANY[lang]));
    expect(text).toContain(squeeze(zh ? "生成于 2026-11-27 09:00" : "Generated 2026-11-27 09:00"));
    expect(text).toMatch(/\d{1,3}(,\d{3})+\.\d{2}/);
  });
});

describe("the Chinese reports", () => {
  it.each(["review", "weekly"])("%s embeds a CJK font", (kind) => {
    const fonts = run("pdffonts", [pdf(`${kind}-zh-CN`)]);
    const cjk = fonts.split("\n").filter((l) => /CJK/i.test(l));
    expect(cjk.length).toBeGreaterThan(0);
    // Columns: name type encoding emb sub uni — "yes" in emb.
    expect(cjk.every((l) => /\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.test(l))).toBe(true);
  });
});

describe.each(LANGS)("the template's data sheets, %s", (lang) => {
  const bySheet = (): Map<string, Page[]> => {
    const map = new Map<string, Page[]>();
    for (const p of pagesOfFile(`template-${lang}`)) map.set(headerText(p), [...(map.get(headerText(p)) ?? []), p]);
    return map;
  };

  it("prints every data sheet, each page naming its sheet in the header", () => {
    expect([...bySheet().keys()].sort()).toEqual(TABLE_NAMES.map((t) => squeeze(sheetNameOf(SCHEMA[t], lang))).sort());
  });

  it.each(TABLE_NAMES)("%s: A4 in its orientation, as many pages wide as it asks, no text under 8 pt, the header row on every page", (table) => {
    const print = dataSheetPrint(table, lang);
    const sheetPages = bySheet().get(squeeze(sheetNameOf(SCHEMA[table], lang))) ?? [];
    expect(sheetPages.length).toBeGreaterThanOrEqual(print.fitToWidth);
    const firstHeader = headerOf(SCHEMA[table].columns[0], lang);
    for (const p of sheetPages) {
      expect(print.orientation === "landscape" ? landscape(p) : portrait(p)).toBe(true);
      expect(smallest(p).points).toBeGreaterThanOrEqual(MIN_PRINTED_POINTS);
      // The first column's header: the header row, and the title column across pages.
      expect(pageText({ ...p, words: body(p) })).toContain(squeeze(firstHeader));
    }
  });
});
