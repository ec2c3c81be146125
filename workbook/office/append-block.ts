/**
 * One block of new rows, written in one sync that cannot overwrite anyone.
 *
 * Co-authors' changes arrive between our syncs, and a range keeps the
 * address it had when made, so nothing found in an earlier sync says where
 * the rows go now. Everything here is made from the table inside the write
 * sync itself, in queue order (Office.js runs a batch's calls in order and
 * stops at the first that fails; what ran before stays done):
 *  1. the target: the rows right below the table's body as it is now (or its
 *     empty last row onward, for a fresh table);
 *  2. a guard that fails the sync, before anything is written, when any cell
 *     of the target holds a value: the last used row of "header down to the
 *     target" must meet "header down to the row above the target"; if the
 *     target holds anything, they do not meet and Excel answers ItemNotFound
 *     (Range.getUsedRange and getIntersection: no such range);
 *  3. the writes (format first, so text lands in Text cells and stays text);
 *  4. Table.resize to header..target where the host has it (ExcelApi 1.13),
 *     computed from the same fresh ranges, so a co-author's rows are never
 *     cut out of the table by a stale row count;
 *  5. the read-back: where the target is, its key column as written, and
 *     the table's body after, to tell that the rows are ours and in the table.
 * Microsoft's guidance on rows below a table:
 * https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins
 */
import { officeErrorCode } from "./errors";
import { cellFromExcel } from "./payload";
import type { ColumnRun, OpenedTable } from "./table-view";

/** Excel's last sheet row, 0-based. */
const LAST_SHEET_ROW = 1_048_575;

export type ExcelCell = string | number | boolean;

export interface BlockWrite {
  readonly rows: number;
  readonly runs: readonly ColumnRun[];
  /** Per run: the block's values and number formats, row by row. */
  readonly values: readonly ExcelCell[][][];
  readonly formats: readonly string[][][];
  /** The column read back to recognise our rows (the ID column, else the first written one) and what each row holds there. */
  readonly keyPosition: number;
  readonly keys: readonly ExcelCell[];
}

export interface BlockOptions {
  /** Fill the table's empty last row first (a fresh table's). */
  readonly reuseLast: boolean;
  readonly canResize: boolean;
  /** Take data validation and conditional formats off the cells below the table first (they stop it growing). */
  readonly clearBelow: boolean;
}

/** Where a block landed: 0-based sheet rows and columns. */
export interface PlacedBlock {
  readonly rowIndex: number;
  readonly rows: number;
  readonly columnIndex: number;
  readonly keyPosition: number;
  readonly keys: readonly ExcelCell[];
}

export type BlockOutcome =
  | { readonly kind: "written"; readonly placed: PlacedBlock; readonly inTable: boolean; readonly keysMatch: boolean }
  /** The rows it would take hold something now (a co-author got there first), or the table is gone: nothing was written. */
  | { readonly kind: "occupied" }
  | { readonly kind: "failed"; readonly error: unknown };

/** The same cell, as Excel hands back what we wrote. */
export function sameCell(written: ExcelCell, read: unknown): boolean {
  const a = cellFromExcel(written);
  const b = cellFromExcel(read);
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
  return a === b;
}

/**
 * Takes data validation and conditional formats off every cell below the
 * table's body in its columns, to the sheet's end (the table's own rows keep
 * theirs): with them there, Excel does not take rows written below into the
 * table. ExcelApi 1.8 (DataValidation.clear), 1.6 (clearAll).
 */
export function clearRulesBelow(table: Excel.Table, body: Excel.Range, columnIndex: number, columnCount: number): void {
  const below = body.getRowsBelow(1).getBoundingRect(table.worksheet.getRangeByIndexes(LAST_SHEET_ROW, columnIndex, 1, columnCount));
  below.dataValidation.clear();
  below.conditionalFormats.clearAll();
}

/** The target (and its guard) on an Excel table, made from the table as it is at this point of the sync. */
function tableTarget(ctx: Excel.RequestContext, opened: OpenedTable, rows: number, options: BlockOptions) {
  const table = ctx.workbook.tables.getItem(opened.name);
  const body = table.getDataBodyRange();
  const header = table.getHeaderRowRange();
  const target = options.reuseLast ? body.getLastRow().getResizedRange(rows - 1, 0) : body.getRowsBelow(rows);
  if (options.clearBelow) clearRulesBelow(table, body, opened.columnIndex, opened.columnCount);
  const above = header.getBoundingRect(target.getRow(0).getOffsetRange(-1, 0));
  header.getBoundingRect(target).getUsedRange(true).getLastRow().getIntersection(above).load("rowIndex");
  return { table, header, target };
}

/** The target on a plain sheet: the rows below its used range, in the header's columns (empty by definition). */
function sheetTarget(ctx: Excel.RequestContext, opened: OpenedTable, rows: number): Excel.Range {
  const used = ctx.workbook.worksheets.getItem(opened.sheet).getUsedRange(true);
  return used.getLastRow().getRowsBelow(rows).getIntersection(opened.header.getEntireColumn());
}

export async function writeBlock(ctx: Excel.RequestContext, opened: OpenedTable, block: BlockWrite, options: BlockOptions): Promise<BlockOutcome> {
  const onTable = opened.kind === "table" ? tableTarget(ctx, opened, block.rows, options) : undefined;
  const target = onTable ? onTable.target : sheetTarget(ctx, opened, block.rows);
  ctx.workbook.application.suspendApiCalculationUntilNextSync();
  block.runs.forEach((run, k) => {
    const range = target.getCell(0, run.start).getResizedRange(block.rows - 1, run.width - 1);
    range.numberFormat = block.formats[k];
    range.values = block.values[k];
  });
  if (onTable && options.canResize) onTable.table.resize(onTable.header.getBoundingRect(target));
  const placed = target.load("rowIndex,columnIndex");
  const keys = target.getColumn(block.keyPosition).load("values");
  const after = onTable?.table.getDataBodyRange().load("rowIndex,rowCount");
  try {
    await ctx.sync();
  } catch (e) {
    return officeErrorCode(e) === "ItemNotFound" ? { kind: "occupied" } : { kind: "failed", error: e };
  }
  const back: unknown[][] = keys.values;
  const keysMatch = block.keys.every((key, i) => sameCell(key, back[i]?.[0]));
  const inTable = after === undefined || (after.rowIndex <= placed.rowIndex && placed.rowIndex + block.rows <= after.rowIndex + after.rowCount);
  return {
    kind: "written",
    placed: { rowIndex: placed.rowIndex, rows: block.rows, columnIndex: placed.columnIndex, keyPosition: block.keyPosition, keys: block.keys },
    inTable,
    keysMatch,
  };
}

/**
 * Takes blocks we wrote back out (their contents; formats stay), where they
 * still hold our keys: one sync reads the key column at each block's
 * address, the next clears the blocks that are still ours. Answers the
 * blocks it could not take back (moved or changed by someone since).
 */
export async function takeBack(ctx: Excel.RequestContext, opened: OpenedTable, blocks: readonly PlacedBlock[]): Promise<PlacedBlock[]> {
  if (blocks.length === 0) return [];
  const sheet = ctx.workbook.worksheets.getItem(opened.sheet);
  const looks = blocks.map((b) => sheet.getRangeByIndexes(b.rowIndex, b.columnIndex + b.keyPosition, b.rows, 1).load("values"));
  try {
    await ctx.sync();
  } catch {
    return [...blocks];
  }
  const ours = blocks.filter((b, i) => b.keys.every((key, r) => sameCell(key, (looks[i].values as unknown[][])[r]?.[0])));
  for (const b of ours) sheet.getRangeByIndexes(b.rowIndex, b.columnIndex, b.rows, opened.columnCount).clear("Contents");
  try {
    await ctx.sync();
  } catch {
    return [...blocks];
  }
  return blocks.filter((b) => !ours.includes(b));
}
