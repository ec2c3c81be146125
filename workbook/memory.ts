/**
 * The workbook port over sheets held in memory: a header row and data rows
 * per sheet, as a user sees them. For tests and the task pane's unit tests;
 * it follows the same contract as the file and Office adapters (the shared
 * suite in tests/contract runs against all three): columns found by header,
 * the user's own columns kept, all-or-nothing appends, updates re-located by
 * ID right before writing, never a formula from a text.
 *
 * Two MemoryWorkbooks over one MemoryState behave like two users of one
 * shared workbook.
 */
import { err, ok, type Issue, type Result } from "../core/contract/issues";
import type { CellValue, RawTable } from "../core/contract/raw";
import { safeSheetName, type ReportSheet } from "../core/report/sheet";
import { SCHEMA, TABLE_NAMES, headerOf, sheetNameOf, type Lang, type TableName } from "../core/contract/schema";
import { matchTable } from "../core/contract/spellings";
import { headerText, isBlankRow, issueAt, locateHeaders, type HeaderLayout } from "./locate";
import type { EnsureReport, UpdateById, WorkbookPort } from "./port";
import { planAppend, planUpdate, rawTableOf, type RowWrite, type TableView } from "./write-plan";

/** A formula cell: what it computes and the result it last showed. */
export interface FormulaCell {
  readonly formula: string;
  readonly result: CellValue;
}

export type MemoryCell = CellValue | FormulaCell;

export interface MemorySheet {
  name: string;
  /** The Excel table the data sits in (e.g. "Customers"), or null for a plain sheet found by its name. */
  tableName: string | null;
  /** grid[0] is the header row (sheet row 1); grid[i] is sheet row i + 1. */
  grid: MemoryCell[][];
}

export interface MemoryState {
  sheets: MemorySheet[];
  reports: Map<string, ReportSheet>;
}

/** A table to start from: headers in any language and order, rows in header order. */
export interface MemoryTableSpec {
  readonly table: TableName;
  /** Defaults to the table's sheet name in the headers' language. */
  readonly sheet?: string;
  /** Whether the data sits in an Excel table named after the contract table (default true). */
  readonly asExcelTable?: boolean;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly MemoryCell[])[];
}

export function isFormulaCell(cell: MemoryCell | undefined): cell is FormulaCell {
  return typeof cell === "object" && cell !== null;
}

/** What a cell shows. */
export function shownValue(cell: MemoryCell | undefined): CellValue {
  if (cell === undefined) return null;
  return isFormulaCell(cell) ? cell.result : cell;
}

interface Located {
  readonly sheet: MemorySheet;
  readonly view: TableView;
  readonly lastFilled: number;
}

export class MemoryWorkbook implements WorkbookPort {
  constructor(readonly state: MemoryState = { sheets: [], reports: new Map() }) {}

  static fromTables(tables: readonly MemoryTableSpec[]): MemoryWorkbook {
    const sheets = tables.map((t): MemorySheet => {
      const lang = locateHeaders(t.table, t.headers.map((h) => headerText(h)), "").lang;
      return {
        name: t.sheet ?? sheetNameOf(SCHEMA[t.table], lang),
        tableName: t.asExcelTable === false ? null : t.table,
        grid: [[...t.headers], ...t.rows.map((r) => [...r])],
      };
    });
    return new MemoryWorkbook({ sheets, reports: new Map() });
  }

  sheet(name: string): MemorySheet | undefined {
    return this.state.sheets.find((s) => s.name === name);
  }

  private find(table: TableName): MemorySheet | undefined {
    return (
      this.state.sheets.find((s) => s.tableName !== null && matchTable(s.tableName)?.name === table) ??
      this.state.sheets.find((s) => s.tableName === null && matchTable(s.name)?.name === table)
    );
  }

  private locate(table: TableName): Result<Located> {
    const sheet = this.find(table);
    if (!sheet) {
      const names = SCHEMA[table].sheet;
      return err([issueAt(`${names.zh} / ${names.en}`, null, null, "missing-table", `工作簿中找不到「${names.zh}」表`, `the workbook has no ${names.en} table`)]);
    }
    const headers = trimTrailing((sheet.grid[0] ?? []).map((c) => headerText(shownValue(c))));
    const layout = locateHeaders(table, headers, sheet.name);
    const rows: { rowNumber: number; cells: CellValue[] }[] = [];
    for (let i = 1; i < sheet.grid.length; i++) {
      const cells = headers.map((_, c) => shownValue(sheet.grid[i][c]));
      if (!isBlankRow(cells)) rows.push({ rowNumber: i + 1, cells });
    }
    const lastFilled = rows.length > 0 ? rows[rows.length - 1].rowNumber : 1;
    return ok({ sheet, view: { sheet: sheet.name, layout, rows }, lastFilled });
  }

  async readTable(table: TableName, columns?: readonly string[]): Promise<Result<RawTable>> {
    const found = this.locate(table);
    if (!found.ok) return found;
    return rawTableOf(table, found.value.view, columns);
  }

  async appendRows(table: TableName, rows: readonly Readonly<Record<string, CellValue>>[]): Promise<Result<{ readonly firstRow: number; readonly count: number }>> {
    const found = this.locate(table);
    if (!found.ok) return found;
    const firstRow = found.value.lastFilled + 1;
    const plan = planAppend(found.value.view, firstRow, rows);
    if (!plan.ok) return plan;
    write(found.value.sheet, found.value.view.layout, plan.value);
    return ok({ firstRow, count: rows.length });
  }

  async updateRows(table: TableName, updates: readonly UpdateById[]): Promise<Result<{ readonly count: number }>> {
    const found = this.locate(table);
    if (!found.ok) return found;
    const plan = planUpdate(found.value.view, updates);
    if (!plan.ok) return plan;
    write(found.value.sheet, found.value.view.layout, plan.value);
    return ok({ count: plan.value.length });
  }

  async ensureStructure(lang: Lang): Promise<Result<EnsureReport>> {
    // Check everything first: a blocked column leaves the workbook as it was.
    const creates: TableName[] = [];
    const widens: { sheet: MemorySheet; layout: HeaderLayout }[] = [];
    const issues: Issue[] = [];
    for (const table of TABLE_NAMES) {
      const found = this.locate(table);
      if (!found.ok) {
        const name = sheetNameOf(SCHEMA[table], lang);
        if (this.sheet(name)) issues.push(issueAt(name, null, null, "sheet-taken", `已有名为「${name}」的工作表但不是「${table}」表，无法创建`, `a sheet named "${name}" exists but is not the ${table} table; cannot create it`));
        else creates.push(table);
        continue;
      }
      const { sheet, view } = found.value;
      const { layout } = view;
      if (layout.missing.length === 0) continue;
      const from = layout.headers.length;
      const used = sheet.grid.some((row) => !isBlankRow(row.slice(from, from + layout.missing.length).map((c) => shownValue(c))));
      if (used) {
        const header = headerOf(SCHEMA[table].columns.find((c) => c.key === layout.missing[0]) ?? SCHEMA[table].columns[0], layout.lang);
        issues.push(issueAt(sheet.name, 1, header, "blocked", `表右侧的 ${layout.missing.length} 列已有内容，无法添加缺少的列（请移开这些单元格）`, `the ${layout.missing.length} column(s) right of the table are in use; cannot add the missing columns (move those cells)`));
        continue;
      }
      widens.push({ sheet, layout });
    }
    if (issues.length > 0) return err(issues);
    for (const table of creates) this.state.sheets.push({ name: sheetNameOf(SCHEMA[table], lang), tableName: table, grid: [SCHEMA[table].columns.map((c) => headerOf(c, lang))] });
    const addedColumns: { table: TableName; column: string }[] = [];
    for (const { sheet, layout } of widens) {
      layout.missing.forEach((key, j) => {
        const column = SCHEMA[layout.table].columns.find((c) => c.key === key);
        if (column) sheet.grid[0][layout.headers.length + j] = headerOf(column, layout.lang);
        addedColumns.push({ table: layout.table, column: key });
      });
    }
    return ok({ createdTables: creates, addedColumns });
  }

  async writeReportSheet(report: ReportSheet): Promise<Result<{ readonly name: string }>> {
    const name = safeSheetName(report.name);
    const data = this.sheet(name);
    if (data || matchTable(name)) {
      return err([issueAt(name, null, null, "data-sheet", `「${name}」是数据表，报表不能覆盖它`, `"${name}" is a data sheet; a report never replaces it`)]);
    }
    this.state.reports.set(name, { ...report, name });
    return ok({ name });
  }
}

function trimTrailing(headers: string[]): string[] {
  let n = headers.length;
  while (n > 0 && headers[n - 1] === "") n--;
  return headers.slice(0, n);
}

function write(sheet: MemorySheet, layout: HeaderLayout, writes: readonly RowWrite[]): void {
  const width = Math.max(layout.headers.length, sheet.grid[0]?.length ?? 0);
  for (const w of writes) {
    const i = w.rowNumber - 1;
    while (sheet.grid.length <= i) sheet.grid.push(Array.from({ length: width }, () => null));
    const row = sheet.grid[i];
    while (row.length < width) row.push(null);
    // Plain values only: a text is stored as text, never turned into a formula.
    for (const c of w.cells) row[c.position] = c.value;
  }
}
