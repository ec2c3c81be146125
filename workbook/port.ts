/**
 * The one port through which everything reads and writes a workbook.
 * Adapters: Office.js (workbook/office), exceljs files (workbook/xlsx),
 * in memory (workbook/memory). One contract test suite runs against all.
 *
 * Cells cross the port as plain values: text, numbers (dates as 1900-system
 * serials, whatever the workbook's own date system), booleans, or null for
 * blank. Rows are keyed by the contract's column keys, whatever the header
 * language. Typing and validation of those values is core's job
 * (core/contract/rows.ts), so every adapter behaves the same.
 */
import type { Lang, TableName } from "../core/contract/schema";
import type { ReportSheet } from "../core/report/sheet";
import type { Issue, Result } from "../core/contract/issues";
import type { CellValue, RawRow, RawTable } from "../core/contract/raw";

export type { CellValue, RawRow, RawTable };

export interface UpdateById {
  readonly id: string;
  /** Only these columns are written; others stay as they are. */
  readonly values: Readonly<Record<string, CellValue>>;
}

export interface EnsureReport {
  readonly createdTables: readonly TableName[];
  readonly addedColumns: readonly { readonly table: TableName; readonly column: string }[];
  /** Tables whose data validation or conditional formats below them were taken off (they stop Excel taking new rows in); Office adapter. */
  readonly mendedTables?: readonly TableName[];
}

/** A table to read, and its columns (all when omitted). */
export interface TableRequest {
  readonly table: TableName;
  readonly columns?: readonly string[];
}

export interface WorkbookPort {
  /**
   * Reads a table's rows, only the columns asked for (all when omitted).
   * A workbook without the table answers an error Issue with code
   * "missing-table" (app/open-crm.ts relies on that code).
   */
  readTable(table: TableName, columns?: readonly string[]): Promise<Result<RawTable>>;
  /**
   * Several tables, each answered as readTable(table, columns) would, where
   * the adapter reads them faster together (Office.js: one round trip opens
   * them all); readSnapshot falls back to readTable one by one.
   */
  readTables?(requests: readonly TableRequest[]): Promise<ReadonlyMap<TableName, Result<RawTable>>>;
  /**
   * Appends rows below the table. All rows are written or none: a row that
   * cannot be written fails the whole call with an issue naming it.
   */
  appendRows(table: TableName, rows: readonly Readonly<Record<string, CellValue>>[]): Promise<Result<{ readonly firstRow: number; readonly count: number }>>;
  /** Updates rows located by the table's ID column, re-located right before writing. */
  updateRows(table: TableName, updates: readonly UpdateById[]): Promise<Result<{ readonly count: number }>>;
  /** Creates missing tables and columns in the given language; never touches user data. */
  ensureStructure(lang: Lang): Promise<Result<EnsureReport>>;
  /** Writes (or replaces) a report sheet; never touches data sheets. */
  writeReportSheet(sheet: ReportSheet): Promise<Result<{ readonly name: string }>>;
  /**
   * Several report sheets at once, all or none, where the adapter can do
   * that in one go (the .xlsx package rewrites the file once, not once per
   * sheet); app/reports.ts falls back to writeReportSheet one by one.
   */
  writeReportSheets?(sheets: readonly ReportSheet[]): Promise<Result<{ readonly names: readonly string[] }>>;
}

/**
 * The read side alone: what reading a snapshot needs. The streamed .xlsx
 * reader (workbook/xlsx/stream) offers only this, since it never holds the
 * workbook it reads.
 */
export type TableReader = Pick<WorkbookPort, "readTable" | "readTables">;

export type { Issue };
