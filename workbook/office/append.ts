/**
 * appendRows through Office.js, the way Microsoft's co-authoring guidance
 * asks: values written into the rows right below the table, which Excel
 * takes into the table (auto-expansion), never table.rows.add (which inserts
 * rows under everyone else's feet and fails while others edit):
 * https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins
 *
 * One Excel.run. Sync 1 opens the table and looks below it; the ID column is
 * read (in blocks if large) to re-check new IDs; then each block of rows is
 * written in a sync of its own that finds its target from the table at that
 * moment, refuses to overwrite anything, and reads back what it wrote
 * (append-block.ts). Success is reported only when every row is read back
 * with our key, inside the table. A co-author who got to the rows first
 * costs a retry from the start (nothing of ours is left behind); after
 * three, the user is told, and the form keeps what they typed.
 */
import { err, ok, type Issue, type Result } from "../../core/contract/issues";
import type { CellValue } from "../../core/contract/raw";
import { SCHEMA, type TableName } from "../../core/contract/schema";
import { issueAt } from "../locate";
import { planAppend } from "../write-plan";
import { takeBack, writeBlock, type BlockWrite, type ExcelCell, type PlacedBlock } from "./append-block";
import { excelValue, formatFor } from "./cell-format";
import { issueFromOfficeError, isPayloadTooLarge } from "./errors";
import { CALL_BYTES, cellFromExcel, jsonBytes, PROPERTY_BYTES, type PayloadLimits } from "./payload";
import { columnRuns, openTable, type ColumnRun, type OpenedTable } from "./table-view";
import { columnAt, inWorkbookDates, refuseProtected, viewForWrite } from "./write-common";

export interface AppendOptions {
  readonly limits: PayloadLimits;
  /** Table.resize (ExcelApi 1.13) when the host has it: makes the table take the rows even with auto-expansion turned off. */
  readonly canResize: boolean;
}

type Rows = readonly Readonly<Record<string, CellValue>>[];
type Appended = { readonly firstRow: number; readonly count: number };

/** Attempts before a lost race is reported. */
export const APPEND_ATTEMPTS = 3;

type Once = { readonly kind: "done"; readonly result: Result<Appended> } | { readonly kind: "lost" };
const done = (result: Result<Appended>): Once => ({ kind: "done", result });

export async function appendRowsIn(ctx: Excel.RequestContext, name: TableName, rows: Rows, options: AppendOptions): Promise<Result<Appended>> {
  let sheet: string = name;
  for (let attempt = 1; attempt <= APPEND_ATTEMPTS; attempt++) {
    const once = await appendOnce(ctx, name, rows, options, (s) => (sheet = s));
    if (once.kind === "done") return once.result;
  }
  return err([
    issueAt(
      sheet,
      null,
      null,
      "append-conflict",
      `另一位用户一直在此表下方同时写入，已重试 ${APPEND_ATTEMPTS} 次。没有写入任何内容，表单内容已保留，请稍后再试`,
      `another user kept writing below this table at the same time; tried ${APPEND_ATTEMPTS} times. Nothing was written and the form keeps what you typed: please try again in a moment`,
    ),
  ]);
}

/** Each row's cells as Excel values and formats, per run of adjacent columns. */
function cellsOf(opened: OpenedTable, runs: readonly ColumnRun[], writes: readonly { readonly cells: readonly { position: number; value: CellValue }[] }[], lastFormats: readonly string[]) {
  return writes.map((w) => {
    const byPosition = new Map(w.cells.map((c) => [c.position, c.value] as const));
    const perRun = runs.map((run) => {
      const values: ExcelCell[] = [];
      const formats: string[] = [];
      for (let p = run.start; p < run.start + run.width; p++) {
        const value = byPosition.get(p) ?? null;
        values.push(excelValue(value));
        formats.push(formatFor(columnAt(opened, p), value, lastFormats[p]));
      }
      return { values, formats };
    });
    return { perRun, bytes: perRun.reduce((s, c) => s + jsonBytes(c.values) + jsonBytes(c.formats), 0) };
  });
}

async function appendOnce(ctx: Excel.RequestContext, name: TableName, rows: Rows, options: AppendOptions, seen: (sheet: string) => void): Promise<Once> {
  const n = Math.max(1, rows.length);
  const opening = await openTable(ctx, name, (_table, body) => ({
    last: body.getLastRow().load("values,numberFormat"),
    below: body.getRowsBelow(n).getUsedRangeOrNullObject(true).load("isNullObject,address"),
    validation: body.getRowsBelow(1).dataValidation.load("type"),
    conditional: body.getRowsBelow(1).conditionalFormats.getCount(),
  }));
  if (!opening.ok) return done(opening);
  const { opened, extra } = opening.value;
  seen(opened.sheet);
  // A plain sheet's data ends at its last used row, so what is below is free.
  const lastValues = extra ? (extra.last.values[0] ?? []).map(cellFromExcel) : [];
  const lastFormats: string[] = extra ? (extra.last.numberFormat[0] ?? []).map((f: unknown) => (typeof f === "string" ? f : "General")) : [];
  // A fresh Excel table has one empty data row: fill it rather than leave a gap.
  const reuseLast = extra !== undefined && lastValues.every((v) => v === null);
  const firstRow = opened.bodyRowIndex + opened.rowCount + (reuseLast ? 0 : 1);
  if (rows.length === 0) return done(ok({ firstRow, count: 0 }));

  const refused = refuseProtected(opened);
  if (!refused.ok) return done(refused);
  if (opened.showTotals)
    return done(err([issueAt(opened.sheet, null, null, "totals-row", "表格开启了汇总行，新行无法追加到表格下方。请先关闭汇总行（表设计 → 汇总行）", "the table shows a totals row, so new rows cannot go below it. Turn the totals row off (Table Design → Total Row) first")]));
  if (extra && !extra.below.isNullObject)
    return done(err([issueAt(opened.sheet, firstRow, null, "cells-below-table", `表格下方的单元格（${extra.below.address}）不是空的，追加会覆盖它们。请移走这些内容后重试`, `cells below the table (${extra.below.address}) are not empty and would be overwritten. Move them away and try again`)]));
  // Data validation (or conditional formats) below the table stop Excel taking new rows in: the old templates put them there.
  const clearBelow = extra !== undefined && (extra.validation.type !== "None" || extra.conditional.value > 0);

  const view = await viewForWrite(ctx, opened, options.limits);
  if (!view.ok) return done(view);
  const planned = planAppend(view.value, firstRow, rows);
  if (!planned.ok) return done(planned);
  const writes = inWorkbookDates(opened, planned.value);
  if (!writes.ok) return done(writes);

  // Every contract column is written (blank as ""), the user's own columns only when given.
  const written = new Set<number>(opened.layout.positions.values());
  for (const w of writes.value) for (const c of w.cells) written.add(c.position);
  const runs = columnRuns([...written]);
  const idColumn = SCHEMA[name].idColumn;
  const keyPosition = (idColumn === null ? undefined : opened.layout.positions.get(idColumn)) ?? runs[0].start;
  const cells = cellsOf(opened, runs, writes.value, lastFormats);
  const keyRun = runs.findIndex((r) => keyPosition >= r.start && keyPosition < r.start + r.width);
  const keyOf = (i: number): ExcelCell => cells[i].perRun[keyRun].values[keyPosition - runs[keyRun].start];

  // Each block's request: its cells, and about a dozen calls plus four per run (target, guard, writes, read-back).
  const blockCalls = (12 + 4 * runs.length) * CALL_BYTES + 3 * PROPERTY_BYTES;
  const placed: PlacedBlock[] = [];
  let perBlock = cells.length;
  for (let from = 0; from < cells.length; ) {
    let count = 0;
    let bytes = blockCalls;
    while (from + count < cells.length && count < perBlock && (count === 0 || (bytes + cells[from + count].bytes) * options.limits.safety <= options.limits.maxBytes)) {
      bytes += cells[from + count].bytes;
      count++;
    }
    const slice = cells.slice(from, from + count);
    const block: BlockWrite = {
      rows: count,
      runs,
      values: runs.map((_, k) => slice.map((row) => row.perRun[k].values)),
      formats: runs.map((_, k) => slice.map((row) => row.perRun[k].formats)),
      keyPosition,
      keys: slice.map((_, i) => keyOf(from + i)),
    };
    const outcome = await writeBlock(ctx, opened, block, { reuseLast: reuseLast && from === 0, canResize: options.canResize, clearBelow: clearBelow && from === 0 });
    if (outcome.kind === "failed" && isPayloadTooLarge(outcome.error) && count > 1) {
      perBlock = Math.max(1, Math.floor(count / 2));
      continue;
    }
    if (outcome.kind === "failed") return done(err([issueFromOfficeError(outcome.error, opened.sheet), ...(await leftBehind(ctx, opened, placed))]));
    if (outcome.kind === "occupied") {
      const left = await leftBehind(ctx, opened, placed);
      if (left.length > 0) return done(err(left));
      return { kind: "lost" };
    }
    placed.push(outcome.placed);
    if (!outcome.keysMatch) return done(err([unverified(opened), ...(await leftBehind(ctx, opened, placed))]));
    if (!outcome.inTable) return done(err([notExpanded(opened, firstRow), ...(await leftBehind(ctx, opened, placed))]));
    from += count;
  }
  return done(ok({ firstRow: placed[0].rowIndex + 1, count: rows.length }));
}

/** Takes back what this append wrote; an issue for each block that someone changed meanwhile, so it stays. */
async function leftBehind(ctx: Excel.RequestContext, opened: OpenedTable, placed: readonly PlacedBlock[]): Promise<Issue[]> {
  const left = await takeBack(ctx, opened, placed);
  return left.map((b) =>
    issueAt(
      opened.sheet,
      b.rowIndex + 1,
      null,
      "append-partial",
      `第 ${b.rowIndex + 1}–${b.rowIndex + b.rows} 行已写入，但无法撤回（已被他人修改）。请检查这些行后再重试，以免重复`,
      `rows ${b.rowIndex + 1}–${b.rowIndex + b.rows} were written but could not be taken back (someone changed them since). Check them before trying again, so nothing is added twice`,
    ),
  );
}

function notExpanded(opened: OpenedTable, firstRow: number): Issue {
  return issueAt(
    opened.sheet,
    firstRow,
    null,
    "table-not-expanded",
    "新行写在表格下方后，表格没有自动扩展，已撤回这些行（表单内容已保留）。请在「自动更正选项 → 键入时自动套用格式」中开启「表中包含新行和列」，或运行「检查结构」后重试",
    'the table did not grow to take rows written below it, so they were taken back (the form keeps them). Turn on AutoCorrect Options → AutoFormat As You Type → "Include new rows and columns in table", or run the structure check, then try again',
  );
}

function unverified(opened: OpenedTable): Issue {
  return issueAt(
    opened.sheet,
    null,
    null,
    "append-changed",
    "写入后读回的内容与写入的不一致（工作簿可能正被他人同时修改），已撤回。表单内容已保留，请刷新后重试",
    "what was read back after writing is not what was written (someone may be changing the workbook at the same moment), so it was taken back. The form keeps what you typed: refresh and try again",
  );
}
