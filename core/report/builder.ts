/**
 * A small helper for laying out a ReportSheet (core/report/sheet.ts) row by
 * row: the review and weekly sheets say what goes where, this keeps the
 * bookkeeping (cells, merges, widths) in one place.
 */
import type { CellBlock, CellStyle, ChartSpec, ConditionalMark, DataBar, MergedRange, PrintSetup, ReportCell, ReportCellValue, ReportSheet } from "./sheet";
import { safeSheetName } from "./sheet";
import { localize, type Lang, type LocalizedText } from "../contract/schema";

export const STYLE = {
  title: { bold: true, size: 16 },
  subtitle: { italic: true, size: 10, color: "595959" },
  section: { bold: true, size: 12, color: "1F4E79" },
  header: { bold: true, fill: "DDEBF7", border: true, align: "center", wrap: true },
  label: { bold: true, fill: "F2F2F2", border: true },
  text: { border: true },
  wrap: { border: true, wrap: true },
  int: { border: true, format: "int", align: "right" },
  money: { border: true, format: "money", align: "right" },
  percent: { border: true, format: "percent", align: "right" },
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
    while (this.widths.length < col) this.widths.push(10);
    this.widths[col - 1] = Math.max(this.widths[col - 1], chars);
  }

  /** A line of text across `span` columns, then move down. */
  line(text: string, style: CellStyle, span: number): number {
    const r = this.row++;
    this.put(r, 1, text, style);
    this.merge(r, 1, r, span);
    return r;
  }

  /** One row of cells from column 1, then move down. */
  cellsRow(values: readonly { value: ReportCellValue; style?: CellStyle }[]): number {
    const r = this.row++;
    values.forEach((v, i) => this.put(r, i + 1, v.value, v.style));
    return r;
  }

  skip(n = 1): void {
    this.row += n;
  }

  block(fromRow: number, fromCol: number, toRow: number, toCol: number): CellBlock {
    return { fromRow, fromCol, toRow, toCol };
  }

  build(name: string, print: PrintSetup, freezeRows?: number): ReportSheet {
    return {
      name: safeSheetName(name),
      cells: this.cells,
      merges: this.merges,
      columnWidths: this.widths,
      freezeRows,
      conditional: this.conditional,
      dataBars: this.dataBars,
      charts: this.charts,
      print,
    };
  }
}
