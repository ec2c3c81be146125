/**
 * Report periods (contract.md `review` and `weekly`, core/review/period.ts)
 * on a fixed clock: the default is the last completed quarter and the
 * current ISO week; a quarter in progress is as of today in the work time
 * zone, a completed one as of its last day, one not started has no date.
 */
import { describe, expect, it } from "vitest";
import { isoWeekKey, parseIsoWeek, parseQuarter, quarterKey, toISODate, type IsoWeek } from "../../../core/contract/dates";
import { reviewChoices, reviewPeriod, weeklyPeriod, workToday, type Period } from "../../../core/review/period";

const SHANGHAI = "Asia/Shanghai";

/** A period as text: "2026-Q3 completed as of 2026-09-30" or "2027-Q1 not started". */
function describePeriod<P>(p: Period<P>, key: (period: P) => string): string {
  return p.state === "not started" ? `${key(p.period)} not started` : `${key(p.period)} ${p.state} as of ${toISODate(p.asOf)}`;
}
const weekKey = (w: IsoWeek): string => `${w.year}-W${String(w.week).padStart(2, "0")}`;

describe("workToday: the date on the work time zone's wall clock", () => {
  it.each([
    // instant (UTC), work time zone, today there
    ["2026-09-30T15:59:59Z", SHANGHAI, "2026-09-30"], // 23:59:59 in Shanghai
    ["2026-09-30T16:00:00Z", SHANGHAI, "2026-10-01"], // midnight in Shanghai, still 30 Sep in UTC
    ["2026-12-31T16:00:00Z", SHANGHAI, "2027-01-01"], // new year in Shanghai first
    ["2026-10-01T03:00:00Z", "America/Los_Angeles", "2026-09-30"], // 20:00 the day before
    ["2026-10-01T00:00:00Z", "UTC", "2026-10-01"],
  ])("%s in %s is %s", (instant, zone, day) => {
    expect(toISODate(workToday(new Date(instant), zone))).toBe(day);
  });
});

describe("reviewPeriod: which quarter, and as of which day", () => {
  it.each([
    // instant (UTC), asked quarter (none = default), period
    ["2026-11-25T02:00:00Z", undefined, "2026-Q3 completed as of 2026-09-30"],
    ["2026-11-25T02:00:00Z", "2026-Q4", "2026-Q4 in progress as of 2026-11-25"],
    ["2026-11-25T02:00:00Z", "2026-Q2", "2026-Q2 completed as of 2026-06-30"],
    ["2026-11-25T02:00:00Z", "2027-Q1", "2027-Q1 not started"],
    // Quarter edges: the last day is still in progress; the next day completes it.
    ["2026-09-30T08:00:00Z", undefined, "2026-Q2 completed as of 2026-06-30"],
    ["2026-09-30T08:00:00Z", "2026-Q3", "2026-Q3 in progress as of 2026-09-30"],
    ["2026-10-01T01:00:00Z", undefined, "2026-Q3 completed as of 2026-09-30"],
    ["2026-10-01T01:00:00Z", "2026-Q4", "2026-Q4 in progress as of 2026-10-01"],
    // Time zone edge: 16:00 UTC on 30 Sep is already 1 Oct in Shanghai.
    ["2026-09-30T15:59:00Z", undefined, "2026-Q2 completed as of 2026-06-30"],
    ["2026-09-30T15:59:00Z", "2026-Q3", "2026-Q3 in progress as of 2026-09-30"],
    ["2026-09-30T16:00:00Z", undefined, "2026-Q3 completed as of 2026-09-30"],
    ["2026-09-30T16:00:00Z", "2026-Q3", "2026-Q3 completed as of 2026-09-30"],
    ["2026-09-30T16:00:00Z", "2026-Q4", "2026-Q4 in progress as of 2026-10-01"],
    // Year edge: on 1 January the last completed quarter is last year's Q4.
    ["2026-12-31T15:00:00Z", undefined, "2026-Q3 completed as of 2026-09-30"],
    ["2026-12-31T15:00:00Z", "2026-Q4", "2026-Q4 in progress as of 2026-12-31"],
    ["2026-12-31T16:00:00Z", undefined, "2026-Q4 completed as of 2026-12-31"],
    ["2026-12-31T16:00:00Z", "2027-Q1", "2027-Q1 in progress as of 2027-01-01"],
    ["2027-01-01T00:00:00Z", "2026-Q4", "2026-Q4 completed as of 2026-12-31"],
  ])("at %s (Shanghai), asked %s: %s", (instant, asked, expected) => {
    const today = workToday(new Date(instant), SHANGHAI);
    const quarter = asked === undefined ? undefined : parseQuarter(asked);
    expect(describePeriod(reviewPeriod(today, quarter), quarterKey)).toBe(expected);
  });

  it("offers the last completed quarter first, then the one in progress, then older ones", () => {
    const today = workToday(new Date("2027-01-15T02:00:00Z"), SHANGHAI);
    expect(reviewChoices(today, 3).map((p) => describePeriod(p, quarterKey))).toEqual([
      "2026-Q4 completed as of 2026-12-31",
      "2027-Q1 in progress as of 2027-01-15",
      "2026-Q3 completed as of 2026-09-30",
      "2026-Q2 completed as of 2026-06-30",
      "2026-Q1 completed as of 2026-03-31",
    ]);
  });
});

describe("weeklyPeriod: the current ISO week unless asked", () => {
  it.each([
    // instant (UTC), asked week, period
    ["2026-11-25T02:00:00Z", undefined, "2026-W48 in progress as of 2026-11-25"],
    ["2026-11-25T02:00:00Z", "2026-W47", "2026-W47 completed as of 2026-11-22"],
    ["2026-11-25T02:00:00Z", "2026-W49", "2026-W49 not started"],
    // Sunday 23:30 in Shanghai is still W48; Monday 00:00 there is W49 (Sunday in UTC).
    ["2026-11-29T15:30:00Z", undefined, "2026-W48 in progress as of 2026-11-29"],
    ["2026-11-29T16:00:00Z", undefined, "2026-W49 in progress as of 2026-11-30"],
    // ISO years: 1 January 2027 (a Friday) is in 2026-W53.
    ["2027-01-01T04:00:00Z", undefined, "2026-W53 in progress as of 2027-01-01"],
    ["2027-01-04T04:00:00Z", undefined, "2027-W01 in progress as of 2027-01-04"],
  ])("at %s (Shanghai), asked %s: %s", (instant, asked, expected) => {
    const today = workToday(new Date(instant), SHANGHAI);
    const week = asked === undefined ? undefined : parseIsoWeek(asked);
    const p = weeklyPeriod(today, week);
    expect(describePeriod(p, weekKey)).toBe(expected);
    if (asked === undefined) expect(weekKey(p.period)).toBe(isoWeekKey(today));
  });
});
