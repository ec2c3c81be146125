/**
 * The README's pictures of the printed reports: the demo workbook's
 * quarterly review (its first page, the one signed) and its busiest weekly
 * report, made and written as every report is (app/reports.ts) and printed
 * by LibreOffice (PDF, then PNG), for a fixed day so the pictures change
 * only when the layout does:
 *   node -e 'require("tsx/cjs"); require("./scripts/render-readme-images.ts")'
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { parseISODate } from "../core/contract/dates";
import { writeReports } from "../app/reports";
import { XlsxWorkbook } from "../workbook/xlsx/exceljs/xlsx-workbook";
import { demoReports } from "./demo-reports";
import { convertToPdf } from "./libreoffice";

const DAY = "2026-11-27";

async function main(): Promise<void> {
  const root = resolve(__dirname, "..");
  const day = parseISODate(DAY);
  if (day === undefined) throw new Error(`not a date: ${DAY}`);
  const { review, weekly } = await demoReports("zh-CN", day, `${DAY} 09:00`);
  const dir = mkdtempSync(join(tmpdir(), "tb-readme-"));
  try {
    const files: string[] = [];
    for (const [name, sheet] of [["review", review], ["weekly", weekly]] as const) {
      // Written as every report is (app/reports.ts), into a workbook of its own.
      const wb = XlsxWorkbook.fromWorkbook(new ExcelJS.Workbook());
      const written = await writeReports(wb, [sheet]);
      if (!written.ok) throw new Error(`cannot write the ${name} sheet: ${written.error[0].message.en}`);
      const file = join(dir, `${name}.xlsx`);
      writeFileSync(file, await wb.toBuffer());
      files.push(file);
    }
    convertToPdf(dir, files, dir);
    const out = join(root, "docs/images");
    mkdirSync(out, { recursive: true });
    for (const name of ["review", "weekly"]) {
      execFileSync("pdftoppm", ["-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", join(dir, `${name}.pdf`), join(out, `${name}-zh-CN`)]);
    }
    console.log(`wrote ${out}/review-zh-CN.png and weekly-zh-CN.png`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
