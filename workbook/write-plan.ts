/**
 * Planning a write before touching a cell: every adapter looks at the table
 * as it is right now (another user may have sorted it, inserted rows or
 * added some of their own since we read), plans every cell of the batch, and
 * writes only when the whole plan holds. So a batch is all-or-nothing and a
 * problem is reported with its sheet, row and column.
 */
import { err, ok, type Issue, type Result } from "../core/contract/issues";
import { EXCEL_MAX_ROWS } from "../core/contract/excel-limits";
import type { CellValue, RawRow, RawTable } from "../core/contract/raw";
import { SCHEMA, type TableName } from "../core/contract/schema";
import type { UpdateById } from "./port";
import { cellsOf, columnDef, displayHeader, headerNames, issueAt, selectColumns, type HeaderLayout } from "./locate";
import { cellForWrite } from "./write-cell";

/** A table as an adapter sees it right before writing. */
export interface TableView {
  readonly sheet: string;
  readonly layout: HeaderLayout;
  /** Data rows that hold anything, with their 1-based sheet row numbers; cells in header order. */
  readonly rows: readonly { readonly rowNumber: number; readonly cells: readonly CellValue[] }[];
}

export interface CellWrite {
  /** 0-based position among the layout's headers. */
  readonly position: number;
  readonly value: CellValue;
}

export interface RowWrite {
  readonly rowNumber: number;
  readonly cells: readonly CellWrite[];
}

const idText = (v: CellValue): string => (v === null ? "" : String(v).trim());

/**
 * Current IDs → the sheet rows holding them; only the IDs in `among` when
 * given (an append of one row to 500,000 looks for its own ID, without a
 * map of every other: 366 → ~40 ms).
 */
export function idRows(view: TableView, among?: ReadonlySet<string>): Map<string, number[]> {
  const idColumn = SCHEMA[view.layout.table].idColumn;
  const position = idColumn === null ? undefined : view.layout.positions.get(idColumn);
  const map = new Map<string, number[]>();
  if (position === undefined) return map;
  for (const row of view.rows) {
    const id = idText(row.cells[position] ?? null);
    if (id === "" || (among && !among.has(id))) continue;
    const rows = map.get(id);
    if (rows) rows.push(row.rowNumber);
    else map.set(id, [row.rowNumber]);
  }
  return map;
}

/** Finds the position a row key writes to: a contract column, else one of the user's own columns by its header. */
function positionOf(view: TableView, key: string): number | undefined {
  const contract = view.layout.positions.get(key);
  if (contract !== undefined || columnDef(view.layout.table, key)) return contract;
  const wanted = key.trim().toLowerCase();
  return view.layout.userColumns.find((i) => view.layout.headers[i].toLowerCase() === wanted);
}

function planCells(view: TableView, rowNumber: number, values: Readonly<Record<string, CellValue>>, issues: Issue[]): CellWrite[] {
  const cells: CellWrite[] = [];
  for (const [key, value] of Object.entries(values)) {
    const column = columnDef(view.layout.table, key);
    const position = positionOf(view, key);
    if (position === undefined) {
      if (column && value === null) continue; // nothing to write into a column the sheet lacks
      issues.push(
        column
          ? issueAt(view.sheet, rowNumber, displayHeader(view.layout, key), "missing-column", `工作表缺少此列，请先补齐表结构`, `the sheet has no such column; add the missing columns first`)
          : issueAt(view.sheet, rowNumber, key, "unknown-column", `工作表没有列「${key}」`, `the sheet has no column "${key}"`),
      );
      continue;
    }
    const checked = cellForWrite(column, value, view.layout.lang);
    if (!checked.ok) issues.push({ severity: "error", sheet: view.sheet, row: rowNumber, column: view.layout.headers[position], code: "type", message: checked.message });
    else cells.push({ position, value: checked.value });
  }
  return cells;
}

/** Cells for rows appended from `firstRow` on, or the issues that stop the whole batch. */
export function planAppend(view: TableView, firstRow: number, rows: readonly Readonly<Record<string, CellValue>>[]): Result<RowWrite[]> {
  const lastRow = firstRow + rows.length - 1;
  if (rows.length > 0 && lastRow > EXCEL_MAX_ROWS) {
    const room = Math.max(0, EXCEL_MAX_ROWS - firstRow + 1);
    const n = (x: number): string => x.toLocaleString("en-US");
    return err([
      issueAt(
        view.sheet,
        Math.max(firstRow, EXCEL_MAX_ROWS + 1),
        null,
        "sheet-full",
        `表格只剩 ${n(room)} 行就到 Excel 的最后一行（第 ${n(EXCEL_MAX_ROWS)} 行），放不下 ${n(rows.length)} 行，未写入任何内容（Excel 打开时会丢弃超出的行）`,
        `the sheet has room for ${n(room)} more row(s) before Excel's last row (${n(EXCEL_MAX_ROWS)}), not ${n(rows.length)}; nothing was written (Excel and LibreOffice drop rows past it)`,
      ),
    ]);
  }
  const issues: Issue[] = [];
  const idColumn = SCHEMA[view.layout.table].idColumn;
  const taken = idColumn === null ? new Map<string, number[]>() : idRows(view, new Set(rows.map((r) => idText(r[idColumn] ?? null))));
  const batch = new Set<string>();
  const writes = rows.map((values, i) => {
    const rowNumber = firstRow + i;
    if (idColumn !== null) {
      const id = idText(values[idColumn] ?? null);
      if (id !== "" && (taken.has(id) || batch.has(id))) {
        const where = taken.get(id);
        issues.push(
          issueAt(
            view.sheet,
            rowNumber,
            displayHeader(view.layout, idColumn),
            "duplicate-id",
            `编号「${id}」已存在${where ? `（第${where[0]}行）` : "（本批重复）"}，请重新读取后生成新编号`,
            `ID "${id}" already exists${where ? ` (row ${where[0]})` : " (twice in this batch)"}; read the table again and make a new ID`,
          ),
        );
      }
      batch.add(id);
    }
    return { rowNumber, cells: planCells(view, rowNumber, values, issues) };
  });
  return issues.length > 0 ? err(issues) : ok(writes);
}

/** Days between the 1900 and 1904 systems' first days. */
const DAYS_1904 = 1462;

/**
 * The date cells of `writes` a 1904-system workbook cannot hold: those
 * before 1904-01-01, its serial 0 (a negative serial shows as ####).
 */
export function datesBefore1904(view: TableView, writes: readonly RowWrite[]): Issue[] {
  const keys = new Map([...view.layout.positions].map(([key, position]) => [position, key]));
  const issues: Issue[] = [];
  for (const w of writes) {
    for (const c of w.cells) {
      const key = keys.get(c.position);
      const type = key === undefined ? undefined : columnDef(view.layout.table, key)?.type;
      if ((type === "date" || type === "datetime") && typeof c.value === "number" && c.value < DAYS_1904) {
        issues.push(issueAt(view.sheet, w.rowNumber, view.layout.headers[c.position], "date-before-1904", "此工作簿使用 1904 日期系统，无法保存 1904-01-01 之前的日期", "this workbook uses the 1904 date system and cannot hold dates before 1904-01-01"));
      }
    }
  }
  return issues;
}

/** Cells for updates of rows found by ID in the table as it is now. */
export function planUpdate(view: TableView, updates: readonly UpdateById[]): Result<RowWrite[]> {
  const { table } = view.layout;
  const idColumn = SCHEMA[table].idColumn;
  if (idColumn === null) return err([issueAt(view.sheet, null, null, "no-id-column", `表「${table}」没有编号列，不能按编号更新`, `table ${table} has no ID column to update by`)]);
  if (!view.layout.positions.has(idColumn)) {
    const header = displayHeader(view.layout, idColumn);
    return err([issueAt(view.sheet, null, header, "missing-column", `工作表缺少编号列「${header}」`, `the sheet has no ID column "${header}"`)]);
  }
  const ids = idRows(view);
  const issues: Issue[] = [];
  const writes: RowWrite[] = [];
  for (const update of updates) {
    const found = ids.get(update.id.trim());
    const header = displayHeader(view.layout, idColumn);
    if (!found) {
      issues.push(issueAt(view.sheet, null, header, "unknown-id", `找不到编号「${update.id}」（可能已被他人删除或修改）`, `no row has ID "${update.id}" (another user may have deleted or changed it)`));
      continue;
    }
    if (found.length > 1) {
      issues.push(issueAt(view.sheet, found[1], header, "duplicate-id", `编号「${update.id}」出现在多行（第${found.join("、")}行），无法确定更新哪一行`, `ID "${update.id}" is on several rows (${found.join(", ")}); cannot tell which to update`));
      continue;
    }
    const rowNumber = found[0];
    const current = view.rows.find((r) => r.rowNumber === rowNumber);
    const position = view.layout.positions.get(idColumn);
    if (idColumn in update.values && position !== undefined && idText(update.values[idColumn] ?? null) !== idText(current?.cells[position] ?? null)) {
      issues.push(issueAt(view.sheet, rowNumber, header, "id-immutable", `编号不可修改`, `an ID never changes`));
      continue;
    }
    writes.push({ rowNumber, cells: planCells(view, rowNumber, update.values, issues) });
  }
  return issues.length > 0 ? err(issues) : ok(writes);
}

/** A table view as the port's RawTable, with only the columns asked for. */
export function rawTableOf(table: TableName, view: TableView, columns?: readonly string[]): Result<RawTable> {
  const { keys, issues } = selectColumns(view.layout, view.sheet, columns);
  if (issues.length > 0) return err(issues);
  const cells = cellsOf(view.layout, keys);
  const rows: RawRow[] = view.rows.map((r) => ({ rowNumber: r.rowNumber, cells: cells(r.cells) }));
  return ok({ table, sheet: view.sheet, lang: view.layout.lang, headers: headerNames(view.layout), missingColumns: view.layout.missing, rows });
}
