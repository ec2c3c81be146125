import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  DEFAULT_COMMISSION_TIERS,
  commission,
  commissionRate,
  quarterlyIncome,
  tiersFrom,
  type Tier,
} from "../../../core/rules/commission";
import type { CommissionMethod } from "../../../core/contract/settings";
import type { CommissionTier } from "../../../core/contract/model";

const T = DEFAULT_COMMISSION_TIERS;

describe("rules.md §6 examples: marginal 超额累进 and whole 全额累进", () => {
  it.each<[CommissionMethod, number, number]>([
    ["marginal", 1_000_000, 20_000],
    ["marginal", 5_000_000, 120_000],
    ["marginal", 6_000_000, 160_000],
    ["whole", 1_000_000, 20_000],
    ["whole", 5_000_000, 125_000],
    ["whole", 6_000_000, 240_000],
  ])("%s commission on %d is %d", (method, amount, expected) => {
    expect(commission(amount, T, method)).toBe(expected);
  });
});

describe("band edges are inclusive: 1,000,000 is in band 1, 5,000,000 in band 2", () => {
  it.each<[CommissionMethod, number, number, number]>([
    // method, amount, commission, rate of the band
    ["marginal", 999_999.99, 19_999.9998 /* → 20,000.00 */, 0.02],
    ["marginal", 1_000_000, 20_000, 0.02],
    ["marginal", 1_000_000.01, 20_000, 0.025], // 0.01 × 2.5% = 0.00025 → rounds to 20,000.00
    ["marginal", 4_999_999.99, 119_999.99975, 0.025],
    ["marginal", 5_000_000, 120_000, 0.025],
    ["marginal", 5_000_000.01, 120_000.0004, 0.04],
    ["whole", 999_999.99, 19_999.9998, 0.02],
    ["whole", 1_000_000, 20_000, 0.02],
    ["whole", 1_000_000.01, 25_000.00025, 0.025],
    ["whole", 4_999_999.99, 124_999.99975, 0.025],
    ["whole", 5_000_000, 125_000, 0.025],
    ["whole", 5_000_000.01, 200_000.0004, 0.04],
  ])("%s on %d → %d at rate %d", (method, amount, exact, rate) => {
    expect(commission(amount, T, method)).toBe(Math.round(exact * 100) / 100);
    expect(commissionRate(amount, T)).toBe(rate);
  });
});

describe("no commission on nothing: amount ≤ 0 or not a number earns 0", () => {
  it.each<[CommissionMethod, number]>([
    ["marginal", 0],
    ["marginal", -500],
    ["marginal", Number.NaN],
    ["whole", 0],
    ["whole", -1_000_000],
  ])("%s on %d → 0", (method, amount) => {
    expect(commission(amount, T, method)).toBe(0);
  });
});

describe("commission uses the default tiers and marginal method when none are given", () => {
  it.each<[number, number]>([
    [2_000_000, 45_000],
    [500_000, 10_000],
  ])("commission(%d) = %d", (amount, expected) => {
    expect(commission(amount)).toBe(expected);
  });
});

describe("quarterly income = base × 3 + commission", () => {
  it.each<[number, number, number]>([
    [1200, 0, 3600],
    [1200, 20_000, 23_600],
    [1500.5, 160_000.25, 164_501.75],
  ])("base %d, commission %d → %d", (base, comm, expected) => {
    expect(quarterlyIncome(base, comm)).toBe(expected);
  });
});

const row = (UpToCNY: number | null, Rate: number): CommissionTier => ({ UpToCNY, Rate });

describe("tiersFrom: sorted ascending with the open band last", () => {
  it.each<[string, CommissionTier[], Tier[]]>([
    ["already sorted", [row(1e6, 0.02), row(5e6, 0.025), row(null, 0.04)], [{ upTo: 1e6, rate: 0.02 }, { upTo: 5e6, rate: 0.025 }, { upTo: null, rate: 0.04 }]],
    ["shuffled", [row(null, 0.04), row(5e6, 0.025), row(1e6, 0.02)], [{ upTo: 1e6, rate: 0.02 }, { upTo: 5e6, rate: 0.025 }, { upTo: null, rate: 0.04 }]],
    ["one flat band", [row(null, 0.03)], [{ upTo: null, rate: 0.03 }]],
    ["rates 0 and 1 are allowed", [row(100, 0), row(null, 1)], [{ upTo: 100, rate: 0 }, { upTo: null, rate: 1 }]],
  ])("%s", (_name, rows, expected) => {
    const r = tiersFrom(rows);
    expect(r).toEqual({ ok: true, value: expected });
  });
});

describe("tiersFrom errors say what is wrong", () => {
  it.each<[string, CommissionTier[], RegExp]>([
    ["empty table", [], /empty/],
    ["no open-ended band", [row(1e6, 0.02), row(5e6, 0.025)], /last band must have a blank upper bound/],
    ["two open-ended bands", [row(null, 0.02), row(1e6, 0.02), row(null, 0.04)], /rows 1, 3 are blank/],
    ["rate above 1 (percent typed as 2)", [row(1e6, 2), row(null, 0.04)], /row 1: rate 2 must be between 0 and 1/],
    ["negative rate", [row(1e6, 0.02), row(null, -0.04)], /row 2: rate -0.04/],
    ["zero bound", [row(0, 0.02), row(null, 0.04)], /row 1: upper bound 0 must be a number greater than 0/],
    ["negative bound", [row(-5, 0.02), row(null, 0.04)], /upper bound -5/],
    ["repeated bound", [row(1e6, 0.02), row(1e6, 0.025), row(null, 0.04)], /1,000,000 appears twice/],
  ])("%s", (_name, rows, message) => {
    const r = tiersFrom(rows);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.en).toMatch(message);
      expect(r.error.zh.length).toBeGreaterThan(0);
    }
  });
});

/** Random valid bands: increasing positive edges, rates in [0, 1], open last band. */
const validTiers = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: 1, max: 50_000_000 }), { maxLength: 5 }),
    fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
  )
  .map(([edges, rates]) => {
    const sorted = [...edges].sort((a, b) => a - b);
    const rows = [...sorted.map((e, i) => row(e, rates[i])), row(null, rates[5])];
    const r = tiersFrom(rows);
    if (!r.ok) throw new Error(r.error.en);
    return r.value;
  });

describe("commission properties on random valid tiers", () => {
  it("marginal is monotonic non-decreasing in the amount and never negative", () => {
    fc.assert(
      fc.property(validTiers, fc.double({ min: -1e6, max: 1e8, noNaN: true }), fc.double({ min: 0, max: 1e7, noNaN: true }), (tiers, a, delta) => {
        const low = commission(a, tiers, "marginal");
        const high = commission(a + delta, tiers, "marginal");
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeGreaterThanOrEqual(low);
      }),
      { numRuns: 2000 },
    );
  });
  it("whole is never negative and never more than the top rate on the whole amount", () => {
    fc.assert(
      fc.property(validTiers, fc.double({ min: -1e6, max: 1e8, noNaN: true }), (tiers, a) => {
        const c = commission(a, tiers, "whole");
        expect(c).toBeGreaterThanOrEqual(0);
        const maxRate = Math.max(...tiers.map((t) => t.rate));
        expect(c).toBeLessThanOrEqual(Math.max(0, a) * maxRate + 0.005);
      }),
      { numRuns: 2000 },
    );
  });
});
