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

/** A block of cells on its sheet (0-based), as data validation and conditional formats cover them. */
export interface Box {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Rows on a sheet (Excel's grid). */
export const SHEET_ROWS = 1_048_576;

export class SheetState {
  protected_ = false;
  private readonly columns = new Map<number, ColumnStore>();
  readonly merges: string[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly styles = new Map<string, Record<string, unknown>>();
  readonly conditionalFormats: ConditionalRecord[] = [];
  /** Where each conditional format applies (kept apart so the records stay as report tests see them). */
  readonly conditionalAreas: { readonly record: ConditionalRecord; readonly boxes: Box[] }[] = [];
  /** Data validation rules and the cells they cover. */
  readonly validations: { readonly rule: unknown; readonly boxes: Box[] }[] = [];
  readonly charts: ChartRecord[] = [];
  readonly pageLayout: Record<string, unknown> = {};
  /** Where horizontalPageBreaks.add put a break (above that range). */
  readonly pageBreaks: string[] = [];
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

  /** Entire rows inserted at `at` (0-based), everything from there moving down `n` rows. */
  insertRows(at: number, n: number): void {
    for (const col of this.columns.values()) {
      if (col.values.length > at) col.values.splice(at, 0, ...new Array<undefined>(n));
      shiftKeys(col.formulas, at, n);
      shiftKeys(col.formats, at, n);
    }
    for (const b of this.boxes()) {
      if (b.row >= at) b.row += n;
      else if (b.row + b.rows > at) b.rows += n;
    }
  }

  /** Entire rows [at, at + n) deleted, everything below moving up. */
  deleteRows(at: number, n: number): void {
    for (const col of this.columns.values()) {
      col.values.splice(at, n);
      for (let r = at; r < at + n; r++) {
        col.formulas.delete(r);
        col.formats.delete(r);
      }
      shiftKeys(col.formulas, at + n, -n);
      shiftKeys(col.formats, at + n, -n);
    }
    for (const b of this.boxes()) {
      const top = Math.max(b.row, at);
      const bottom = Math.min(b.row + b.rows, at + n);
      const cut = Math.max(0, bottom - top);
      if (b.row >= at + n) b.row -= n;
      else if (b.row > at) b.row = at;
      b.rows -= cut;
    }
    for (const list of [this.validations, this.conditionalAreas]) for (const v of list) v.boxes.splice(0, v.boxes.length, ...v.boxes.filter((b) => b.rows > 0));
  }

  /** Rows `order` (sheet rows, 0-based) rearranged into `first`, `first + 1`, … within columns [col, col + cols). */
  placeRows(order: readonly number[], first: number, col: number, cols: number): void {
    for (let c = col; c < col + cols; c++) {
      const store = this.column(c);
      const taken = order.map((r) => ({ value: store.values[r], formula: store.formulas.get(r), format: store.formats.get(r) }));
      taken.forEach((cell, i) => {
        const r = first + i;
        if (cell.value === undefined) delete store.values[r];
        else store.values[r] = cell.value;
        if (cell.formula === undefined) store.formulas.delete(r);
        else store.formulas.set(r, cell.formula);
        if (cell.format === undefined) store.formats.delete(r);
        else store.formats.set(r, cell.format);
      });
    }
  }

  private boxes(): Box[] {
    return [...this.validations, ...this.conditionalAreas].flatMap((v) => v.boxes);
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

/** A map keyed by row moved `delta` rows for keys at or after `from`. */
function shiftKeys<V>(map: Map<number, V>, from: number, delta: number): void {
  const moved = [...map].filter(([r]) => r >= from);
  for (const [r] of moved) map.delete(r);
  for (const [r, v] of moved) map.set(r + delta, v);
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

/** A handler registered through workbook.tables.onChanged. */
export type TableChangedHandler = (args: { tableId: string; source: string; changeType: string }) => Promise<unknown>;

export class WorkbookState {
  readonly sheets: SheetState[] = [];
  readonly tables: TableState[] = [];
  date1904 = false;
  /** AutoCorrect → AutoFormat As You Type → "Include new rows and columns in table" (on by default). */
  autoExpandTables = true;
  readonly tableChangedHandlers = new Set<TableChangedHandler>();

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

/**
 * Excel takes rows written right below a table into it (AutoCorrect "include
 * new rows"), but only when no data validation sits on the cells below the
 * table, unless it covers the entire column: Microsoft's co-authoring
 * guidance (https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins,
 * "Avoid table row coauthoring conflicts").
 */
export function autoExpand(state: WorkbookState, rect: Rect): void {
  if (!state.autoExpandTables) return;
  for (const t of state.tables) {
    if (t.sheet !== rect.sheet || t.showTotals) continue;
    const last = t.headerRow + t.rows;
    const overlaps = rect.col < t.col + t.cols && rect.col + rect.cols > t.col;
    if (!overlaps || rect.row > last + 1 || rect.row + rect.rows - 1 <= last) continue;
    if (validationBelow(t, last + 1, rect.row + rect.rows - 1)) continue;
    growTable(t, rect.row + rect.rows - 1 - t.headerRow);
  }
}

/** True when a data validation rule covers cells of the table's columns in sheet rows [from, to], short of the entire column. */
export function validationBelow(t: TableState, from: number, to: number): boolean {
  return t.sheet.validations.some((v) =>
    v.boxes.some((b) => !(b.row === 0 && b.rows >= SHEET_ROWS) && b.col < t.col + t.cols && b.col + b.cols > t.col && b.row <= to && b.row + b.rows - 1 >= from),
  );
}

/**
 * The table grows (or shrinks) to `rows` body rows. Data validation and
 * conditional formats that cover a column of the table down to its last row
 * grow with it, as Excel carries a table column's rules into new rows.
 */
export function growTable(t: TableState, rows: number): void {
  const last = t.headerRow + t.rows;
  const newLast = t.headerRow + rows;
  if (newLast > last) {
    for (const list of [t.sheet.validations, t.sheet.conditionalAreas])
      for (const v of list)
        for (const b of v.boxes) if (b.col >= t.col && b.col + b.cols <= t.col + t.cols && b.row <= last && b.row + b.rows - 1 === last) b.rows = newLast - b.row + 1;
  }
  t.rows = rows;
}

export function assertWritable(rect: Rect): void {
  if (rect.sheet.protected_) throw new FakeOfficeError("AccessDenied", `The sheet '${rect.sheet.name}' is protected.`);
}
