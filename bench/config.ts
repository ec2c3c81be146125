/**
 * The benchmark's settings: fixed seed and as-of day (results are
 * reproducible), the three sizes, and the command-line options of
 * `npm run bench`:
 *
 *   --sizes 12500,25000,50000   customer counts (each size doubles the last)
 *   --runs N                    timed runs of the core work (default 11)
 *   --processes N               sets of processes for the core work (default 5)
 *   --io-runs N                 runs of each I/O metric (default 3; fewer when slow)
 *   --no-bundles                skip the webpack build
 */
import { resolve } from "node:path";
import { serialFromYMD } from "../core/contract/dates";
import type { BenchConfig } from "./harness";

export const BENCH_SEED = 20261127;
export const BENCH_AS_OF = serialFromYMD(2026, 11, 27);
export const DEFAULT_SIZES = [12_500, 25_000, 50_000] as const;
/**
 * Sets of processes for the core work (benchCoreInterleaved). 5, not 3:
 * processes differ by 10-15% (where V8 lays out the heap, a slow spell of
 * the host), and each size keeps its median process; with three, one odd
 * process could set a size's time and move a doubling's ratio by more than
 * the 10% the limit allows (docs/performance.md).
 */
export const DEFAULT_CORE_PROCESSES = 5;
/** Where workbooks are cached and results.json is written (git-ignored). */
export const BENCH_OUT = resolve(__dirname, "out");

function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function positiveInt(text: string | undefined, fallback: number, what: string): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`bench: ${what} must be a positive whole number, got "${text}"`);
  return n;
}

export function configFromArgs(argv: readonly string[], log?: (line: string) => void): BenchConfig {
  const given = option(argv, "sizes");
  const counts = given === undefined ? [...DEFAULT_SIZES] : given.split(",").map((s) => positiveInt(s.trim(), 0, "--sizes"));
  const names = counts.length === 3 ? ["small", "medium", "large"] : counts.map((c) => `${c} customers`);
  return {
    sizes: counts.map((customers, i) => ({ name: names[i], customers })),
    seed: BENCH_SEED,
    asOf: BENCH_AS_OF,
    outDir: BENCH_OUT,
    // 11, not 7: at the large size about one run in five shares its time
    // with a full GC (V8 starts one when the index's typed arrays add up to
    // 64 MB), and such a run takes 40% longer; of 7 runs two or three of them
    // could move the median, of 11 they seldom can (docs/performance.md).
    coreRuns: positiveInt(option(argv, "runs"), 11, "--runs"),
    coreProcesses: positiveInt(option(argv, "processes"), DEFAULT_CORE_PROCESSES, "--processes"),
    warmup: 2,
    ioRuns: positiveInt(option(argv, "io-runs"), 3, "--io-runs"),
    ioBudgetMs: 60_000,
    skipBundles: argv.includes("--no-bundles"),
    log,
  };
}
