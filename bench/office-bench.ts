/**
 * Reading the workbook through the Office adapter (workbook/office) over the
 * fake Excel (tests/fakes/fake-excel.ts), which measures each sync's request
 * and response as the JSON Office.js would carry and refuses any over
 * Excel on the web's 5 MB, as Excel does.
 */
import { toCells } from "../core/contract/cells";
import type { CrmSnapshot, RowOf } from "../core/contract/model";
import { SCHEMA, TABLE_NAMES, headerOf, sheetNameOf, type Lang, type TableName } from "../core/contract/schema";
import { OfficeWorkbook } from "../workbook/office/office-workbook";
import { readSnapshot } from "../app/open-crm";
import { FakeExcel } from "../tests/fakes/fake-excel";
import { repeat, type RepeatOptions, type Timing } from "./stats";

export interface OfficeReadResult {
  /** readSnapshot through the adapter (every table, typing, cross-table checks). */
  readonly readSnapshot: Timing;
  /** Per read of the whole workbook. */
  readonly syncs: number;
  readonly maxRequestBytes: number;
  readonly maxResponseBytes: number;
  /** Syncs the fake refused for their size (the adapter then retries smaller). */
  readonly rejected: number;
  readonly rowsRead: number;
}

/** A current Excel (ExcelApi up to 1.17). */
export const MODERN = { isSetSupported: (name: string, version?: string) => name === "ExcelApi" && Number((version ?? "1.1").split(".")[1]) <= 17 };

/** Tables to leave out of the fake workbook, and tables laid out as a plain sheet (headers in row 1) rather than an Excel table. */
export interface FakeLayout {
  readonly omit?: readonly TableName[];
  readonly plain?: readonly TableName[];
}

/** The snapshot as a workbook in the fake Excel: each table an Excel table named after it (unless `layout` says otherwise). */
export function fakeExcelOf(data: CrmSnapshot, lang: Lang = "zh-CN", layout: FakeLayout = {}): FakeExcel {
  const excel = new FakeExcel();
  for (const table of TABLE_NAMES) {
    if (!layout.omit?.includes(table)) seedTable(excel, table, data[table] as readonly RowOf<typeof table>[], lang, !layout.plain?.includes(table));
  }
  return excel;
}

function seedTable<T extends TableName>(excel: FakeExcel, table: T, rows: readonly RowOf<T>[], lang: Lang, asTable: boolean): void {
  const def = SCHEMA[table];
  excel.seed({
    sheet: sheetNameOf(def, lang),
    table: asTable ? table : undefined,
    headers: def.columns.map((c) => headerOf(c, lang)),
    rows: rows.map((r) => {
      const cells = toCells(table, r, lang);
      return def.columns.map((c) => cells[c.key] ?? null);
    }),
  });
}

export async function benchOfficeRead(data: CrmSnapshot, opts: RepeatOptions): Promise<OfficeReadResult> {
  const excel = fakeExcelOf(data);
  const port = new OfficeWorkbook({ run: excel.run, requirements: MODERN });
  let syncs = 0;
  let rejected = 0;
  let maxRequest = 0;
  let maxResponse = 0;
  const { timing, last } = await repeat(opts, async () => {
    const before = { syncs: excel.stats.syncs, rejected: excel.stats.rejected, requests: excel.stats.requests.length, responses: excel.stats.responses.length };
    const read = await readSnapshot(port);
    if (!read.ok) throw new Error(`bench: the fake Excel workbook is not readable: ${read.error.map((i) => i.message.en).join("; ")}`);
    syncs = excel.stats.syncs - before.syncs;
    rejected = excel.stats.rejected - before.rejected;
    maxRequest = Math.max(0, ...excel.stats.requests.slice(before.requests));
    maxResponse = Math.max(0, ...excel.stats.responses.slice(before.responses));
    return TABLE_NAMES.reduce((n, t) => n + read.value.snapshot[t].length, 0);
  });
  return { readSnapshot: timing, syncs, maxRequestBytes: maxRequest, maxResponseBytes: maxResponse, rejected, rowsRead: last };
}
