/**
 * The due list over the demo workbook's data, checked against counts worked
 * out here from rules.md §4 with plain loops over the rows — no helper of
 * core/rules/cadence.ts — so a slip in the one-pass implementation shows up as a
 * disagreement between two independent readings of the same rules.
 */
import { describe, expect, it } from "vitest";
import { dueList, overContact, DUE_RULES, type DueRule } from "../../../core/rules/cadence";
import { parseISODate, serialFromYMD, ymdOf, type DaySerial } from "../../../core/contract/dates";
import { gradeAll } from "../../../core/rules/grading";
import { indexSnapshot } from "../../../core/index/indexes";
import type { Customer, FollowUp } from "../../../core/contract/model";
import { DEFAULT_SETTINGS, type Settings } from "../../../core/contract/settings";
import { generateSample } from "../../../templates/sample";

function expectedCounts(customers: readonly Customer[], followUps: readonly FollowUp[], grades: ReadonlyMap<string, string>, d: DaySerial, s: Settings) {
  const counts: Record<DueRule | "pushy", number> = { newCustomerWeek: 0, highGradeMonthly: 0, keyCustomerVisits: 0, sameDayReply: 0, promisedNextContact: 0, birthday: 0, neglect: 0, pushy: 0 };
  const dYmd = ymdOf(d);
  const weekday = new Date(Date.UTC(dYmd.year, dYmd.month - 1, dYmd.day)).getUTCDay() || 7;
  const monday = d - (weekday - 1);
  const monthStart = serialFromYMD(dYmd.year, dYmd.month, 1);
  const yearStart = serialFromYMD(dYmd.year, 1, 1);
  for (const c of customers) {
    if (c.Status === "Pool" || c.Status === "Closed" || c.CreatedOn > d) continue;
    // Only what has happened by the end of D, oldest first.
    const mine = followUps.filter((f) => f.CustomerID === c.CustomerID && f.Date < d + 1).sort((a, b) => a.Date - b.Date);
    const day = (f: FollowUp): number => Math.floor(f.Date);
    const grade = grades.get(c.CustomerID);

    const outThisWeek = mine.filter((f) => f.Direction === "Out" && day(f) >= monday).length;
    if (c.CreatedOn >= monday && outThisWeek < s.NewCustomerContactsPerWeek) counts.newCustomerWeek++;
    if (outThisWeek > s.MaxContactsPerWeek) counts.pushy++;

    const outThisMonth = mine.filter((f) => f.Direction === "Out" && day(f) >= monthStart).length;
    if (grade !== undefined && (s.HighGrades as readonly string[]).includes(grade) && outThisMonth < s.HighGradeContactsPerMonth) counts.highGradeMonthly++;

    const visits = mine.filter((f) => f.Channel === "Visit" && day(f) >= yearStart).length;
    if (grade === "KEY" && visits < s.KeyCustomerVisitsPerYear) counts.keyCustomerVisits++;

    // An inbound email is answered by an outbound contact on its day or any later day up to D.
    const unanswered = mine.filter((e) => e.Direction === "In" && e.Channel === "Email" && !mine.some((o) => o.Direction === "Out" && day(o) >= day(e)));
    if (unanswered.length > 0) counts.sameDayReply++;

    // A follow-up whose NextDate has passed (≤ D) with no outbound contact dated after it.
    const broken = mine.filter((p) => p.NextDate !== null && p.NextDate <= d && !mine.some((o) => o.Direction === "Out" && o.Date > p.Date));
    if (broken.length > 0) counts.promisedNextContact++;

    if (c.Birthday !== null) {
      const b = ymdOf(c.Birthday);
      for (const year of [dYmd.year, dYmd.year + 1]) {
        const lastDay = new Date(Date.UTC(year, b.month, 0)).getUTCDate();
        const on = serialFromYMD(year, b.month, Math.min(b.day, lastDay));
        if (on >= d) {
          if (on - d <= 7) counts.birthday++;
          break;
        }
      }
    }

    const last = mine.length > 0 ? day(mine[mine.length - 1]) : c.CreatedOn;
    if (d - last >= s.PoolAfterDays) counts.neglect++; // no contact for PoolAfterDays days
  }
  return counts;
}

describe("the due list over the sample data agrees with a plain reading of rules.md §4", () => {
  const snapshot = generateSample({ seed: 1, scale: 1, asOf: parseISODate("2026-11-27") ?? 0 });
  const index = indexSnapshot(snapshot);

  // Tight settings make the rules the sample's diligent salespeople never trip fire too.
  const tight: Settings = { ...DEFAULT_SETTINGS, NewCustomerContactsPerWeek: 3, MaxContactsPerWeek: 1, HighGrades: ["KEY", "A", "B"], PoolAfterDays: 20 };
  it.each<[string, string, Settings]>([
    ["2026-11-27", "defaults", DEFAULT_SETTINGS],
    ["2026-11-30", "defaults", DEFAULT_SETTINGS],
    ["2026-10-04", "defaults", DEFAULT_SETTINGS],
    ["2026-06-15", "defaults", DEFAULT_SETTINGS],
    ["2026-11-27", "tight settings", tight],
    ["2026-09-09", "tight settings", tight],
  ])("as of %s, %s", (iso, _label, s) => {
    const d = parseISODate(iso) ?? 0;
    const grades = gradeAll(index, d, s);
    const items = dueList(index, d, s, grades);
    const actual: Record<string, number> = Object.fromEntries([...DUE_RULES, "pushy"].map((r) => [r, 0]));
    for (const i of items) actual[i.rule]++;
    actual.pushy = overContact(index, d, s).length;
    expect(actual).toEqual(expectedCounts(snapshot.Customers, snapshot.FollowUps, grades, d, s));
    // The sample is rich enough that most rules have something to say.
    expect(Object.values(actual).filter((n) => n > 0).length).toBeGreaterThanOrEqual(4);
  });
});
