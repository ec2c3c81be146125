/**
 * `npm run bench -- --peer`: what the quarterly review costs when a team
 * does it with formulas instead of TradeBook (issue 22, "the peer, side by
 * side"). For each size, the sample data of templates/sample.ts (the
 * bench's seed and as-of day, --scale = customers / 300) is written as the
 * team's workbook with the formulas added (bench/peer/workbook.ts);
 * then, alternating, `tradebook review` and LibreOffice headless
 * recalculating (bench/peer/recalc.ts), both of the very same file. Its
 * helper columns are never typed or checked: the review reads only the
 * columns its rules use (core/contract/projection.ts). The peer's figures are checked
 * against TradeBook's review of that file at every size, so the times are
 * of the same work. The result: each side's runs and medians, their
 * ratio, and the target (≥ 40× at the largest size) judged.
 *
 * Options: --peer-sizes 1000,2000,4000 (customers), --peer-runs N (runs of
 * each side per size, default 3).
 */
import { mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { previousQuarter, quarterKey, quarterOf, toISODate, type DaySerial, type Quarter } from "../../core/contract/dates";
import { buildWorkbook } from "../../templates/builder";
import { generateSample } from "../../templates/sample";
import { BENCH_AS_OF, BENCH_SEED } from "../config";
import { machine, type Check, type Machine } from "../harness";
import { median, round } from "../stats";
import { compareWithReview, type Difference } from "./compare";
import { readPeerFigures } from "./read-back";
import { csvPathOf, recalcProfile, recalcToCsv } from "./recalc";
import { timed, type TimedRun } from "./timed";
import { reviewOfFile } from "./tradebook-review";
import { addPeerFormulas } from "./workbook";

export const PEER_SIZES = [1000, 2000, 4000] as const;
export const PEER_RUNS = 3;
/** The target: LibreOffice's median at least this many times TradeBook's at the largest size. */
export const PEER_TARGET_RATIO = 40;
const ROOT = resolve(__dirname, "../..");
/** Customers per unit of templates/sample.ts's --scale. */
const CUSTOMERS_PER_SCALE = 300;

export interface PeerConfig {
  readonly sizes: readonly number[];
  readonly runs: number;
  readonly seed: number;
  readonly asOf: DaySerial;
  readonly quarter: Quarter;
  readonly outDir: string;
  readonly log?: (line: string) => void;
}

/** One side's runs at one size. */
export interface SideResult {
  readonly wallMs: readonly number[];
  readonly cpuMs: readonly number[];
  readonly medianMs: number;
  readonly medianCpuMs: number;
  readonly maxRssMB: number;
}

export interface PeerSizeResult {
  readonly customers: number;
  readonly rows: Readonly<Record<"salespeople" | "followUps" | "orders" | "payments" | "samples", number>>;
  readonly formulaCells: number;
  readonly workbookBytes: number;
  readonly tradebook: SideResult;
  readonly libreOffice: SideResult;
  /** LibreOffice's median ÷ TradeBook's. */
  readonly ratio: number;
  readonly cpuRatio: number;
  readonly figures: number;
  readonly differences: readonly Difference[];
}

export interface PeerResults {
  readonly version: 1;
  readonly startedAt: string;
  readonly durationSeconds: number;
  readonly machine: Machine;
  readonly config: { readonly seed: number; readonly asOf: string; readonly quarter: string; readonly runs: number };
  /** What starting each side costs: LibreOffice converting a one-cell workbook, `tradebook --help`. */
  readonly startup: { readonly libreOfficeMs: number; readonly tradebookMs: number };
  readonly sizes: readonly PeerSizeResult[];
  readonly checks: readonly Check[];
  readonly pass: boolean;
}

function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function counts(text: string | undefined, fallback: readonly number[], what: string): number[] {
  if (text === undefined) return [...fallback];
  return text.split(",").map((s) => {
    const n = Number(s.trim());
    if (!Number.isInteger(n) || n < 1) throw new Error(`bench: ${what} must be positive whole numbers, got "${text}"`);
    return n;
  });
}

export function peerConfigFromArgs(argv: readonly string[], outDir: string, log?: (line: string) => void): PeerConfig {
  return {
    sizes: counts(option(argv, "peer-sizes"), PEER_SIZES, "--peer-sizes"),
    runs: counts(option(argv, "peer-runs"), [PEER_RUNS], "--peer-runs")[0],
    seed: BENCH_SEED,
    asOf: BENCH_AS_OF,
    // The last quarter completed by the as-of day (2026-Q3 for 2026-11-27).
    quarter: previousQuarter(quarterOf(BENCH_AS_OF)),
    outDir,
    log,
  };
}

function side(runs: readonly TimedRun[]): SideResult {
  return {
    wallMs: runs.map((r) => round(r.wallMs, 0)),
    cpuMs: runs.map((r) => round(r.cpuMs, 0)),
    medianMs: round(median(runs.map((r) => r.wallMs)), 0),
    medianCpuMs: round(median(runs.map((r) => r.cpuMs)), 0),
    maxRssMB: round(Math.max(...runs.map((r) => r.maxRssMB)), 0),
  };
}

const TEN_MINUTES = 10 * 60_000;
const tradebook = (args: readonly string[]): Promise<TimedRun> =>
  timed(process.execPath, [join(ROOT, "bin/tradebook.cjs"), ...args], { cwd: ROOT, env: { ...process.env, TRADEBOOK_LANG: "en-US" }, timeoutMs: TEN_MINUTES });

/** The start-up of each side: LibreOffice on a one-cell workbook (after a run that sets its profile up), `tradebook --help`. */
async function startup(profile: string, dir: string): Promise<PeerResults["startup"]> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("A").getCell("A1").value = 1;
  const file = join(dir, "one-cell.xlsx");
  await wb.xlsx.writeFile(file);
  const sheet = { name: "A", number: 1 };
  await recalcToCsv(profile, [file], sheet, dir);
  const lo = await recalcToCsv(profile, [file], sheet, dir);
  await tradebook(["--help"]);
  const tb = await tradebook(["--help"]);
  return { libreOfficeMs: round(lo.wallMs, 0), tradebookMs: round(tb.wallMs, 0) };
}

async function benchSize(config: PeerConfig, customers: number, profile: string, dir: string): Promise<PeerSizeResult> {
  const log = config.log ?? (() => undefined);
  const q = quarterKey(config.quarter);
  const data = generateSample({ seed: config.seed, scale: customers / CUSTOMERS_PER_SCALE, asOf: config.asOf, lang: "zh-CN" });
  // The team's workbook with the formulas a team would add: both sides work on this one file.
  const workbook = buildWorkbook("zh-CN", data);
  const peer = addPeerFormulas(workbook, data.Salespeople.length, config.quarter);
  const file = join(dir, `peer-${customers}c.xlsx`);
  await peer.workbook.xlsx.writeFile(file);
  const rows = { salespeople: data.Salespeople.length, followUps: data.FollowUps.length, orders: data.Orders.length, payments: data.Payments.length, samples: data.Samples.length };
  log(`[peer ${customers}] formula workbook: ${peer.formulas} helper formulas, ${(statSync(file).size / 1e6).toFixed(1)} MB; runs, alternating…`);
  const sheet = { name: peer.layout.sheet, number: peer.layout.sheetNumber };
  const out = join(dir, "review-out.xlsx");
  const tb: TimedRun[] = [];
  const lo: TimedRun[] = [];
  for (let i = 0; i < config.runs; i++) {
    const runTradebook = async () => tb.push(await tradebook(["review", file, "--quarter", q, "--out", out, "--json"]));
    const runLibreOffice = async () => lo.push(await recalcToCsv(profile, [file], sheet, dir));
    // Alternating which side goes first, so a slow spell of the host falls on both.
    if (i % 2 === 0) {
      await runTradebook();
      await runLibreOffice();
    } else {
      await runLibreOffice();
      await runTradebook();
    }
    log(`[peer ${customers}] run ${i + 1}: tradebook ${(tb[i].wallMs / 1000).toFixed(1)} s, LibreOffice ${(lo[i].wallMs / 1000).toFixed(1)} s`);
  }
  rmSync(out, { force: true });
  const figures = readPeerFigures(readFileSync(csvPathOf(file, sheet.name, dir), "utf8"), peer.layout);
  const comparison = compareWithReview(figures, await reviewOfFile(file, config.quarter));
  const t = side(tb);
  const l = side(lo);
  return {
    customers,
    rows,
    formulaCells: peer.formulas,
    workbookBytes: statSync(file).size,
    tradebook: t,
    libreOffice: l,
    ratio: round(l.medianMs / t.medianMs, 1),
    cpuRatio: round(l.medianCpuMs / t.medianCpuMs, 1),
    figures: comparison.figures,
    differences: comparison.differences,
  };
}

/** Every size's figures equal TradeBook's; the largest size's ratio at least the target. */
export function peerChecks(sizes: readonly Pick<PeerSizeResult, "customers" | "ratio" | "differences">[]): Check[] {
  const largest = sizes[sizes.length - 1];
  return [
    ...sizes.map((s) => ({ name: `peer's figures equal TradeBook's review, ${s.customers.toLocaleString("en-US")} customers (differences)`, value: s.differences.length, limit: 0, unit: "", pass: s.differences.length === 0 })),
    { name: `LibreOffice ÷ tradebook review, ${largest.customers.toLocaleString("en-US")} customers`, value: largest.ratio, limit: PEER_TARGET_RATIO, unit: "×", pass: largest.ratio >= PEER_TARGET_RATIO },
  ];
}

export async function runPeerBench(config: PeerConfig): Promise<PeerResults> {
  const started = new Date();
  const t0 = performance.now();
  const info = machine();
  const dir = join(config.outDir, "peer");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const profile = recalcProfile(join(dir, "libreoffice-profile"));
  config.log?.("[peer] start-up of each side…");
  const start = await startup(profile, dir);
  const sizes: PeerSizeResult[] = [];
  for (const customers of config.sizes) sizes.push(await benchSize(config, customers, profile, dir));
  const checks = peerChecks(sizes);
  return {
    version: 1,
    startedAt: started.toISOString(),
    durationSeconds: round((performance.now() - t0) / 1000),
    machine: info,
    config: { seed: config.seed, asOf: toISODate(config.asOf), quarter: quarterKey(config.quarter), runs: config.runs },
    startup: start,
    sizes,
    checks,
    pass: checks.every((c) => c.pass),
  };
}
