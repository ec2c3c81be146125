/**
 * The benchmark's settings: fixed seed and as-of day (results are
 * reproducible), the three sizes, and the command-line options of
 * `npm run bench`:
 *
 *   --sizes 12500,25000,50000   customer counts, smallest first
 *   --runs N                    timed runs of the core work (default 11)
 *   --io-runs N                 runs of each I/O metric (default 3; fewer when slow)
 *   --no-bundles                skip the webpack build
 *   --csv-rows N                rows of the CSV import target (default 200,000)
 *   --pane-customers N          customers of the pane-ready target (default 3,000)
 *   --no-targets                skip issue 22's targets (demo, import, file mode, pane)
 */
import { resolve } from "node:path";
import { serialFromYMD, type DaySerial } from "../core/contract/dates";
import type { BenchSize } from "./workbook-file";

export const BENCH_SEED = 20261127;
export const BENCH_AS_OF = serialFromYMD(2026, 11, 27);
export const DEFAULT_SIZES = [12_500, 25_000, 50_000] as const;
/** Where workbooks are cached and results.json is written (git-ignored). */
export const BENCH_OUT = resolve(__dirname, "out");

export interface BenchConfig {
  readonly sizes: readonly BenchSize[];
  readonly seed: number;
  readonly asOf: DaySerial;
  /** Where the workbooks are cached. */
  readonly outDir: string;
  readonly coreRuns: number;
  readonly warmup: number;
  readonly ioRuns: number;
  /** Time budget per I/O metric and size, ms: slow ones get fewer runs (at least one). */
  readonly ioBudgetMs: number;
  /** Webpack entries to build; undefined = all. */
  readonly bundleEntries?: readonly string[];
  readonly skipBundles?: boolean;
  /** Rows of the CSV import target (issue 22: 200,000). */
  readonly csvRows: number;
  /** Customers of the pane-ready target in the fake Excel (issue 22: 3,000). */
  readonly paneCustomers: number;
  /** Skip issue 22's targets (bench/targets.ts). */
  readonly skipTargets?: boolean;
  /** Progress lines (stderr in bench/main.ts). */
  readonly log?: (line: string) => void;
}

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
  const names = counts.length === 3 ? ["small", "medium", "large"] : counts.length === 2 ? ["small", "large"] : counts.map((c) => `${c} customers`);
  return {
    sizes: counts.map((customers, i) => ({ name: names[i], customers })),
    seed: BENCH_SEED,
    asOf: BENCH_AS_OF,
    outDir: BENCH_OUT,
    coreRuns: positiveInt(option(argv, "runs"), 11, "--runs"),
    warmup: 2,
    ioRuns: positiveInt(option(argv, "io-runs"), 3, "--io-runs"),
    ioBudgetMs: 60_000,
    skipBundles: argv.includes("--no-bundles"),
    csvRows: positiveInt(option(argv, "csv-rows"), 200_000, "--csv-rows"),
    paneCustomers: positiveInt(option(argv, "pane-customers"), 3_000, "--pane-customers"),
    skipTargets: argv.includes("--no-targets"),
    log,
  };
}
