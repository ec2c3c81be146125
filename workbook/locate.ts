/**
 * Finding a table's columns by their headers, the same way in every adapter.
 *
 * Columns are found by header text in either language (core/contract/schema.ts
 * matchHeader), never by position: a user may reorder columns and add their
 * own, which every adapter keeps untouched. Pure: adapters hand in the header
 * texts they found and get back where each contract column is.
 */
import type { Issue, IssueCode } from "../core/contract/issues";
import { fieldsRecord, type CellValue } from "../core/contract/raw";
import { SCHEMA, headerOf, type ColumnDef, type Lang, type TableName } from "../core/contract/schema";
import { matchHeader } from "../core/contract/spellings";

export interface HeaderLayout {
  readonly table: TableName;
  readonly lang: Lang;
  /** Header texts in sheet order (0-based positions), "" for a blank header cell. */
  readonly headers: readonly string[];
  /** Contract column key → 0-based position among `headers`. */
  readonly positions: ReadonlyMap<string, number>;
  /** Positions of the user's own columns (kept, never written by the product). */
  readonly userColumns: readonly number[];
  /** Contract column keys the sheet lacks. */
  readonly missing: readonly string[];
}

/** A header cell as text: what a user sees in it. */
export function headerText(value: CellValue): string {
  if (value === null) return "";
  return String(value).trim();
}

/**
 * The header language: the majority of headers that match only one language
 * decides; a tie falls back to the sheet name, then to zh-CN (the product's
 * first language).
 */
export function detectLang(table: TableName, headers: readonly string[], sheetName: string): Lang {
  let zh = 0;
  let en = 0;
  for (const h of headers) {
    const column = matchHeader(table, h);
    if (!column || column.zh === column.key) continue;
    if (h.trim().toLowerCase() === column.key.toLowerCase()) en++;
    else zh++;
  }
  if (zh !== en) return zh > en ? "zh-CN" : "en-US";
  const sheet = SCHEMA[table].sheet;
  if (sheet.zh !== sheet.en && sheetName.trim().toLowerCase() === sheet.en.toLowerCase()) return "en-US";
  return "zh-CN";
}

/** Where every contract column of `table` is among the header texts. The first match wins. */
export function locateHeaders(table: TableName, headers: readonly string[], sheetName: string): HeaderLayout {
  const positions = new Map<string, number>();
  const userColumns: number[] = [];
  headers.forEach((h, i) => {
    const column = matchHeader(table, h);
    if (column && !positions.has(column.key)) positions.set(column.key, i);
    else if (!column && h !== "") userColumns.push(i);
  });
  const missing = SCHEMA[table].columns.filter((c) => !positions.has(c.key)).map((c) => c.key);
  return { table, lang: detectLang(table, headers, sheetName), headers, positions, userColumns, missing };
}

/** Contract key → header text found in the sheet. */
export function headerNames(layout: HeaderLayout): Record<string, string> {
  const names: Record<string, string> = {};
  for (const [key, i] of layout.positions) names[key] = layout.headers[i];
  return names;
}

/** The column a header shows for a contract key in this sheet (found or, if missing, in the sheet's language). */
export function displayHeader(layout: HeaderLayout, key: string): string {
  const i = layout.positions.get(key);
  if (i !== undefined) return layout.headers[i];
  const column = SCHEMA[layout.table].columns.find((c) => c.key === key);
  return column ? headerOf(column, layout.lang) : key;
}

/**
 * The contract columns a read returns: all the sheet has, or only those
 * asked for. Asking for a column the contract doesn't define is a mistake
 * in the caller, reported as an issue.
 */
export function selectColumns(layout: HeaderLayout, sheet: string, columns?: readonly string[]): { keys: string[]; issues: Issue[] } {
  const defined = new Set(SCHEMA[layout.table].columns.map((c) => c.key));
  const asked = columns ?? SCHEMA[layout.table].columns.map((c) => c.key);
  const issues: Issue[] = asked
    .filter((k) => !defined.has(k))
    .map((k) => ({
      severity: "error",
      sheet,
      row: null,
      column: k,
      code: "unknown-column",
      message: { zh: `表「${layout.table}」没有列「${k}」`, en: `table ${layout.table} has no column "${k}"` },
    }));
  return { keys: asked.filter((k) => defined.has(k) && layout.positions.has(k)), issues };
}

/**
 * A maker of contract cells for the chosen keys from one data row (cells in
 * sheet order); keys the sheet lacks are left out. Made once per table read:
 * the keys' positions are looked up once, not per cell.
 */
export function cellsOf(layout: HeaderLayout, keys: readonly string[]): (row: readonly CellValue[]) => Record<string, CellValue> {
  const present = keys.filter((k) => layout.positions.has(k));
  const at = present.map((k) => layout.positions.get(k) as number);
  // A copy of a blank row per data row (core/contract/raw.ts fieldsRecord says why).
  const blank: Readonly<Record<string, CellValue>> = fieldsRecord(present);
  return (row) => {
    const cells = { ...blank };
    for (let j = 0; j < present.length; j++) cells[present[j]] = row[at[j]] ?? null;
    return cells;
  };
}

/** True when none of the sheet's columns holds anything in the row. */
export function isBlankRow(row: readonly CellValue[]): boolean {
  return row.every((v) => v === null || (typeof v === "string" && v.trim() === ""));
}

/** The contract definition of a column key, if any. */
export function columnDef(table: TableName, key: string): ColumnDef | undefined {
  return SCHEMA[table].columns.find((c) => c.key === key);
}

/** An error issue at a place in a sheet. */
export function issueAt(sheet: string, row: number | null, column: string | null, code: IssueCode, zh: string, en: string): Issue {
  return { severity: "error", sheet, row, column, code, message: { zh, en } };
}
