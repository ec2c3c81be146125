/**
 * Reading the workbook from its file as every command starts: read the
 * bytes and open the package (workbook/node/stream-reader: the workbook's
 * own parts, not its sheets), stream every table's rows, then type and check
 * them all (app/open-crm.ts).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TABLE_NAMES } from "../core/contract/schema";
import { readSnapshot } from "../app/open-crm";
import { openXlsxTables } from "../workbook/node/stream-reader";
import { readXlsxFile } from "../workbook/node/xlsx-file";
import { GNU_TIME, runNode } from "./process-bench";
import { round, timingOf, type RepeatOptions, type Timing } from "./stats";

export interface FileReadResult {
  /** Reading the file and opening the package (its workbook, styles and shared strings; no sheet yet). */
  readonly open: Timing;
  /** Open + readTable of every table. */
  readonly readTables: Timing;
  /** Open + readSnapshot (rows typed and checked: what every command does first). */
  readonly readSnapshot: Timing;
  readonly rowsRead: number;
  /** Errors found in the workbook (the generated data has none). */
  readonly issues: number;
  /** Largest heap in use after a read, MB (indicative: the GC decides). */
  readonly heapUsedMB: number;
  /** Peak resident memory of the first read (the process's high-water mark after it), in a child process (benchFileReadIsolated). */
  readonly maxRssMB?: number;
  readonly maxRssKB?: number;
}

/** The measurement could not finish (e.g. the child ran out of heap): what it said, and its peak memory. */
export interface FileReadFailure {
  readonly error: string;
  readonly maxRssMB: number;
}

export async function benchFileRead(path: string, opts: RepeatOptions): Promise<FileReadResult> {
  const open: number[] = [];
  const tables: number[] = [];
  const snapshot: number[] = [];
  let rows = 0;
  let issues = 0;
  let heap = 0;
  let spent = 0;
  let maxRssKB = 0;
  while (open.length < Math.max(1, opts.runs) && (open.length === 0 || opts.budgetMs === undefined || spent < opts.budgetMs)) {
    const t0 = performance.now();
    const file = await readXlsxFile(path);
    const opened = file.ok ? await openXlsxTables(file.value.bytes, path) : file;
    if (!opened.ok) throw new Error(`bench: cannot open ${path}: ${opened.error.map((i) => i.message.en).join("; ")}`);
    const t1 = performance.now();
    rows = 0;
    for (const t of TABLE_NAMES) {
      const read = await opened.value.readTable(t);
      if (read.ok) rows += read.value.rows.length;
    }
    const t2 = performance.now();
    const read = await readSnapshot(opened.value);
    if (!read.ok) throw new Error(`bench: ${path} is not a CRM workbook`);
    const t3 = performance.now();
    issues = read.value.issues.filter((i) => i.severity === "error").length;
    heap = Math.max(heap, process.memoryUsage().heapUsed);
    open.push(t1 - t0);
    tables.push(t2 - t0);
    // readSnapshot reads every table again from the opened workbook.
    snapshot.push(t1 - t0 + (t3 - t2));
    spent += t3 - t0;
    // The peak of one read, as a command makes it: later runs' peaks include the previous run's rows not yet collected.
    if (open.length === 1) maxRssKB = process.resourceUsage().maxRSS;
  }
  return { open: timingOf(open), readTables: timingOf(tables), readSnapshot: timingOf(snapshot), rowsRead: rows, issues, heapUsedMB: round(heap / 1e6, 0), maxRssKB };
}

/**
 * benchFileRead in a child process with node's default heap, as a command
 * would run: a workbook too big for it fails that process, and the failure
 * is the result (bench/file-child.cjs).
 */
export async function benchFileReadIsolated(path: string, opts: RepeatOptions): Promise<FileReadResult | FileReadFailure> {
  const dir = mkdtempSync(join(tmpdir(), "tradebook-bench-file-"));
  const resultFile = join(dir, "result.json");
  try {
    const useGnuTime = existsSync(GNU_TIME);
    const run = await runNode("bench/file-child.cjs", "bench/file-child.cjs", [path, String(opts.runs), String(opts.budgetMs ?? 0)], useGnuTime, resultFile);
    if (run.code !== 0 || !existsSync(resultFile)) return { error: run.error ?? `exit ${run.code}`, maxRssMB: round(run.maxRssMB, 0) };
    const result = JSON.parse(readFileSync(resultFile, "utf8")) as FileReadResult;
    // The first read's own peak (benchFileRead); the whole process's, from GNU time, also counts the runs after it.
    return { ...result, maxRssMB: round(result.maxRssKB ? result.maxRssKB / 1024 : run.maxRssMB, 0) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
