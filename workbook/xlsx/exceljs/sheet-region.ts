/**
 * Where a contract table lives in an exceljs workbook: inside an Excel table
 * named after it (wherever it sits on whatever sheet), else on a sheet named
 * after it in either language with its header in row 1.
 *
 * exceljs keeps Excel tables as models whose `tableRef` is what gets saved;
 * growing a table means widening that reference (its own addRow/commit would
 * rewrite every cell of the table and lose the user's styles).
 */
import type ExcelJS from "exceljs";
import { type TableName } from "../../../core/contract/schema";
import { matchTable } from "../../../core/contract/spellings";
import type { CellValue } from "../../../core/contract/raw";
import { readExcelCell } from "./read-cell";

/** The parts of exceljs's table model we read and grow (its typings hide them). */
export interface ExcelTableModel {
  name: string;
  tableRef?: string;
  autoFilterRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns: { name: string; filterButton?: boolean; totalsRowFunction?: string; totalsRowLabel?: string }[];
  rows?: unknown[][];
}

interface WithTables {
  readonly tables: Record<string, { table?: ExcelTableModel }>;
}

export interface Region {
  readonly ws: ExcelJS.Worksheet;
  readonly table: TableName;
  readonly excelTable: ExcelTableModel | null;
  readonly headerRow: number;
  readonly firstCol: number;
  /** Inclusive. */
  readonly lastCol: number;
  /** Last body row: the table's last row (totals excluded), or the sheet's last row. */
  readonly bottom: number;
}

export function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** "AB12" (or "$AB$12") as its row and 1-based column. */
export function decodeAddress(a: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(a.trim());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

export function decodeRange(ref: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const [a, b = a] = ref.split(":");
  const tl = decodeAddress(a);
  const br = decodeAddress(b);
  if (!tl || !br) return undefined;
  return { top: tl.row, left: tl.col, bottom: br.row, right: br.col };
}

export function encodeRange(top: number, left: number, bottom: number, right: number): string {
  return `${columnLetter(left)}${top}:${columnLetter(right)}${bottom}`;
}

export function excelTablesOf(ws: ExcelJS.Worksheet): ExcelTableModel[] {
  const tables = (ws as unknown as WithTables).tables ?? {};
  return Object.values(tables)
    .map((t) => t.table)
    .filter((t): t is ExcelTableModel => t !== undefined && typeof t.tableRef === "string");
}

function regionOfTable(ws: ExcelJS.Worksheet, table: TableName, model: ExcelTableModel): Region | undefined {
  const range = decodeRange(model.tableRef ?? "");
  if (!range) return undefined;
  return {
    ws,
    table,
    excelTable: model,
    headerRow: range.top,
    firstCol: range.left,
    lastCol: range.right,
    bottom: range.bottom - (model.totalsRow ? 1 : 0),
  };
}

/** The last column of row 1 that holds a header. */
function lastHeaderColumn(ws: ExcelJS.Worksheet): number {
  const row = ws.getRow(1);
  let last = 0;
  for (let c = 1; c <= row.cellCount; c++) if (readExcelCell(row.getCell(c)) !== null) last = c;
  return last;
}

export function findRegion(wb: ExcelJS.Workbook, table: TableName): Region | undefined {
  for (const ws of wb.worksheets) {
    for (const model of excelTablesOf(ws)) {
      // A table without a header row has no headers to find columns by.
      if (matchTable(model.name)?.name === table && model.headerRow !== false) {
        const region = regionOfTable(ws, table, model);
        if (region) return region;
      }
    }
  }
  for (const ws of wb.worksheets) {
    if (matchTable(ws.name)?.name !== table) continue;
    // A sheet holding Excel tables of other names is not this table's plain sheet.
    if (excelTablesOf(ws).length > 0) continue;
    return { ws, table, excelTable: null, headerRow: 1, firstCol: 1, lastCol: Math.max(1, lastHeaderColumn(ws)), bottom: ws.rowCount };
  }
  return undefined;
}

/** Sheets that hold contract data: never replaced by a report. */
export function isDataSheet(ws: ExcelJS.Worksheet): boolean {
  return matchTable(ws.name) !== undefined || excelTablesOf(ws).some((t) => matchTable(t.name) !== undefined);
}

/** Header texts of the region, in column order. */
export function headerTexts(region: Region): string[] {
  const out: string[] = [];
  for (let c = region.firstCol; c <= region.lastCol; c++) {
    const v = readExcelCell(region.ws.getCell(region.headerRow, c));
    const fallback = region.excelTable?.columns[c - region.firstCol]?.name ?? "";
    out.push(v === null ? fallback.trim() : String(v).trim());
  }
  return out;
}

/** Cells of one sheet row across the region; `date1904Cols` are 0-based positions read as 1904 serials. */
export function rowCells(region: Region, row: number, date1904Cols: ReadonlySet<number>): CellValue[] {
  const out: CellValue[] = [];
  for (let c = region.firstCol; c <= region.lastCol; c++) {
    out.push(readExcelCell(region.ws.getCell(row, c), date1904Cols.has(c - region.firstCol)));
  }
  return out;
}

/** Grows an Excel table down to `bottom` (its header row and columns unchanged). */
export function growTableTo(region: Region, bottom: number): void {
  const model = region.excelTable;
  if (!model || bottom <= region.bottom) return;
  const totals = model.totalsRow ? 1 : 0;
  model.tableRef = encodeRange(region.headerRow, region.firstCol, bottom + totals, region.lastCol);
  if (model.autoFilterRef !== undefined) model.autoFilterRef = encodeRange(region.headerRow, region.firstCol, bottom, region.lastCol);
  // A table made in this session also keeps its rows; keep them in step so a later commit() can't shrink it back.
  if (model.rows) while (model.rows.length < bottom - region.headerRow) model.rows.push(model.columns.map(() => null));
}

/** Adds a column at the right of an Excel table (the header cell is written by the caller). */
export function widenTable(region: Region, header: string): void {
  const model = region.excelTable;
  if (!model) return;
  const right = region.lastCol + 1;
  model.columns.push({ name: header, filterButton: model.columns[0]?.filterButton ?? true, totalsRowFunction: "none" });
  const totals = model.totalsRow ? 1 : 0;
  model.tableRef = encodeRange(region.headerRow, region.firstCol, region.bottom + totals, right);
  if (model.autoFilterRef !== undefined) model.autoFilterRef = encodeRange(region.headerRow, region.firstCol, region.bottom, right);
  if (model.rows) for (const r of model.rows) r.push(null);
}
