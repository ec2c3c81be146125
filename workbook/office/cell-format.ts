/**
 * Number formats for cells the adapter writes. Text goes into "@" (Text)
 * cells, set before the value in the same batch: Excel then stores what we
 * write as typed text, so "=HYPERLINK(…)", "+86 138…", "-5%" or "@SUM(…)"
 * from a customer's form never become formulas or numbers (the port's
 * contract suite writes tests/contract/injection-payloads.ts through every
 * adapter and reads each back as the same text). Numbers keep the column's
 * format.
 */
import { to1904 } from "../../core/contract/dates";
import type { CellValue } from "../../core/contract/raw";
import type { ColumnDef } from "../../core/contract/schema";

export const TEXT_FORMAT = "@";

const DEFAULTS: Readonly<Record<ColumnDef["type"], string>> = {
  text: TEXT_FORMAT,
  enum: TEXT_FORMAT,
  yn: TEXT_FORMAT,
  int: "0",
  number: "General",
  date: "yyyy-mm-dd",
  datetime: "yyyy-mm-dd hh:mm",
};

/** A column's format in a new table (templates use the same spellings). */
export function defaultFormat(column: ColumnDef | undefined): string {
  return column ? DEFAULTS[column.type] : "General";
}

/**
 * The format for a cell about to hold `value`: text for any text and for blank
 * text columns; else the format the row above has (a user may have chosen
 * "#,##0.00"), unless that is text; else the column type's default.
 */
export function formatFor(column: ColumnDef | undefined, value: CellValue, above: string | undefined): string {
  if (typeof value === "string") return TEXT_FORMAT;
  const own = defaultFormat(column);
  if (value === null && own === TEXT_FORMAT) return TEXT_FORMAT;
  if (above !== undefined && above !== TEXT_FORMAT && above !== "") return above;
  return own === TEXT_FORMAT ? "General" : own;
}

/** What a cell's value is in Excel's terms: "" clears it. */
export function excelValue(value: CellValue): string | number | boolean {
  return value === null ? "" : value;
}

/** A 1900 serial as the 1904 workbook stores it; undefined when it falls before 1904-01-01. */
export function dateForWorkbook(serial: number, date1904: boolean): number | undefined {
  if (!date1904) return serial;
  const converted = to1904(serial);
  return converted < 0 ? undefined : converted;
}
