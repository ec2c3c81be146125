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

/**
 * Sheet names. Excel caps them at 31 characters and forbids / \ : * ? [ ]
 * (and an apostrophe at either end); it compares them without regard to
 * case. A report's name must be unique and stable: the same report always
 * gets the same name, so a rerun replaces exactly its own sheet, and two
 * reports never share one. So a name is never cut silently: the part that
 * may be shortened (a salesperson's name) is shortened, the period (week,
 * quarter) never, and a shortened or changed part gets a short tag of the
 * original ("~k3f9"), the same on every run, different for different names.
 */
export const MAX_SHEET_NAME = 31;

const FORBIDDEN = /[[\]:*?/\\]/g;

/** A stable 4-character tag of a text (FNV-1a, base 36): what tells two shortened names apart. */
export function nameTag(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `~${(h % 36 ** 4).toString(36).padStart(4, "0")}`;
}

/** The text with Excel's forbidden characters (and apostrophes at either end) replaced by "-". */
function cleaned(text: string): string {
  return text.replace(FORBIDDEN, "-").replace(/^'|'$/g, "-");
}

/** At most `max` UTF-16 units of `text`, never cutting a character in two. */
function cut(text: string, max: number): string {
  let out = "";
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out.trimEnd();
}

/** Any name made safe for Excel: as it is when it already is, else cleaned, cut and tagged with the original. */
export function safeSheetName(name: string): string {
  const clean = cleaned(name);
  if (clean === name && name.length <= MAX_SHEET_NAME && name.trim() !== "") return name;
  const tag = nameTag(name);
  return cut(clean, MAX_SHEET_NAME - tag.length) + tag;
}

/**
 * A report sheet's name: "TITLE SUBJECT PERIOD" ("周报 王芳 2026-W47") or
 * "TITLE PERIOD". Only the subject is ever shortened or changed, and then
 * tagged; the title and the period stay whole.
 */
export function reportSheetName(title: string, period: string, subject?: string): string {
  if (subject === undefined) return safeSheetName(`${title} ${period}`);
  const full = `${title} ${subject} ${period}`;
  const clean = cleaned(subject);
  if (clean === subject && full.length <= MAX_SHEET_NAME) return full;
  const tag = nameTag(subject);
  const room = MAX_SHEET_NAME - title.length - period.length - 2 - tag.length;
  return safeSheetName(`${title} ${cut(clean, Math.max(0, room))}${tag} ${period}`);
}

/**
 * Reports written together, with names that differ in case only (Excel
 * holds them to be the same sheet) told apart by a tag of each original.
 */
export function distinctSheetNames<S extends ReportSheet>(sheets: readonly S[]): S[] {
  const count = new Map<string, number>();
  for (const s of sheets) count.set(s.name.toLowerCase(), (count.get(s.name.toLowerCase()) ?? 0) + 1);
  return sheets.map((s) => {
    if ((count.get(s.name.toLowerCase()) ?? 0) < 2) return s;
    const tag = nameTag(s.name);
    const space = s.name.lastIndexOf(" ");
    // Before the period, which stays last and whole.
    const [head, period] = space > 0 ? [s.name.slice(0, space), s.name.slice(space)] : [s.name, ""];
    return { ...s, name: cut(head, MAX_SHEET_NAME - tag.length - period.length) + tag + period };
  });
}
