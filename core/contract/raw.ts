/**
 * Untyped cells as a workbook holds them, before core/contract/rows.ts types and
 * checks them. Adapters produce these; core consumes them.
 */
import type { Lang, TableName } from "./schema";

/** Text, a number (dates are 1900-system serials), a boolean, or null for blank. */
export type CellValue = string | number | boolean | null;

/** One row as read: its 1-based sheet row number and its contract cells. */
export interface RawRow {
  readonly rowNumber: number;
  readonly cells: Readonly<Record<string, CellValue>>;
}

export interface RawTable {
  readonly table: TableName;
  /** The sheet name as the user sees it. */
  readonly sheet: string;
  /** Which header language the sheet uses (by majority of matched headers). */
  readonly lang: Lang;
  /** Contract column key → the header text found in the sheet. */
  readonly headers: Readonly<Record<string, string>>;
  /** Contract columns the sheet lacks. */
  readonly missingColumns: readonly string[];
  readonly rows: readonly RawRow[];
}

/**
 * A table as read, without its rows: its sheet, header language, headers and
 * missing columns. What a read keeps once the rows are typed (the typed rows
 * are the snapshot's), so the raw cells can go.
 */
export type RawTableHead = Omit<RawTable, "rows">;

/**
 * A record of the given fields, all null, laid out as V8 lays out an
 * object literal: a row typed or read is a spread copy of one, filled in
 * place. Built up key by key from `{}`, V8 keeps fields beyond four in a
 * side array and turns an object of more than a dozen (Customers has 23)
 * into a hash table, so every rule's read of a field looked its name up.
 * JSON.parse makes every field an in-object one, and a spread copy keeps
 * that layout: the raw rows the adapters read (workbook/locate.ts,
 * workbook/office/read.ts) and the typed rows alike; reading the bench's
 * 25,000-customer workbook went from 4.39 to 3.62 s with it.
 */
export function fieldsRecord(keys: readonly string[]): Readonly<Record<string, null>> {
  return JSON.parse(JSON.stringify(Object.fromEntries(keys.map((k) => [k, null])))) as Record<string, null>;
}
