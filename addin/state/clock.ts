/**
 * "Now" for the pane: the wall clock in the work time zone (contract: every
 * date in the workbook is work-time-zone wall clock). A ?now=YYYY-MM-DDTHH:MM
 * query pins it, so screenshots and end-to-end tests are repeatable.
 */
import { dayOf, parseISODateTime, serialAtInstant, toISODate, type DateTimeSerial, type DaySerial } from "../../core/contract/dates";

export interface Clock {
  readonly now: DateTimeSerial;
  readonly today: DaySerial;
}

export function clockAt(workTimeZone: string, pinned: string | null): Clock {
  const fixed = pinned ? parseISODateTime(pinned) : undefined;
  const now = fixed ?? serialAtInstant(new Date(), workTimeZone);
  return { now, today: dayOf(now) };
}

export function pinnedNowFromLocation(): string | null {
  if (typeof location === "undefined") return null;
  return new URLSearchParams(location.search).get("now");
}

/** "YYYY-MM-DDTHH:MM" for <input type=datetime-local>. */
export function toDateTimeLocal(serial: DateTimeSerial): string {
  const day = dayOf(serial);
  const minutes = Math.round((serial - day) * 1440);
  return `${toISODate(day)}T${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
