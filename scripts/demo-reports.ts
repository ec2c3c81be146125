/**
 * The demo workbook's printable reports as `npm run demo` writes them, for
 * a fixed day: the last completed quarter's review and the busiest
 * salesperson's weekly report of the week before. Shared by the README
 * pictures (render-readme-images.ts) and the print test
 * (tests/e2e/print-pdf.test.ts).
 */
import { isoWeekOf, previousQuarter, quarterOf, type DaySerial } from "../core/contract/dates";
import type { Lang } from "../core/contract/schema";
import { indexSnapshot } from "../core/index/indexes";
import type { ReportSheet } from "../core/report/sheet";
import { quarterlyReview } from "../core/review/review";
import { reviewSheet } from "../core/review/sheet";
import { weeklyReport } from "../core/weekly/weekly";
import { weeklySheet } from "../core/weekly/sheet";
import { buildWorkbook } from "../templates/builder";
import { generateSample } from "../templates/sample";
import { readSnapshot } from "../app/open-crm";
import { XlsxWorkbook } from "../workbook/xlsx/exceljs/xlsx-workbook";

export interface DemoReports {
  readonly review: ReportSheet;
  readonly weekly: ReportSheet;
}

/** `companyName` stands in for the demo's blank Settings.CompanyName. */
export async function demoReports(lang: Lang, asOf: DaySerial, generatedAt: string, companyName?: string): Promise<DemoReports> {
  const wb = XlsxWorkbook.fromWorkbook(buildWorkbook(lang, generateSample({ seed: 1, scale: 1, asOf, lang })));
  const read = await readSnapshot(wb);
  if (!read.ok) throw new Error(`the demo workbook does not read: ${JSON.stringify(read.error)}`);
  const { snapshot, settings } = read.value;
  const index = indexSnapshot(snapshot);
  // The demo's settings leave the company blank; a printed report shows one.
  const meta = { companyName: settings.CompanyName || companyName || (lang === "zh-CN" ? "宁波光明照明有限公司" : "Ningbo Guangming Lighting Co., Ltd."), generatedAt };
  const review = quarterlyReview(snapshot, index, previousQuarter(quarterOf(asOf)), settings);
  const week = isoWeekOf(asOf - 7);
  const weeklies = snapshot.Salespeople.map((p) => weeklyReport(snapshot, index, p.Name, week, settings));
  const busiest = weeklies.reduce((a, b) => (b.keyCustomers.length > a.keyCustomers.length ? b : a));
  return { review: reviewSheet(review, lang, meta), weekly: weeklySheet(busiest, lang, meta) };
}
