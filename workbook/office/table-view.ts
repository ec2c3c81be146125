/**
 * Opening a table in one sync: its sheet, headers, size, protection, the
 * workbook's date system and a first slice of rows (to weigh them), plus
 * whatever the caller queues alongside. Then reading any columns of the
 * body in blocks that respect the payload limits (payload.ts).
 */
import { err, ok, type Result } from "../../core/contract/issues";
import type { CellValue } from "../../core/contract/raw";
import { SCHEMA, type TableName } from "../../core/contract/schema";
import { headerText, issueAt, locateHeaders, type HeaderLayout } from "../locate";
import { issueFromOfficeError, isPayloadIssue, isPayloadTooLarge, officeErrorCode } from "./errors";
import { CALL_BYTES, cellFromExcel, jsonBytes, PROPERTY_BYTES, rowsPerRange, rowsPerSync, type PayloadLimits } from "./payload";

/**
 * Rows read with the headers to learn what a row weighs (and all of a small
 * table, in one round trip). Nothing tells their weight before they are read:
 * when Excel refuses the answer as too large, the table is opened again with
 * half as many (down to none).
 */
export const PROBE_ROWS = 500;
/** Rows of the first read when the probe brought none to weigh (heavier rows then halve it). */
export const FIRST_READ_ROWS = 64;

export interface OpenedTable {
  readonly name: TableName;
  /** An Excel table named after the contract table, or a plain sheet with headers in row 1. */
  readonly kind: "table" | "sheet";
  /** The Excel table and its data body (kind "table" only). */
  readonly table: Excel.Table | undefined;
  readonly body: Excel.Range | undefined;
  /**
   * The header row. Data row i (0-based) is header.getCell(1 + i, column): cells
   * may lie outside their parent range, and Excel resolves the header where it
   * is when the request runs, not where it was when we looked.
   */
  readonly header: Excel.Range;
  readonly sheet: string;
  readonly layout: HeaderLayout;
  /** Data rows (a fresh Excel table has one blank row). */
  readonly rowCount: number;
  /** 0-based sheet row of the first data row. */
  readonly bodyRowIndex: number;
  /** 0-based sheet column of the first column. */
  readonly columnIndex: number;
  readonly columnCount: number;
  readonly showTotals: boolean;
  readonly sheetProtected: boolean;
  readonly date1904: boolean;
  /** The first data rows (up to PROBE_ROWS, fewer when they were too heavy), every column. */
  readonly probe: readonly (readonly CellValue[])[];
}

/** Where a table is missing: the contract's sheet names in both languages. */
function missingTable(name: TableName): Result<never> {
  const def = SCHEMA[name];
  return err([
    {
      severity: "error",
      sheet: def.sheet.zh === def.sheet.en ? def.sheet.en : `${def.sheet.zh} / ${def.sheet.en}`,
      row: null,
      column: null,
      code: "missing-table",
      message: { zh: `工作簿中没有名为「${name}」的表，也没有名为「${def.sheet.zh}」或「${def.sheet.en}」的工作表。请运行「检查结构」创建它`, en: `the workbook has no table named "${name}" and no sheet named "${def.sheet.zh}" or "${def.sheet.en}". Run the structure check to create it` },
    },
  ]);
}

const HEADER_PROPS = "values,rowIndex,columnIndex,columnCount";

interface Loaded {
  readonly name: TableName;
  readonly kind: "table" | "sheet";
  readonly table: Excel.Table | undefined;
  readonly body: Excel.Range | undefined;
  readonly header: Excel.Range;
  readonly sheet: Excel.Worksheet;
  readonly protection: Excel.WorksheetProtection;
  readonly probe: Excel.Range | undefined;
  readonly epoch: Excel.FunctionResult<number>;
  readonly rowCount: number;
  readonly showTotals: boolean;
}

function opened(l: Loaded): OpenedTable {
  const headers = (l.header.values[0] ?? []).map((v: unknown) => headerText(cellFromExcel(v)));
  return {
    name: l.name,
    kind: l.kind,
    table: l.table,
    body: l.body,
    header: l.header,
    sheet: l.sheet.name,
    layout: locateHeaders(l.name, headers, l.sheet.name),
    rowCount: l.rowCount,
    bodyRowIndex: l.header.rowIndex + 1,
    columnIndex: l.header.columnIndex,
    columnCount: l.header.columnCount,
    showTotals: l.showTotals,
    sheetProtected: l.protection.protected,
    // DATE(1904,1,1) is 0 in a 1904 workbook and 1462 in a 1900 one.
    date1904: l.epoch.value < 1,
    probe: (l.probe?.values ?? []).slice(0, Math.min(l.rowCount, PROBE_ROWS)).map((r: unknown[]) => r.map(cellFromExcel)),
  };
}

const epochOf = (ctx: Excel.RequestContext) => ctx.workbook.functions.date(1904, 1, 1).load("value");

type Opening<X> = Result<{ opened: OpenedTable; extra: X | undefined }>;

/**
 * Sync 1 of every data operation, for an Excel table. `alongside` queues the
 * caller's own loads on the same round trip. A workbook without that Excel
 * table falls back to a plain sheet of the contract's name (two more syncs),
 * where `alongside` is not called. A probe too heavy for one answer is
 * halved until it fits.
 */
export async function openTable<X>(ctx: Excel.RequestContext, name: TableName, alongside?: (table: Excel.Table, body: Excel.Range) => X): Promise<Opening<X>> {
  for (let probeRows = PROBE_ROWS; ; probeRows = Math.floor(probeRows / 2)) {
    const opening = await openTableWith(ctx, name, alongside, probeRows);
    if (opening.ok || probeRows === 0 || !opening.error.some(isPayloadIssue)) return opening;
  }
}

/** openTable's loads for an Excel table, queued and not yet synced; `opened()` answers them after the sync. */
export interface QueuedOpening<X> {
  opened(): OpenedTable;
  readonly extra: X | undefined;
}

/** Queues sync 1 of openTable for an Excel table without syncing, so several tables can share one round trip (readTablesIn). */
export function queueOpenTable<X>(ctx: Excel.RequestContext, name: TableName, alongside?: (table: Excel.Table, body: Excel.Range) => X, probeRows: number = PROBE_ROWS): QueuedOpening<X> {
  const epoch = epochOf(ctx);
  const table = ctx.workbook.tables.getItem(name).load("showTotals");
  const sheet = table.worksheet.load("name");
  const protection = sheet.protection.load("protected");
  const header = table.getHeaderRowRange().load(HEADER_PROPS);
  const body = table.getDataBodyRange().load("rowCount");
  const probe = probeRows > 0 ? header.getRowsBelow(probeRows).load("values") : undefined;
  const extra = alongside?.(table, body);
  return { extra, opened: () => opened({ name, kind: "table", table, body, header, sheet, protection, probe, epoch, rowCount: body.rowCount, showTotals: table.showTotals }) };
}

async function openTableWith<X>(ctx: Excel.RequestContext, name: TableName, alongside: ((table: Excel.Table, body: Excel.Range) => X) | undefined, probeRows: number): Promise<Opening<X>> {
  const queued = queueOpenTable(ctx, name, alongside, probeRows);
  try {
    await ctx.sync();
  } catch (e) {
    if (officeErrorCode(e) === "ItemNotFound") return openSheet(ctx, name, probeRows);
    return err([issueFromOfficeError(e, name)]);
  }
  return ok({ opened: queued.opened(), extra: queued.extra });
}

/** A plain sheet named after the table (either language), headers in row 1, data down to the last used row. */
async function openSheet<X>(ctx: Excel.RequestContext, name: TableName, probeRows: number): Promise<Opening<X>> {
  const def = SCHEMA[name];
  const candidates = [...new Set([def.sheet.zh, def.sheet.en])].map((n) => ctx.workbook.worksheets.getItemOrNullObject(n).load("isNullObject"));
  try {
    await ctx.sync();
  } catch (e) {
    return err([issueFromOfficeError(e, name)]);
  }
  const found = candidates.find((c) => !c.isNullObject);
  if (!found) return missingTable(name);
  const sheet = found.load("name");
  const epoch = epochOf(ctx);
  const protection = sheet.protection.load("protected");
  // A blank sheet's used range is A1, so this never fails.
  const used = sheet.getUsedRange(true).load("rowIndex,rowCount");
  const header = used.getRow(0).load(HEADER_PROPS);
  const probe = probeRows > 0 ? header.getRowsBelow(probeRows).load("values") : undefined;
  try {
    await ctx.sync();
  } catch (e) {
    return err([issueFromOfficeError(e, name)]);
  }
  if (used.rowIndex !== 0)
    return err([issueAt(sheet.name, 1, null, "no-header-row", `工作表「${sheet.name}」第 1 行没有表头`, `sheet "${sheet.name}" has no headers in row 1`)]);
  return ok({ opened: opened({ name, kind: "sheet", table: undefined, body: undefined, header, sheet, protection, probe, epoch, rowCount: used.rowCount - 1, showTotals: false }), extra: undefined });
}

/** A contiguous run of body columns (0-based positions) read as one range. */
export interface ColumnRun {
  readonly start: number;
  readonly width: number;
}

/** Positions grouped into contiguous runs, so ten adjacent columns are one range. */
export function columnRuns(positions: readonly number[]): ColumnRun[] {
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  const runs: { start: number; width: number }[] = [];
  for (const p of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.width === p) last.width++;
    else runs.push({ start: p, width: 1 });
  }
  return runs;
}

const project = (row: readonly CellValue[], runs: readonly ColumnRun[]): CellValue[] => runs.flatMap((r) => row.slice(r.start, r.start + r.width));

/** What a block of rows weighs, from every n-th row: weighing all of 500,000 rows costs more than reading them. */
function sampledBytes(rows: readonly unknown[][]): number {
  const stride = Math.max(1, Math.floor(rows.length / 2_000));
  if (stride === 1) return jsonBytes(rows);
  let sampled = 0;
  let count = 0;
  for (let i = 0; i < rows.length; i += stride, count++) sampled += jsonBytes(rows[i]) + 1;
  return Math.ceil((sampled * rows.length) / count);
}

/**
 * Rows one read sync may carry: their weight (values plus each loaded
 * property's share) with the safety margin, and the calls that make each
 * range (getCell, getResizedRange, load) in the request.
 */
function readRowsPerSync(bytesPerRow: number, width: number, runs: number, limits: PayloadLimits): number {
  const perRange = rowsPerRange(width, limits);
  const overheadPerRow = (runs * (3 * CALL_BYTES + PROPERTY_BYTES)) / perRange;
  return rowsPerSync(bytesPerRow + overheadPerRow, width, limits);
}

/**
 * The body rows [0, rowCount) of the given columns, each row as the runs'
 * cells side by side. Rows the probe already holds are not read again.
 * Rows per sync come from the heaviest rows seen so far (a first small read
 * when the probe brought none); a sync Excel refuses as too large is retried
 * with half as many rows.
 */
export async function readColumns(
  ctx: Excel.RequestContext,
  opened: OpenedTable,
  runs: readonly ColumnRun[],
  limits: PayloadLimits,
): Promise<Result<CellValue[][]>> {
  const out: CellValue[][] = opened.probe.map((row) => project(row, runs));
  const width = runs.reduce((s, r) => s + r.width, 0);
  if (width === 0) return ok(Array.from({ length: opened.rowCount }, () => []));
  // Unknown weight: read a few rows first and learn from them.
  let bytesPerRow = out.length > 0 ? jsonBytes(out) / out.length : undefined;
  let perSync = bytesPerRow === undefined ? FIRST_READ_ROWS : readRowsPerSync(bytesPerRow, width, runs.length, limits);
  const perRange = rowsPerRange(width, limits);
  let next = out.length;
  while (next < opened.rowCount) {
    const syncRows = Math.min(perSync, opened.rowCount - next);
    const blocks: { rows: number; ranges: Excel.Range[] }[] = [];
    for (let at = next; at < next + syncRows; at += perRange) {
      const rows = Math.min(perRange, next + syncRows - at);
      blocks.push({ rows, ranges: runs.map((r) => opened.header.getCell(1 + at, r.start).getResizedRange(rows - 1, r.width - 1).load("values")) });
    }
    try {
      await ctx.sync();
    } catch (e) {
      if (isPayloadTooLarge(e) && syncRows > 1) {
        perSync = Math.max(1, Math.floor(syncRows / 2));
        continue;
      }
      return err([issueFromOfficeError(e, opened.sheet)]);
    }
    let bytes = 0;
    for (const block of blocks) {
      const parts: unknown[][][] = block.ranges.map((range) => range.values);
      for (const part of parts) bytes += sampledBytes(part);
      for (let i = 0; i < block.rows; i++) {
        const row: CellValue[] = [];
        for (const part of parts) for (const v of part[i] ?? []) row.push(cellFromExcel(v));
        out.push(row);
      }
    }
    next += syncRows;
    // Plan the next sync for the heaviest rows seen yet.
    bytesPerRow = Math.max(bytesPerRow ?? 0, bytes / syncRows);
    perSync = readRowsPerSync(bytesPerRow, width, runs.length, limits);
  }
  return ok(out);
}
