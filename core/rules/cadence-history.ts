/**
 * What the cadence rules (core/rules/cadence.ts) need from one customer's
 * follow-ups as of D, read in one pass over their history (oldest first:
 * core/index/follow-up-groups.ts), from its dates and kinds; a row is
 * read only for a promise.
 */
import { dayOf, isoWeekday, monthRangeOf, yearRangeOf, ymdOf, type DaySerial } from "../contract/dates";
import type { FollowUp } from "../contract/model";
import { BY_EMAIL, BY_VISIT, OUTBOUND, PROMISED, type FollowUpGroups } from "../index/follow-up-groups";

/** D's calendar: computed once, then every test per follow-up is a number comparison. */
export interface Calendar {
  readonly day: DaySerial;
  /** Follow-ups dated before this count (the end of D). */
  readonly end: number;
  readonly weekFrom: DaySerial;
  readonly weekTo: DaySerial;
  readonly monthFrom: DaySerial;
  readonly monthTo: DaySerial;
  readonly yearFrom: DaySerial;
  readonly yearTo: DaySerial;
  readonly year: number;
}

export function calendarOf(date: DaySerial): Calendar {
  const day = dayOf(date);
  const weekFrom = day - (isoWeekday(day) - 1);
  const month = monthRangeOf(day);
  const year = yearRangeOf(day);
  return { day, end: day + 1, weekFrom, weekTo: weekFrom + 6, monthFrom: month.from, monthTo: month.to, yearFrom: year.from, yearTo: year.to, year: ymdOf(day).year };
}

/** Everything the rules need from one customer's history. */
export interface History {
  /** Outbound contacts in D's ISO week, by their day (Monday..D). */
  readonly outInWeek: number;
  /** Outbound contacts from the week's Monday by their exact date-time (the pushy count). */
  readonly outSinceWeekStart: number;
  readonly outInMonth: number;
  /** Visits (either direction) in D's calendar year. */
  readonly visitsInYear: number;
  /** The day of the last follow-up in either direction; null = never contacted. */
  readonly lastContactDay: DaySerial | null;
  /** Inbound emails with no outbound contact on their day or later. */
  readonly unansweredEmails: number;
  readonly firstUnansweredDay: DaySerial | null;
  /**
   * The open promise (a NextDate, and no outbound contact dated after its
   * follow-up) whose NextDate has passed (≤ D) earliest; ties go to the
   * earlier follow-up. Null when none has.
   */
  readonly brokenPromise: FollowUp | null;
}

/** The history as of D of the customer numbered `customer` in the index (undefined: no table names them). */
export function historyOf(followUps: FollowUpGroups, customer: number | undefined, cal: Calendar): History {
  let outInWeek = 0;
  let outSinceWeekStart = 0;
  let outInMonth = 0;
  let visitsInYear = 0;
  let lastContactDay: DaySerial | null = null;
  let unansweredEmails = 0;
  let firstUnansweredDay: DaySerial | null = null;
  let lastOutDay: DaySerial | null = null;
  /** The last outbound contact's exact date-time: it keeps every promise made before it. */
  let lastOutDate: number | null = null;
  const lo = customer === undefined ? 0 : followUps.start[customer];
  const hi = customer === undefined ? 0 : followUps.start[customer + 1];
  const { date, kind } = followUps;
  /** Positions lo .. seen - 1 are dated up to D. */
  let seen = lo;
  for (; seen < hi; seen++) {
    const at = date[seen];
    if (at >= cal.end) break; // oldest first: the rest is after D
    const day = dayOf(at);
    const k = kind[seen];
    lastContactDay = day;
    if ((k & BY_VISIT) !== 0 && day >= cal.yearFrom) visitsInYear++;
    if ((k & OUTBOUND) !== 0) {
      if (day >= cal.weekFrom) outInWeek++;
      if (at >= cal.weekFrom) outSinceWeekStart++;
      if (day >= cal.monthFrom) outInMonth++;
      lastOutDay = day;
      // Every email so far is on or before this day: answered, on time or late.
      unansweredEmails = 0;
      firstUnansweredDay = null;
      lastOutDate = at;
    } else if ((k & BY_EMAIL) !== 0 && day !== lastOutDay) {
      unansweredEmails++;
      firstUnansweredDay ??= day;
    }
  }
  // The open promises are the follow-ups at or after the last outbound
  // contact (a same-time row is not "before" it): backwards from the last
  // one seen, so that `<=` gives ties to the earlier row.
  let brokenPromise: FollowUp | null = null;
  for (let p = seen - 1; p >= lo; p--) {
    if (lastOutDate !== null && date[p] < lastOutDate) break;
    if ((kind[p] & PROMISED) === 0) continue;
    const f = followUps.rows[followUps.at[p]];
    if (f.NextDate === null || dayOf(f.NextDate) > cal.day) continue;
    if (brokenPromise === null || f.NextDate <= (brokenPromise.NextDate ?? Infinity)) brokenPromise = f;
  }
  return { outInWeek, outSinceWeekStart, outInMonth, visitsInYear, lastContactDay, unansweredEmails, firstUnansweredDay, brokenPromise };
}
