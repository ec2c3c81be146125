/**
 * How a sheet's words match the contract (core/contract/schema.ts): headers, table
 * and sheet names, and enum cells, in either language, case and
 * surrounding space ignored; and the label an enum value shows.
 */
import { SCHEMA, TABLES, type ColumnDef, type Lang, type TableDef, type TableName } from "./schema";
import type { EnumValue } from "./enums";
import { localize } from "./lang";

function norm(s: string): string {
  return s.trim().toLowerCase();
}

/**
 * Finds the contract column a header names, in either language (case and
 * surrounding space ignored). Unknown headers are the user's own columns.
 */
export function matchHeader(table: TableName, header: string): ColumnDef | undefined {
  const h = norm(header);
  if (!h) return undefined;
  return SCHEMA[table].columns.find((c) => norm(c.key) === h || norm(c.zh) === h);
}

/** Finds a table by its Excel table name or its sheet name in either language. */
export function matchTable(name: string): TableDef | undefined {
  const n = norm(name);
  return TABLES.find((t) => norm(t.name) === n || norm(t.sheet.zh) === n || norm(t.sheet.en) === n);
}

/**
 * Resolves a stored enum cell (value, en label or zh label, case and
 * surrounding space ignored) to its value; the first value with a matching
 * spelling wins.
 *
 * Every enum cell of a read comes through here (about two million at the
 * benchmark's largest size). Normalizing each spelling of each value per
 * cell was 6% of reading a workbook, so each column's spellings are
 * normalized once, into a map. The map also holds each spelling exactly as
 * the list has it (what TradeBook writes), with the rule's answer for it, so
 * such a cell is found without normalizing it.
 */
export function enumValueOf(column: ColumnDef, raw: string): string | undefined {
  const spellings = enumSpellings(column);
  return spellings.get(raw) ?? spellings.get(norm(raw));
}

/** Normalized spelling → value, per enum column (schema columns are constants, so kept for good). */
const SPELLINGS = new WeakMap<ColumnDef, ReadonlyMap<string, string>>();
function enumSpellings(column: ColumnDef): ReadonlyMap<string, string> {
  let map = SPELLINGS.get(column);
  if (map === undefined) {
    const built = new Map<string, string>();
    const spellings = (column.enumValues ?? []).flatMap((v) => [v.value, v.en, v.zh].map((spelling) => ({ spelling, value: v.value })));
    for (const { spelling, value } of spellings) {
      const key = norm(spelling);
      if (!built.has(key)) built.set(key, value);
    }
    // As stored: the answer of the spelling's normalized form (an earlier value may share it).
    for (const { spelling } of spellings) built.set(spelling, built.get(norm(spelling)) as string);
    SPELLINGS.set(column, built);
    map = built;
  }
  return map;
}

/** The label an enum value shows in a workbook of the given language. */
export function enumLabel(column: ColumnDef, value: string, lang: Lang): string {
  const v = column.enumValues?.find((x) => x.value === value);
  return v ? valueLabel(v, lang) : value;
}

/** How a workbook of the given language writes an enum value: its Chinese label, or the value itself. */
export function valueLabel(v: EnumValue, lang: Lang): string {
  return localize({ zh: v.zh, en: v.value }, lang);
}
