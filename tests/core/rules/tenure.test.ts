/**
 * Tenure stages (rules.md §7): stage k runs from HireDate + 3(k-1) months to
 * the day before HireDate + 3k months; from HireDate + 12 months a
 * salesperson is established; a review judges the stage whose window ends
 * inside the quarter, else the stage in progress.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseISODate, quarterRange, toISODate, type DayRange } from "../../../core/contract/dates";
import { establishedFrom, reviewedStage, stageOf, stageWindow, STAGE_NUMBERS, tenureMonths, type StageNumber } from "../../../core/rules/tenure";

const day = (iso: string): number => {
  const d = parseISODate(iso);
  if (d === undefined) throw new Error(iso);
  return d;
};
const iso = (r: DayRange | null): string | null => (r ? `${toISODate(r.from)}..${toISODate(r.to)}` : null);

describe("stage windows (hired 2026-01-31: month ends clamp as EDATE does)", () => {
  it.each([
    [1, "2026-01-31..2026-04-29"],
    [2, "2026-04-30..2026-07-30"],
    [3, "2026-07-31..2026-10-30"],
    [4, "2026-10-31..2027-01-30"],
  ] as const)("stage %d is %s", (stage, window) => {
    expect(iso(stageWindow(day("2026-01-31"), stage))).toBe(window);
  });

  it("established from 2027-01-31", () => expect(toISODate(establishedFrom(day("2026-01-31")))).toBe("2027-01-31"));

  it("stage 3's tenure months are its three one-month slices", () => {
    expect(tenureMonths(day("2026-01-31"), 3).map(iso)).toEqual(["2026-07-31..2026-08-30", "2026-08-31..2026-09-29", "2026-09-30..2026-10-30"]);
  });

  it("the four windows tile the first year for any hire date", () => {
    fc.assert(
      fc.property(fc.integer({ min: day("1990-01-01"), max: day("2090-12-31") }), (hire) => {
        const windows = STAGE_NUMBERS.map((k) => stageWindow(hire, k));
        expect(windows[0].from).toBe(hire);
        for (let i = 1; i < 4; i++) expect(windows[i].from).toBe(windows[i - 1].to + 1);
        expect(windows[3].to + 1).toBe(establishedFrom(hire));
        for (const w of windows) expect(w.to - w.from + 1).toBeGreaterThanOrEqual(89);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("stageOf (what =CRM.STAGE shows)", () => {
  it.each([
    ["2026-01-31", 1],
    ["2026-04-29", 1],
    ["2026-04-30", 2],
    ["2026-07-31", 3],
    ["2027-01-30", 4],
    ["2027-01-31", "established"],
    ["2031-05-05", "established"],
  ])("hired 2026-01-31, on %s: %s", (on, stage) => {
    const s = stageOf(day("2026-01-31"), day(on));
    expect(s.ok && s.value.stage).toBe(stage);
  });

  it("before the hire date is an error in both languages", () => {
    const s = stageOf(day("2026-01-31"), day("2026-01-30"));
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.error).toEqual({ zh: expect.stringMatching(/入职日期/), en: expect.stringMatching(/before the hire date/) });
  });
});

describe("reviewedStage (the stage a quarterly review judges)", () => {
  it.each([
    ["2025-Q4", null, null],
    ["2026-Q1", 1, "2026-01-31..2026-04-29"], // hired during Q1: stage 1, in progress
    ["2026-Q2", 1, "2026-01-31..2026-04-29"], // stage 1 ended 2026-04-29
    ["2026-Q3", 2, "2026-04-30..2026-07-30"],
    ["2026-Q4", 3, "2026-07-31..2026-10-30"],
    ["2027-Q1", 4, "2026-10-31..2027-01-30"],
    ["2027-Q2", "established", null],
  ] as const)("hired 2026-01-31, review %s: stage %s", (quarter, stage, window) => {
    const [y, q] = quarter.split("-Q").map(Number);
    const judged = reviewedStage(day("2026-01-31"), quarterRange({ year: y, quarter: q as 1 | 2 | 3 | 4 }));
    expect(judged?.stage ?? null).toBe(stage);
    expect(iso(judged?.window ?? null)).toBe(window);
  });

  it("a stage whose window ends on the quarter's first day is the one judged", () => {
    const hire = day("2026-04-02"); // stage 1 ends 2026-07-01
    const judged = reviewedStage(hire, quarterRange({ year: 2026, quarter: 3 }));
    expect(judged?.stage).toBe(1 as StageNumber);
  });
});
