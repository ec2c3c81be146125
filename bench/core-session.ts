/**
 * Core work from rows in memory: the quarterly review (core/review/review.ts) and
 * the due list (core/rules/grading.ts + core/rules/cadence.ts), each with the index
 * (core/index/indexes.ts) it needs, exactly as cli/review.ts and cli/due.ts do.
 * Run by bench/core-child.ts; bench/core-bench.ts drives it.
 */
import { dueAndOverContact } from "../core/rules/cadence";
import { quarterOf, type DaySerial } from "../core/contract/dates";
import { gradeAll } from "../core/rules/grading";
import { indexSnapshot } from "../core/index/indexes";
import type { CrmSnapshot } from "../core/contract/model";
import { quarterlyReview } from "../core/review/review";
import { readSettings } from "../core/contract/settings";
import { readSnapshot } from "../app/open-crm";
import { openXlsxTables } from "../workbook/node/stream-reader";
import { readXlsxFile } from "../workbook/node/xlsx-file";
import { median, round, timingOf, type Timing } from "./stats";

export interface CoreResult {
  readonly review: Timing;
  readonly due: Timing;
  /** Review and due list together from one index (the budget's "core review + due list"). */
  readonly total: Timing;
  /** What the work produced, so a broken run cannot pass as a fast one. */
  readonly reviewedSalespeople: number;
  readonly dueItems: number;
}

/** One run of a measured job: wall and CPU time in ms. */
export interface CoreRun {
  readonly ms: number;
  readonly cpuMs: number;
}
export type CoreJob = "review" | "due" | "total";
export const CORE_JOBS: readonly CoreJob[] = ["review", "due", "total"];

/** The core jobs on one snapshot, run one at a time; `result` keeps each job's runs after its first `warmup`. */
export interface CoreSession {
  run(job: CoreJob): CoreRun;
  result(warmup: number): CoreResult;
}

export function coreSession(data: CrmSnapshot, asOf: DaySerial): CoreSession {
  const { settings } = readSettings(data.Settings);
  const quarter = quarterOf(asOf);
  let reviewedSalespeople = 0;
  let dueItems = 0;
  const work: Record<CoreJob, () => unknown> = {
    review: () => (reviewedSalespeople = quarterlyReview(data, indexSnapshot(data), quarter, settings, asOf).salespeople.length),
    due: () => {
      const index = indexSnapshot(data);
      const grades = gradeAll(index, asOf, settings);
      return (dueItems = dueAndOverContact(index, asOf, settings, grades).items.length);
    },
    // Both from one index and one grading, as a task pane showing both would do them once.
    total: () => {
      const index = indexSnapshot(data);
      const grades = gradeAll(index, asOf, settings);
      // The review grades as of the same day here (asOf is in its quarter): it reuses the due list's grades.
      const review = quarterlyReview(data, index, quarter, settings, asOf, { grades: { asOf, byCustomer: grades } });
      return [review, dueAndOverContact(index, asOf, settings, grades)] as const;
    },
  };
  const runs: Record<CoreJob, CoreRun[]> = { review: [], due: [], total: [] };
  return {
    run(job) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      work[job]();
      const ms = performance.now() - t0;
      const c = process.cpuUsage(c0);
      const run = { ms, cpuMs: (c.user + c.system) / 1000 };
      runs[job].push(run);
      return run;
    },
    result(warmup) {
      const timing = (job: CoreJob): Timing => {
        const timed = runs[job].slice(Math.min(warmup, Math.max(0, runs[job].length - 1)));
        return { ...timingOf(timed.map((r) => r.ms)), cpuMs: round(median(timed.map((r) => r.cpuMs))) };
      };
      return { review: timing("review"), due: timing("due"), total: timing("total"), reviewedSalespeople, dueItems };
    },
  };
}

/**
 * The snapshot of `path` read as the CLI reads it (the read itself is not
 * timed), ready for coreSession. `collect`, when given, runs a full garbage
 * collection after the read: the read leaves hundreds of MB of garbage (XML
 * text, raw cells), and without it the first timed runs pay for collecting
 * that instead of for the core's own work.
 */
export async function readForCore(path: string, collect?: () => void): Promise<CrmSnapshot> {
  // The read's own state (file bytes, raw cells) is readRows's and is gone once it returns, so the collection can free it.
  const snapshot = await readRows(path);
  collect?.();
  return snapshot;
}

async function readRows(path: string): Promise<CrmSnapshot> {
  const file = await readXlsxFile(path);
  const tables = file.ok ? await openXlsxTables(file.value.bytes, path) : file;
  const read = tables.ok ? await readSnapshot(tables.value) : tables;
  if (!read.ok) throw new Error(`bench: cannot read ${path}: ${read.error.map((i) => i.message.en).join("; ")}`);
  return read.value.snapshot;
}

