/**
 * updateRows through Office.js. Another user may have sorted the table or
 * inserted rows since we last read it, so rows are found by ID from the ID
 * column read in this same Excel.run, right before the writes; every update
 * is planned (and can fail) before the first cell is written.
 */
import { err, ok, type Result } from "../../core/contract/issues";
import type { TableName } from "../../core/contract/schema";
import type { UpdateById } from "../port";
import { planUpdate, type CellWrite } from "../write-plan";
import { excelValue, formatFor } from "./cell-format";
import { issueFromOfficeError } from "./errors";
import { jsonBytes, type PayloadLimits } from "./payload";
import { columnRuns, openTable, type OpenedTable } from "./table-view";
import { columnAt, inWorkbookDates, refuseProtected, viewForWrite } from "./write-common";

/** Queues one row's cells, adjacent cells as one range. Returns the bytes queued. */
function queueRow(opened: OpenedTable, bodyRow: number, cells: readonly CellWrite[]): number {
  const byPosition = new Map(cells.map((c) => [c.position, c.value] as const));
  let bytes = 0;
  for (const run of columnRuns(cells.map((c) => c.position))) {
    const values: (string | number | boolean)[] = [];
    const formats: string[] = [];
    for (let p = run.start; p < run.start + run.width; p++) {
      const value = byPosition.get(p) ?? null;
      values.push(excelValue(value));
      // Numbers keep whatever format the cell has; text is made literal.
      formats.push(typeof value === "string" ? formatFor(columnAt(opened, p), value, undefined) : "");
    }
    const range = opened.header.getCell(1 + bodyRow, run.start).getResizedRange(0, run.width - 1);
    if (formats.some((f) => f !== "")) {
      // A range takes one format array; cells keeping theirs get null, which Excel leaves alone.
      range.numberFormat = [formats.map((f) => (f === "" ? null : f))];
    }
    range.values = [values];
    bytes += jsonBytes(values) + jsonBytes(formats);
  }
  return bytes;
}

export async function updateRowsIn(ctx: Excel.RequestContext, name: TableName, updates: readonly UpdateById[], limits: PayloadLimits): Promise<Result<{ readonly count: number }>> {
  const opening = await openTable(ctx, name, () => undefined);
  if (!opening.ok) return opening;
  const { opened } = opening.value;
  if (updates.length === 0) return ok({ count: 0 });
  const refused = refuseProtected(opened);
  if (!refused.ok) return refused;
  const view = await viewForWrite(ctx, opened, limits);
  if (!view.ok) return view;
  const planned = planUpdate(view.value, updates);
  if (!planned.ok) return planned;
  const writes = inWorkbookDates(opened, planned.value);
  if (!writes.ok) return writes;

  // Writes go out in syncs kept under the payload limit; the first carries the calculation pause.
  let queued = 0;
  let pending = false;
  try {
    for (const w of writes.value) {
      if (!pending) ctx.workbook.application.suspendApiCalculationUntilNextSync();
      pending = true;
      queued += queueRow(opened, w.rowNumber - 1 - opened.bodyRowIndex, w.cells);
      if (queued * limits.safety >= limits.maxBytes) {
        await ctx.sync();
        queued = 0;
        pending = false;
      }
    }
    if (pending) await ctx.sync();
  } catch (e) {
    return err([issueFromOfficeError(e, opened.sheet)]);
  }
  return ok({ count: writes.value.length });
}
