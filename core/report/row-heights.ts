/**
 * How tall each row of a report sheet must be for its text to show: neither
 * Excel nor LibreOffice grows a row for a merged cell, nor for rows a
 * program laid out, so the writers set the heights themselves.
 *
 * A row is as tall as the host that wraps its text into the most lines
 * needs, so no host cuts a line off; the other shows a little white space.
 */
import { excelColumnPoints, wideColumnPoints } from "./page";
import type { ReportSheet } from "./sheet";

/**
 * Points a line of text takes, per point of font size: Noto Sans CJK, which
 * LibreOffice sets Chinese in, runs 1.448 (ascender 1.16 + descender 0.288);
 * Microsoft YaHei 1.32.
 */
const LINE_SPACING = 1.45;
/** Points of cell padding, left and right together. */
const PADDING = 4;

/**
 * The two hosts a sheet must read well in, each a column width and a Latin
 * character's average advance per point of font size: Excel (narrow
 * columns, Microsoft YaHei's Segoe-like Latin, about 0.56 em) and
 * LibreOffice without Calibri (columns a third wider, DejaVu Sans, 0.62 em).
 * CJK characters take a full em in both.
 */
const HOSTS = [
  { columnPoints: excelColumnPoints, latin: 0.56 },
  { columnPoints: wideColumnPoints, latin: 0.62 },
] as const;

/** Lines `text` takes at `size` points in a cell `width` points wide, breaking between words where it can. */
export function linesOf(text: string, size: number, width: number, latin: number): number {
  // Characters from U+2E80 on (CJK, full-width forms) take a full em.
  const advance = (ch: string): number => ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : latin);
  const room = Math.max(size, width - PADDING);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    lines += 1;
    let used = 0;
    // Words and single CJK characters: either may start a new line.
    for (const word of paragraph.match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+\s*|\s+/g) ?? []) {
      const w = [...word].reduce((sum, ch) => sum + advance(ch) * size, 0);
      if (w > room) {
        // A word longer than the cell breaks inside itself.
        if (used > 0) lines += 1;
        lines += Math.floor(w / room);
        used = w % room;
      } else if (used + w > room) {
        lines += 1;
        used = w;
      } else used += w;
    }
  }
  return lines;
}

/** Row → points for every row whose text needs more than one default line, and the sheet's own minimum heights. */
export function rowHeights(sheet: ReportSheet, defaultSize: number): Map<number, number> {
  // A merged cell is as wide as its columns together: the last column of each merge, by its first cell.
  const mergedTo = new Map(sheet.merges.map((m) => [`${m.fromRow},${m.fromCol}`, m.toCol] as const));
  const widthOf = (row: number, col: number, points: (chars: number) => number): number => {
    let w = 0;
    for (let c = col; c <= (mergedTo.get(`${row},${col}`) ?? col); c++) w += points(sheet.columnWidths[c - 1] ?? 10);
    return w;
  };
  const heights = new Map<number, number>();
  const atLeast = (row: number, points: number): void => void heights.set(row, Math.max(heights.get(row) ?? 0, Math.ceil(points)));
  for (const c of sheet.cells) {
    const size = c.style?.size ?? defaultSize;
    const text = c.value;
    if (typeof text !== "string" || text === "") continue;
    const lines = c.style?.wrap ? Math.max(...HOSTS.map((h) => linesOf(text, size, widthOf(c.row, c.col, h.columnPoints), h.latin))) : 1;
    // Large type (titles) and wrapped text need more than the default 15 points.
    const points = lines * size * LINE_SPACING + 3;
    if (lines > 1 || points > 15) atLeast(c.row, Math.min(409, points));
  }
  for (const [row, points] of Object.entries(sheet.rowHeights ?? {})) atLeast(Number(row), points);
  return heights;
}
