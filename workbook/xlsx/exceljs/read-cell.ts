/**
 * An exceljs cell as the port's plain value: what the user sees in it.
 * Dates become 1900-system serials whatever the workbook's date system,
 * rich text and hyperlinks their text, formulas their last computed result.
 */
import type ExcelJS from "exceljs";
import { from1904, read1904Date, serialFromExcelJsDate } from "../../../core/contract/dates";
import type { CellValue } from "../../../core/contract/raw";

type Scalar = string | number | boolean | Date | null | undefined;

function scalar(v: Scalar, asDate1904: boolean): CellValue {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : asDate1904 ? read1904Date(serialFromExcelJsDate(v)) : serialFromExcelJsDate(v);
  return v;
}


function richText(parts: readonly ExcelJS.RichText[]): string {
  return parts.map((p) => p.text).join("");
}

/**
 * `asDate1904`: a plain number in a date column of a 1904-system workbook is
 * a 1904 serial (exceljs only converts cells it sees a date format on).
 */
export function readCell(value: ExcelJS.CellValue, asDate1904 = false): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return asDate1904 ? read1904Date(from1904(value)) : value;
  if (typeof value === "string" || typeof value === "boolean" || value instanceof Date) return scalar(value, asDate1904);
  if ("richText" in value) return richText(value.richText);
  if ("hyperlink" in value) {
    const text: unknown = value.text;
    if (typeof text === "string") return text;
    if (text && typeof text === "object" && "richText" in text) return richText((text as ExcelJS.CellRichTextValue).richText);
    return value.hyperlink;
  }
  if ("formula" in value || "sharedFormula" in value) {
    const result: unknown = value.result;
    if (result && typeof result === "object" && "error" in result) return String((result as ExcelJS.CellErrorValue).error);
    if (typeof result === "number") return asDate1904 ? read1904Date(from1904(result)) : result;
    return scalar(result as Scalar, asDate1904);
  }
  if ("error" in value) return String(value.error);
  return null;
}

/**
 * readCell of an exceljs cell. exceljs's `value` getter drops a formula's
 * cached result when it is falsy, so a formula showing 0 or FALSE would read
 * as blank; its `result` getter keeps it.
 */
export function readExcelCell(cell: ExcelJS.Cell, asDate1904 = false): CellValue {
  const value = cell.value;
  if (value !== null && typeof value === "object" && ("formula" in value || "sharedFormula" in value) && value.result === undefined) {
    const result: unknown = cell.result;
    if (result === 0 || result === false) return readCell({ ...value, result } as ExcelJS.CellFormulaValue, asDate1904);
  }
  return readCell(value, asDate1904);
}
