/**
 * A small helper for laying out a ReportSheet (core/report/sheet.ts) row by
 * row: the review and weekly sheets say what goes where, this keeps the
 * bookkeeping (cells, merges, widths) in one place.
 */
import type { CellBlock, CellStyle, ChartSpec, ConditionalMark, DataBar, MergedRange, PrintSetup, ReportCell, ReportCellValue, ReportSheet } from "./sheet";
import { safeSheetName } from "./sheet";
import { scaleToFit } from "./page";
import { localize, type Lang, type LocalizedText } from "../contract/schema";

/** Points between sections. */
const GAP_POINTS = 8;

/** Body text size: the smallest on the page, comfortably above MIN_PRINTED_POINTS. */
export const BODY_POINTS = 9;

export const STYLE = {
  title: { bold: true, size: 14 },
  subtitle: { italic: true, size: BODY_POINTS, color: "595959" },
  section: { bold: true, size: 11, color: "1F4E79" },
  header: { bold: true, size: BODY_POINTS, fill: "DDEBF7", border: true, align: "center", wrap: true },
  label: { bold: true, size: BODY_POINTS, fill: "F2F2F2", border: true, wrap: true },
  text: { size: BODY_POINTS, border: true },
  wrap: { size: BODY_POINTS, border: true, wrap: true },
  int: { size: BODY_POINTS, border: true, format: "int", align: "right" },
  money: { size: BODY_POINTS, border: true, format: "money", align: "right" },
  percent: { size: BODY_POINTS, border: true, format: "percent", align: "right" },
  /** A label before a line to sign or write on. */
  signLabel: { bold: true, size: BODY_POINTS, align: "right", valign: "bottom" },
  /** The line itself: an empty cell underlined. */
  signLine: { size: BODY_POINTS, border: "bottom", valign: "bottom" },
} as const satisfies Record<string, CellStyle>;

/** Red for failures, amber for work in progress, green for passed. */
export const MARK = {
  failed: { fill: "FFC7CE", color: "9C0006" },
  progress: { fill: "FFEB9C", color: "9C5700" },
  passed: { fill: "C6EFCE", color: "006100" },
} as const;

/** Words every printable report's subtitle and footer share. */
export const REPORT_TEXT = {
  generated: { zh: "生成于", en: "Generated" },
  page: { zh: "第 &P 页 / 共 &N 页", en: "Page &P of &N" },
} as const satisfies Record<string, LocalizedText>;

/** Text for an Excel header/footer: a literal "&" must be doubled there. */
export function headerFooterText(text: string): string {
  return text.replace(/&/g, "&&");
}

export class SheetLayout {
  private readonly cells: ReportCell[] = [];
  private readonly merges: MergedRange[] = [];
  private readonly widths: number[] = [];
  private readonly heights: Record<number, number> = {};
  private readonly breaks: number[] = [];
  readonly conditional: ConditionalMark[] = [];
  readonly dataBars: DataBar[] = [];
  readonly charts: ChartSpec[] = [];
  /** The next free row (1-based). */
  row = 1;

  constructor(readonly lang: Lang) {}

  t(text: LocalizedText): string {
    return localize(text, this.lang);
  }

  put(row: number, col: number, value: ReportCellValue, style?: CellStyle): void {
    this.cells.push(style ? { row, col, value, style } : { row, col, value });
  }

  merge(fromRow: number, fromCol: number, toRow: number, toCol: number): void {
    if (toRow > fromRow || toCol > fromCol) this.merges.push({ fromRow, fromCol, toRow, toCol });
  }

  /** At least `chars` wide; a column only ever grows. */
  width(col: number, chars: number): void {
    // 0 until set: a column nobody sized gets Excel's usual 10 when the sheet is built.
    while (this.widths.length < col) this.widths.push(0);
    this.widths[col - 1] = Math.max(this.widths[col - 1], chars);
  }

  /** A line of text across `span` columns, then move down. */
  line(text: string, style: CellStyle, span: number): number {
    const r = this.row++;
    this.put(r, 1, text, style);
    this.merge(r, 1, r, span);
    return r;
  }

  /** `value` across columns `col`..`toCol` of `row`, every cell of the span styled (Excel draws a merged cell's borders from each of its cells). */
  span(row: number, col: number, toCol: number, value: ReportCellValue, style: CellStyle): void {
    this.put(row, col, value, style);
    for (let c = col + 1; c <= toCol; c++) this.put(row, c, null, style);
    this.merge(row, col, row, toCol);
  }

  /** One row of cells from column 1, then move down. */
  cellsRow(values: readonly { value: ReportCellValue; style?: CellStyle }[]): number {
    const r = this.row++;
    values.forEach((v, i) => this.put(r, i + 1, v.value, v.style));
    return r;
  }

  /** Row `row` at least `points` tall. */
  height(row: number, points: number): void {
    this.heights[row] = Math.max(this.heights[row] ?? 0, points);
  }

  /** Row `row` starts a new printed page. */
  pageBreak(row: number): void {
    this.breaks.push(row);
  }

  skip(n = 1): void {
    this.row += n;
  }

  /** An empty row, thinner than a line of text: space between sections. */
  gap(): void {
    this.height(this.row, GAP_POINTS);
    this.row += 1;
  }

  block(fromRow: number, fromCol: number, toRow: number, toCol: number): CellBlock {
    return { fromRow, fromCol, toRow, toCol };
  }

  /** The sheet, its print scale worked out from the column widths (core/report/page.ts). */
  build(name: string, print: Omit<PrintSetup, "scale">, freezeRows?: number): ReportSheet {
    const titleColumns = print.titleColumns ? print.titleColumns.to : 0;
    const widths = this.widths.map((w) => (w > 0 ? w : 10));
    return {
      name: safeSheetName(name),
      cells: this.cells,
      merges: this.merges,
      columnWidths: widths,
      freezeRows,
      rowHeights: this.heights,
      pageBreaks: this.breaks,
      conditional: this.conditional,
      dataBars: this.dataBars,
      charts: this.charts,
      print: { ...print, scale: scaleToFit(widths, print.orientation, print.fitToWidth, titleColumns) },
    };
  }
}
