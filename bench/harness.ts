/**
 * The benchmark: for each workbook size, the file adapter's read,
 * `tradebook review` as a process and the Office adapter's read; then the
 * core work, compiled, each size in a process of its own (benchCore); then
 * the production bundle sizes; then the checks against the targets.
 * bench/main.ts runs it at full size; tests/bench/bench-smoke.test.ts runs the
 * same code at tiny sizes.
 */
import { cpus, freemem, loadavg, totalmem } from "node:os";
import { readFileSync } from "node:fs";
import { quarterKey, quarterOf, toISODate } from "../core/contract/dates";
import { TABLE_NAMES } from "../core/contract/schema";
import { benchBundles, type BundleResult } from "./bundle-bench";
import type { BenchConfig } from "./config";
import { benchCore } from "./core-bench";
import type { CoreResult } from "./core-session";
import { benchFileReadIsolated, type FileReadFailure, type FileReadResult } from "./file-bench";
import { benchOfficeRead, type OfficeReadResult } from "./office-bench";
import { benchReviewProcess, type ProcessResult } from "./process-bench";
import { benchStartup, type StartupResult } from "./startup-bench";
import { round } from "./stats";
import { benchSnapshot } from "./generate";
import { measureTargets, targetRows, TARGETS, type BenchWorkbook, type TargetMeasures, type TargetRow } from "./targets";
import { prepareWorkbook, type BenchSize } from "./workbook-file";

export interface SizeResult {
  readonly name: string;
  readonly customers: number;
  /** Rows per table; `records` = the tables that grow with the business (customers, follow-ups, samples, orders, payments). */
  readonly rows: Readonly<Record<string, number>> & { readonly total: number; readonly records: number };
  readonly workbookBytes: number;
  readonly workbookWriteSeconds: number | null;
  readonly core: CoreResult;
  /** Measured in a child process with node's default heap; a failure (out of memory) is a result too. */
  readonly fileRead: FileReadResult | FileReadFailure;
  readonly reviewProcess: ProcessResult;
  readonly officeRead: OfficeReadResult;
}

export interface Check {
  readonly name: string;
  readonly value: number;
  readonly limit: number;
  readonly unit: string;
  readonly pass: boolean;
}

/** A metric from the smallest size to the largest: how its time grew against the rows. */
export interface ScalingStep {
  readonly metric: string;
  readonly from: string;
  readonly to: string;
  readonly rowRatio: number;
  readonly timeRatio: number;
  /** The time ratio allowed for this row ratio (5 for 4x the rows); only the whole `tradebook review` is judged. */
  readonly limit: number;
  readonly judged: boolean;
  readonly pass: boolean;
}

export interface Machine {
  readonly nproc: number;
  readonly cpuModel: string;
  readonly memoryGB: number;
  readonly freeMemoryGB: number;
  readonly node: string;
  readonly platform: string;
  /** 1-minute load average when the benchmark started: other work skews timings. */
  readonly loadAverage: number;
}

export interface BenchResults {
  readonly version: 1;
  readonly startedAt: string;
  readonly durationSeconds: number;
  readonly machine: Machine;
  readonly config: { readonly seed: number; readonly asOf: string; readonly quarter: string; readonly sizes: readonly BenchSize[]; readonly coreRuns: number; readonly ioRuns: number };
  readonly sizes: readonly SizeResult[];
  readonly bundles: BundleResult | null;
  /** `tradebook --help` / `--version` as processes (issue 18). */
  readonly startup: StartupResult;
  /** Issue 22's waits, measured (null with skipTargets). */
  readonly targetMeasures: TargetMeasures | null;
  /** Issue 22's targets beside their figures; each is a check too. */
  readonly targets: readonly TargetRow[];
  readonly scaling: readonly ScalingStep[];
  readonly checks: readonly Check[];
  readonly pass: boolean;
}

const RECORD_TABLES = ["Customers", "FollowUps", "Samples", "Orders", "Payments"] as const;

/** The targets. */
export const LIMITS = {
  /** Core review + due list at the largest size, median (issue 21). */
  coreMs: 500,
  /** Time allowed per times the rows, smallest size to largest: 5x the time for 4x the rows (issue 21). */
  scalingPerRows: 1.25,
  /** `tradebook review` at the largest size (issue 22). */
  reviewPeakMB: TARGETS.reviewMB,
  officeRequestBytes: 4 * 1024 * 1024,
  functionsGzipBytes: 60 * 1024,
  taskpaneGzipBytes: 350 * 1024,
  /** `tradebook --help`, spawn to exit (issue 22). */
  helpStartupMs: TARGETS.helpMs,
} as const;

export function machine(): Machine {
  const cpuinfo = (() => {
    try {
      return readFileSync("/proc/cpuinfo", "utf8");
    } catch {
      return "";
    }
  })();
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? "unknown";
  const nproc = (cpuinfo.match(/^processor\s*:/gm) ?? []).length || cpus().length;
  return {
    nproc,
    cpuModel: model.trim(),
    memoryGB: round(totalmem() / 2 ** 30, 1),
    freeMemoryGB: round(freemem() / 2 ** 30, 1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: round(loadavg()[0], 2),
  };
}

/**
 * A metric from the first point (the smallest size) to the last: its time
 * ratio against the row ratio. Linear work grows its time with its rows;
 * the limit allows 25% over that (5x the time for 4x the rows), as the
 * machine's own noise moves single runs by that much. `judged`: whether
 * the check counts (only the whole `tradebook review` process does).
 */
export function scalingOf(metric: string, points: readonly ScalingPoint[], judged: boolean, perRows: number = LIMITS.scalingPerRows): ScalingStep {
  const a = points[0];
  const b = points[points.length - 1];
  const rowRatio = b.rows / a.rows;
  const timeRatio = b.ms / Math.max(a.ms, 1e-6);
  const limit = perRows * rowRatio;
  return { metric, from: a.name, to: b.name, rowRatio: round(rowRatio, 2), timeRatio: round(timeRatio, 2), limit: round(limit, 2), judged, pass: !judged || timeRatio <= limit };
}

/** One size's time for scalingOf. */
export interface ScalingPoint {
  readonly name: string;
  readonly rows: number;
  readonly ms: number;
}

function checksOf(largest: SizeResult, bundles: BundleResult | null, scaling: readonly ScalingStep[], startup: StartupResult, targets: readonly TargetRow[]): Check[] {
  const check = (name: string, value: number, limit: number, unit: string): Check => ({ name, value, limit, unit, pass: value <= limit });
  const checks = [
    check(`core review + due list, ${largest.name}`, largest.core.total.medianMs, LIMITS.coreMs, "ms"),
    ...scaling.filter((s) => s.judged).map((s) => check(`${s.metric} ${s.from}→${s.to} (rows ×${s.rowRatio})`, s.timeRatio, s.limit, "×")),
    check(`file adapter read finished (1 = failed), ${largest.name}`, "error" in largest.fileRead ? 1 : 0, 0, ""),
    check(`tradebook review exit code, ${largest.name}`, largest.reviewProcess.exitCode, 0, ""),
    check(`Office read: largest request, ${largest.name}`, largest.officeRead.maxRequestBytes, LIMITS.officeRequestBytes, "bytes"),
    check(`Office read: largest response, ${largest.name}`, largest.officeRead.maxResponseBytes, LIMITS.officeRequestBytes, "bytes"),
    check(`Office read: syncs refused for size, ${largest.name}`, largest.officeRead.rejected, 0, "syncs"),
    ...(targets.length > 0 ? [] : [{ ...check("tradebook --help startup", startup.helpMs, LIMITS.helpStartupMs, "ms"), pass: startup.helpMs < LIMITS.helpStartupMs }]),
    ...targets.map((t) => ({ name: `target: ${t.what}`, value: t.figure, limit: t.limit, unit: t.unit, pass: t.pass })),
  ];
  const fn = bundles?.entries.functions;
  const pane = bundles?.entries.taskpane;
  if (fn) checks.push(check("functions bundle, gzipped", fn.gzipBytes, LIMITS.functionsGzipBytes, "bytes"));
  if (pane) checks.push(check("task pane initial JS, gzipped", pane.gzipBytes, LIMITS.taskpaneGzipBytes, "bytes"));
  return checks;
}

export async function runBench(config: BenchConfig): Promise<BenchResults> {
  const log = config.log ?? (() => undefined);
  const started = new Date();
  const t0 = performance.now();
  const info = machine();
  const quarter = quarterKey(quarterOf(config.asOf));
  const io = { runs: config.ioRuns, warmup: 0, budgetMs: config.ioBudgetMs };
  const measured: Omit<SizeResult, "core">[] = [];
  const paths: string[] = [];
  const workbooks: BenchWorkbook[] = [];
  for (const size of config.sizes) {
    log(`[${size.name}] ${size.customers} customers: preparing the workbook…`);
    const wb = await prepareWorkbook(config.outDir, size, config.seed, config.asOf);
    const counts: Record<string, number> = {};
    for (const t of TABLE_NAMES) counts[t] = wb.data[t].length;
    const records = RECORD_TABLES.reduce((n, t) => n + counts[t], 0);
    const rows = { ...counts, total: Object.values(counts).reduce((a, b) => a + b, 0), records };
    log(`[${size.name}] ${rows.total} rows, ${(wb.bytes / 1e6).toFixed(1)} MB${wb.writeSeconds === null ? " (cached)" : ` (written in ${wb.writeSeconds.toFixed(0)} s)`}; file adapter read…`);
    paths.push(wb.path);
    workbooks.push({ name: size.name, customers: size.customers, path: wb.path, data: wb.data });
    const fileRead = await benchFileReadIsolated(wb.path, io);
    log(`[${size.name}] file read ${"error" in fileRead ? `FAILED (${fileRead.error.split("\n")[0]})` : `${fileRead.readSnapshot.medianMs} ms`}, ${fileRead.maxRssMB} MB; tradebook review process…`);
    const reviewProcess = await benchReviewProcess(wb.path, quarter, config.ioRuns, config.ioBudgetMs);
    log(`[${size.name}] review ${reviewProcess.wallMs} ms, ${reviewProcess.maxRssMB} MB; Office adapter read…`);
    const officeRead = await benchOfficeRead(wb.data, io);
    log(`[${size.name}] Office read ${officeRead.readSnapshot.medianMs} ms, ${officeRead.syncs} syncs`);
    measured.push({ name: size.name, customers: size.customers, rows, workbookBytes: wb.bytes, workbookWriteSeconds: wb.writeSeconds === null ? null : round(wb.writeSeconds), fileRead, reviewProcess, officeRead });
  }
  log("core work, compiled, a process per size…");
  const cores = await benchCore(paths, config.asOf, { runs: config.coreRuns, warmup: config.warmup }, config.outDir);
  log(`core review + due list: ${cores.map((c) => `${c.total.medianMs} ms`).join(", ")}`);
  const sizes: SizeResult[] = measured.map((m, k) => ({ ...m, core: cores[k] }));
  let bundles: BundleResult | null = null;
  if (!config.skipBundles) {
    log("production bundles (webpack --mode production)…");
    bundles = await benchBundles(config.bundleEntries);
  }
  log("tradebook --help / --version startup…");
  const startup = await benchStartup(Math.max(5, config.ioRuns));
  log(`--help ${startup.helpMs} ms, --version ${startup.versionMs} ms (node alone ${startup.nodeMs} ms)`);
  const points = (ms: (s: SizeResult) => number): ScalingPoint[] => sizes.map((s) => ({ name: s.name, rows: s.rows.records, ms: ms(s) }));
  // Shown for every metric; judged on what a user waits for, the whole `tradebook review`.
  const scaling =
    sizes.length < 2
      ? []
      : [
          scalingOf("tradebook review process", points((s) => s.reviewProcess.wallMs), true),
          scalingOf("core review + due list", points((s) => s.core.total.medianMs), false),
          scalingOf("file adapter readSnapshot", points((s) => ("error" in s.fileRead ? Number.NaN : s.fileRead.readSnapshot.medianMs)), false),
          scalingOf("Office adapter readSnapshot", points((s) => s.officeRead.readSnapshot.medianMs), false),
        ];
  const largest = sizes[sizes.length - 1];
  const targetMeasures = config.skipTargets
    ? null
    : await measureTargets(workbooks, {
        outDir: config.outDir,
        runs: config.ioRuns,
        budgetMs: config.ioBudgetMs,
        csvRows: config.csvRows,
        paneCustomers: config.paneCustomers,
        paneData: (customers) => benchSnapshot({ customers, seed: config.seed, asOf: config.asOf }),
        log,
      });
  const targets = targetMeasures ? targetRows(targetMeasures, startup, { name: largest.name, customers: largest.customers, followUps: largest.rows.FollowUps, review: largest.reviewProcess }) : [];
  const checks = checksOf(largest, bundles, scaling, startup, targets);
  return {
    version: 1,
    startedAt: started.toISOString(),
    durationSeconds: round((performance.now() - t0) / 1000),
    machine: info,
    config: { seed: config.seed, asOf: toISODate(config.asOf), quarter, sizes: config.sizes, coreRuns: config.coreRuns, ioRuns: config.ioRuns },
    sizes,
    bundles,
    startup,
    targetMeasures,
    targets,
    scaling,
    checks,
    pass: checks.every((c) => c.pass),
  };
}
