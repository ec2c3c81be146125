/**
 * Which period a report covers and the day it is computed as of
 * (contract.md, `review` and `weekly`): by default the review is of the last
 * completed quarter and the weekly report of the current ISO week. A quarter
 * still in progress is computed as of today in the work time zone, a
 * completed one as of its last day; a period that has not started yet has
 * nothing to report. The CLI and the pane's Reports tab both ask here, so
 * they default alike and never grade a customer on a day still to come.
 */
import {
  dayOf,
  isoWeekOf,
  isoWeekRange,
  previousQuarter,
  quarterOf,
  quarterRange,
  serialAtInstant,
  type DayRange,
  type DaySerial,
  type IsoWeek,
  type Quarter,
} from "../contract/dates";

/** Today's date on the wall clock of the work time zone (Settings WorkTimeZone). */
export function workToday(instant: Date, workTimeZone: string): DaySerial {
  return dayOf(serialAtInstant(instant, workTimeZone));
}

/**
 * A period as of a day: "in progress" from its first day to its last day
 * included (a quarter is not over until its last day is), "completed" after.
 */
export type Period<P> =
  | { readonly period: P; readonly range: DayRange; readonly state: "completed" | "in progress"; readonly asOf: DaySerial }
  | { readonly period: P; readonly range: DayRange; readonly state: "not started" };

function periodAt<P>(period: P, range: DayRange, today: DaySerial): Period<P> {
  if (today < range.from) return { period, range, state: "not started" };
  if (today <= range.to) return { period, range, state: "in progress", asOf: today };
  return { period, range, state: "completed", asOf: range.to };
}

/** The quarterly review of `asked` (default: the last completed quarter) as of `today`. */
export function reviewPeriod(today: DaySerial, asked?: Quarter): Period<Quarter> {
  const quarter = asked ?? previousQuarter(quarterOf(today));
  return periodAt(quarter, quarterRange(quarter), today);
}

/** The weekly report of `asked` (default: the current ISO week) as of `today`. */
export function weeklyPeriod(today: DaySerial, asked?: IsoWeek): Period<IsoWeek> {
  const week = asked ?? isoWeekOf(today);
  return periodAt(week, isoWeekRange(week), today);
}

/**
 * The quarters a user picks a review from, in the order offered: the last
 * completed quarter first (the default), then the quarter in progress, then
 * `earlier` completed quarters before the default, newest first.
 */
export function reviewChoices(today: DaySerial, earlier = 6): Period<Quarter>[] {
  const current = quarterOf(today);
  const choices = [reviewPeriod(today), reviewPeriod(today, current)];
  let q = previousQuarter(current);
  for (let i = 0; i < earlier; i++) {
    q = previousQuarter(q);
    choices.push(reviewPeriod(today, q));
  }
  return choices;
}
