/**
 * A customer's local time and the best call windows (rules.md §5).
 *
 * Everything in core is a wall-clock Excel serial in the work time zone
 * (Settings.WorkTimeZone). To compare our clock with a customer's we go
 * through real instants (UTC milliseconds), using the platform's IANA data
 * via Intl.DateTimeFormat — never a hand-made offset table, so daylight
 * saving time (New York, Berlin, Sydney…) and half-hour zones (Kolkata) are
 * right on every date the platform knows.
 *
 * Wall clock → instant is not a function around DST changes; we resolve it
 * deterministically (wallToUtcMs):
 *  - gap (the wall time never happens, e.g. 02:30 on the spring-forward
 *    night): shift forward by the gap's length (02:30 → 03:30), i.e. read
 *    the wall time with the offset in force before the change;
 *  - overlap (the wall time happens twice, on the fall-back night): the
 *    earlier instant.
 * This is what Temporal calls the "compatible" disambiguation.
 */
import { addDays, dayOf, isoWeekday, serialFromUTCDate, utcDateFromSerial, wallClockMs, type DateTimeSerial, type DaySerial } from "../contract/dates";
import type { Country, CountryCode, Customer } from "../contract/model";
import { isValidTimeZone, type Settings, type TimeSpan } from "../contract/settings";

export { isValidTimeZone };

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/**
 * The zone's offset from UTC at an instant, in minutes (east positive:
 * Asia/Shanghai +480, New York −300 or −240). Fractional only for historic
 * local mean time, which Intl reports to the second.
 */
export function zoneOffsetMinutes(tz: string, utcMs: number): number {
  const whole = Math.floor(utcMs / 1000) * 1000;
  return (wallClockMs(tz, whole) - whole) / MS_PER_MINUTE;
}

/**
 * The instant at which the zone's wall clock shows `serial`. Gaps shift
 * forward, overlaps take the earlier instant (see the file comment).
 */
export function wallToUtcMs(serial: DateTimeSerial, tz: string): number {
  const wall = utcDateFromSerial(serial).getTime();
  // Real zones change offset at most once in any two days, so the offsets a
  // day either side cover every candidate reading of this wall time.
  const before = zoneOffsetMinutes(tz, wall - MS_PER_DAY) * MS_PER_MINUTE;
  const after = zoneOffsetMinutes(tz, wall + MS_PER_DAY) * MS_PER_MINUTE;
  const candidates = [wall - before, wall - after].filter((c) => c + zoneOffsetMinutes(tz, c) * MS_PER_MINUTE === wall);
  if (candidates.length > 0) return Math.min(...candidates);
  // A gap: read the wall time with the offset in force before the change,
  // which lands after the gap by exactly the gap's length.
  return wall - before;
}

/** The zone's wall-clock serial at an instant. */
export function utcMsToWall(ms: number, tz: string): DateTimeSerial {
  return serialFromUTCDate(new Date(ms + zoneOffsetMinutes(tz, ms) * MS_PER_MINUTE));
}

/** The same instant on another zone's wall clock. */
export function convertWallClock(serial: DateTimeSerial, fromTz: string, toTz: string): DateTimeSerial {
  return utcMsToWall(wallToUtcMs(serial, fromTz), toTz);
}

/** The customer's local date-time when our (work time zone) clock shows `whenInWorkTz`. */
export function localTime(customerTz: string, whenInWorkTz: DateTimeSerial, workTz: string): DateTimeSerial {
  return convertWallClock(whenInWorkTz, workTz, customerTz);
}

/** A call window on our wall clock, [start, end). */
export interface CallWindow {
  readonly start: DateTimeSerial;
  readonly end: DateTimeSerial;
}

interface Interval {
  readonly from: number;
  readonly to: number;
}

/** Spans of a wall-clock day in a zone, as instants. */
function spansAsInstants(day: DaySerial, spans: readonly TimeSpan[], tz: string): Interval[] {
  return spans.map((s) => ({ from: wallToUtcMs(day + s.start / 1440, tz), to: wallToUtcMs(day + s.end / 1440, tz) }));
}

/**
 * The windows, on our working day `day`, when we are at work (WorkHours on
 * WorkDays in WorkTimeZone) and the customer is too (CustomerHours on
 * CustomerDays in their zone), on our wall clock, earliest first. A
 * customer's business day may straddle our midnight, so their previous,
 * same and next calendar days are all tried. Empty when we don't work that
 * day or the hours never meet.
 */
export function callWindows(customerTz: string, day: DaySerial, settings: Settings): CallWindow[] {
  const workTz = settings.WorkTimeZone;
  const d = dayOf(day);
  if (!settings.WorkDays.includes(isoWeekday(d))) return [];
  const ours = spansAsInstants(d, settings.WorkHours, workTz);
  if (ours.length === 0) return [];
  const dayStart = Math.min(...ours.map((o) => o.from));
  // The customer's calendar day at the start of our working day, ±1.
  const theirDay = dayOf(utcMsToWall(dayStart, customerTz));
  const theirs: Interval[] = [];
  for (const cd of [theirDay - 1, theirDay, theirDay + 1]) {
    if (settings.CustomerDays.includes(isoWeekday(cd))) theirs.push(...spansAsInstants(cd, settings.CustomerHours, customerTz));
  }
  const overlaps: Interval[] = [];
  for (const o of ours) {
    for (const t of theirs) {
      const from = Math.max(o.from, t.from);
      const to = Math.min(o.to, t.to);
      if (to > from) overlaps.push({ from, to });
    }
  }
  overlaps.sort((a, b) => a.from - b.from);
  // Touching pieces (e.g. customer hours that run to midnight and on) are one window.
  const merged: Interval[] = [];
  for (const w of overlaps) {
    const last = merged[merged.length - 1];
    if (last && w.from <= last.to) merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, w.to) };
    else merged.push(w);
  }
  return merged.map((w) => ({ start: utcMsToWall(w.from, workTz), end: utcMsToWall(w.to, workTz) }));
}

/**
 * The next call window at or after `from` (our wall clock): the one we are
 * in, whole, or the first to start later, searching `horizonDays` of our
 * days after from's day. Null when there is none (e.g. no overlap at all).
 */
export function nextCallWindow(customerTz: string, from: DateTimeSerial, settings: Settings, horizonDays = 14): CallWindow | null {
  const first = dayOf(from);
  for (let d = first; d <= addDays(first, horizonDays); d++) {
    for (const w of callWindows(customerTz, d, settings)) if (w.end > from) return w;
  }
  return null;
}

/**
 * The customer's IANA zone: its TimeZone column, else its country's default
 * (Countries.TimeZone), else null. A name the platform does not know counts
 * as blank (core/contract/validation.ts reports it), so a typo falls back to the country.
 */
export function customerTimeZone(customer: Pick<Customer, "TimeZone" | "Country">, countriesByCode: ReadonlyMap<CountryCode, Pick<Country, "TimeZone">>): string | null {
  const own = customer.TimeZone?.trim();
  if (own && isValidTimeZone(own)) return own;
  const byCountry = countriesByCode.get(customer.Country)?.TimeZone?.trim();
  if (byCountry && isValidTimeZone(byCountry)) return byCountry;
  return null;
}
