/**
 * One <c> element as the port's plain value, as exceljs's load
 * (xform/sheet/cell-xform.js) followed by workbook/xlsx/exceljs/read-cell.ts reads it:
 * what the user sees in the cell (a formula's cached 0 or FALSE included:
 * read-cell.ts readExcelCell gets it past exceljs's value getter).
 */
import { from1904, read1904Date, serialFromExcelJsDate } from "../../../core/contract/dates";
import type { CellValue } from "../../../core/contract/raw";
import { xmlDecodeAgain } from "../ooxml/xml-decode";
import type { StringTable } from "./shared-strings";

/** A cell as written: its type attribute, style, whether it holds a formula, and its texts. */
export interface RawCell {
  /** The `t` attribute (undefined for a number). */
  readonly t: string | undefined;
  /** The `s` attribute, 0 when absent. */
  readonly s: number;
  readonly formula: boolean;
  /** The <v> (and plain <t>) text, entity-decoded; undefined when the cell has none or `n` holds it. */
  readonly v: string | undefined;
  /**
   * A plain <v> of a number or shared-string cell (digits, a point, a
   * minus) as the number parseFloat makes of it, read without slicing the
   * text (sheet-scan.ts plainNumber); undefined otherwise.
   */
  readonly n: number | undefined;
  /** Rich text runs' texts of an inline string, joined; undefined without runs. */
  readonly runs: string | undefined;
}

export interface CellContext {
  /** The shared strings (an array, or the table shared-strings.ts decodes as asked). */
  readonly sharedStrings: StringTable;
  /** Index → length of the shared strings longer than a cell of Excel holds (blank in sharedStrings). */
  readonly tooLongStrings?: ReadonlyMap<number, number>;
  readonly dateStyles: ReadonlySet<number>;
  readonly date1904: boolean;
}

/** exceljs's excelToDate then read-cell's serial: a date-formatted number's value. */
function dateSerial(v: unknown, date1904: boolean): CellValue {
  const ms = Math.round(((v as number) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? null : serialFromExcelJsDate(d);
}

const NONE = Symbol("none");
/** An error value, as exceljs's {error} object. */
class ErrorValue {
  constructor(readonly code: string) {}
}
type Loaded = string | number | boolean | ErrorValue | typeof NONE;

/**
 * The value exceljs loads (`result` for a formula), before read-cell; NONE
 * for a cell without value. A date-formatted number is already a serial
 * (a Date in exceljs), flagged by `dated`.
 */
function loaded(c: RawCell, ctx: CellContext): { value: Loaded; dated: boolean } {
  const isDate = c.s !== 0 && ctx.dateStyles.has(c.s);
  if (c.formula) {
    if (!c.v) return { value: NONE, dated: false };
    let result: string | number | boolean | ErrorValue;
    if (c.t === "str") result = xmlDecodeAgain(c.v);
    else if (c.t === "b") result = parseInt(c.v, 10) !== 0;
    else if (c.t === "e") result = new ErrorValue(c.v);
    else result = parseFloat(c.v);
    // What Excel shows, a cached 0 or FALSE included.
    if (!isDate) return { value: Number.isNaN(result) ? NONE : result, dated: false };
    // exceljs converts any cached result of a date-formatted formula (JS coercion: an error becomes NaN → blank).
    const asNumber = result instanceof ErrorValue ? NaN : result;
    const serial = dateSerial(asNumber, ctx.date1904);
    return { value: serial === null ? NONE : serial, dated: true };
  }
  if (c.runs !== undefined) return { value: c.runs, dated: false };
  if (c.n !== undefined) return c.t === "s" ? sharedString(ctx, c.n) : number(c.n, isDate, ctx);
  if (c.v === undefined) return { value: NONE, dated: false };
  switch (c.t) {
    case "s":
      return sharedString(ctx, parseInt(c.v, 10));
    case "str":
      return { value: xmlDecodeAgain(c.v), dated: false };
    case "inlineStr":
      return { value: c.v, dated: false };
    case "b":
      return { value: parseInt(c.v, 10) !== 0, dated: false };
    case "e":
      return { value: new ErrorValue(c.v), dated: false };
    default:
      return number(parseFloat(c.v), isDate, ctx);
  }
}

function sharedString(ctx: CellContext, index: number): { value: Loaded; dated: boolean } {
  const s = ctx.sharedStrings.at(index);
  return { value: s === null || s === undefined ? NONE : s, dated: false };
}

/** A number cell's value: a serial when its style shows a date. */
function number(n: number, isDate: boolean, ctx: CellContext): { value: Loaded; dated: boolean } {
  if (!isDate) return { value: n, dated: false };
  const serial = dateSerial(n, ctx.date1904);
  return { value: serial === null ? NONE : serial, dated: true };
}

/**
 * The cell's port value. `asDate1904`: the column is a date column of a
 * 1904 workbook, where a plain number is a 1904 serial. `hyperlink`: the
 * target exceljs found for the cell; a hyperlink cell shows its text, or
 * the target when its value is not text.
 */
export function cellValue(c: RawCell, ctx: CellContext, asDate1904: boolean, hyperlink?: string): CellValue {
  const { value, dated } = loaded(c, ctx);
  if (hyperlink !== undefined) return typeof value === "string" ? value : hyperlink;
  if (value === NONE) return null;
  if (value instanceof ErrorValue) return value.code;
  if (typeof value === "number" && asDate1904) return read1904Date(dated ? value : from1904(value));
  return value;
}

