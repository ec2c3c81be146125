/**
 * What the cadence rules (core/rules/cadence.ts) need from one customer's
 * follow-ups as of D, read in one pass from the index's flat columns
 * (core/index/indexes.ts, core/index/follow-up-groups.ts): dates and kinds only, so
 * 500,000 follow-ups are read as typed arrays; a row is touched only for
 * an open promise.
 */
import * as dates from "../contract/dates";
import { isoWeekday, monthRangeOf, yearRangeOf, ymdOf, type DaySerial } from "../contract/dates";
import * as followUpKinds from "../index/follow-up-groups";
import type { FollowUpGroups } from "../index/follow-up-groups";
import type { FollowUp } from "../contract/model";

// Bound once: bundlers and test runners reach imported bindings through
// getters, which in a 500,000-row loop costs more than the calls themselves.
const { dayOf } = dates;
const { OUTBOUND, BY_EMAIL, BY_VISIT, PROMISED } = followUpKinds;

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

/** Everything the rules need from one customer's history, in one pass. */
export interface History {
  outInWeek: number;
  outInMonth: number;
  visitsInYear: number;
  lastContactDay: DaySerial | null;
  unansweredEmails: number;
  firstUnansweredDay: DaySerial | null;
  /**
   * Follow-ups [0, seen) are dated up to D; the open promises (a NextDate and
   * no outbound contact dated after them) are those among them dated at or
   * after lastOutDate (all when null). Our contact keeps every promise made
   * before it, and the list is sorted by Date, so the last outbound contact
   * alone decides — no list of promises is built per customer.
   */
  seen: number;
  lastOutDate: number | null;
  /** Outbound contacts from the week's Monday by their exact date-time (the pushy count). */
  outSinceWeekStart: number;
}

/** One customer's history at a time: filled in place, read before the next customer's. */
export function emptyHistory(): History {
  return { outInWeek: 0, outInMonth: 0, visitsInYear: 0, lastContactDay: null, unansweredEmails: 0, firstUnansweredDay: null, seen: 0, lastOutDate: null, outSinceWeekStart: 0 };
}

/**
 * One customer's history from the index's flat follow-up columns (group
 * positions lo..hi, oldest first): dates and kinds only, no row is touched.
 */
export function historyOf(fu: FollowUpGroups, lo: number, hi: number, cal: Calendar, h: History): History {
  h.outInWeek = 0;
  h.outInMonth = 0;
  h.visitsInYear = 0;
  h.lastContactDay = null;
  h.unansweredEmails = 0;
  h.firstUnansweredDay = null;
  h.seen = 0;
  h.lastOutDate = null;
  h.outSinceWeekStart = 0;
  const { date: dates, kind: kinds } = fu;
  let lastOutDay: DaySerial | null = null;
  for (let p = lo; p < hi; p++) {
    const date = dates[p];
    if (date >= cal.end) break; // sorted by Date: the rest is after D
    h.seen = p - lo + 1;
    const kind = kinds[p];
    const fDay = dayOf(date);
    h.lastContactDay = fDay;
    if ((kind & BY_VISIT) !== 0 && fDay >= cal.yearFrom) h.visitsInYear++;
    if ((kind & OUTBOUND) !== 0) {
      if (fDay >= cal.weekFrom) h.outInWeek++;
      if (date >= cal.weekFrom) h.outSinceWeekStart++;
      if (fDay >= cal.monthFrom) h.outInMonth++;
      lastOutDay = fDay;
      // Every email so far is on or before this day: answered, on time or late.
      h.unansweredEmails = 0;
      h.firstUnansweredDay = null;
      // Our contact keeps every promise made before it (a same-time row is not "later").
      h.lastOutDate = date;
    } else if ((kind & BY_EMAIL) !== 0 && fDay !== lastOutDay) {
      h.unansweredEmails++;
      h.firstUnansweredDay ??= fDay;
    }
  }
  return h;
}

/**
 * The open promise whose NextDate has passed (≤ D) earliest; null when none
 * has. Ties go to the earlier row: the scan runs backwards, so `<=`.
 */
export function oldestBrokenPromise(fu: FollowUpGroups, lo: number, h: History, day: DaySerial): FollowUp | null {
  const { at, date: dates, kind: kinds, rows } = fu;
  let oldest: FollowUp | null = null;
  // Only the rows after our last contact are scanned (usually a few recent
  // ones), and only those with a NextDate are read: each read is a cache
  // miss in a large workbook, 77,000 of them at 50,000 customers without
  // the PROMISED bit, 15,000 with it.
  for (let p = lo + h.seen - 1; p >= lo; p--) {
    if (h.lastOutDate !== null && dates[p] < h.lastOutDate) break;
    if ((kinds[p] & PROMISED) === 0) continue;
    const f = rows[at[p]];
    if (f.NextDate === null || dayOf(f.NextDate) > day) continue;
    if (oldest === null || f.NextDate <= (oldest.NextDate ?? Infinity)) oldest = f;
  }
  return oldest;
}

