/**
 * Renders the demo workbook's quarterly review and one weekly report the way
 * a printer would (LibreOffice → PDF → PNG) for the README:
 *   npm run demo && node -e 'require("tsx/cjs"); require("./scripts/render-readme-images.ts")'
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { isoWeekOf, previousQuarter, quarterOf, serialAtInstant } from "../core/contract/dates";
import { indexSnapshot } from "../core/index/indexes";
import { quarterlyReview } from "../core/review/review";
import { reviewSheet } from "../core/review/sheet";
import { weeklyReport } from "../core/weekly/weekly";
import { weeklySheet } from "../core/weekly/sheet";
import { readSnapshot } from "../workbook/snapshot";
import { openXlsx } from "../workbook/node/xlsx-file";
import { renderReportSheet } from "../workbook/xlsx/exceljs/report-writer";
import { convertToPdf } from "./libreoffice";

async function main(): Promise<void> {
  const root = resolve(__dirname, "..");
  const opened = await openXlsx(join(root, "demo/TradeBook-demo.xlsx"));
  if (!opened.ok) throw new Error("run npm run demo first");
  const read = await readSnapshot(opened.value);
  if (!read.ok) throw new Error("demo workbook unreadable");
  const { snapshot, settings } = read.value;
  const index = indexSnapshot(snapshot);
  const today = Math.floor(serialAtInstant(new Date(), settings.WorkTimeZone));
  const meta = { companyName: settings.CompanyName || "宁波光明照明有限公司", generatedAt: "2026-11-27 09:00" };
  const review = quarterlyReview(snapshot, index, previousQuarter(quarterOf(today)), settings);
  const who = snapshot.Salespeople[0].Name;
  const weekly = weeklyReport(snapshot, index, who, isoWeekOf(today - 7), settings);
  const dir = mkdtempSync(join(tmpdir(), "tb-readme-"));
  const files: string[] = [];
  for (const [name, sheet] of [["review", reviewSheet(review, "zh-CN", meta)], ["weekly", weeklySheet(weekly, "zh-CN", meta)]] as const) {
    const wb = new ExcelJS.Workbook();
    renderReportSheet(wb, sheet);
    const file = join(dir, `${name}.xlsx`);
    await wb.xlsx.writeFile(file);
    files.push(file);
  }
  convertToPdf(dir, files, dir);
  const out = join(root, "docs/images");
  mkdirSync(out, { recursive: true });
  for (const name of ["review", "weekly"]) {
    execFileSync("pdftoppm", ["-png", "-r", "110", "-singlefile", join(dir, `${name}.pdf`), join(out, `${name}-zh-CN`)]);
  }
  console.log(`wrote ${out}/review-zh-CN.png and weekly-zh-CN.png`);
}

void main();
