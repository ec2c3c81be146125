/**
 * Core work from rows in memory: the quarterly review (core/review.ts) and
 * the due list (core/grading.ts + core/cadence.ts), each with the index
 * (core/indexes.ts) it needs, exactly as cli/review.ts and cli/due.ts do.
 *
 * The benchmark measures it on the rows as `tradebook` has them: read from
 * the workbook file (benchCoreFromFile, in a process of its own per size so
 * one size's heap never weighs on the next). Rows made by the generator
 * would be laid out in memory in another order (built, then sorted by date),
 * which a real read never produces.
 */
import { dueAndOverContact } from "../core/cadence";
import { quarterOf, type DaySerial } from "../core/dates";
import { gradeAll } from "../core/grading";
import { indexSnapshot } from "../core/indexes";
import type { CrmSnapshot } from "../core/model";
import { quarterlyReview } from "../core/review";
import { readSettings } from "../core/settings";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readSnapshot } from "../workbook/snapshot";
import { openXlsxTables } from "../workbook/xlsx/stream-reader";
import { readXlsxFile } from "../workbook/xlsx/xlsx-file";
import { runNode } from "./process-bench";
import { repeat, type RepeatOptions, type Timing } from "./stats";

export interface CoreResult {
  readonly review: Timing;
  readonly due: Timing;
  /** Review and due list together from one index (the issue's "core review + due list"). */
  readonly total: Timing;
  /**
   * The floor: one bare pass over the follow-ups, reading each one's date
   * and looking its customer up, the least any per-row rule does. How this
   * scales shows what the machine's memory makes of a doubling, apart from
   * any algorithm (docs/performance.md).
   */
  readonly floor: Timing;
  /** What the work produced, so a broken run cannot pass as a fast one. */
  readonly reviewedSalespeople: number;
  /** How many processes measured it (benchCoreInterleaved), and each one's review + due list median, in order. */
  readonly processes?: number;
  readonly totalMedianMsByProcess?: readonly number[];
  readonly dueItems: number;
}

export async function benchCore(data: CrmSnapshot, asOf: DaySerial, opts: RepeatOptions): Promise<CoreResult> {
  const { settings } = readSettings(data.Settings);
  const quarter = quarterOf(asOf);
  const review = () => quarterlyReview(data, indexSnapshot(data), quarter, settings, asOf);
  const due = () => {
    const index = indexSnapshot(data);
    const grades = gradeAll(data, index, asOf, settings);
    return dueAndOverContact(data, index, asOf, settings, grades);
  };
  const r = await repeat(opts, review);
  const d = await repeat(opts, due);
  // Both from one index and one grading, as a task pane showing both would do them once.
  const t = await repeat(opts, () => {
    const index = indexSnapshot(data);
    const grades = gradeAll(data, index, asOf, settings);
    // The review grades as of the same day here (asOf is in its quarter): it reuses the due list's grades.
    const review = quarterlyReview(data, index, quarter, settings, asOf, { grades: { asOf, byCustomer: grades } });
    return [review, dueAndOverContact(data, index, asOf, settings, grades)] as const;
  });
  const customers = indexSnapshot(data).customersById;
  const f = await repeat(opts, () => {
    let found = 0;
    let sum = 0;
    for (const row of data.FollowUps) {
      if (customers.has(row.CustomerID)) found++;
      sum += row.Date;
    }
    return found + sum;
  });
  return { review: r.timing, due: d.timing, total: t.timing, floor: f.timing, reviewedSalespeople: r.last.salespeople.length, dueItems: d.last.items.length };
}

/**
 * benchCore on the snapshot read from `path` as the CLI reads it (the read
 * itself is not timed). `collect`, when given, runs a full garbage
 * collection between the read and the timing: the read leaves hundreds of
 * MB of garbage (XML text, raw cells), and without it the first timed runs
 * pay for collecting that instead of for the core's own work.
 */
export async function benchCoreFromFile(path: string, asOf: DaySerial, opts: RepeatOptions, collect?: () => void): Promise<CoreResult> {
  const file = await readXlsxFile(path);
  const tables = file.ok ? await openXlsxTables(file.value.bytes, path) : file;
  const read = tables.ok ? await readSnapshot(tables.value) : tables;
  if (!read.ok) throw new Error(`bench: cannot read ${path}: ${read.error.map((i) => i.message.en).join("; ")}`);
  collect?.();
  return benchCore(read.value.snapshot, asOf, opts);
}

/**
 * benchCoreFromFile in processes of their own (bench/core-child.cjs), so
 * each size starts from a fresh heap. Timings differ more between processes
 * (where V8 happens to lay out the heap, what it compiles when, what else
 * the host runs meanwhile) than between runs in one, so each size is
 * measured by `processes` processes and keeps the one whose review + due
 * list median is the median.
 *
 * The sizes take turns, one process each per round, rather than one size's
 * processes after the other's: the doubling check compares sizes, and on a
 * shared machine a slow minute then slows every size alike instead of
 * inflating one ratio.
 */
export async function benchCoreInterleaved(
  paths: readonly string[],
  asOf: DaySerial,
  opts: RepeatOptions,
  processes = 3,
  log: (line: string) => void = () => undefined,
): Promise<CoreResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "tradebook-bench-core-"));
  try {
    const results: CoreResult[][] = paths.map(() => []);
    const rounds = Math.max(1, processes);
    for (let round = 0; round < rounds; round++) {
      for (const [k, path] of paths.entries()) {
        const resultFile = join(dir, `result-${round}-${k}.json`);
        const run = await runNode("bench/core-child.cjs", "bench/core-child.cjs", [path, String(asOf), String(opts.runs), String(opts.warmup)], false, resultFile);
        if (run.code !== 0 || !existsSync(resultFile)) throw new Error(`bench: core on ${path} failed: ${run.error ?? `exit ${run.code}`}`);
        results[k].push(JSON.parse(readFileSync(resultFile, "utf8")) as CoreResult);
      }
      log(`core, round ${round + 1} of ${rounds}: ${results.map((r) => `${r[round].total.medianMs} ms`).join(", ")}`);
    }
    return results.map((mine) => {
      const sorted = [...mine].sort((a, b) => a.total.medianMs - b.total.medianMs);
      return { ...sorted[(sorted.length - 1) >> 1], processes: mine.length, totalMedianMsByProcess: mine.map((r) => r.total.medianMs) };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
