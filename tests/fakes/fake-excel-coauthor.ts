/**
 * Another user in the same workbook (co-authoring on OneDrive/SharePoint):
 * what they do lands between our syncs, as Excel merges a co-author's
 * changes between our requests. Each change moves cells the way Excel
 * does (entire rows shift; tables grow, shrink or move with them; data
 * validation and conditional formats move along) and fires the tables'
 * onChanged handlers with source "Remote". Ranges our code already holds
 * keep their address (fake-excel-range.ts), exactly as in Excel.
 */
import type { CellValue } from "../../core/contract/raw";
import { autoExpand, growTable, type TableState, type WorkbookState } from "./fake-excel-state";

/** Where FakeCoauthor finds the workbook (FakeExcel). */
interface Workbook {
  readonly state: WorkbookState;
  table(name: string): TableState;
}

export class FakeCoauthor {
  /** Changes made, in order, for a test to say what happened. */
  readonly log: string[] = [];
  constructor(private readonly excel: Workbook) {}

  /** Types a row right below the table, which Excel takes into it unless data validation below blocks it. */
  append(table: string, cells: readonly CellValue[]): void {
    const t = this.excel.table(table);
    const row = t.headerRow + t.rows + 1;
    cells.forEach((v, i) => t.sheet.setRaw(row, t.col + i, v));
    autoExpand(this.excel.state, { sheet: t.sheet, row, col: t.col, rows: 1, cols: cells.length });
    this.changed(t, "RowInserted", `append ${String(cells[0])}`);
  }

  /** Inserts table rows before body row `at` (0-based) holding `rows`: everything below moves down. */
  insert(table: string, at: number, rows: readonly (readonly CellValue[])[]): void {
    const t = this.excel.table(table);
    const sheetRow = t.headerRow + 1 + at;
    this.insertSheetRows(t, sheetRow, rows.length);
    rows.forEach((cells, i) => cells.forEach((v, j) => t.sheet.setRaw(sheetRow + i, t.col + j, v)));
    this.changed(t, "RowInserted", `insert ${rows.length} at ${at}`);
  }

  /** Inserts entire sheet rows above the table: the table moves down. */
  insertAbove(table: string, count: number): void {
    const t = this.excel.table(table);
    this.insertSheetRows(t, t.headerRow, count);
    this.changed(t, "RowInserted", `insert ${count} above`);
  }

  /** Deletes body rows [at, at + count): everything below moves up. */
  delete(table: string, at: number, count = 1): void {
    const t = this.excel.table(table);
    const sheetRow = t.headerRow + 1 + at;
    const n = Math.min(count, t.rows - at);
    t.sheet.deleteRows(sheetRow, n);
    for (const other of this.excel.state.tables) {
      if (other.sheet !== t.sheet) continue;
      if (other.headerRow >= sheetRow + n) other.headerRow -= n;
      else if (other === t) growTable(t, Math.max(1, t.rows - n));
    }
    this.changed(t, "RowDeleted", `delete ${n} at ${at}`);
  }

  /** Sorts the table's body by one of its columns (0-based within the table), as Data → Sort does. */
  sort(table: string, column: number, descending = false): void {
    const t = this.excel.table(table);
    const first = t.headerRow + 1;
    const rows = Array.from({ length: t.rows }, (_, i) => first + i);
    const key = (r: number) => String(t.sheet.value(r, t.col + column) ?? "");
    rows.sort((a, b) => (descending ? -1 : 1) * key(a).localeCompare(key(b)));
    t.sheet.placeRows(rows, first, t.col, t.cols);
    this.changed(t, "RangeEdited", `sort by column ${column}${descending ? " descending" : ""}`);
  }

  private insertSheetRows(t: TableState, at: number, count: number): void {
    t.sheet.insertRows(at, count);
    for (const other of this.excel.state.tables) {
      if (other.sheet !== t.sheet) continue;
      if (other.headerRow >= at) other.headerRow += count;
      else if (at <= other.headerRow + other.rows) other.rows += count;
    }
  }

  private changed(t: TableState, changeType: string, what: string): void {
    this.log.push(`${t.name}: ${what}`);
    for (const handler of this.excel.state.tableChangedHandlers) void handler({ tableId: t.name, source: "Remote", changeType });
  }
}
