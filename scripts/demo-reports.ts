/**
 * The demo workbook's printable reports as `npm run demo` writes them, for
 * a fixed day: the last completed quarter's review and the busiest
 * salesperson's weekly report of the week before. Shared by the README
 * pictures (render-readme-images.ts) and the print test
 * (tests/e2e/print-pdf.test.ts).
 */
import { isoWeekOf, type DaySerial } from "../core/contract/dates";
import type { Lang } from "../core/contract/schema";
import type { ReportSheet } from "../core/report/sheet";
import { readSnapshot } from "../app/open-crm";
import { reviewReport, weeklyReports } from "../app/reports";
import { buildWorkbook } from "../templates/builder";
import { generateSample } from "../templates/sample";
import { XlsxWorkbook } from "../workbook/xlsx/exceljs/xlsx-workbook";
import { localize } from "../core/contract/lang";

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
  // The demo's settings leave the company blank; a printed report shows one.
  const meta = { companyName: settings.CompanyName || companyName || localize({ zh: "宁波光明照明有限公司", en: "Ningbo Guangming Lighting Co., Ltd." }, lang), generatedAt };
  // The last completed quarter's review, and the busiest salesperson's report of the week before `asOf`'s (app/reports.ts, as the CLI and the pane make them).
  const review = reviewReport(read.value, { today: asOf, meta });
  if (review.kind !== "review") throw new Error("the demo's last quarter has not started");
  const week = isoWeekOf(asOf - 7);
  const weeklies = snapshot.Salespeople.flatMap((p) => {
    const made = weeklyReports(read.value, { today: asOf, week, salesperson: p.Name, meta });
    return made.kind === "weekly" ? [{ report: made.reports[0], sheet: made.sheets[0] }] : [];
  });
  const busiest = weeklies.reduce((a, b) => (b.report.keyCustomers.length > a.report.keyCustomers.length ? b : a));
  return { review: review.sheet, weekly: busiest.sheet };
}
