/**
 * What `review`, `weekly`, `due` and `check` share: read a CRM workbook, and
 * write report sheets into it, in place or to --out.
 *
 * Reading streams the sheets (workbook/xlsx/stream) and writing adds the
 * report's parts to the package as it is (workbook/xlsx/package/report):
 * the workbook is never loaded whole, so a team's years of history fit in
 * bounded memory, and whatever the file holds besides (charts, pivot
 * tables, macros) is copied through untouched.
 */
import path from "node:path";
import { countBySeverity, issueLine } from "./report";
import { EXIT, type CliIO } from "./io";
import { serialAtInstant, toISODateTime } from "../core/contract/dates";
import type { Issue } from "../core/contract/issues";
import type { ReportSheet } from "../core/report/sheet";
import type { ReportMeta } from "../core/review/sheet";
import { readSnapshot, type WorkbookSnapshot } from "../app/open-crm";
import { lockForWriting, readXlsxFile, writeXlsxBytes, type WriteOptions, type XlsxFile } from "../workbook/node/xlsx-file";
import type { WorkbookLock } from "../workbook/node/workbook-lock";
import { openXlsxTables } from "../workbook/node/stream-reader";
import { writeReportSheetsIntoPackage } from "../workbook/xlsx/package/report";

export interface LoadedWorkbook {
  /** As the user named it, for messages. */
  readonly file: string;
  readonly source: XlsxFile;
  readonly read: WorkbookSnapshot;
}

/**
 * Opens and reads a CRM workbook, whatever its rows' problems; an unreadable
 * file or one that is not a CRM workbook prints why and gives exit 2.
 */
export async function openWorkbook(file: string, io: CliIO): Promise<LoadedWorkbook | number> {
  const fail = (issues: readonly Issue[]): number => {
    for (const i of issues) io.err(issueLine(file, i, io));
    return EXIT.usage;
  };
  const source = await readXlsxFile(path.resolve(io.cwd, file));
  if (!source.ok) return fail(source.error);
  const tables = await openXlsxTables(source.value.bytes, path.basename(file));
  if (!tables.ok) return fail(tables.error);
  const read = await readSnapshot(tables.value);
  if (!read.ok) return fail(read.error);
  return { file, source: source.value, read: read.value };
}

/** The workbook and its snapshot, refusing one with errors (a report on bad rows would be silently wrong). */
export async function loadWorkbook(file: string, io: CliIO): Promise<LoadedWorkbook | number> {
  const loaded = await openWorkbook(file, io);
  if (typeof loaded === "number") return loaded;
  const { read } = loaded;
  const { errors } = countBySeverity(read.issues);
  if (errors > 0) {
    for (const i of read.issues) if (i.severity === "error") io.err(issueLine(file, i, io));
    io.err(
      io.lang === "zh-CN"
        ? `${file}：有 ${errors} 个错误，未生成报表（请先修正，或运行 tradebook check ${file}）`
        : `${file}: ${errors} error${errors === 1 ? "" : "s"}; no report written (fix them first, see tradebook check ${file})`,
    );
    return EXIT.problems;
  }
  return loaded;
}

/** Company name and "now" in the work time zone, for the sheets' headers and footers. */
export function reportMeta(read: WorkbookSnapshot, now: Date = new Date()): ReportMeta {
  return { companyName: read.settings.CompanyName, generatedAt: toISODateTime(serialAtInstant(now, read.settings.WorkTimeZone)) };
}

/**
 * Runs `work` holding the lock of the file a report is written to (FILE or
 * --out), taken before the workbook is read: a second writer waits, then
 * refuses with a message (exit 1), writing nothing; so is a file LibreOffice
 * or Excel has open, unless `force`.
 */
export async function whileLocked(target: string, io: CliIO, force: boolean, work: (lock: WorkbookLock) => Promise<number>): Promise<number> {
  const held = await lockForWriting(path.resolve(io.cwd, target), { force });
  if (!held.ok) {
    for (const i of held.error) io.err(issueLine(target, i, io));
    return EXIT.problems;
  }
  try {
    return await work(held.value);
  } finally {
    await held.value.release();
  }
}

/** Writes the sheets and saves to `out` (or the file itself), under the lock `write` holds; an exit code. */
export async function writeSheets(loaded: LoadedWorkbook, sheets: readonly ReportSheet[], out: string | undefined, io: CliIO, write: WriteOptions = {}): Promise<number> {
  const target = out ?? loaded.file;
  const written = await writeReportSheetsIntoPackage(loaded.source.bytes, sheets, path.basename(target));
  if (!written.ok) {
    for (const i of written.error) io.err(issueLine(target, i, io));
    return EXIT.problems;
  }
  const saved = await writeXlsxBytes(loaded.source, written.value, path.resolve(io.cwd, target), write);
  if (!saved.ok) {
    for (const i of saved.error) io.err(issueLine(target, i, io));
    return EXIT.problems;
  }
  return EXIT.ok;
}

/** A plain text table: columns padded to their widest cell (CJK counts double). */
export function textTable(rows: readonly (readonly string[])[]): string {
  const width = (s: string): number => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
  const cols = Math.max(0, ...rows.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, c) => Math.max(...rows.map((r) => width(r[c] ?? ""))));
  return rows.map((r) => r.map((cell, c) => cell + " ".repeat(widths[c] - width(cell))).join("  ").trimEnd()).join("\n");
}

export const money = (n: number): string => n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
