/**
 * The printed page every sheet is laid out for: A4, narrow margins, and how
 * wide a column of `w` characters prints.
 *
 * A column width is counted in characters of the workbook's default font,
 * and hosts disagree on what that is in points:
 * - Excel (Calibri 11, 7-pixel digits): 7w + 5 pixels, 0.75 point each;
 * - LibreOffice without Calibri's metric twin falls back to DejaVu Sans, whose
 *   11-point digit is 7 points wide: 7w points, a third wider.
 * A sheet is laid out so that it fits the page in the wider reading (so no
 * host has to shrink it), and so that its text fits its cells in the
 * narrower one (so no host cuts a number to "###").
 */
export type Orientation = "portrait" | "landscape";

/** A4 in points (210 × 297 mm). */
export const A4 = { width: 595.28, height: 841.89 } as const;

/**
 * Margins in inches: Excel's "Narrow" sides (0.25), which every office
 * printer manages, and a little less than its 0.75 top and bottom, the
 * header and footer text still clear of the sheet.
 */
export const PAGE_MARGINS = { left: 0.25, right: 0.25, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 } as const;

const POINTS_PER_INCH = 72;

/** The text sizes no printed sheet goes below (points). */
export const MIN_PRINTED_POINTS = 8;

/** Width of the page inside the side margins, in points. */
export function printableWidth(orientation: Orientation): number {
  const page = orientation === "landscape" ? A4.height : A4.width;
  return page - (PAGE_MARGINS.left + PAGE_MARGINS.right) * POINTS_PER_INCH;
}

/** A column of `chars` characters in Excel, in points (what Office.js columnWidth takes). */
export function excelColumnPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** A column of `chars` characters in the wider reading (LibreOffice with DejaVu Sans), in points. */
export function wideColumnPoints(chars: number): number {
  return chars * 7;
}

/** The most points a column can take on paper, whichever host prints it. */
export function columnPoints(chars: number): number {
  return Math.max(excelColumnPoints(chars), wideColumnPoints(chars));
}

/** The width of `columns` (characters each) on paper at 100 %, whichever host prints it. */
export function sheetPoints(columns: readonly number[]): number {
  return columns.reduce((sum, w) => sum + columnPoints(w), 0);
}

/**
 * How many pages wide `columns` print at `scale` (a fraction), with the
 * columns `titleColumns` (the first n) repeated at the left of every page:
 * pages break between columns, as Excel and LibreOffice break them.
 */
export function pagesAcross(columns: readonly number[], orientation: Orientation, scale: number, titleColumns = 0, points: (chars: number) => number = columnPoints): number {
  const room = printableWidth(orientation) / scale;
  const title = columns.slice(0, titleColumns).reduce((s, w) => s + points(w), 0);
  let pages = 1;
  let used = title;
  for (const w of columns.slice(titleColumns)) {
    const p = points(w);
    if (used + p > room && used > title) {
      pages += 1;
      used = title;
    }
    used += p;
  }
  return pages;
}

/**
 * The largest whole percentage (at most 100, at least 10 as Office.js
 * allows) at which `columns` print `pagesWide` pages wide in Excel: what a
 * fit-to-width setting would come to, for hosts that only apply a fixed scale.
 */
export function scaleToFit(columns: readonly number[], orientation: Orientation, pagesWide: number, titleColumns = 0): number {
  for (let percent = 100; percent > 10; percent--) {
    if (pagesAcross(columns, orientation, percent / 100, titleColumns, excelColumnPoints) <= pagesWide) return percent;
  }
  return 10;
}
