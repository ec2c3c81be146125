/**
 * The print setup of a contract table's sheet in an .xlsx file
 * (core/report/data-sheet-print.ts): A4, landscape where wide, fit to width,
 * header row repeated. The template builder and ensureStructure call it for
 * every sheet they create; exceljs keeps it when it reads and writes a file.
 */
import type ExcelJS from "exceljs";
import { dataSheetPrint } from "../../../core/report/data-sheet-print";
import { headerFooter } from "../../../core/report/header-footer";
import type { Lang, TableName } from "../../../core/contract/schema";
import { filePageSetup } from "./page-setup";

export function applyDataSheetPrint(ws: ExcelJS.Worksheet, table: TableName, lang: Lang): void {
  const print = dataSheetPrint(table, lang);
  ws.pageSetup = { ...ws.pageSetup, ...filePageSetup(print) };
  ws.headerFooter = { ...ws.headerFooter, oddHeader: headerFooter(print.header), oddFooter: headerFooter(print.footer) };
}
