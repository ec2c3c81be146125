/**
 * `tradebook review` as a whole process, as a user runs it: wall time and
 * peak resident memory. Peak memory comes from GNU time (`/usr/bin/time -v`,
 * Debian package `time`) when installed, else from the process itself
 * (bench/cli-child.cjs reports process.resourceUsage().maxRSS).
 * The review is written to a temporary --out file so the cached workbook is
 * never changed.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { median, round } from "./stats";

export const GNU_TIME = "/usr/bin/time";
const ROOT = resolve(__dirname, "..");

export interface ProcessRun {
  readonly code: number;
  readonly wallMs: number;
  readonly maxRssMB: number;
  /** User + system CPU time from GNU time (undefined without it): on a busy host the wall time includes waiting for a core. */
  readonly cpuMs?: number;
  /** The end of stderr when the command failed. */
  readonly error?: string;
}

/** Runs of one command as a process, summed up: what every process row of the bench reports. */
export interface RunsSummary {
  /** Median wall time. */
  readonly wallMs: number;
  /** The largest peak over the runs, MB. */
  readonly maxRssMB: number;
  /** Median CPU time (user + system), when GNU time measured it. */
  readonly cpuMs?: number;
  readonly runs: number;
  readonly exitCode: number;
  /** Why the last run failed, when it did. */
  readonly error?: string;
}

export interface ProcessResult extends RunsSummary {
  readonly command: string;
  /** How the peak was measured. */
  readonly memoryFrom: "gnu-time" | "resourceUsage";
}

/** User + system seconds from `time -v`, in ms. */
export function cpuMsFromGnuTime(stderr: string): number | undefined {
  const user = /User time \(seconds\):\s*([\d.]+)/.exec(stderr);
  const system = /System time \(seconds\):\s*([\d.]+)/.exec(stderr);
  return user && system ? (Number(user[1]) + Number(system[1])) * 1000 : undefined;
}

/** "Maximum resident set size (kbytes): 123456" from `time -v`. */
export function maxRssFromGnuTime(stderr: string): number | undefined {
  const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(stderr);
  return m ? Number(m[1]) : undefined;
}

/**
 * Runs a node script (bin/tradebook.cjs, or a bench child) as its own
 * process. `fallback` is the script that reports its own peak memory when
 * GNU time is not installed (the same script when it always does); both
 * from the project root, or absolute (a child compile-child.ts bundled).
 */
export function runNode(script: string, fallback: string, args: readonly string[], useGnuTime: boolean, resultFile: string): Promise<ProcessRun> {
  const node = process.execPath;
  const [cmd, argv] = useGnuTime ? [GNU_TIME, ["-v", node, resolve(ROOT, script), ...args]] : [node, [resolve(ROOT, fallback), ...args]];
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const child = spawn(cmd, argv, { cwd: ROOT, env: { ...process.env, TRADEBOOK_BENCH_RESULT: resultFile, TRADEBOOK_LANG: "en-US" }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
    child.on("error", fail);
    child.on("close", (code) => {
      const wallMs = performance.now() - t0;
      const rssKB = useGnuTime ? maxRssFromGnuTime(stderr) : existsSync(resultFile) ? (JSON.parse(readFileSync(resultFile, "utf8")) as { maxRssKB?: number }).maxRssKB : undefined;
      if (rssKB === undefined && code === 0) return fail(new Error(`bench: no peak memory for ${script} ${args.join(" ")}:\n${stderr.slice(-2000)}`));
      // A failed run (e.g. out of memory) is a result to report, not a reason to lose the others.
      const error = code === 0 ? undefined : stderr.split("\n").filter((l) => !/^\t/.test(l)).slice(-15).join("\n");
      const cpuMs = useGnuTime ? cpuMsFromGnuTime(stderr) : undefined;
      done({ code: code ?? -1, wallMs, maxRssMB: rssKB === undefined ? Number.NaN : rssKB / 1024, ...(cpuMs === undefined ? {} : { cpuMs }), ...(error ? { error } : {}) });
    });
  });
}

/** The runs' medians, largest peak and last outcome (at least one run). */
export function summarize(runs: readonly ProcessRun[]): RunsSummary {
  const cpu = runs.map((r) => r.cpuMs);
  const last = runs[runs.length - 1];
  return {
    wallMs: round(median(runs.map((r) => r.wallMs))),
    maxRssMB: round(Math.max(...runs.map((r) => r.maxRssMB)), 0),
    // CPU only when every run has it.
    ...(cpu.every((c): c is number => c !== undefined) ? { cpuMs: round(median(cpu)) } : {}),
    runs: runs.length,
    exitCode: last.code,
    ...(last.error ? { error: last.error } : {}),
  };
}

/** Runs `tradebook review FILE [--quarter Q] --out TMP --json` `runs` times (fewer when over budget); no quarter: the command's default, the last completed one. */
export async function benchReviewProcess(file: string, quarter: string | undefined, runs: number, budgetMs: number): Promise<ProcessResult> {
  const dir = mkdtempSync(join(tmpdir(), "tradebook-bench-"));
  const useGnuTime = existsSync(GNU_TIME);
  const args = ["review", file, ...(quarter ? ["--quarter", quarter] : []), "--out", join(dir, "review.xlsx"), "--json"];
  const done: ProcessRun[] = [];
  try {
    let spent = 0;
    while (done.length < Math.max(1, runs) && (done.length === 0 || spent < budgetMs)) {
      const r = await runNode("bin/tradebook.cjs", "bench/cli-child.cjs", args, useGnuTime, join(dir, `result-${done.length}.json`));
      done.push(r);
      spent += r.wallMs;
      if (r.code !== 0) break;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    command: `tradebook review <workbook>${quarter ? ` --quarter ${quarter}` : ""} --out <tmp> --json`,
    ...summarize(done),
    memoryFrom: useGnuTime ? "gnu-time" : "resourceUsage",
  };
}
