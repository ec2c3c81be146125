/**
 * Typed rows back to workbook cells: the inverse of reading (core/contract/rows.ts).
 *
 * Writers (templates, sample data, adapters appending rows) all go through
 * here so an enum is spelled the way the workbook's language shows it: the
 * zh label in a zh-CN workbook, the stored value in an en-US one. Readers
 * accept both, so a round trip returns the same typed row.
 */
import type { CellValue } from "./raw";
import type { RowOf } from "./model";
import { SCHEMA, type ColumnDef, type Lang, type TableName } from "./schema";
import { enumLabel } from "./spellings";

function cellOf(column: ColumnDef, value: unknown, lang: Lang): CellValue {
  if (value === null || value === undefined) return null;
  if ((column.type === "enum" || column.type === "yn") && typeof value === "string") return enumLabel(column, value, lang);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  // Rows only hold strings, numbers and null; anything else is a programming error.
  throw new Error(`cells: ${column.key} holds a ${typeof value}`);
}

/** The contract cells of one typed row, keyed by column key, in the workbook's language. */
export function toCells<T extends TableName>(table: T, row: RowOf<T>, lang: Lang): Record<string, CellValue> {
  const record = row as unknown as Readonly<Record<string, unknown>>;
  const cells: Record<string, CellValue> = {};
  for (const column of SCHEMA[table].columns) cells[column.key] = cellOf(column, record[column.key], lang);
  return cells;
}
