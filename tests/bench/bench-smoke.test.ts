/**
 * The benchmark (bench/, `npm run bench`) at tiny sizes: the same
 * harness end to end — workbook generation and caching, core work, file
 * adapter, `tradebook review` as a process, Office adapter over the fake
 * Excel, the functions bundle — and the results JSON it writes. The full
 * benchmark is not part of `npm test`; docs/performance.md has its figures.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BENCH_AS_OF, BENCH_SEED, DEFAULT_SIZES, configFromArgs } from "../../bench/config";
import { benchSnapshot, FOLLOW_UPS_PER_CUSTOMER, TEAM_SIZE } from "../../bench/generate";
import { LIMITS, runBench, scalingOf, type BenchResults } from "../../bench/harness";
import { cpuMsFromGnuTime, GNU_TIME, maxRssFromGnuTime } from "../../bench/process-bench";
import { formatResults } from "../../bench/report";
import { targetRows } from "../../bench/targets";
import { median } from "../../bench/stats";

describe("scaling check: the whole `tradebook review` may take at most 5x the time for 4x the rows", () => {
  it.each([
    { case: "linear", rows: [1000, 4000], ms: [100, 400], pass: true },
    { case: "at the limit", rows: [1000, 4000], ms: [100, 500], pass: true },
    { case: "just over the limit", rows: [1000, 4000], ms: [100, 501], pass: false },
    { case: "quadratic", rows: [1000, 4000], ms: [100, 1600], pass: false },
    { case: "doubled rows, 2.5x", rows: [1000, 2000], ms: [100, 250], pass: true },
    { case: "doubled rows, 2.6x", rows: [1000, 2000], ms: [100, 260], pass: false },
    { case: "faster at the larger size", rows: [1000, 4000], ms: [100, 90], pass: true },
  ])("$case: $ms ms for $rows rows → pass $pass", ({ rows, ms, pass }) => {
    const step = scalingOf("review", [
      { name: "a", rows: rows[0], ms: ms[0] },
      { name: "b", rows: rows[1], ms: ms[1] },
    ], true);
    expect(step.pass).toBe(pass);
    expect(step.timeRatio).toBeCloseTo(ms[1] / ms[0], 2);
  });

  it("goes from the smallest size to the largest, whatever lies between", () => {
    const step = scalingOf("review", [
      { name: "s", rows: 100, ms: 10 },
      { name: "m", rows: 200, ms: 90 },
      { name: "l", rows: 400, ms: 45 },
    ], true);
    expect([step.from, step.to, step.rowRatio, step.timeRatio, step.limit, step.pass]).toEqual(["s", "l", 4, 4.5, 5, true]);
  });

  it("a metric shown, not judged, always passes", () => {
    const step = scalingOf("core", [
      { name: "s", rows: 100, ms: 10 },
      { name: "l", rows: 400, ms: 100 },
    ], false);
    expect([step.judged, step.pass, step.timeRatio]).toEqual([false, true, 10]);
  });
});

describe("benchmark settings", () => {
  it.each([
    { argv: [], sizes: [...DEFAULT_SIZES], runs: 11, bundles: true, csvRows: 200_000, paneCustomers: 3_000 },
    { argv: ["--sizes", "100,400", "--runs", "3", "--no-bundles"], sizes: [100, 400], runs: 3, bundles: false, csvRows: 200_000, paneCustomers: 3_000 },
    { argv: ["--sizes=10,20,40", "--csv-rows", "500", "--pane-customers=90"], sizes: [10, 20, 40], runs: 11, bundles: true, csvRows: 500, paneCustomers: 90 },
  ])("$argv", ({ argv, sizes, runs, bundles, csvRows, paneCustomers }) => {
    const c = configFromArgs(argv);
    expect(c.sizes.map((s) => s.customers)).toEqual(sizes);
    expect(c.coreRuns).toBe(runs);
    expect(!c.skipBundles).toBe(bundles);
    expect([c.csvRows, c.paneCustomers, c.skipTargets]).toEqual([csvRows, paneCustomers, false]);
    expect([c.seed, c.asOf]).toEqual([BENCH_SEED, BENCH_AS_OF]);
  });

  it.each([["--runs", "0"], ["--sizes", "100,abc"], ["--io-runs", "1.5"]])("refuses %s %s", (name, value) => {
    expect(() => configFromArgs([name, value])).toThrow(/positive whole number/);
  });

  it("the largest size is issue 8's workbook: 50,000 customers, 500,000 follow-ups, 50,000 orders, 80,000 payments", () => {
    expect(DEFAULT_SIZES[DEFAULT_SIZES.length - 1]).toBe(50_000);
    const small = benchSnapshot({ customers: 1000, seed: BENCH_SEED, asOf: BENCH_AS_OF });
    expect(small.Salespeople).toHaveLength(TEAM_SIZE);
    expect(small.FollowUps).toHaveLength(1000 * FOLLOW_UPS_PER_CUSTOMER);
    expect(small.Orders).toHaveLength(1000);
    expect(small.Payments.length / small.Orders.length).toBeGreaterThan(1.5);
    expect(small.Payments.length / small.Orders.length).toBeLessThan(1.7);
  });

  it("reads the peak memory from GNU time's report", () => {
    expect(maxRssFromGnuTime("\tMaximum resident set size (kbytes): 123456\n\tAverage resident set size (kbytes): 0")).toBe(123456);
    expect(maxRssFromGnuTime("no report")).toBeUndefined();
    expect(cpuMsFromGnuTime("\tUser time (seconds): 0.71\n\tSystem time (seconds): 0.20\n")).toBeCloseTo(910, 6);
    expect(cpuMsFromGnuTime("no report")).toBeUndefined();
  });

  it.each([
    { xs: [3, 1, 2], m: 2 },
    { xs: [4, 1, 3, 2], m: 2.5 },
    { xs: [7], m: 7 },
  ])("median of $xs is $m", ({ xs, m }) => expect(median(xs)).toBe(m));
});

describe("the benchmark end to end at tiny sizes", () => {
  let dir: string;
  let results: BenchResults;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "bench-smoke-"));
    const run = await runBench({
      sizes: [
        { name: "tiny", customers: 30 },
        { name: "tiny×4", customers: 120 },
      ],
      seed: BENCH_SEED,
      asOf: BENCH_AS_OF,
      outDir: dir,
      coreRuns: 3,
      warmup: 1,
      ioRuns: 1,
      ioBudgetMs: 1,
      bundleEntries: ["functions"],
      csvRows: 300,
      paneCustomers: 60,
    });
    // What bench/main.ts writes, read back as a reader of results.json would.
    writeFileSync(join(dir, "results.json"), JSON.stringify(run));
    results = JSON.parse(readFileSync(join(dir, "results.json"), "utf8")) as BenchResults;
  }, 240_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const positive = (n: unknown) => typeof n === "number" && Number.isFinite(n) && n > 0;

  it("describes the machine", () => {
    expect(results.machine.nproc).toBeGreaterThan(0);
    expect(results.machine.cpuModel).not.toBe("");
    expect(positive(results.machine.memoryGB)).toBe(true);
    expect(results.machine.node).toMatch(/^v\d+/);
  });

  it("has every metric with sane values for every size", () => {
    expect(results.sizes.map((s) => s.customers)).toEqual([30, 120]);
    for (const s of results.sizes) {
      expect(s.rows.FollowUps).toBe(s.customers * FOLLOW_UPS_PER_CUSTOMER);
      expect(s.rows.records).toBeGreaterThan(s.customers);
      expect(positive(s.workbookBytes)).toBe(true);
      for (const t of [s.core.review, s.core.due, s.core.total]) {
        expect(positive(t.medianMs)).toBe(true);
        expect(t.runs).toBe(3);
        expect(t.minMs).toBeLessThanOrEqual(t.medianMs);
        expect(t.medianMs).toBeLessThanOrEqual(t.maxMs);
      }
      expect(s.core.reviewedSalespeople).toBe(TEAM_SIZE);
      expect(s.core.dueItems).toBeGreaterThan(0);
      const file = s.fileRead;
      if ("error" in file) throw new Error(`file adapter read failed: ${file.error}`);
      expect(positive(file.open.medianMs) && positive(file.readTables.medianMs) && positive(file.readSnapshot.medianMs)).toBe(true);
      expect(file.rowsRead).toBeGreaterThanOrEqual(s.rows.records);
      expect(file.issues).toBe(0);
      expect(file.maxRssMB).toBeGreaterThan(20);
      expect(positive(s.reviewProcess.wallMs)).toBe(true);
      expect(s.reviewProcess.exitCode).toBe(0);
      expect(s.reviewProcess.maxRssMB).toBeGreaterThan(20);
      expect(s.reviewProcess.maxRssMB).toBeLessThan(LIMITS.reviewPeakMB);
      expect(positive(s.officeRead.readSnapshot.medianMs)).toBe(true);
      expect(s.officeRead.syncs).toBeGreaterThan(0);
      expect(s.officeRead.rejected).toBe(0);
      expect(positive(s.officeRead.maxResponseBytes)).toBe(true);
      expect(s.officeRead.maxResponseBytes).toBeLessThanOrEqual(LIMITS.officeRequestBytes);
    }
  });

  it("measures the functions bundle, gzipped smaller than raw", () => {
    const fn = results.bundles?.entries.functions;
    expect(fn?.files).toContain("functions.js");
    expect(fn!.gzipBytes).toBeGreaterThan(1000);
    expect(fn!.gzipBytes).toBeLessThan(fn!.bytes);
  });

  it("times tradebook --help and --version as processes, beside node alone", () => {
    const { helpMs, versionMs, nodeMs, runs } = results.startup;
    expect(runs).toBeGreaterThanOrEqual(5);
    for (const t of [helpMs, versionMs, nodeMs]) expect(positive(t)).toBe(true);
    // Node's own start is a floor the command cannot go under.
    expect(helpMs).toBeGreaterThan(nodeMs * 0.8);
    expect(results.checks.find((c) => c.name === "target: tradebook --help")).toEqual(expect.objectContaining({ value: helpMs, limit: LIMITS.helpStartupMs }));
  });

  it("measures every target of issue 22 beside its figure, each a check of its own", () => {
    const whats = results.targets.map((t) => t.what);
    expect(whats).toEqual([
      "tradebook --help",
      "tradebook review, the 300-customer demo",
      "tradebook review, 120 customers / 1,200 follow-ups: wall",
      "tradebook review, 120 customers / 1,200 follow-ups: peak RSS",
      "tradebook import of one follow-up, 120 customers / 1,200 follow-ups: wall",
      "tradebook import of one follow-up, 120 customers / 1,200 follow-ups: peak RSS",
      "tradebook import of a 300-row CSV into tiny×4: wall",
      "tradebook import of a 300-row CSV into tiny×4: peak RSS",
      "file mode, 120 customers: open",
      "file mode, 120 customers: log one contact",
      "pane ready in Excel (fake), 60 customers: wall",
      "pane ready in Excel (fake), 60 customers: syncs",
    ]);
    for (const t of results.targets) {
      expect(t.failure, t.what).toBeUndefined();
      expect(positive(t.figure), t.what).toBe(true);
      expect(t.pass).toBe(t.strict ? t.figure < t.limit : t.figure <= t.limit);
      expect(results.checks.find((c) => c.name === `target: ${t.what}`)).toEqual(expect.objectContaining({ value: t.figure, limit: t.limit, pass: t.pass }));
    }
    expect(results.targets.map((t) => t.limit)).toEqual([150, 600, 5000, 700, 5000, 700, 15000, 1024, 4000, 2000, 1000, 10]);
    const m = results.targetMeasures!;
    expect([m.demoReview.exitCode, m.importOne.exitCode, m.importCsv.exitCode]).toEqual([0, 0, 0]);
    expect([m.importOne.rows, m.importCsv.rows]).toEqual([1, 300]);
    expect(m.importOne.maxRssMB).toBeGreaterThan(20);
    expect(m.fileMode).not.toHaveProperty("error");
    expect(m.pane.syncs).toBeLessThanOrEqual(10);
    // CPU beside the wall time: GNU time's for the processes, the process's own for the file mode and the pane.
    const cpu = results.targets.filter((t) => t.cpuMs !== undefined).map((t) => t.what.split(",")[0]);
    expect(cpu).toEqual(expect.arrayContaining(["file mode", "pane ready in Excel (fake)", ...(existsSync(GNU_TIME) ? ["tradebook review", "tradebook import of one follow-up"] : [])]));
    expect(m.pane.dueItems).toBeGreaterThan(0);
  });

  it("a missed target fails: under the limit passes a strict one, at the limit does not", () => {
    const startup = { helpMs: 150, versionMs: 1, nodeMs: 1, runs: 1 };
    const fine = { command: "", wallMs: 100, maxRssMB: 100, runs: 1, exitCode: 0, memoryFrom: "gnu-time" as const };
    const imported = { rows: 1, wallMs: 5000, maxRssMB: 701, runs: 1, exitCode: 0, workbook: "large" };
    const rows = targetRows(
      { demoReview: fine, importOne: imported, importCsv: { ...imported, exitCode: 2, error: "out of memory" }, fileMode: { error: "boom", maxRssMB: 1, workbook: "medium", customers: 25_000 }, pane: { ready: { medianMs: 1000, minMs: 1, maxMs: 1, runs: 1 }, syncs: 11, maxResponseBytes: 1, dueItems: 1, customers: 3000 } },
      startup,
      { name: "large", customers: 50_000, followUps: 500_000, review: fine },
    );
    expect(rows.map((r) => [r.what.split(",")[0].split(":")[0], r.pass])).toEqual([
      ["tradebook --help", false],
      ["tradebook review", true],
      ["tradebook review", true],
      ["tradebook review", true],
      ["tradebook import of one follow-up", true],
      ["tradebook import of one follow-up", false],
      ["tradebook import of a 1-row CSV into large", false],
      ["tradebook import of a 1-row CSV into large", false],
      ["file mode", false],
      ["file mode", false],
      ["pane ready in Excel (fake)", true],
      ["pane ready in Excel (fake)", false],
    ]);
    expect(formatResults({ ...results, targets: rows, checks: [] })).toMatch(/tradebook --help\s+\S+ ms\s+< 150 ms\s+FAIL/);
  });

  it("shows each metric's scaling from the smallest size to the largest, judges the whole review's, and lists every check", () => {
    expect(results.scaling.map((s) => [s.metric, s.from, s.to, s.rowRatio, s.judged])).toEqual([
      ["tradebook review process", "tiny", "tiny×4", results.scaling[0].rowRatio, true],
      ["core review + due list", "tiny", "tiny×4", results.scaling[0].rowRatio, false],
      ["file adapter readSnapshot", "tiny", "tiny×4", results.scaling[0].rowRatio, false],
      ["Office adapter readSnapshot", "tiny", "tiny×4", results.scaling[0].rowRatio, false],
    ]);
    expect(results.scaling[0].rowRatio).toBeCloseTo(4, 0);
    const names = results.checks.map((c) => c.name).join("\n");
    for (const want of ["core review + due list", "tradebook review process", "file adapter read finished", "review exit code", "peak RSS", "largest request", "largest response", "functions bundle"]) expect(names).toContain(want);
    expect(results.checks.filter((c) => c.name.startsWith("core review + due list"))).toHaveLength(1);
    expect(results.pass).toBe(results.checks.every((c) => c.pass));
  });

  it("prints a readable table with every metric", () => {
    const text = formatResults(results);
    for (const label of ["core: review + due list", "(min-max)", "file: open + readSnapshot", "file: peak RSS", "tradebook review: peak RSS", "Office: largest request", "functions", "scaling", "tradebook --help", "targets (issue 22; medians)", "pane ready", "checks:"]) expect(text).toContain(label);
  });

  it("reuses a cached workbook instead of writing it again", async () => {
    const again = await runBench({ sizes: [{ name: "tiny", customers: 30 }], seed: BENCH_SEED, asOf: BENCH_AS_OF, outDir: dir, coreRuns: 1, warmup: 0, ioRuns: 1, ioBudgetMs: 1, skipBundles: true, skipTargets: true, csvRows: 1, paneCustomers: 1 });
    expect(again.sizes[0].workbookWriteSeconds).toBeNull();
    expect(again.sizes[0].workbookBytes).toBe(results.sizes[0].workbookBytes);
  }, 120_000);
});
