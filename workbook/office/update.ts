/**
 * updateRows through Office.js. Another user may sort the table, insert or
 * delete rows at any moment, and a range keeps the address it was made
 * with, so a row's position read in one sync says nothing about where it is
 * in the next. Each row is therefore found by its ID inside the write sync
 * itself: Range.find over the table's ID column as it is then (ExcelApi 1.9;
 * it fails with ItemNotFound when the ID is gone:
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-string-match),
 * every find queued before any write, so a row someone deleted stops the
 * sync before anything is written (Office.js runs a batch in order and
 * stops at the first failing call). The cells are written beside the found
 * ID cell and read back in the same sync before success is reported.
 * Everything is planned (and can fail) before the first cell is written; a
 * lost race re-reads the table and plans again.
 */
import { err, ok, type Issue, type Result } from "../../core/contract/issues";
import type { CellValue } from "../../core/contract/raw";
import { SCHEMA, type TableName } from "../../core/contract/schema";
import { issueAt } from "../locate";
import type { UpdateById } from "../port";
import { planUpdate, type CellWrite } from "../write-plan";
import { sameCell, type ExcelCell } from "./append-block";
import { excelValue, formatFor } from "./cell-format";
import { issueFromOfficeError, isPayloadTooLarge, officeErrorCode } from "./errors";
import { CALL_BYTES, jsonBytes, PROPERTY_BYTES, type PayloadLimits } from "./payload";
import { columnRuns, openTable, type OpenedTable } from "./table-view";
import { columnAt, inWorkbookDates, refuseProtected, viewForWrite } from "./write-common";

/** Attempts before a lost race is reported. */
const UPDATE_ATTEMPTS = 3;

/** One row's writes: the ID text to find, and runs of adjacent cells beside it. */
interface RowUpdate {
  readonly id: string;
  readonly rowNumber: number;
  readonly runs: readonly { readonly start: number; readonly values: ExcelCell[]; readonly formats: (string | null)[] }[];
  readonly bytes: number;
}

function rowUpdate(opened: OpenedTable, id: string, rowNumber: number, cells: readonly CellWrite[]): RowUpdate {
  const byPosition = new Map(cells.map((c) => [c.position, c.value] as const));
  const runs = columnRuns(cells.map((c) => c.position)).map((run) => {
    const values: ExcelCell[] = [];
    const formats: (string | null)[] = [];
    for (let p = run.start; p < run.start + run.width; p++) {
      const value: CellValue = byPosition.get(p) ?? null;
      values.push(excelValue(value));
      // Numbers keep whatever format the cell has (null leaves it); text is made literal.
      formats.push(typeof value === "string" ? formatFor(columnAt(opened, p), value, undefined) : null);
    }
    return { start: run.start, values, formats };
  });
  // Per run: offset, resize, format, values and the read-back load; per row: the find and its load.
  const calls = 2 + 5 * runs.length;
  const bytes = runs.reduce((s, r) => s + jsonBytes(r.values) + jsonBytes(r.formats), 0) + calls * CALL_BYTES + (1 + runs.length) * PROPERTY_BYTES;
  return { id, rowNumber, runs, bytes };
}

type Outcome = { readonly kind: "written" } | { readonly kind: "gone" } | { readonly kind: "changed"; readonly rowNumber: number } | { readonly kind: "failed"; readonly error: unknown };

/** Finds every row of the batch by ID, then writes and reads back, all in one sync. */
async function writeBatch(ctx: Excel.RequestContext, opened: OpenedTable, idPosition: number, batch: readonly RowUpdate[]): Promise<Outcome> {
  const idColumn =
    opened.kind === "table" ? ctx.workbook.tables.getItem(opened.name).getDataBodyRange().getColumn(idPosition) : opened.header.getColumn(idPosition).getEntireColumn();
  const found = batch.map((u) => idColumn.find(u.id, { completeMatch: true, matchCase: true }));
  ctx.workbook.application.suspendApiCalculationUntilNextSync();
  const back = batch.map((u, i) => {
    const ranges = u.runs.map((run) => {
      const range = found[i].getOffsetRange(0, run.start - idPosition).getResizedRange(0, run.values.length - 1);
      if (run.formats.some((f) => f !== null)) range.numberFormat = [run.formats];
      range.values = [run.values];
      return range.load("values");
    });
    return { id: found[i].load("values"), ranges };
  });
  try {
    await ctx.sync();
  } catch (e) {
    return officeErrorCode(e) === "ItemNotFound" ? { kind: "gone" } : { kind: "failed", error: e };
  }
  for (let i = 0; i < batch.length; i++) {
    const same = sameCell(batch[i].id, back[i].id.values[0]?.[0]) && batch[i].runs.every((run, k) => run.values.every((v, j) => sameCell(v, back[i].ranges[k].values[0]?.[j])));
    if (!same) return { kind: "changed", rowNumber: batch[i].rowNumber };
  }
  return { kind: "written" };
}

type Once = { readonly kind: "done"; readonly result: Result<{ readonly count: number }> } | { readonly kind: "lost" };

async function updateOnce(ctx: Excel.RequestContext, name: TableName, updates: readonly UpdateById[], limits: PayloadLimits): Promise<Once> {
  const done = (result: Result<{ readonly count: number }>): Once => ({ kind: "done", result });
  const opening = await openTable(ctx, name, () => undefined);
  if (!opening.ok) return done(opening);
  const { opened } = opening.value;
  if (updates.length === 0) return done(ok({ count: 0 }));
  const refused = refuseProtected(opened);
  if (!refused.ok) return done(refused);
  const view = await viewForWrite(ctx, opened, limits);
  if (!view.ok) return done(view);
  const planned = planUpdate(view.value, updates);
  if (!planned.ok) return done(planned);
  const writes = inWorkbookDates(opened, planned.value);
  if (!writes.ok) return done(writes);

  const idColumn = SCHEMA[name].idColumn;
  const idPosition = idColumn === null ? undefined : opened.layout.positions.get(idColumn);
  if (idPosition === undefined) return done(ok({ count: 0 })); // planUpdate refuses these first
  // The ID as the cell holds it (planUpdate matched it trimmed), so find matches the whole cell.
  const idText = new Map(view.value.rows.map((r) => [r.rowNumber, String(r.cells[idPosition])] as const));
  const rows = writes.value.map((w) => rowUpdate(opened, idText.get(w.rowNumber) ?? "", w.rowNumber, w.cells));

  let perSync = rows.length;
  let written = 0;
  for (let from = 0; from < rows.length; ) {
    let count = 0;
    let bytes = 0;
    while (from + count < rows.length && count < perSync && (count === 0 || (bytes + rows[from + count].bytes) * limits.safety <= limits.maxBytes)) {
      bytes += rows[from + count].bytes;
      count++;
    }
    const outcome = await writeBatch(ctx, opened, idPosition, rows.slice(from, from + count));
    if (outcome.kind === "failed" && isPayloadTooLarge(outcome.error) && count > 1) {
      perSync = Math.max(1, Math.floor(count / 2));
      continue;
    }
    if (outcome.kind === "failed") return done(err([issueFromOfficeError(outcome.error, opened.sheet), ...partly(opened, written)]));
    if (outcome.kind === "changed") return done(err([changed(opened, outcome.rowNumber), ...partly(opened, written)]));
    if (outcome.kind === "gone") {
      // Nothing of this sync was written: when nothing was before either, look again and plan anew.
      if (written === 0) return { kind: "lost" };
      return done(err([issueAt(opened.sheet, null, null, "update-conflict", "有一行在更新过程中被他人删除或修改了编号", "a row was deleted, or its ID changed, by someone else during the update"), ...partly(opened, written)]));
    }
    written += count;
    from += count;
  }
  return done(ok({ count: writes.value.length }));
}

function partly(opened: OpenedTable, written: number): Issue[] {
  if (written === 0) return [];
  return [issueAt(opened.sheet, null, null, "update-partial", `前 ${written} 行已更新，其余未更新`, `the first ${written} rows were updated, the rest were not`)];
}

function changed(opened: OpenedTable, rowNumber: number): Issue {
  return issueAt(opened.sheet, rowNumber, null, "update-changed", "写入后读回的内容与写入的不一致（可能正被他人同时修改）。请刷新后重试", "what was read back after writing is not what was written (someone may be changing it at the same moment). Refresh and try again");
}

export async function updateRowsIn(ctx: Excel.RequestContext, name: TableName, updates: readonly UpdateById[], limits: PayloadLimits): Promise<Result<{ readonly count: number }>> {
  let last: Once = { kind: "lost" };
  for (let attempt = 1; attempt <= UPDATE_ATTEMPTS && last.kind === "lost"; attempt++) last = await updateOnce(ctx, name, updates, limits);
  if (last.kind === "done") return last.result;
  return err([issueAt(name, null, null, "update-conflict", `表格在更新时一直被他人修改，已重试 ${UPDATE_ATTEMPTS} 次，没有写入任何内容。请稍后再试`, `the table kept changing under the update; tried ${UPDATE_ATTEMPTS} times and wrote nothing. Please try again in a moment`)]);
}
