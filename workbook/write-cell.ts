/**
 * A value on its way into a cell, checked and spelled for its column's type.
 *
 * The port takes plain values; before an adapter writes a batch it turns each
 * into what the cell should hold (dates and numbers as numbers, enums as the
 * label of the sheet's language) or refuses it, so a batch with one bad cell
 * writes nothing. Deeper business checks (references, ranges, formats) stay
 * in core/contract/rows.ts; this only keeps a cell from holding the wrong kind of value.
 */
import { parseISODate, parseISODateTime } from "../core/contract/dates";
import { EXCEL_MAX_CELL_CHARS, cellTooLongMessage } from "../core/contract/excel-limits";
import type { CellValue } from "../core/contract/raw";
import { type ColumnDef, type Lang, type LocalizedText } from "../core/contract/schema";
import { enumLabel, enumValueOf } from "../core/contract/spellings";

export type WriteCheck = { readonly ok: true; readonly value: CellValue } | { readonly ok: false; readonly message: LocalizedText };

const good = (value: CellValue): WriteCheck => ({ ok: true, value });
const bad = (zh: string, en: string): WriteCheck => ({ ok: false, message: { zh, en } });
const show = (v: CellValue): string => (typeof v === "string" ? `"${v.length > 40 ? v.slice(0, 40) + "…" : v}"` : String(v));

function asNumber(value: string | number): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  const t = value.trim().replace(/,/g, "");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return undefined;
  return Number(t);
}

/**
 * What to store for `value` in a contract column of a sheet in `lang`;
 * `column` undefined means one of the user's own columns, stored as given.
 */
export function cellForWrite(column: ColumnDef | undefined, value: CellValue, lang: Lang): WriteCheck {
  // undefined can still arrive from plain JavaScript callers: it means blank too.
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) return good(null);
  // Excel holds 32,767 characters a cell; a longer text would be cut or the file refused.
  if (typeof value === "string" && value.length > EXCEL_MAX_CELL_CHARS) return { ok: false, message: cellTooLongMessage(value.length) };
  if (!column) return good(value);
  switch (column.type) {
    case "text":
      if (typeof value === "boolean") return bad(`应为文本，而不是 ${show(value)}`, `expected text, not ${show(value)}`);
      return good(value);
    case "int":
    case "number": {
      const n = typeof value === "boolean" ? undefined : asNumber(value);
      if (n === undefined) return bad(`应为数字，而不是 ${show(value)}`, `expected a number, not ${show(value)}`);
      if (column.type === "int" && !Number.isInteger(n)) return bad(`应为整数，而不是 ${show(value)}`, `expected a whole number, not ${show(value)}`);
      return good(n);
    }
    case "date":
    case "datetime": {
      const serial =
        typeof value === "number" ? value : typeof value === "string" ? (column.type === "date" ? parseISODate(value) : parseISODateTime(value)) : undefined;
      if (serial === undefined || !Number.isFinite(serial) || serial < 0) {
        const shape = column.type === "date" ? "YYYY-MM-DD" : "YYYY-MM-DD HH:MM";
        return bad(`应为日期（${shape}），而不是 ${show(value)}`, `expected a date (${shape}), not ${show(value)}`);
      }
      return good(serial);
    }
    case "enum":
    case "yn": {
      const raw = typeof value === "boolean" && column.type === "yn" ? (value ? "Y" : "N") : typeof value === "string" ? value : undefined;
      const v = raw === undefined ? undefined : enumValueOf(column, raw);
      if (v === undefined) {
        const allowed = (column.enumValues ?? []).map((x) => x.value).join(", ");
        return bad(`${show(value)} 不是可选值（${allowed}）`, `${show(value)} is not one of ${allowed}`);
      }
      return good(enumLabel(column, v, lang));
    }
  }
}
