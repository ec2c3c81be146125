/**
 * The benchmark of issue 8 (bench/, `npm run bench`) at tiny sizes: the same
 * harness end to end — workbook generation and caching, core work, file
 * adapter, `tradebook review` as a process, Office adapter over the fake
 * Excel, the functions bundle — and the results JSON it writes. The full
 * benchmark is not part of `npm test`; docs/performance.md has its figures.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BENCH_AS_OF, BENCH_SEED, DEFAULT_SIZES, configFromArgs } from "../../bench/config";
import { benchSnapshot, FOLLOW_UPS_PER_CUSTOMER, TEAM_SIZE } from "../../bench/generate";
import { LIMITS, runBench, scalingSteps, type BenchResults } from "../../bench/harness";
import { maxRssFromGnuTime } from "../../bench/process-bench";
import { formatResults } from "../../bench/report";
import { median } from "../../bench/stats";

describe("scaling check: doubling the rows may at most multiply the time by 2.2", () => {
  it.each([
    { case: "linear", rows: [1000, 2000], ms: [100, 200], pass: true },
    { case: "10% over linear", rows: [1000, 2000], ms: [100, 220], pass: true },
    { case: "just over the limit", rows: [1000, 2000], ms: [100, 221], pass: false },
    { case: "quadratic", rows: [1000, 2000], ms: [100, 400], pass: false },
    { case: "tripled rows, linear", rows: [1000, 3000], ms: [100, 300], pass: true },
    { case: "tripled rows, 3.4×", rows: [1000, 3000], ms: [100, 340], pass: false },
    { case: "faster at the larger size", rows: [1000, 2000], ms: [100, 90], pass: true },
  ])("$case: $ms ms for $rows rows → pass $pass", ({ rows, ms, pass }) => {
    const [step] = scalingSteps("core", [
      { name: "a", rows: rows[0], ms: ms[0] },
      { name: "b", rows: rows[1], ms: ms[1] },
    ]);
    expect(step.pass).toBe(pass);
    expect(step.timeRatio).toBeCloseTo(ms[1] / ms[0], 2);
  });

  it("judges each step from one size to the next", () => {
    const steps = scalingSteps("core", [
      { name: "s", rows: 100, ms: 10 },
      { name: "m", rows: 200, ms: 20 },
      { name: "l", rows: 400, ms: 90 },
    ]);
    expect(steps.map((s) => [s.from, s.to, s.pass])).toEqual([
      ["s", "m", true],
      ["m", "l", false],
    ]);
  });

  it.each([
    { case: "each set's own ratio, in set order", a: [100, 110, 90], b: [200, 242, 198], sets: [2, 2.2, 2.2] },
    { case: "one set", a: [50], b: [105], sets: [2.1] },
    { case: "sets not measured", a: undefined, b: undefined, sets: undefined },
    { case: "sets that do not pair up", a: [100, 100], b: [200], sets: undefined },
  ])("per-set ratios: $case", ({ a, b, sets }) => {
    const [step] = scalingSteps("core", [
      { name: "a", rows: 1000, ms: 100, msBySet: a },
      { name: "b", rows: 2000, ms: 210, msBySet: b },
    ]);
    expect(step.setRatios).toEqual(sets);
    // Shown beside the judged ratio, never judged themselves.
    expect(step.pass).toBe(true);
    expect(step.timeRatio).toBe(2.1);
  });
});

describe("benchmark settings", () => {
  it.each([
    { argv: [], sizes: [...DEFAULT_SIZES], runs: 11, processes: 5, bundles: true },
    { argv: ["--sizes", "100,200", "--runs", "3", "--processes", "1", "--no-bundles"], sizes: [100, 200], runs: 3, processes: 1, bundles: false },
    { argv: ["--sizes=10,20,40"], sizes: [10, 20, 40], runs: 11, processes: 5, bundles: true },
  ])("$argv", ({ argv, sizes, runs, processes, bundles }) => {
    const c = configFromArgs(argv);
    expect(c.sizes.map((s) => s.customers)).toEqual(sizes);
    expect(c.coreRuns).toBe(runs);
    expect(c.coreProcesses).toBe(processes);
    expect(!c.skipBundles).toBe(bundles);
    expect([c.seed, c.asOf]).toEqual([BENCH_SEED, BENCH_AS_OF]);
  });

  it.each([["--runs", "0"], ["--sizes", "100,abc"], ["--io-runs", "1.5"], ["--processes", "0"]])("refuses %s %s", (name, value) => {
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
        { name: "tiny×2", customers: 60 },
      ],
      seed: BENCH_SEED,
      asOf: BENCH_AS_OF,
      outDir: dir,
      coreRuns: 3,
      coreProcesses: 2,
      warmup: 1,
      ioRuns: 1,
      ioBudgetMs: 1,
      bundleEntries: ["functions"],
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
    expect(results.sizes.map((s) => s.customers)).toEqual([30, 60]);
    for (const s of results.sizes) {
      expect(s.rows.FollowUps).toBe(s.customers * FOLLOW_UPS_PER_CUSTOMER);
      expect(s.rows.records).toBeGreaterThan(s.customers);
      expect(positive(s.workbookBytes)).toBe(true);
      for (const t of [s.core.review, s.core.due, s.core.total, s.core.floor]) {
        // The floor's bare pass over 300 follow-ups may round to 0 ms.
        if (t === s.core.floor) expect(t.medianMs).toBeGreaterThanOrEqual(0);
        else expect(positive(t.medianMs)).toBe(true);
        expect(t.runs).toBe(3);
        expect(t.minMs).toBeLessThanOrEqual(t.medianMs);
        expect(t.medianMs).toBeLessThanOrEqual(t.maxMs);
      }
      expect(s.core.reviewedSalespeople).toBe(TEAM_SIZE);
      // Measured in two processes; the one kept is the median (of two: the faster).
      expect(s.core.totalMedianMsByProcess).toHaveLength(2);
      expect(s.core.total.medianMs).toBe(Math.min(...(s.core.totalMedianMsByProcess ?? [])));
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
    expect(results.checks.find((c) => c.name === "tradebook --help startup")).toEqual(expect.objectContaining({ value: helpMs, limit: LIMITS.helpStartupMs }));
  });

  it("judges the scaling of each metric from one size to the next and lists every check", () => {
    expect(results.scaling.filter((s) => s.metric.startsWith("core"))).toHaveLength(1);
    // The floor's scaling is shown beside the core's, not judged.
    expect(results.scaling.filter((s) => s.metric.startsWith("floor"))).toHaveLength(1);
    expect(results.checks.some((c) => c.name.startsWith("floor"))).toBe(false);
    expect(results.scaling[0].rowRatio).toBeCloseTo(2, 1);
    // The core's step shows each set's own ratio (two sets in this smoke run); the other metrics have none.
    const [small, large] = results.sizes.map((s) => s.core.totalMedianMsByProcess ?? []);
    expect(results.scaling[0].setRatios).toEqual(small.map((ms, k) => Math.round((large[k] / ms) * 100) / 100));
    expect(results.scaling.slice(1).every((s) => s.setRatios === undefined)).toBe(true);
    const names = results.checks.map((c) => c.name).join("\n");
    for (const want of ["core review + due list", "file adapter read finished", "review exit code", "peak memory", "largest request", "largest response", "functions bundle"]) expect(names).toContain(want);
    expect(results.pass).toBe(results.checks.every((c) => c.pass));
  });

  it("prints a readable table with every metric", () => {
    const text = formatResults(results);
    for (const label of ["core: review + due list", "floor: one pass over follow-ups", "file: open + readSnapshot", "file: peak RSS", "tradebook review: peak RSS", "Office: largest request", "functions", "each set", "tradebook --help", "checks:"]) expect(text).toContain(label);
  });

  it("reuses a cached workbook instead of writing it again", async () => {
    const again = await runBench({ sizes: [{ name: "tiny", customers: 30 }], seed: BENCH_SEED, asOf: BENCH_AS_OF, outDir: dir, coreRuns: 1, coreProcesses: 1, warmup: 0, ioRuns: 1, ioBudgetMs: 1, skipBundles: true });
    expect(again.sizes[0].workbookWriteSeconds).toBeNull();
    expect(again.sizes[0].workbookBytes).toBe(results.sizes[0].workbookBytes);
  }, 120_000);
});
