/**
 * What `review`, `weekly`, `due`, `check` and `import` share: open a CRM
 * workbook file as the one file port (workbook/node/xlsx-file-port.ts) and
 * read it (app/open-crm.ts), and write report sheets into it, in place or
 * to --out.
 *
 * Reading streams the sheets (workbook/xlsx/stream) and writing adds the
 * report's parts to the package as it is (workbook/xlsx/package/report):
 * the workbook is never loaded whole, so a team's years of history fit in
 * bounded memory, and whatever the file holds besides (charts, pivot
 * tables, macros) is copied through untouched.
 */
import path from "node:path";
import { issueLine } from "./issue-lines";
import { countBySeverity } from "../app/check";
import { EXIT, type CliIO } from "./io";
import type { Issue } from "../core/contract/issues";
import type { ReportSheet } from "../core/report/sheet";
import { readSnapshot, type ReadOptions, type WorkbookSnapshot } from "../app/open-crm";
import { EVERYTHING, type Projection } from "../core/contract/projection";
import { writeReports } from "../app/reports";
import { lockForWriting, openXlsxFilePort, type XlsxFileOptions, type XlsxFilePort } from "../workbook/node/xlsx-file-port";
import { say } from "./messages";

export type { XlsxFileOptions };

export interface LoadedWorkbook {
  /** As the user named it, for messages. */
  readonly file: string;
  /** The file as the one file port (workbook/node/xlsx-file-port.ts). */
  readonly opened: XlsxFilePort;
  readonly read: WorkbookSnapshot;
}

/** Prints the issues, each naming `file`; answers `code`. */
export function failWith(file: string, issues: readonly Issue[], io: CliIO, code: number): number {
  for (const i of issues) io.err(issueLine(file, i, io));
  return code;
}

/**
 * Opens and reads a CRM workbook, whatever its rows' problems; an unreadable
 * file or one that is not a CRM workbook prints why and gives exit 2.
 */
export async function openWorkbook(file: string, io: CliIO, options: XlsxFileOptions = {}, projection: Projection = EVERYTHING, readOptions: ReadOptions = {}): Promise<LoadedWorkbook | number> {
  const opened = await openXlsxFilePort(path.resolve(io.cwd, file), options);
  if (!opened.ok) return failWith(file, opened.error, io, EXIT.usage);
  // Only the tables and columns the command uses (core/contract/projection.ts).
  const read = await readSnapshot(opened.value.port, projection, readOptions);
  if (!read.ok) return failWith(file, read.error, io, EXIT.usage);
  return { file, opened: opened.value, read: read.value };
}

/** The workbook and its snapshot, refusing one with errors (a report on bad rows would be silently wrong). */
export async function loadWorkbook(file: string, io: CliIO, options: XlsxFileOptions = {}, projection: Projection = EVERYTHING): Promise<LoadedWorkbook | number> {
  const loaded = await openWorkbook(file, io, options, projection);
  if (typeof loaded === "number") return loaded;
  const { read } = loaded;
  const { errors } = countBySeverity(read.issues);
  if (errors > 0) {
    for (const i of read.issues) if (i.severity === "error") io.err(issueLine(file, i, io));
    io.err(say(io.lang, "noReport", { file, errors }));
    return EXIT.problems;
  }
  return loaded;
}

/**
 * Runs `work` holding the lock of the file a report is written to (FILE or
 * --out), taken before the workbook is read: a second writer waits, then
 * refuses with a message (exit 1), writing nothing; so is a file LibreOffice
 * or Excel has open, unless `force`. `work` opens the file with the options
 * given (the lock, `force`).
 */
export async function whileLocked(target: string, io: CliIO, force: boolean, work: (open: XlsxFileOptions) => Promise<number>): Promise<number> {
  const held = await lockForWriting(path.resolve(io.cwd, target), { force });
  if (!held.ok) return failWith(target, held.error, io, EXIT.problems);
  try {
    return await work({ lock: held.value, force });
  } finally {
    await held.value.release();
  }
}

/** Writes the sheets through the file port (app/reports.ts) and saves to `out` (or the file itself); an exit code. */
export async function writeSheets(loaded: LoadedWorkbook, sheets: readonly ReportSheet[], out: string | undefined, io: CliIO): Promise<number> {
  const target = out ?? loaded.file;
  const written = await writeReports(loaded.opened.port, sheets);
  if (!written.ok) return failWith(target, written.error, io, EXIT.problems);
  const saved = await loaded.opened.save(path.resolve(io.cwd, target));
  if (!saved.ok) return failWith(target, saved.error, io, EXIT.problems);
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
