/**
 * The structure of a contract sheet in an .xlsx file: a real Excel table
 * named after the contract table, localized headers, number formats, column
 * widths, dropdowns for enums and references, a frozen header row and the
 * overdue highlight on FollowUps NextDate.
 *
 * Number formats are column styles (they reach every row); dropdowns and
 * the highlight cover the table's own rows only and grow with the table, as
 * Excel carries a table column's rules into the rows it takes in. Nothing
 * sits below a table: Excel takes rows written below a table into it only
 * when no data validation is there
 * (https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins).
 * Shared by the template builder and the file adapter (ensureStructure), so
 * it knows nothing about where rows come from.
 */
import type ExcelJS from "exceljs";
import { excelJsDateFromSerial } from "../../../core/contract/dates";
import type { CellValue } from "../../../core/contract/raw";
import {
  SCHEMA,
  headerOf,
  sheetNameOf,
  type ColumnDef,
  type ColumnRef,
  type Lang,
  type TableName,
} from "../../../core/contract/schema";
import { enumLabel } from "../../../core/contract/spellings";
import { listOf, say } from "../../../core/contract/lang";
import { numberLimitOf, VALIDATION_PROMPTS } from "../../../core/contract/limits";

/** Last row a reference dropdown looks at in the other sheet. */
export const REFERENCE_LIST_LAST_ROW = 20000;

export const DATE_FORMAT = "yyyy-mm-dd";
export const DATETIME_FORMAT = "yyyy-mm-dd hh:mm";
export const MONEY_FORMAT = "#,##0.00";
/** Text columns are formatted as text so typed "+86 …", "2026-03" or "=…" stay as typed. */
export const TEXT_FORMAT = "@";

const HEADER_FILL = "FF1F4E78";
const HEADER_FONT = "FFFFFFFF";
const OVERDUE_FONT = "FF9C0006";
const OVERDUE_FILL = "FFFFC7CE";

/** exceljs keeps data validations on the sheet but its typings omit them. */
interface WithDataValidations {
  readonly dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

export function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** The number format a column's cells show, or undefined for General. */
export function numberFormatOf(column: ColumnDef): string | undefined {
  switch (column.type) {
    case "date":
      return DATE_FORMAT;
    case "datetime":
      return DATETIME_FORMAT;
    case "text":
      return TEXT_FORMAT;
    case "int":
      return "0";
    case "number":
      if (column.key === "Rate") return "0.0%";
      if (column.key === "RateToCNY") return "0.0000";
      if (column.key === "Amount" || column.key.endsWith("CNY")) return MONEY_FORMAT;
      return undefined;
    default:
      return undefined;
  }
}

/** Where a reference column's dropdown takes its values: the other table's key column. */
export function referenceOf(column: ColumnDef): ColumnRef | undefined {
  if (column.ref) return column.ref;
  if (column.format === "country") return { table: "Countries", column: "Code" };
  if (column.format === "currency") return { table: "ExchangeRates", column: "Currency" };
  return undefined;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** `'业务员'!$A$2:$A$20000`: the referenced column of a template-built sheet. */
export function referenceRange(ref: ColumnRef, lang: Lang): string {
  const def = SCHEMA[ref.table];
  const letter = columnLetter(def.columns.findIndex((c) => c.key === ref.column) + 1);
  return `${quoteSheet(sheetNameOf(def, lang))}!$${letter}$2:$${letter}$${REFERENCE_LIST_LAST_ROW}`;
}

function validationOf(column: ColumnDef, lang: Lang): ExcelJS.DataValidation | undefined {
  const title = headerOf(column, lang);
  // Warnings, not stops: readers accept either language's label, and a pasted
  // value from the other language must not be refused by Excel.
  const base = { allowBlank: true, showErrorMessage: true, errorStyle: "warning", errorTitle: title } as const;
  if (column.enumValues) {
    const labels = column.enumValues.map((v) => enumLabel(column, v.value, lang));
    const error = say(VALIDATION_PROMPTS, lang, "chooseFromList", { labels: listOf(labels) });
    return { ...base, type: "list", formulae: [`"${labels.join(",")}"`], error };
  }
  const ref = referenceOf(column);
  if (ref) {
    const sheet = sheetNameOf(SCHEMA[ref.table], lang);
    const error = say(VALIDATION_PROMPTS, lang, "useListed", { sheet });
    return { ...base, type: "list", formulae: [referenceRange(ref, lang)], error };
  }
  if (column.type === "int" || column.type === "number") {
    const type = column.type === "int" ? "whole" : "decimal";
    const limit = numberLimitOf(column);
    switch (limit.kind) {
      case "between":
        return { ...base, type, operator: "between", formulae: [limit.min, limit.max], error: say(VALIDATION_PROMPTS, lang, "between", { min: limit.min, max: limit.max }) };
      case "positive":
        return { ...base, type, operator: "greaterThan", formulae: [0], error: say(VALIDATION_PROMPTS, lang, "positive") };
      case "atLeast":
        return { ...base, type, operator: "greaterThanOrEqual", formulae: [limit.min], error: say(VALIDATION_PROMPTS, lang, "atLeast", { min: limit.min }) };
    }
  }
  return undefined;
}

/**
 * Widths, formats, dropdowns and highlights for a contract table whose
 * columns sit at the given sheet columns (1-based), header in `headerRow`,
 * decorated down to `lastRow`. Columns missing from the map are skipped, so
 * the file adapter can apply it to a user's rearranged sheet.
 */
export function applyColumnRules(
  ws: ExcelJS.Worksheet,
  table: TableName,
  lang: Lang,
  columns: ReadonlyMap<string, number>,
  headerRow: number,
  lastRow: number,
): void {
  const validations = (ws as unknown as WithDataValidations).dataValidations;
  for (const column of SCHEMA[table].columns) {
    const at = columns.get(column.key);
    if (at === undefined) continue;
    const sheetColumn = ws.getColumn(at);
    sheetColumn.width = column.width;
    const fmt = numberFormatOf(column);
    const letter = columnLetter(at);
    if (fmt) {
      // The column style covers rows typed in anywhere below; cells already
      // present get the format too.
      sheetColumn.numFmt = fmt;
      for (let r = headerRow + 1; r <= ws.rowCount; r++) ws.getCell(r, at).numFmt = fmt;
      ws.getCell(headerRow, at).numFmt = "General";
    }
    const validation = validationOf(column, lang);
    if (validation) validations.add(`${letter}${headerRow + 1}:${letter}${lastRow}`, validation);
  }
  if (table === "FollowUps") {
    const at = columns.get("NextDate");
    if (at !== undefined) {
      const c = `$${columnLetter(at)}${headerRow + 1}`;
      ws.addConditionalFormatting({
        ref: `${columnLetter(at)}${headerRow + 1}:${columnLetter(at)}${lastRow}`,
        rules: [
          {
            type: "expression",
            priority: 1,
            formulae: [`AND(${c}<>"",${c}<TODAY())`],
            style: {
              font: { color: { argb: OVERDUE_FONT } },
              fill: { type: "pattern", pattern: "solid", bgColor: { argb: OVERDUE_FILL } },
            },
          },
        ],
      });
    }
  }
}

/** A cell as exceljs should store it: dates become Date objects, text stays literal text. */
export function excelValueOf(column: ColumnDef, value: CellValue): ExcelJS.CellValue {
  if (value === null) return null;
  if ((column.type === "date" || column.type === "datetime") && typeof value === "number") return excelJsDateFromSerial(value);
  // exceljs writes a JS string as a string cell (never a formula), whatever it starts with.
  return value;
}

/**
 * Adds the sheet of one contract table: headers in `lang`, `rows` (cells
 * keyed by column key, as core/contract/cells.ts makes them) inside an Excel table
 * named after the contract table.
 */
export function addTableSheet(
  wb: ExcelJS.Workbook,
  table: TableName,
  lang: Lang,
  rows: readonly Readonly<Record<string, CellValue>>[],
): ExcelJS.Worksheet {
  const def = SCHEMA[table];
  const ws = wb.addWorksheet(sheetNameOf(def, lang), {
    views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }],
  });
  const values = rows.map((row) => def.columns.map((c) => excelValueOf(c, row[c.key] ?? null)));
  // Excel wants a table to span at least one data row; an empty table gets a blank one.
  if (values.length === 0) values.push(def.columns.map(() => null));
  ws.addTable({
    name: table,
    displayName: table,
    ref: "A1",
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: def.columns.map((c) => ({ name: headerOf(c, lang), filterButton: true })),
    rows: values,
  });
  const header = ws.getRow(1);
  header.height = 20;
  header.eachCell((cell) => {
    cell.font = { bold: true, color: { argb: HEADER_FONT } };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
    cell.alignment = { vertical: "middle" };
  });
  const positions = new Map(def.columns.map((c, i) => [c.key, i + 1] as const));
  // Dropdowns and highlights on the table's own rows (the header is row 1), nothing below it.
  applyColumnRules(ws, table, lang, positions, 1, 1 + values.length);
  return ws;
}
