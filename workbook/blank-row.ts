/**
 * A row with the given columns, all null, laid out as fields: every raw row
 * an adapter reads (workbook/locate.ts, workbook/office/read.ts) is a spread
 * copy of one, filled in place.
 *
 * Why: V8 keeps the fields of an object built up key by key from `{}`
 * beyond four in a side array, and turns one with more than a dozen
 * (Customers has 23) into a hash table, so every read of a cell by
 * core/contract/rows.ts looked its name up. An object made by JSON.parse
 * has every field inside it, and a spread copy keeps that layout: reading
 * the benchmark's 25,000-customer workbook went from 4.39 to 3.62 s with
 * the enum lookups of core/contract/spellings.ts (docs/performance.md).
 */
export function blankRow(keys: readonly string[]): Readonly<Record<string, null>> {
  return JSON.parse(JSON.stringify(Object.fromEntries(keys.map((k) => [k, null])))) as Record<string, null>;
}
