/**
 * A printable report sheet as data: what to write, not how. core/review/review and
 * core/weekly/weekly build one; each workbook adapter renders it (Office.js adds
 * native charts, exceljs draws data bars instead).
 */
import type { Orientation } from "./page";

export type ReportCellValue = string | number | null;

export type NumberFormatKind = "text" | "int" | "money" | "percent" | "date" | "datetime";

export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Font size in points. */
  readonly size?: number;
  /** "RRGGBB" */
  readonly color?: string;
  /** "RRGGBB" background fill. */
  readonly fill?: string;
  readonly align?: "left" | "center" | "right";
  /** Top unless said: a wrapped neighbour makes a row tall. */
  readonly valign?: "top" | "bottom";
  readonly wrap?: boolean;
  /** Thin borders all round, or only below (a line to write on). */
  readonly border?: boolean | "bottom";
  readonly format?: NumberFormatKind;
}

export interface ReportCell {
  /** 1-based row and column. */
  readonly row: number;
  readonly col: number;
  readonly value: ReportCellValue;
  readonly style?: CellStyle;
}

export interface MergedRange {
  readonly fromRow: number;
  readonly fromCol: number;
  readonly toRow: number;
  readonly toCol: number;
}

/** A rectangular block of cells, for conditional formats, data bars and charts. */
export interface CellBlock {
  readonly fromRow: number;
  readonly fromCol: number;
  readonly toRow: number;
  readonly toCol: number;
}

export interface ConditionalMark {
  /** Cells to mark where their text equals `equals`. */
  readonly block: CellBlock;
  readonly equals: string;
  readonly fill: string;
  readonly color?: string;
}

export interface DataBar {
  readonly block: CellBlock;
  /** "RRGGBB" */
  readonly color: string;
}

export interface ChartSpec {
  readonly kind: "bar" | "column" | "pie";
  readonly title: string;
  /** Categories in the first column of the block, values in the second (header row first). */
  readonly data: CellBlock;
  /** Where to anchor the chart (top-left cell). */
  readonly anchor: { readonly row: number; readonly col: number };
}

export interface PrintSetup {
  readonly orientation: Orientation;
  readonly paper: "A4";
  /** Fit to this many pages wide (height unlimited). */
  readonly fitToWidth: number;
  /**
   * The same fit as a fixed percentage, computed from the column widths
   * (core/report/page.ts), for hosts that apply a scale but may not apply a
   * fit (Office.js, workbook/office/page-layout.ts).
   */
  readonly scale: number;
  /** Rows repeated on every printed page (1-based, inclusive). */
  readonly titleRows?: { readonly from: number; readonly to: number };
  /** Columns repeated at the left of every printed page, when a sheet prints several pages wide. */
  readonly titleColumns?: { readonly from: number; readonly to: number };
  /** Header and footer text: left, center, right. `&P`, `&N`, `&D`, `&T` as in Excel. */
  readonly header: { readonly left?: string; readonly center?: string; readonly right?: string };
  readonly footer: { readonly left?: string; readonly center?: string; readonly right?: string };
}

export interface ReportSheet {
  /** The sheet name, e.g. "季度考核 2026-Q3"; at most 31 characters, no []:*?/\ */
  readonly name: string;
  readonly cells: readonly ReportCell[];
  readonly merges: readonly MergedRange[];
  /** Width in characters per column, 1-based index. */
  readonly columnWidths: readonly number[];
  readonly freezeRows?: number;
  /** Rows that start a new printed page. */
  readonly pageBreaks?: readonly number[];
  /** Rows at least this tall, in points (row → points): room to write by hand. */
  readonly rowHeights?: Readonly<Record<number, number>>;
  readonly conditional: readonly ConditionalMark[];
  readonly dataBars: readonly DataBar[];
  readonly charts: readonly ChartSpec[];
  readonly print: PrintSetup;
}

/** Excel forbids these in sheet names and caps them at 31 characters. */
export function safeSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, "-").slice(0, 31);
}
