/**
 * appendRows through Office.js, the way Microsoft's co-authoring guidance
 * asks: values written into the rows right below the table, which Excel
 * takes into the table (auto-expansion), never table.rows.add (which inserts
 * rows under everyone else's feet and fails while others edit). One Excel.run:
 * sync 1 opens the table and checks the rows below are free; the ID column is
 * read (in blocks if large) to re-check new IDs; then the rows are written,
 * in one sync unless they outweigh the payload limit.
 */
import { err, ok, type Result } from "../../core/contract/issues";
import type { CellValue } from "../../core/contract/raw";
import type { TableName } from "../../core/contract/schema";
import { issueAt } from "../locate";
import { planAppend } from "../write-plan";
import { excelValue, formatFor } from "./cell-format";
import { issueFromOfficeError } from "./errors";
import { cellFromExcel, jsonBytes, type PayloadLimits } from "./payload";
import { columnRuns, openTable, type OpenedTable } from "./table-view";
import { columnAt, inWorkbookDates, refuseProtected, viewForWrite } from "./write-common";

export interface AppendOptions {
  readonly limits: PayloadLimits;
  /** Table.resize (ExcelApi 1.13) when the host has it: makes the table take the rows even with auto-expansion turned off. */
  readonly canResize: boolean;
}

type Rows = readonly Readonly<Record<string, CellValue>>[];

/**
 * Where new rows go. An Excel table: the rows right below its body (or its
 * empty last row onward), which Excel takes into the table. A plain sheet:
 * the rows below its last used row.
 */
function blockFor(opened: OpenedTable, count: number, reuseLast: boolean): Excel.Range {
  if (!opened.body) return opened.header.getCell(1 + opened.rowCount, 0).getResizedRange(count - 1, opened.columnCount - 1);
  if (!reuseLast) return opened.body.getRowsBelow(count);
  return count === 1 ? opened.body.getLastRow() : opened.body.getLastRow().getResizedRange(count - 1, 0);
}

export async function appendRowsIn(ctx: Excel.RequestContext, name: TableName, rows: Rows, options: AppendOptions): Promise<Result<{ readonly firstRow: number; readonly count: number }>> {
  const n = Math.max(1, rows.length);
  const opening = await openTable(ctx, name, (_table, body) => ({
    last: body.getLastRow().load("values,numberFormat"),
    below: body.getRowsBelow(n).getUsedRangeOrNullObject(true).load("isNullObject,address"),
  }));
  if (!opening.ok) return opening;
  const { opened, extra } = opening.value;
  // A plain sheet's data ends at its last used row, so what is below is free.
  const lastValues = extra ? (extra.last.values[0] ?? []).map(cellFromExcel) : [];
  const lastFormats: string[] = extra ? (extra.last.numberFormat[0] ?? []).map((f: unknown) => (typeof f === "string" ? f : "General")) : [];
  // A fresh Excel table has one empty data row: fill it rather than leave a gap.
  const reuseLast = extra !== undefined && lastValues.every((v) => v === null);
  const firstRow = opened.bodyRowIndex + opened.rowCount + (reuseLast ? 0 : 1);
  if (rows.length === 0) return ok({ firstRow, count: 0 });

  const refused = refuseProtected(opened);
  if (!refused.ok) return refused;
  if (opened.showTotals)
    return err([issueAt(opened.sheet, null, null, "totals-row", "表格开启了汇总行，新行无法追加到表格下方。请先关闭汇总行（表设计 → 汇总行）", "the table shows a totals row, so new rows cannot go below it. Turn the totals row off (Table Design → Total Row) first")]);
  if (extra && !extra.below.isNullObject)
    return err([issueAt(opened.sheet, firstRow, null, "cells-below-table", `表格下方的单元格（${extra.below.address}）不是空的，追加会覆盖它们。请移走这些内容后重试`, `cells below the table (${extra.below.address}) are not empty and would be overwritten. Move them away and try again`)]);

  const view = await viewForWrite(ctx, opened, options.limits);
  if (!view.ok) return view;
  const planned = planAppend(view.value, firstRow, rows);
  if (!planned.ok) return planned;
  const writes = inWorkbookDates(opened, planned.value);
  if (!writes.ok) return writes;

  // Every contract column is written (blank as ""), the user's own columns only when given.
  const written = new Set<number>(opened.layout.positions.values());
  for (const w of writes.value) for (const c of w.cells) written.add(c.position);
  const runs = columnRuns([...written]);

  // Rows go out in blocks that keep each sync's request under the payload limit,
  // each block right below the one before, so the table grows block by block.
  const whole = blockFor(opened, rows.length, reuseLast);
  const cells = writes.value.map((w) => {
    const byPosition = new Map(w.cells.map((c) => [c.position, c.value] as const));
    return runs.map((run) => {
      const values: (string | number | boolean)[] = [];
      const formats: string[] = [];
      for (let p = run.start; p < run.start + run.width; p++) {
        const value = byPosition.get(p) ?? null;
        values.push(excelValue(value));
        formats.push(formatFor(columnAt(opened, p), value, lastFormats[p]));
      }
      return { values, formats, bytes: jsonBytes(values) + jsonBytes(formats) };
    });
  });
  try {
    for (let from = 0; from < cells.length; ) {
      let to = from;
      let bytes = 0;
      while (to < cells.length && (to === from || (bytes + cells[to].reduce((s, c) => s + c.bytes, 0)) * options.limits.safety <= options.limits.maxBytes)) {
        bytes += cells[to].reduce((s, c) => s + c.bytes, 0);
        to++;
      }
      ctx.workbook.application.suspendApiCalculationUntilNextSync();
      runs.forEach((run, k) => {
        const target = whole.getCell(from, run.start).getResizedRange(to - from - 1, run.width - 1);
        // Format first: a value lands in a cell already typed as text and stays literal.
        target.numberFormat = cells.slice(from, to).map((row) => row[k].formats);
        target.values = cells.slice(from, to).map((row) => row[k].values);
      });
      from = to;
      if (from < cells.length) await ctx.sync();
    }
  } catch (e) {
    return err([issueFromOfficeError(e, opened.sheet)]);
  }
  const grownRows = opened.rowCount + rows.length - (reuseLast ? 1 : 0);
  if (options.canResize && opened.table) opened.table.resize(opened.header.getResizedRange(grownRows, 0));
  const after = opened.table?.getDataBodyRange().load("rowCount");
  try {
    await ctx.sync();
  } catch (e) {
    return err([issueFromOfficeError(e, opened.sheet)]);
  }
  if (after && after.rowCount < grownRows)
    return err([issueAt(opened.sheet, firstRow, null, "table-not-expanded", "行已写在表格下方，但表格没有自动扩展。请在「自动更正选项 → 键入时自动套用格式」中开启「表中包含新行和列」，或手动调整表格大小", "the rows were written below the table but the table did not grow. Turn on AutoCorrect Options → AutoFormat As You Type → \"Include new rows and columns in table\", or resize the table")]);
  return ok({ firstRow, count: rows.length });
}
