/**
 * The benchmark workbooks on disk, cached under bench/out/ (git-ignored).
 *
 * exceljs's normal writer holds every cell of a 500,000-row workbook in
 * memory and takes minutes; its streaming WorkbookWriter writes row by row.
 * The streaming writer cannot make Excel tables, so each table is a plain
 * sheet named after it (zh-CN) with its header in row 1: the layout every
 * adapter accepts as the fallback to an Excel table. Cells go through
 * core/contract/cells.ts, so enums are spelled as a zh-CN workbook shows them.
 */
import { existsSync, mkdirSync, renameSync, statSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { toCells } from "../core/contract/cells";
import type { CrmSnapshot, RowOf } from "../core/contract/model";
import { SCHEMA, TABLE_NAMES, headerOf, sheetNameOf, type Lang, type TableName } from "../core/contract/schema";
import { DATE_FORMAT, DATETIME_FORMAT } from "../workbook/xlsx/exceljs/structure";
import { benchSnapshot } from "./generate";

/** Bumped whenever the generator or the writer changes, so stale cached files are not reused. */
export const DATA_VERSION = 1;

export interface BenchSize {
  readonly name: string;
  readonly customers: number;
}

export function workbookPath(dir: string, size: BenchSize, seed: number, asOf: number): string {
  return join(dir, `bench-v${DATA_VERSION}-${size.customers}c-seed${seed}-asof${asOf}.xlsx`);
}

async function writeTable<T extends TableName>(wb: ExcelJS.stream.xlsx.WorkbookWriter, table: T, rows: readonly RowOf<T>[], lang: Lang): Promise<void> {
  const def = SCHEMA[table];
  const ws = wb.addWorksheet(sheetNameOf(def, lang));
  ws.columns = def.columns.map((c) => ({
    width: c.width,
    style: c.type === "date" ? { numFmt: DATE_FORMAT } : c.type === "datetime" ? { numFmt: DATETIME_FORMAT } : {},
  }));
  ws.addRow(def.columns.map((c) => headerOf(c, lang))).commit();
  for (const row of rows) {
    const cells = toCells(table, row, lang);
    ws.addRow(def.columns.map((c) => cells[c.key] ?? null)).commit();
  }
  ws.commit();
}

/** Writes the snapshot as a workbook at `path` (atomically: a half-written cache file is never reused). */
export async function writeBenchWorkbook(path: string, data: CrmSnapshot, lang: Lang = "zh-CN"): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useSharedStrings: true, useStyles: true });
  wb.creator = "TradeBook bench";
  for (const table of TABLE_NAMES) await writeTable(wb, table, data[table] as readonly RowOf<typeof table>[], lang);
  await wb.commit();
  renameSync(temp, path);
}

export interface PreparedWorkbook {
  readonly path: string;
  readonly bytes: number;
  readonly data: CrmSnapshot;
  /** Seconds spent writing it now; null when the cached file was reused. */
  readonly writeSeconds: number | null;
}

/** The size's data (always regenerated: it is quick and deterministic) and its workbook (reused when cached). */
export async function prepareWorkbook(dir: string, size: BenchSize, seed: number, asOf: number): Promise<PreparedWorkbook> {
  mkdirSync(dir, { recursive: true });
  const data = benchSnapshot({ customers: size.customers, seed, asOf });
  const path = workbookPath(dir, size, seed, asOf);
  let writeSeconds: number | null = null;
  if (!existsSync(path)) {
    const t0 = performance.now();
    await writeBenchWorkbook(path, data);
    writeSeconds = (performance.now() - t0) / 1000;
  }
  return { path, bytes: statSync(path).size, data, writeSeconds };
}
