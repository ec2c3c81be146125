/**
 * Core work from rows in memory: the quarterly review (core/review/review.ts) and
 * the due list (core/rules/grading.ts + core/rules/cadence.ts), each with the index
 * (core/index/indexes.ts) it needs, exactly as cli/review.ts and cli/due.ts do.
 *
 * The benchmark measures it on the rows as `tradebook` has them: read from
 * the workbook file (readForCore, in a process of its own per size so
 * one size's heap never weighs on the next). Rows made by the generator
 * would be laid out in memory in another order (built, then sorted by date),
 * which a real read never produces.
 */
import { dueAndOverContact } from "../core/rules/cadence";
import { quarterOf, type DaySerial } from "../core/contract/dates";
import { gradeAll } from "../core/rules/grading";
import { indexSnapshot } from "../core/index/indexes";
import type { CrmSnapshot } from "../core/contract/model";
import { quarterlyReview } from "../core/review/review";
import { readSettings } from "../core/contract/settings";
import { fork, type ChildProcess } from "node:child_process";
import { join, resolve } from "node:path";
import { readSnapshot } from "../workbook/snapshot";
import { openXlsxTables } from "../workbook/node/stream-reader";
import { readXlsxFile } from "../workbook/node/xlsx-file";
import { DEFAULT_CORE_PROCESSES } from "./config";
import { median, round, timingOf, type RepeatOptions, type Timing } from "./stats";

const ROOT = resolve(__dirname, "..");

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

/** One run of a measured job: wall and CPU time in ms. */
export interface CoreRun {
  readonly ms: number;
  readonly cpuMs: number;
}
export type CoreJob = "review" | "due" | "total" | "floor";
export const CORE_JOBS: readonly CoreJob[] = ["review", "due", "total", "floor"];

/**
 * The core jobs on one snapshot, run one at a time (`run`), so that
 * processes holding other sizes can take turns with it run by run
 * (benchCoreInterleaved). `result` keeps each job's runs after its first
 * `warmup`.
 */
export interface CoreSession {
  run(job: CoreJob): CoreRun;
  result(warmup: number): CoreResult;
}

export function coreSession(data: CrmSnapshot, asOf: DaySerial): CoreSession {
  const { settings } = readSettings(data.Settings);
  const quarter = quarterOf(asOf);
  const customers = indexSnapshot(data).customersById;
  let reviewedSalespeople = 0;
  let dueItems = 0;
  const work: Record<CoreJob, () => unknown> = {
    review: () => (reviewedSalespeople = quarterlyReview(data, indexSnapshot(data), quarter, settings, asOf).salespeople.length),
    due: () => {
      const index = indexSnapshot(data);
      const grades = gradeAll(data, index, asOf, settings);
      return (dueItems = dueAndOverContact(data, index, asOf, settings, grades).items.length);
    },
    // Both from one index and one grading, as a task pane showing both would do them once.
    total: () => {
      const index = indexSnapshot(data);
      const grades = gradeAll(data, index, asOf, settings);
      // The review grades as of the same day here (asOf is in its quarter): it reuses the due list's grades.
      const review = quarterlyReview(data, index, quarter, settings, asOf, { grades: { asOf, byCustomer: grades } });
      return [review, dueAndOverContact(data, index, asOf, settings, grades)] as const;
    },
    floor: () => {
      let found = 0;
      let sum = 0;
      for (const row of data.FollowUps) {
        if (customers.has(row.CustomerID)) found++;
        sum += row.Date;
      }
      return found + sum;
    },
  };
  const runs: Record<CoreJob, CoreRun[]> = { review: [], due: [], total: [], floor: [] };
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
      return { review: timing("review"), due: timing("due"), total: timing("total"), floor: timing("floor"), reviewedSalespeople, dueItems };
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

/**
 * The core jobs on each workbook, each in a process of its own
 * (bench/core-child.cjs) so each size has a fresh heap and its rows lie in
 * memory as a real read lays them out.
 *
 * The sizes take turns run by run: one process per size is started, each
 * reads its workbook, and then, job after job, each process runs the job
 * once in turn until all have run it `warmup` times, untimed, and then
 * again `runs` times, timed; only one process works at a time. The doubling check compares sizes, and on a shared machine a slow
 * few seconds then slow every size alike instead of inflating one ratio.
 *
 * Timings also differ between processes (where V8 happens to lay out the
 * heap, what it compiles when), so this is done `processes` times, and each
 * size keeps the process whose review + due list median is the median.
 */
export async function benchCoreInterleaved(
  paths: readonly string[],
  asOf: DaySerial,
  opts: RepeatOptions,
  processes = DEFAULT_CORE_PROCESSES,
  log: (line: string) => void = () => undefined,
): Promise<CoreResult[]> {
  const results: CoreResult[][] = paths.map(() => []);
  const sets = Math.max(1, processes);
  for (let set = 0; set < sets; set++) {
    const children = paths.map((path) => new CoreChild(path, asOf));
    try {
      await Promise.all(children.map((c) => c.ready));
      // Every job warmed up before any is timed, so no timed run waits for the compiler.
      for (const count of [opts.warmup, Math.max(1, opts.runs)]) {
        for (const job of CORE_JOBS) {
          for (let i = 0; i < count; i++) for (const child of children) await child.ask({ run: job });
        }
      }
      for (const [k, child] of children.entries()) results[k].push((await child.ask({ done: opts.warmup })) as CoreResult);
    } finally {
      for (const child of children) child.stop();
    }
    log(`core, processes ${set + 1} of ${sets}: ${results.map((r) => `${r[set].total.medianMs} ms`).join(", ")}`);
  }
  return results.map((mine) => {
    const sorted = [...mine].sort((a, b) => a.total.medianMs - b.total.medianMs);
    return { ...sorted[(sorted.length - 1) >> 1], processes: mine.length, totalMedianMsByProcess: mine.map((r) => r.total.medianMs) };
  });
}

/** A bench/core-child.cjs process holding one workbook's rows, asked one thing at a time. */
class CoreChild {
  readonly ready: Promise<unknown>;
  private readonly child: ChildProcess;
  private stderr = "";
  private waiting: { done: (m: unknown) => void; fail: (e: Error) => void } | null = null;

  constructor(private readonly path: string, asOf: DaySerial) {
    this.child = fork(join(ROOT, "bench/core-child.cjs"), [path, String(asOf)], { cwd: ROOT, env: { ...process.env, TRADEBOOK_LANG: "en-US" }, stdio: ["ignore", "ignore", "pipe", "ipc"] });
    this.child.stderr?.on("data", (b: Buffer) => (this.stderr += b.toString()));
    this.child.on("message", (m: unknown) => {
      const w = this.waiting;
      this.waiting = null;
      w?.done(m);
    });
    this.child.on("exit", (code) => {
      const w = this.waiting;
      this.waiting = null;
      w?.fail(new Error(`bench: core on ${this.path} failed: exit ${code}\n${this.stderr.slice(-2000)}`));
    });
    this.ready = this.next();
  }

  private next(): Promise<unknown> {
    return new Promise((done, fail) => (this.waiting = { done, fail }));
  }

  ask(message: object): Promise<unknown> {
    const answer = this.next();
    this.child.send(message);
    return answer;
  }

  stop(): void {
    if (this.child.exitCode === null) this.child.kill();
  }
}
