/**
 * Shared parts of the xlsx-package tests: the report sheets from the
 * hand-built review fixture, source workbooks, and what exceljs reads back
 * of a sheet (everything a report sets), to compare two writers' output.
 */
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { indexSnapshot } from "../../../../core/index/indexes";
import type { Lang } from "../../../../core/contract/schema";
import type { ReportSheet } from "../../../../core/report/sheet";
import { quarterlyReview } from "../../../../core/review/review";
import { reviewSheet } from "../../../../core/review/sheet";
import { DEFAULT_SETTINGS } from "../../../../core/contract/settings";
import { weeklyReport } from "../../../../core/weekly/weekly";
import { weeklySheet } from "../../../../core/weekly/sheet";
import { buildWorkbook } from "../../../../templates/builder";
import { REVIEW_SNAPSHOT } from "../../../fixtures/review-snapshot";

const meta = { companyName: "宁波光明照明 R&D", generatedAt: "2026-10-08 09:30" };
const index = indexSnapshot(REVIEW_SNAPSHOT);
const review = quarterlyReview(REVIEW_SNAPSHOT, index, { year: 2026, quarter: 3 }, DEFAULT_SETTINGS);

export function reviewReport(lang: Lang): ReportSheet {
  return reviewSheet(review, lang, meta);
}

export function weeklyReports(lang: Lang): ReportSheet[] {
  return REVIEW_SNAPSHOT.Salespeople.map((p) => weeklySheet(weeklyReport(REVIEW_SNAPSHOT, index, p.Name, { year: 2026, week: 33 }, DEFAULT_SETTINGS), lang, meta));
}

export async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The blank workbook a team starts from (13 contract tables as Excel tables). */
export async function templateBytes(lang: Lang): Promise<Uint8Array> {
  return bytesOf(buildWorkbook(lang));
}

export async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

/** A sheet's conditional formats (exceljs's typings hide the list it reads). */
export function conditionalOf(ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
}

/**
 * A workbook as the benchmark's are written (exceljs's streaming writer):
 * plain sheets with the header in row 1, shared strings, date formats, no
 * defined names, an empty <dxfs/>.
 */
export async function streamedBytes(date1904 = false): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: true });
  if (date1904) wb.properties = { ...wb.properties, date1904: true };
  const ws = wb.addWorksheet("客户");
  ws.addRow(["CustomerID", "Company", "CreatedOn"]).commit();
  for (const c of REVIEW_SNAPSHOT.Customers) {
    const row = ws.addRow([c.CustomerID, c.Company, new Date(Date.UTC(2026, 0, 1))]);
    row.getCell(3).numFmt = "yyyy-mm-dd";
    row.commit();
  }
  ws.commit();
  await wb.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

/** Everything a report sheet sets, as exceljs reads it back (style indices resolved). */
export function sheetLook(ws: ExcelJS.Worksheet): unknown {
  const cells: unknown[] = [];
  const heights: (number | undefined)[] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    heights[n] = row.height;
    row.eachCell({ includeEmpty: true }, (c) => {
      cells.push({ at: c.address, value: c.value, font: c.font, fill: c.fill, border: c.border, alignment: c.alignment, numFmt: c.numFmt });
    });
  });
  return {
    cells,
    heights,
    merges: [...ws.model.merges].sort(),
    widths: (ws.columns ?? []).map((c) => c.width),
    conditional: conditionalOf(ws),
    pageSetup: ws.pageSetup,
    headerFooter: ws.headerFooter,
    views: ws.views,
  };
}

/** Every entry's uncompressed bytes, by name. */
export async function entries(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Uint8Array>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) out.set(name, await file.async("uint8array"));
  return out;
}

export async function text(bytes: Uint8Array, part: string): Promise<string> {
  return (await (await JSZip.loadAsync(bytes)).file(part)?.async("string")) ?? "";
}
