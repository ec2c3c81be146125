/**
 * The workbook behind the fake Excel (tests/fakes/fake-excel.ts): sheets of
 * cells with values, formulas and number formats, Excel tables over them,
 * and what report features were applied. Cells behave like Excel's where the
 * adapter's correctness depends on it: a text written into a cell that is not
 * formatted as Text is parsed as Excel parses typing ("=…", "+…", "-…",
 * "@…" become formulas, "12" a number, a leading apostrophe a hidden quote
 * prefix); in a Text ("@") cell it stays the literal text.
 */
import type { CellValue } from "../../core/contract/raw";

/** An error as Office.js raises it: `code` is one of Excel.ErrorCodes. */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string = code,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export type Stored = string | number | boolean;

class ColumnStore {
  values: (Stored | undefined)[] = [];
  readonly formulas = new Map<number, string>();
  readonly formats = new Map<number, string>();
}

export interface ConditionalRecord {
  readonly type: string;
  address: string;
  readonly props: Record<string, unknown>;
}

export interface ChartRecord {
  readonly type: string;
  source: string;
  readonly props: Record<string, unknown>;
}

export class SheetState {
  protected_ = false;
  private readonly columns = new Map<number, ColumnStore>();
  readonly merges: string[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly styles = new Map<string, Record<string, unknown>>();
  readonly conditionalFormats: ConditionalRecord[] = [];
  readonly charts: ChartRecord[] = [];
  readonly pageLayout: Record<string, unknown> = {};
  frozenRows = 0;

  constructor(public name: string) {}

  private column(c: number): ColumnStore {
    let col = this.columns.get(c);
    if (!col) {
      col = new ColumnStore();
      this.columns.set(c, col);
    }
    return col;
  }

  value(r: number, c: number): Stored | null {
    return this.columns.get(c)?.values[r] ?? null;
  }
  formula(r: number, c: number): string | undefined {
    return this.columns.get(c)?.formulas.get(r);
  }
  format(r: number, c: number): string {
    return this.columns.get(c)?.formats.get(r) ?? "General";
  }
  setFormat(r: number, c: number, format: string): void {
    this.column(c).formats.set(r, format);
  }
  /** Stores exactly this (no parsing): for seeding and for Text cells. */
  setRaw(r: number, c: number, value: CellValue, formula?: string): void {
    const col = this.column(c);
    if (value === null || value === "") delete col.values[r];
    else col.values[r] = value;
    if (formula === undefined) col.formulas.delete(r);
    else col.formulas.set(r, formula);
  }

  /** A value written through the API, parsed the way Excel parses it for this cell's format. */
  write(r: number, c: number, input: Stored): void {
    if (typeof input !== "string" || this.format(r, c) === "@") return this.setRaw(r, c, input);
    if (input === "") return this.setRaw(r, c, null);
    if (input.startsWith("'")) return this.setRaw(r, c, input.slice(1));
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(input.trim())) return this.setRaw(r, c, Number(input));
    if (/^[=+\-@]/.test(input) && input.length > 1) {
      // Excel would calculate it; the fake only needs to know it became a formula.
      return this.setRaw(r, c, "#FORMULA", input.startsWith("=") ? input : `=${input}`);
    }
    this.setRaw(r, c, input);
  }

  /** Rows down to the last one holding a value (or formula), in any column. */
  extent(): { rows: number; cols: number } {
    let rows = 0;
    let cols = 0;
    for (const [c, col] of this.columns) {
      let last = col.values.length - 1;
      while (last >= 0 && col.values[last] === undefined) last--;
      for (const r of col.formulas.keys()) last = Math.max(last, r);
      if (last >= 0) {
        rows = Math.max(rows, last + 1);
        cols = Math.max(cols, c + 1);
      }
    }
    return { rows, cols };
  }

  /** The smallest block inside the given one that holds every non-blank cell of it, or null. */
  usedWithin(row: number, col: number, rows: number, cols: number): { row: number; col: number; rows: number; cols: number } | null {
    let top = Infinity;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    for (let c = col; c < col + cols; c++) {
      const store = this.columns.get(c);
      if (!store) continue;
      const end = Math.min(row + rows, Math.max(store.values.length, ...[...store.formulas.keys()].map((k) => k + 1)));
      for (let r = row; r < end; r++) {
        if (store.values[r] === undefined && !store.formulas.has(r)) continue;
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
        left = Math.min(left, c);
        right = Math.max(right, c);
      }
    }
    return bottom < 0 ? null : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }
}

export class TableState {
  showTotals = false;
  constructor(
    public name: string,
    public sheet: SheetState,
    public headerRow: number,
    public col: number,
    public cols: number,
    /** Data body rows; an Excel table always has at least one. */
    public rows: number,
  ) {}
}

export class WorkbookState {
  readonly sheets: SheetState[] = [];
  readonly tables: TableState[] = [];
  date1904 = false;

  sheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  table(name: string): TableState | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }
}

/** A block of cells on a sheet (0-based). */
export interface Rect {
  readonly sheet: SheetState;
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export function columnLetters(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function addressOf(r: Rect): string {
  const sheet = /^[A-Za-z0-9_]+$/.test(r.sheet.name) ? r.sheet.name : `'${r.sheet.name.replace(/'/g, "''")}'`;
  const from = `${columnLetters(r.col)}${r.row + 1}`;
  const to = `${columnLetters(r.col + r.cols - 1)}${r.row + r.rows}`;
  return `${sheet}!${from === to ? from : `${from}:${to}`}`;
}

/** Excel takes rows written right below a table into it (AutoCorrect "include new rows"). */
export function autoExpand(state: WorkbookState, rect: Rect): void {
  for (const t of state.tables) {
    if (t.sheet !== rect.sheet || t.showTotals) continue;
    const last = t.headerRow + t.rows;
    const overlaps = rect.col < t.col + t.cols && rect.col + rect.cols > t.col;
    if (overlaps && rect.row <= last + 1 && rect.row + rect.rows - 1 > last) t.rows = rect.row + rect.rows - 1 - t.headerRow;
  }
}

export function assertWritable(rect: Rect): void {
  if (rect.sheet.protected_) throw new FakeOfficeError("AccessDenied", `The sheet '${rect.sheet.name}' is protected.`);
}
