/**
 * Turns what Excel hands a custom function into typed values, or a
 * #VALUE! error that names the argument and says what is wrong.
 *
 * Excel passes: numbers (dates are serials), strings, booleans, null or
 * undefined for an omitted optional argument, "" or null for a blank cell,
 * and 2-D arrays for ranges. Nothing here trusts that: hostile values (NaN,
 * Infinity, nested arrays, objects) all end as a clear error, never a
 * TypeError and never a silently wrong number.
 */
import { parseISODateTime, serialFromYMD, type DateTimeSerial } from "../core/contract/dates";
import type { CellValue } from "../core/contract/raw";
import { listOf, sayBoth, type LocalizedText, type Params } from "../core/contract/lang";
import type { TableName } from "../core/contract/schema";
import { matchHeader } from "../core/contract/spellings";
import { firstDateText, firstSerial, fromWorkbook, type DateSystem } from "./date-system";
import { invalidValue, type FunctionError } from "./errors";
import { FUNCTION_MESSAGES, type FunctionMessageKey } from "./messages";

/** An argument's name in both languages, as messages show it. */
export type ArgName = LocalizedText;

/** A parsed argument or the error to show in the cell. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: FunctionError };

export const parsed = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const failed = (error: FunctionError): Parsed<never> => ({ ok: false, error });

/** Thrown by `must` so wrappers read straight; caught once per function call. */
export class ArgumentProblem {
  constructor(readonly error: FunctionError) {}
}

/** The value of a parse, or stop the function with its error. */
export function must<T>(p: Parsed<T>): T {
  if (!p.ok) throw new ArgumentProblem(p.error);
  return p.value;
}

const LAST_SERIAL = serialFromYMD(9999, 12, 31) + 1; // exclusive

/** "{arg}: {problem}" in both languages. */
export function argumentProblem(name: ArgName, problem: LocalizedText): LocalizedText {
  return sayBoth(FUNCTION_MESSAGES, "argument", { arg: name, problem });
}

/** The argument's problem `key`, in both languages, as #VALUE!. */
export function argumentError(name: ArgName, key: FunctionMessageKey, params?: Params): FunctionError {
  return invalidValue(argumentProblem(name, sayBoth(FUNCTION_MESSAGES, key, params)));
}

function bad(name: ArgName, key: FunctionMessageKey, params?: Params): Parsed<never> {
  return failed(argumentError(name, key, params));
}

/** A value as messages quote it: strings JSON-quoted and cut short, others by kind. */
export function describe(v: unknown): string {
  // JSON quoting shows control characters (a pasted newline) instead of breaking the message.
  if (typeof v === "string") {
    const quoted = JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
    return quoted.replace(/[\u2028\u2029\u0085]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  }
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return "a range";
  return typeof v;
}

/** Blank: omitted, null, or an empty cell (""), also as a 1×1 range. */
export function isBlank(v: unknown): boolean {
  const x = single(v);
  return x !== NOT_SINGLE && (x === null || x === undefined || (typeof x === "string" && x.trim() === ""));
}

const NOT_SINGLE: unique symbol = Symbol("not a single value");

/** A 1×1 range (or [x], [[x]]) stands for its one value; a bigger one is not a single value. */
function single(v: unknown): unknown {
  let x = v;
  for (let depth = 0; Array.isArray(x); depth++) {
    if (x.length !== 1 || depth > 2) return NOT_SINGLE;
    x = x[0];
  }
  return x;
}

function scalar(name: ArgName, v: unknown): Parsed<unknown> {
  const x = single(v);
  return x === NOT_SINGLE ? bad(name, "notSingle") : parsed(x);
}

function toNumber(x: unknown): number | undefined {
  if (typeof x === "number") return x;
  if (typeof x === "string" && x.trim() !== "" && /^[\s+-]*[\d.,eE+-]+\s*$/.test(x)) {
    const n = Number(x.trim().replace(/,/g, ""));
    return Number.isNaN(n) ? undefined : n;
  }
  return undefined;
}

export interface NumberRules {
  readonly min?: number;
  readonly integer?: boolean;
}

/** A finite number (numeric text accepted); booleans and other text are not numbers. */
export function numberArg(name: ArgName, v: unknown, rules: NumberRules = {}): Parsed<number> {
  const s = scalar(name, v);
  if (!s.ok) return s;
  if (isBlank(s.value)) return bad(name, "required");
  const n = toNumber(s.value);
  if (n === undefined) return bad(name, "notNumber", { got: describe(s.value) });
  if (!Number.isFinite(n)) return bad(name, "notFinite", { got: String(n) });
  if (rules.min !== undefined && n < rules.min) return bad(name, "belowMin", { min: rules.min, got: n });
  if (rules.integer && !Number.isInteger(n)) return bad(name, "notWhole", { got: n });
  return parsed(n);
}

export function optionalNumberArg(name: ArgName, v: unknown, rules: NumberRules = {}): Parsed<number | null> {
  return isBlank(v) ? parsed(null) : numberArg(name, v, rules);
}

/** Text; numbers are not silently turned into text. */
export function textArg(name: ArgName, v: unknown): Parsed<string> {
  const s = scalar(name, v);
  if (!s.ok) return s;
  if (isBlank(s.value)) return bad(name, "required");
  if (typeof s.value !== "string") return bad(name, "notText", { got: describe(s.value) });
  return parsed(s.value.trim());
}

export function optionalTextArg(name: ArgName, v: unknown): Parsed<string | null> {
  return isBlank(v) ? parsed(null) : textArg(name, v);
}

/**
 * An Excel date or date-time: a serial of the workbook's date system between
 * its first day (1900-01-01 or 1904-01-01) and 9999-12-31, or ISO text.
 * Returned as the 1900 serial every rule uses.
 */
export function dateArg(name: ArgName, v: unknown, system: DateSystem): Parsed<DateTimeSerial> {
  const s = scalar(name, v);
  if (!s.ok) return s;
  if (isBlank(s.value)) return bad(name, "required");
  if (typeof s.value === "string") {
    const d = parseISODateTime(s.value);
    return d === undefined
      ? bad(name, "notDateText", { got: describe(s.value) })
      : parsed(d);
  }
  if (typeof s.value !== "number") return bad(name, "notDate", { got: describe(s.value) });
  const serial = fromWorkbook(s.value, system);
  if (!Number.isFinite(s.value) || s.value < firstSerial(system) || serial >= LAST_SERIAL) {
    const first = firstDateText(system);
    return bad(name, "dateOutOfRange", { first, got: String(s.value) });
  }
  return parsed(serial);
}

export function optionalDateArg(name: ArgName, v: unknown, system: DateSystem): Parsed<DateTimeSerial | null> {
  return isBlank(v) ? parsed(null) : dateArg(name, v, system);
}

const YES = new Set(["y", "yes", "true", "是", "1"]);
const NO = new Set(["n", "no", "false", "否", "0"]);

/** TRUE/FALSE, 1/0, or Y/N (是/否) as the workbook's yn columns store it. */
export function yesNoArg(name: ArgName, v: unknown): Parsed<boolean> {
  const s = scalar(name, v);
  if (!s.ok) return s;
  const x = s.value;
  if (typeof x === "boolean") return parsed(x);
  if (typeof x === "number" && (x === 0 || x === 1)) return parsed(x === 1);
  if (typeof x === "string" && YES.has(x.trim().toLowerCase())) return parsed(true);
  if (typeof x === "string" && NO.has(x.trim().toLowerCase())) return parsed(false);
  return bad(name, "notYesNo", { got: describe(x) });
}

function cellOf(x: unknown): CellValue | undefined {
  if (x === null || x === undefined) return null;
  if (typeof x === "string") return x.trim() === "" ? null : x;
  if (typeof x === "number" || typeof x === "boolean") return x;
  return undefined;
}

/** One data row of a table argument: its 1-based row in the range, and its cells by column key. */
export interface TableArgRow {
  readonly row: number;
  readonly cells: Readonly<Record<string, CellValue>>;
}

/**
 * A range holding a contract table (CommissionTiers, ExchangeRates): either
 * the whole table with its header row (columns found by header, either
 * language) or just its data, whose first columns are `keys` in order.
 * A first row is a header when a cell that should hold a number holds text.
 * Blank rows are skipped.
 */
export function tableArg(name: ArgName, v: unknown, table: TableName, keys: readonly string[], numericKeys: readonly string[]): Parsed<TableArgRow[]> {
  const rows = Array.isArray(v) ? v : [[v]];
  const grid: CellValue[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const row: unknown = rows[r];
    const cells = Array.isArray(row) ? row : [row];
    const out: CellValue[] = [];
    for (const x of cells) {
      const c = cellOf(x);
      if (c === undefined) return bad(name, "notCellValue", { row: r + 1, got: describe(x) });
      out.push(c);
    }
    grid.push(out);
  }
  const width = Math.max(0, ...grid.map((g) => g.length));
  if (width < keys.length) {
    return bad(name, "tooFewColumns", { count: keys.length, columns: listOf(keys) });
  }
  const firstIndex = grid.findIndex((g) => g.some((c) => c !== null));
  let columns: Map<string, number> = new Map(keys.map((k, i) => [k, i]));
  let start = firstIndex;
  if (firstIndex >= 0) {
    const first = grid[firstIndex];
    const byHeader = new Map<string, number>();
    first.forEach((c, i) => {
      const def = typeof c === "string" ? matchHeader(table, c) : undefined;
      if (def && keys.includes(def.key) && !byHeader.has(def.key)) byHeader.set(def.key, i);
    });
    const looksLikeHeader = numericKeys.some((k) => typeof first[columns.get(k) ?? -1] === "string" && toNumber(first[columns.get(k) ?? -1]) === undefined);
    if (byHeader.size === keys.length) {
      columns = byHeader;
      start = firstIndex + 1;
    } else if (looksLikeHeader) {
      if (byHeader.size > 0) {
        const missing = keys.filter((k) => !byHeader.has(k));
        return bad(name, "headerLacks", { columns: listOf(missing) });
      }
      start = firstIndex + 1;
    }
  }
  const out: TableArgRow[] = [];
  if (start < 0) return parsed(out);
  for (let r = start; r < grid.length; r++) {
    const cells: Record<string, CellValue> = {};
    for (const k of keys) cells[k] = grid[r][columns.get(k) ?? -1] ?? null;
    if (keys.every((k) => cells[k] === null)) continue;
    out.push({ row: r + 1, cells });
  }
  return parsed(out);
}

/** A numeric cell of a table row, or a #VALUE! naming the row and column. */
export function tableNumber(name: ArgName, row: TableArgRow, key: string, required: boolean): Parsed<number | null> {
  const c = row.cells[key];
  if (c === null) return required ? bad(name, "cellBlank", { row: row.row, key }) : parsed(null);
  const n = toNumber(c);
  if (n === undefined || !Number.isFinite(n)) {
    return bad(name, "cellNotNumber", { row: row.row, key, got: describe(c) });
  }
  return parsed(n);
}

/** A text cell of a table row, or a #VALUE! naming the row and column. */
export function tableText(name: ArgName, row: TableArgRow, key: string): Parsed<string> {
  const c = row.cells[key];
  if (typeof c !== "string") {
    return bad(name, "cellNotText", { row: row.row, key, got: c === null ? FUNCTION_MESSAGES.blank : describe(c) });
  }
  return parsed(c.trim());
}
