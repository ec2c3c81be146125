/**
 * Checks that span rows and tables, after each cell has been typed
 * (core/contract/rows.ts): unique IDs, references between tables (a follow-up's
 * customer exists, an order's salesperson exists …), country and currency
 * codes known to the reference tables, one forecast per person and month.
 */
import type { Issue, IssueCode } from "./issues";
import type { RowOf } from "./model";
import { SCHEMA, TABLE_NAMES, type LocalizedText, type TableName } from "./schema";

export interface TableRows<T extends TableName> {
  /** The sheet (or CSV file) name to report. */
  readonly sheet: string;
  /** The header a column shows there. */
  readonly header: (key: string) => string;
  readonly rows: readonly RowOf<T>[];
  readonly rowNumbers: readonly number[];
  /** Only rows at these indexes are reported (the rest are context). Default: all. */
  readonly reportFrom?: number;
  /** Rows left out for bad cells: they still count as reference targets. */
  readonly rejected?: readonly Readonly<Record<string, unknown>>[];
  /** Unique columns whose reported values are unique already: IDs drawn against every ID of the rows (app/ids.ts), which a check would look up again. */
  readonly knownUnique?: readonly string[];
}

export type TableSet = { readonly [T in TableName]?: TableRows<T> };

/** Rows where these columns together must be unique (tables without an ID). */
export const COMPOSITE_KEYS: Partial<Record<TableName, readonly string[]>> = {
  Forecasts: ["Salesperson", "Month"],
  Scores: ["Salesperson", "Quarter"],
  WeeklyNotes: ["Salesperson", "Week"],
};

type Cells = Readonly<Record<string, unknown>>;
const cellsOf = (row: unknown): Cells => row as Cells;

function valueSet(t: TableRows<TableName> | undefined, key: string): Set<string> | undefined {
  if (!t) return undefined;
  const s = new Set<string>();
  for (const rows of [t.rows, t.rejected ?? []]) {
    for (const r of rows) {
      const v = cellsOf(r)[key];
      if (typeof v === "string") s.add(v);
    }
  }
  return s;
}

function issue(t: TableRows<TableName>, i: number, column: string | null, code: IssueCode, message: LocalizedText): Issue {
  return { severity: "error", sheet: t.sheet, row: t.rowNumbers[i] ?? null, column, code, message };
}

/** The key of a row over `keys`, or null when a part is blank. One column (every ID) builds nothing: it runs on every row of every table. */
function rowKey(c: Cells, keys: readonly string[]): string | null {
  if (keys.length === 1) {
    const v = c[keys[0]];
    return v === null || v === undefined ? null : String(v);
  }
  const parts = keys.map((k) => c[k]);
  return parts.some((p) => p === null || p === undefined) ? null : parts.map(String).join("\u0000");
}

/**
 * Reported rows whose key an earlier row already has. Only the reported rows'
 * keys are collected; the context rows (a workbook's 500,000 follow-ups
 * under one imported row) are only looked up among them, so checking a few
 * new rows costs one pass over the table, not a map of all of its keys.
 */
function uniqueIssues(t: TableRows<TableName>, keys: readonly string[], out: Issue[]): void {
  const from = Math.max(0, t.reportFrom ?? 0);
  if (from >= t.rows.length) return;
  // Each reported key → the first row holding it: among the reported rows, then among the context rows before them.
  const first = new Map<string, number>();
  let again: number[] = [];
  for (let i = from; i < t.rows.length; i++) {
    const k = rowKey(cellsOf(t.rows[i]), keys);
    if (k === null) continue;
    if (first.has(k)) again.push(i);
    else first.set(k, i);
  }
  let inContext = false;
  for (let i = 0; i < from; i++) {
    const k = rowKey(cellsOf(t.rows[i]), keys);
    const at = k === null ? undefined : first.get(k);
    if (at !== undefined && at >= from) {
      first.set(k!, i);
      inContext = true;
    }
  }
  // A context row holding a reported key makes that key's first reported row a duplicate too.
  if (inContext) again = [];
  for (let i = from; inContext && i < t.rows.length; i++) {
    const k = rowKey(cellsOf(t.rows[i]), keys);
    if (k !== null && first.get(k) !== i) again.push(i);
  }
  for (const i of again) {
    const c = cellsOf(t.rows[i]);
    const shown = keys.map((key) => String(c[key])).join(" / ");
    const firstRow = t.rowNumbers[first.get(rowKey(c, keys)!)!];
    out.push(
      issue(t, i, t.header(keys[keys.length === 1 ? 0 : keys.length - 1]), "duplicate", {
        zh: `重复：${shown} 已出现在第${firstRow}行`,
        en: `duplicate ${keys.join(" + ")} ${shown}: already on row ${firstRow}`,
      }),
    );
  }
}

/** Every cross-row and cross-table problem of a set of typed tables. */
export function crossTableIssues(tables: TableSet): Issue[] {
  const out: Issue[] = [];
  const codes = {
    country: valueSet(tables.Countries as TableRows<TableName> | undefined, "Code"),
    currency: (() => {
      const s = valueSet(tables.ExchangeRates as TableRows<TableName> | undefined, "Currency");
      s?.add("CNY");
      return s;
    })(),
  };
  const refSets = new Map<string, Set<string> | undefined>();
  const refSet = (table: TableName, column: string): Set<string> | undefined => {
    const k = `${table}.${column}`;
    if (!refSets.has(k)) refSets.set(k, valueSet(tables[table] as TableRows<TableName> | undefined, column));
    return refSets.get(k);
  };

  for (const name of TABLE_NAMES) {
    const t = tables[name] as TableRows<TableName> | undefined;
    if (!t) continue;
    const def = SCHEMA[name];
    for (const col of def.columns) if (col.unique && !t.knownUnique?.includes(col.key)) uniqueIssues(t, [col.key], out);
    const composite = COMPOSITE_KEYS[name];
    if (composite) uniqueIssues(t, composite, out);

    const from = t.reportFrom ?? 0;
    for (const col of def.columns) {
      const target = col.ref ? refSet(col.ref.table, col.ref.column) : undefined;
      const codeSet = col.format === "country" ? codes.country : col.format === "currency" && name === "Orders" ? codes.currency : undefined;
      if (!target && !codeSet) continue;
      for (let i = from; i < t.rows.length; i++) {
        const v = cellsOf(t.rows[i])[col.key];
        if (typeof v !== "string") continue;
        if (target && !target.has(v)) {
          const other = SCHEMA[col.ref!.table].sheet;
          out.push(
            issue(t, i, t.header(col.key), "ref", {
              zh: `「${v}」在「${other.zh}」表中不存在`,
              en: `"${v}" is not in ${other.en}`,
            }),
          );
        } else if (codeSet && codeSet.size > 0 && !codeSet.has(v)) {
          out.push(
            issue(t, i, t.header(col.key), col.format === "country" ? "unknown-country" : "unknown-currency",
              col.format === "country"
                ? { zh: `国家代码「${v}」不在「国家」表中`, en: `country code "${v}" is not in Countries` }
                : { zh: `币种「${v}」不在「汇率」表中`, en: `currency "${v}" is not in ExchangeRates` }),
          );
        }
      }
    }
  }

  // A payment without its own rate needs the table's.
  const pays = tables.Payments;
  if (pays && codes.currency && codes.currency.size > 0) {
    for (let i = pays.reportFrom ?? 0; i < pays.rows.length; i++) {
      const p = pays.rows[i];
      if (p.RateToCNY === null && !codes.currency.has(p.Currency)) {
        out.push(
          issue(pays as TableRows<TableName>, i, pays.header("RateToCNY"), "no-rate", {
            zh: `币种「${p.Currency}」既无本行汇率，也不在「汇率」表中`,
            en: `currency "${p.Currency}" has no rate on this row and is not in ExchangeRates`,
          }),
        );
      }
    }
  }
  return out;
}
