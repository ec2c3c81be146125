/**
 * The Today screen as data: the due list (core/rules/cadence.ts) split into
 * birthdays, unanswered inbound emails and the rest by severity, each with
 * the customer's local time and next call window (core/rules/windows.ts).
 */
import { dueList, type DueItem, type DueSeverity } from "../../core/rules/cadence";
import { dayOf, minutesOfDay, toISODate, type DateTimeSerial, type DaySerial } from "../../core/contract/dates";
import type { LocalizedText } from "../../core/contract/schema";
import type { SalespersonName } from "../../core/contract/model";
import { customerOf } from "../../core/index/indexes";
import { customerTimeZone, localTime, nextCallWindow } from "../../core/rules/windows";
import type { PaneData } from "./derived";

export interface CustomerClock {
  /** The customer's wall clock now, "HH:MM" (with the date when it is another day). */
  readonly localTime: string;
  readonly timeZone: string;
  /** The next call window on our clock, or null when their hours never meet ours soon. */
  readonly window: { readonly from: string; readonly to: string } | null;
}

export interface TodayEntry {
  readonly item: DueItem;
  readonly clock: CustomerClock | null;
}

export interface TodayView {
  readonly bySeverity: Readonly<Record<DueSeverity, readonly TodayEntry[]>>;
  readonly birthdays: readonly TodayEntry[];
  readonly unanswered: readonly TodayEntry[];
  readonly total: number;
}

export function hhmm(serial: DateTimeSerial): string {
  const m = minutesOfDay(serial);
  return `${String(Math.floor(m / 60) % 24).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** Time of day, prefixed with the date when it is not `today`. */
export function clockText(serial: DateTimeSerial, today: number): string {
  return dayOf(serial) === today ? hhmm(serial) : `${toISODate(serial).slice(5)} ${hhmm(serial)}`;
}

export function customerClock(data: PaneData, customerId: string, clocks?: Map<string, CustomerClock>): CustomerClock | null {
  const c = customerOf(data.index, customerId as DueItem["customerId"]);
  if (!c) return null;
  const tz = customerTimeZone(c, data.index.countriesByCode);
  if (!tz) return null;
  // Customers in one time zone share their clock: the Today list asks for up to 250, in a few dozen zones.
  const known = clocks?.get(tz);
  if (known) return known;
  const clock = zoneClock(data, tz);
  clocks?.set(tz, clock);
  return clock;
}

function zoneClock(data: PaneData, tz: string): CustomerClock {
  const { now, today } = data.clock;
  const settings = data.ws.settings;
  const local = localTime(tz, now, settings.WorkTimeZone);
  const w = nextCallWindow(tz, now, settings);
  return {
    localTime: clockText(local, today),
    timeZone: tz,
    window: w ? { from: clockText(w.start, today), to: clockText(w.end, today) } : null,
  };
}

/** Whole days past the item's deadline; 0 when it is not overdue. */
export function daysOverdue(item: DueItem, today: DaySerial): number {
  return Math.max(0, today - item.deadline);
}

/**
 * The item's progress line, unless it only repeats its detail: a promised
 * contact's detail already names the promised date, and how late it is is
 * said once, by daysOverdue.
 */
export function progressLine(item: DueItem): LocalizedText | null {
  return item.rule === "promisedNextContact" ? null : item.progress.text;
}

export function todayView(data: PaneData, me: SalespersonName | null, limitPerGroup = 50): TodayView {
  const items = dueList(data.index, data.clock.today, data.ws.settings, data.grades, me ? { salesperson: me } : undefined);
  const bySeverity: Record<DueSeverity, TodayEntry[]> = { overdue: [], today: [], soon: [] };
  const birthdays: TodayEntry[] = [];
  const unanswered: TodayEntry[] = [];
  // Clocks are computed only for what is shown: a long list stays cheap.
  const clocks = new Map<string, CustomerClock>();
  const entry = (item: DueItem): TodayEntry => ({ item, clock: customerClock(data, item.customerId, clocks) });
  for (const item of items) {
    const list = item.rule === "birthday" ? birthdays : item.rule === "sameDayReply" ? unanswered : bySeverity[item.severity];
    if (list.length < limitPerGroup) list.push(entry(item));
  }
  return { bySeverity, birthdays, unanswered, total: items.length };
}
