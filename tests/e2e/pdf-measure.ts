/**
 * What a printed PDF shows, read with poppler: each page's size and every
 * word with its box (`pdftotext -bbox-layout`). A word's box is as tall as
 * its font's ascent plus descent, a fixed multiple of the font size, so the
 * size in points is the box height over that multiple; the multiple is
 * measured on a PDF of known sizes printed in the same LibreOffice run
 * (calibrationSheet), not assumed.
 */
import { execFileSync } from "node:child_process";
import ExcelJS from "exceljs";

export interface Word {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

export interface Page {
  readonly width: number;
  readonly height: number;
  readonly words: readonly Word[];
}

const attr = (tag: string, name: string): number => Number(new RegExp(`\\b${name}="([\\d.]+)"`).exec(tag)?.[1] ?? NaN);
const unescape = (s: string): string => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, "&");

/** Every page of `pdf` with its words. */
export function pagesOf(pdf: string): Page[] {
  const html = execFileSync("pdftotext", ["-bbox-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
  return [...html.matchAll(/<page\b([^>]*)>([\s\S]*?)<\/page>/g)].map((m) => ({
    width: attr(m[1], "width"),
    height: attr(m[1], "height"),
    words: [...m[2].matchAll(/<word\b([^>]*)>([\s\S]*?)<\/word>/g)].map((w) => ({
      text: unescape(w[2]),
      xMin: attr(w[1], "xMin"),
      yMin: attr(w[1], "yMin"),
      xMax: attr(w[1], "xMax"),
      yMax: attr(w[1], "yMax"),
    })),
  }));
}

/** The text of a page in reading order, without white space (pdftotext spaces CJK glyphs unevenly). */
export function pageText(page: Page): string {
  return page.words.map((w) => w.text).join("");
}

/** Font sizes the calibration sheet prints, each on a row of its own, in this order. */
export const CALIBRATION_POINTS = [8, 10, 14] as const;

/** A sheet printing "Hello 季度" at each of CALIBRATION_POINTS, at 100 %, in the report font. */
export function calibrationSheet(font: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("calibration", { pageSetup: { paperSize: 9, orientation: "portrait", scale: 100 } });
  ws.getColumn(1).width = 40;
  CALIBRATION_POINTS.forEach((size, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = `Hello 季度`;
    cell.font = { name: font, size };
  });
  return wb;
}

/** Box height per point of font size, from the calibration PDF; throws when the rows disagree. */
export function boxPerPoint(calibrationPdf: string): number {
  const words = pagesOf(calibrationPdf)[0].words;
  const rows = [...new Set(words.map((w) => Math.round(w.yMin)))].sort((a, b) => a - b);
  const ratios = rows.map((y, i) => {
    const inRow = words.filter((w) => Math.round(w.yMin) === y);
    return Math.max(...inRow.map((w) => w.yMax - w.yMin)) / CALIBRATION_POINTS[i];
  });
  if (ratios.length !== CALIBRATION_POINTS.length || Math.max(...ratios) - Math.min(...ratios) > 0.02) throw new Error(`calibration rows disagree: ${ratios.join(", ")}`);
  return ratios.reduce((a, b) => a + b, 0) / ratios.length;
}

/** The font size of each word in points. */
export function wordPoints(page: Page, perPoint: number): { word: Word; points: number }[] {
  return page.words.map((word) => ({ word, points: (word.yMax - word.yMin) / perPoint }));
}
