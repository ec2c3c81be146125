/**
 * `npm run bench -- --peer` (bench/peer/peer-bench.ts) without running it:
 * its defaults (the three sizes, a completed quarter), the checks
 * it judges (figures equal at every size, the ratio at the largest size at
 * least 40×) and the printout with the ratio beside its target. The runs
 * themselves take minutes of LibreOffice; tests/bench/peer.test.ts checks
 * the peer's figures on the demo.
 */
import { describe, expect, it } from "vitest";
import { peerChecks, peerConfigFromArgs, PEER_TARGET_RATIO, type PeerResults, type PeerSizeResult } from "../../bench/peer/peer-bench";
import { formatPeerResults } from "../../bench/peer/report";

describe("the peer bench's settings", () => {
  it("defaults to 1,000 / 2,000 / 4,000 customers, 3 runs each, the review of 2026-Q3", () => {
    const c = peerConfigFromArgs([], "/tmp/out");
    expect(c.sizes).toEqual([1000, 2000, 4000]);
    expect(c.runs).toBe(3);
    expect(c.quarter).toEqual({ year: 2026, quarter: 3 });
  });

  it.each([
    { argv: ["--peer", "--peer-sizes", "300,600", "--peer-runs", "1"], sizes: [300, 600], runs: 1 },
    { argv: ["--peer", "--peer-sizes=500", "--peer-runs=5"], sizes: [500], runs: 5 },
  ])("$argv", ({ argv, sizes, runs }) => {
    const c = peerConfigFromArgs(argv, "/tmp/out");
    expect([c.sizes, c.runs]).toEqual([sizes, runs]);
  });

  it.each([["--peer-sizes", "1000,x"], ["--peer-runs", "0"]])("refuses %s %s", (name, value) => {
    expect(() => peerConfigFromArgs([name, value], "/tmp/out")).toThrow(/positive whole numbers/);
  });
});

describe("the peer bench's checks", () => {
  const size = (customers: number, ratio: number, differences = 0) => ({
    customers,
    ratio,
    differences: Array.from({ length: differences }, (_, k) => ({ figure: `x${k}`, peer: 1, tradebook: 2 })),
  });

  it.each([
    { case: "ratio above the target at the largest size", sizes: [size(1000, 5), size(4000, 41.2)], pass: [true, true, true] },
    { case: "exactly the target", sizes: [size(4000, PEER_TARGET_RATIO)], pass: [true, true] },
    { case: "below the target", sizes: [size(1000, 60), size(4000, 39.9)], pass: [true, true, false] },
    { case: "a figure that differs", sizes: [size(1000, 60, 1), size(4000, 80)], pass: [false, true, true] },
  ])("$case", ({ sizes, pass }) => {
    expect(peerChecks(sizes).map((c) => c.pass)).toEqual(pass);
  });

  it("prints the ratio at each size and the largest one's beside the target", () => {
    const side = (ms: number) => ({ wallMs: [ms, ms], cpuMs: [ms, ms], medianMs: ms, medianCpuMs: ms, maxRssMB: 100 });
    const z = (customers: number, tb: number, lo: number): PeerSizeResult => ({
      customers,
      rows: { salespeople: 17, followUps: customers * 13, orders: customers, payments: customers, samples: customers / 5 },
      formulaCells: customers * 60,
      workbookBytes: customers * 1600,
      tradebook: side(tb),
      libreOffice: side(lo),
      ratio: Math.round((lo / tb) * 10) / 10,
      cpuRatio: Math.round((lo / tb) * 10) / 10,
      figures: 200,
      differences: [],
    });
    const sizes = [z(1000, 1700, 6000), z(4000, 2400, 90000)];
    const checks = peerChecks(sizes);
    const results: PeerResults = {
      version: 1,
      startedAt: "2026-12-01T00:00:00.000Z",
      durationSeconds: 600,
      machine: { nproc: 2, cpuModel: "test", memoryGB: 8, freeMemoryGB: 4, node: "v20", platform: "linux x64", loadAverage: 0.5 },
      config: { seed: 1, asOf: "2026-11-27", quarter: "2026-Q3", runs: 2 },
      startup: { libreOfficeMs: 2100, tradebookMs: 1400 },
      sizes,
      checks,
      pass: checks.every((c) => c.pass),
    };
    const text = formatPeerResults(results);
    expect(text).toContain("ratio at 4,000 customers: 37.5× (target ≥ 40×)");
    expect(text).toMatch(/^1,000 .* 3\.5× .* 200 of 200$/m);
    expect(text).toContain("FAIL  LibreOffice ÷ tradebook review, 4,000 customers: 37.5× (target ≥ 40×)");
    expect(text).toContain("SOME CHECKS FAILED");
  });
});
