/**
 * Raw cells → typed records (core/contract/model.ts), one column type at a time, with
 * an Issue for every cell that does not meet the contract. The same parser
 * serves `tradebook check`, `import`, the task pane and every rule, so a cell
 * means the same thing everywhere.
 *
 * A row with an error in a required cell is left out of `rows` (the rules
 * can't use it); a bad optional cell becomes null and the row is kept. Both
 * are reported.
 */
import {
  parseISODate,
  parseISODateTime,
  parseIsoWeek,
  parseMonth,
  parseQuarter,
  type DateTimeSerial,
} from "./dates";
import type { Issue } from "./issues";
import { sayBoth, type Catalog, type Params } from "./lang";
import type { RowOf } from "./model";
import { fieldsRecord, type CellValue, type RawTable } from "./raw";
import { SCHEMA, headerOf, type ColumnDef, type LocalizedText, type TableName } from "./schema";
import { enumValueOf } from "./spellings";
import { isValidTimeZone } from "./settings";
import { EXCEL_MAX_CELL_CHARS, cellTooLongMessage } from "./excel-limits";

export interface ParsedTable<T extends TableName> {
  readonly rows: RowOf<T>[];
  /** The sheet row number of each entry of `rows`. */
  readonly rowNumbers: number[];
  /**
   * Rows left out for a bad required cell, as far as they could be typed:
   * their IDs still exist in the sheet, so references to them are not broken
   * (one bad cell must not cascade into errors on other sheets).
   */
  readonly rejected: Record<string, Typed>[];
  readonly issues: Issue[];
}

export type Typed = string | number | null;
/** Why a cell does not meet its column: blank though required, or not of the column's type (the issue's code says which). */
type CellProblem = "required" | "invalid";
type CellResult = { ok: true; value: Typed } | { ok: false; problem: CellProblem; message: LocalizedText };

/** What a cell that does not meet its column says; {got} is the cell as written. */
const CELL_MESSAGES = {
  required: { zh: "必填项为空", en: "is required but blank" },
  email: { zh: "邮箱格式不正确：{got}", en: "not a valid email address: {got}" },
  country: { zh: "应为两位国家代码（ISO 3166-1），实际为 {got}", en: "expected a 2-letter ISO 3166-1 country code, got {got}" },
  currency: { zh: "应为三位币种代码（ISO 4217），实际为 {got}", en: "expected a 3-letter ISO 4217 currency code, got {got}" },
  timezone: { zh: "未知时区 {got}（应为 IANA 名称，如 Europe/Berlin）", en: "unknown time zone {got} (expected an IANA name such as Europe/Berlin)" },
  month: { zh: "月份应为 YYYY-MM，实际为 {got}", en: "month must be YYYY-MM, got {got}" },
  quarter: { zh: "季度应为 YYYY-Qn，实际为 {got}", en: "quarter must be YYYY-Qn, got {got}" },
  isoWeek: { zh: "周次应为 YYYY-Www（ISO 周），实际为 {got}", en: "week must be YYYY-Www (ISO week), got {got}" },
  number: { zh: "应为数字，实际为 {got}", en: "expected a number, got {got}" },
  whole: { zh: "应为整数，实际为 {got}", en: "expected a whole number, got {got}" },
  positive: { zh: "应大于 0，实际为 {got}", en: "must be greater than 0, got {got}" },
  min: { zh: "不能小于 {min}，实际为 {got}", en: "must be at least {min}, got {got}" },
  max: { zh: "不能大于 {max}，实际为 {got}", en: "must be at most {max}, got {got}" },
  date: { zh: "应为日期（YYYY-MM-DD），实际为 {got}", en: "expected a date (YYYY-MM-DD), got {got}" },
  datetime: { zh: "应为日期时间（YYYY-MM-DD HH:MM），实际为 {got}", en: "expected a date-time (YYYY-MM-DD HH:MM), got {got}" },
  notListed: { zh: "{got} 不在可选值中（{allowedZh}）", en: "{got} is not one of {allowedEn}" },
} satisfies Catalog<string>;

const good = (value: Typed): CellResult => ({ ok: true, value });
const bad = (key: keyof typeof CELL_MESSAGES, params?: Params): CellResult => ({ ok: false, problem: key === "required" ? "required" : "invalid", message: sayBoth(CELL_MESSAGES, key, params) });

/** Deliberately simple: one @, a dot in the domain, no spaces. */
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const show = (v: CellValue): string => (typeof v === "string" ? `"${v.length > 40 ? v.slice(0, 40) + "…" : v}"` : String(v));

function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function asNumber(v: CellValue): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "string") {
    const t = v.trim().replace(/[,，]/g, "").replace(/^[¥￥$€]/, "");
    if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return undefined;
    return Number(t);
  }
  return undefined;
}

function parseText(col: ColumnDef, v: CellValue): CellResult {
  const text = typeof v === "string" ? v : typeof v === "number" ? String(v) : v ? "TRUE" : "FALSE";
  // IDs and codes are compared exactly; stray spaces around them are typing noise.
  const value = col.unique || col.ref || col.format ? text.trim() : text;
  switch (col.format) {
    case "email":
      return EMAIL.test(value) ? good(value) : bad("email", { got: show(v) });
    case "country":
      return /^[A-Za-z]{2}$/.test(value) ? good(value.toUpperCase()) : bad("country", { got: show(v) });
    case "currency":
      return /^[A-Za-z]{3}$/.test(value) ? good(value.toUpperCase()) : bad("currency", { got: show(v) });
    case "timezone":
      return isValidTimeZone(value) ? good(value) : bad("timezone", { got: show(v) });
    case "month":
      return parseMonth(value) ? good(value.replace(/-(\d)$/, "-0$1")) : bad("month", { got: show(v) });
    case "quarter": {
      const q = parseQuarter(value);
      return q ? good(`${q.year}-Q${q.quarter}`) : bad("quarter", { got: show(v) });
    }
    case "isoWeek": {
      const w = parseIsoWeek(value);
      return w ? good(`${w.year}-W${String(w.week).padStart(2, "0")}`) : bad("isoWeek", { got: show(v) });
    }
    default:
      return good(value);
  }
}

function parseNumber(col: ColumnDef, v: CellValue): CellResult {
  const n = asNumber(v);
  if (n === undefined) return bad("number", { got: show(v) });
  if (col.type === "int" && !Number.isInteger(n)) return bad("whole", { got: show(v) });
  if (col.positive && !(n > 0)) return bad("positive", { got: n });
  if (col.min !== undefined && n < col.min) return bad("min", { min: col.min, got: n });
  if (col.max !== undefined && n > col.max) return bad("max", { max: col.max, got: n });
  return good(n);
}

/** Plausible Excel dates: 1900-01-01 … 9999-12-31. */
const MAX_SERIAL = 2_958_465;

function parseDate(col: ColumnDef, v: CellValue): CellResult {
  let s: DateTimeSerial | undefined;
  if (typeof v === "number") s = v >= 1 && v <= MAX_SERIAL + 1 ? v : undefined;
  else if (typeof v === "string") s = col.type === "date" ? parseISODate(v) : parseISODateTime(v);
  if (s === undefined) {
    return col.type === "date"
      ? bad("date", { got: show(v) })
      : bad("datetime", { got: show(v) });
  }
  // A date column holding a date-time keeps only the day.
  return good(col.type === "date" ? Math.floor(s + 1e-9) : s);
}

function parseEnum(col: ColumnDef, v: CellValue): CellResult {
  if (col.type === "yn" && typeof v === "boolean") return good(v ? "Y" : "N");
  const raw = typeof v === "string" ? v : String(v);
  const value = enumValueOf(col, raw) ?? (col.type === "yn" ? ynAlias(raw) : undefined);
  if (value !== undefined) return good(value);
  const allowedZh = (col.enumValues ?? []).map((x) => x.zh).join("、");
  const allowedEn = (col.enumValues ?? []).map((x) => x.value).join(", ");
  return bad("notListed", { got: show(v), allowedZh, allowedEn });
}

function ynAlias(raw: string): string | undefined {
  const r = raw.trim().toLowerCase();
  if (["yes", "true", "1", "y"].includes(r)) return "Y";
  if (["no", "false", "0", "n"].includes(r)) return "N";
  return undefined;
}

/** One cell against its column's contract. Blank cells are null (or "required"). */
export function parseCell(col: ColumnDef, v: CellValue | undefined): CellResult {
  if (isBlank(v)) return col.required ? bad("required") : good(null);
  const value = v as CellValue;
  // Longer than a cell of Excel holds (a CSV may carry any length): it could not be written.
  if (typeof value === "string" && value.length > EXCEL_MAX_CELL_CHARS) return { ok: false, problem: "invalid", message: cellTooLongMessage(value.length) };
  switch (col.type) {
    case "text":
      return parseText(col, value);
    case "int":
    case "number":
      return parseNumber(col, value);
    case "date":
    case "datetime":
      return parseDate(col, value);
    case "enum":
    case "yn":
      return parseEnum(col, value);
  }
}

export function columnHeader(raw: Pick<RawTable, "headers" | "lang">, col: ColumnDef): string {
  return raw.headers[col.key] ?? headerOf(col, raw.lang);
}

/** The sheet-level problems: missing columns (required ones are errors); of `columns` only, when given. */
export function structureIssues(raw: RawTable, columns?: readonly string[]): Issue[] {
  const def = SCHEMA[raw.table];
  const missing = columns ? raw.missingColumns.filter((k) => columns.includes(k)) : raw.missingColumns;
  return missing.map((key): Issue => {
    const col = def.columns.find((c) => c.key === key);
    const header = col ? headerOf(col, raw.lang) : key;
    const required = col?.required ?? false;
    return {
      severity: required ? "error" : "warning",
      sheet: raw.sheet,
      row: 1,
      column: header,
      code: "missing-column",
      message: required
        ? { zh: `缺少必需的列「${header}」`, en: `required column "${header}" is missing` }
        : { zh: `缺少列「${header}」（可用“设置结构”补上）`, en: `column "${header}" is missing (set-up can add it)` },
    };
  });
}

/**
 * Types every row of a table: only `columns` when given (a projection,
 * core/contract/projection.ts; the others stay null and unchecked), else
 * every column. Blank rows (every typed cell blank) are skipped silently:
 * Excel tables often carry empty rows at the bottom.
 */
export function parseTable<T extends TableName>(raw: RawTable, columns?: readonly string[]): ParsedTable<T> {
  const def = SCHEMA[raw.table];
  const typed = columns ? def.columns.filter((c) => columns.includes(c.key)) : def.columns;
  const present = typed.filter((c) => !raw.missingColumns.includes(c.key));
  const headers = present.map((c) => columnHeader(raw, c));
  const missingRequired = typed.filter((c) => c.required && raw.missingColumns.includes(c.key));
  const issues: Issue[] = structureIssues(raw, columns);
  const rows: RowOf<T>[] = [];
  const rowNumbers: number[] = [];
  const rejected: Record<string, Typed>[] = [];
  // Every typed row a spread copy of one with all its fields inside it (raw.ts fieldsRecord says why).
  const nulls = fieldsRecord(def.columns.map((c) => c.key));

  for (const r of raw.rows) {
    let blank = true;
    for (const c of present) {
      if (!isBlank(r.cells[c.key])) {
        blank = false;
        break;
      }
    }
    if (blank) continue;

    // Every column null to start with (a missing column stays so), in contract order.
    const out: Record<string, Typed> = { ...nulls };
    let usable = missingRequired.length === 0;
    for (let i = 0; i < present.length; i++) {
      const c = present[i];
      const res = parseCell(c, r.cells[c.key]);
      if (res.ok) out[c.key] = res.value;
      else {
        out[c.key] = null;
        if (c.required) usable = false;
        issues.push({
          severity: "error",
          sheet: raw.sheet,
          row: r.rowNumber,
          column: headers[i],
          code: res.problem === "required" ? "required" : `invalid-${c.type}`,
          message: res.message,
        });
      }
    }
    if (usable) {
      rows.push(out as unknown as RowOf<T>);
      rowNumbers.push(r.rowNumber);
    } else rejected.push(out);
  }
  return { rows, rowNumbers, rejected, issues };
}
