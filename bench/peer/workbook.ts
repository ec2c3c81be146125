/**
 * The peer: a copy of the team's TradeBook workbook (zh-CN, built as
 * `tradebook init --sample` / `demo` build it) in which the quarterly review
 * is done with formulas instead of TradeBook: helper columns on the tables
 * (bench/peer/row-helpers.ts, grade-columns.ts) and a review sheet
 * (bench/peer/review-sheet.ts). The data cells are the workbook's own;
 * only columns to the right of each table and the review sheet are added.
 * The file holds formulas without results: LibreOffice computes them on
 * load (bench/peer/recalc.ts).
 */
import type ExcelJS from "exceljs";
import { quarterRange, utcDateFromSerial, type Quarter } from "../../core/contract/dates";
import type { CrmSnapshot } from "../../core/contract/model";
import { SCHEMA, sheetNameOf, type TableName } from "../../core/contract/schema";
import { buildWorkbook } from "../../templates/builder";
import { storedFormula } from "./formula";
import { GRADE_COLUMNS } from "./grade-columns";
import { addReviewSheet, type ReviewLayout } from "./review-sheet";
import { FOLLOW_UP_HELPERS, ORDER_HELPERS, PAYMENT_HELPERS, SAMPLE_HELPERS, type HelperColumn } from "./row-helpers";

/** The helper columns per table, in the order they are added. */
export const HELPERS: readonly (readonly [TableName, readonly HelperColumn[]])[] = [
  ["Payments", PAYMENT_HELPERS],
  ["Orders", ORDER_HELPERS],
  ["Samples", SAMPLE_HELPERS],
  ["FollowUps", FOLLOW_UP_HELPERS],
  ["Customers", GRADE_COLUMNS],
];

export interface PeerWorkbook {
  readonly workbook: ExcelJS.Workbook;
  readonly layout: ReviewLayout;
  /** Formula cells in the helper columns (the review sheet adds a few hundred). */
  readonly formulas: number;
}

/** Appends `columns` to the right of `table`'s Excel table, each row's cell the column's formula. */
function addHelperColumns(wb: ExcelJS.Workbook, table: TableName, columns: readonly HelperColumn[]): number {
  const ws = wb.getWorksheet(sheetNameOf(SCHEMA[table], "zh-CN"));
  if (!ws) throw new Error(`peer: no sheet for ${table}`);
  const t = ws.getTable(table);
  const rows = (t as unknown as { table: { rows: unknown[][] } }).table.rows.length;
  const first = SCHEMA[table].columns.length;
  columns.forEach((c, i) => {
    const formula = storedFormula(c.formula, table);
    t.addColumn({ name: c.name, filterButton: true }, Array.from({ length: rows }, () => ({ formula, date1904: false })), first + i);
  });
  t.commit();
  columns.forEach((c, i) => {
    const column = ws.getColumn(first + i + 1);
    column.width = Math.max(10, c.name.length * 2 + 2);
    if (c.numFmt) for (let r = 2; r <= rows + 1; r++) ws.getCell(r, first + i + 1).numFmt = c.numFmt;
  });
  return rows * columns.length;
}

/**
 * Turns `workbook` (the team's, as templates/builder.ts builds it from a
 * snapshot with `salespeople` Salespeople rows) into the formula workbook
 * for `quarter`.
 */
export function addPeerFormulas(workbook: ExcelJS.Workbook, salespeople: number, quarter: Quarter): PeerWorkbook {
  let formulas = 0;
  for (const [table, columns] of HELPERS) formulas += addHelperColumns(workbook, table, columns);
  const layout = addReviewSheet(workbook, utcDateFromSerial(quarterRange(quarter).from), salespeople);
  return { workbook, layout, formulas };
}

/** The formula workbook of `data` for `quarter`. */
export function peerWorkbook(data: CrmSnapshot, quarter: Quarter): PeerWorkbook {
  return addPeerFormulas(buildWorkbook("zh-CN", data), data.Salespeople.length, quarter);
}
