import { describe, expect, it } from "vitest";
import { parseISODate, parseISODateTime, toISODateTime, type DateTimeSerial } from "../../../core/contract/dates";
import type { Country, CountryCode, Customer } from "../../../core/contract/model";
import { DEFAULT_SETTINGS, parseSpans, type Settings } from "../../../core/contract/settings";
import {
  callWindows,
  convertWallClock,
  customerTimeZone,
  localTime,
  nextCallWindow,
  utcMsToWall,
  wallToUtcMs,
  zoneOffsetMinutes,
  type CallWindow,
} from "../../../core/rules/windows";

const day = (iso: string): number => {
  const d = parseISODate(iso);
  if (d === undefined) throw new Error(iso);
  return d;
};
const at = (iso: string): DateTimeSerial => {
  const d = parseISODateTime(iso);
  if (d === undefined) throw new Error(iso);
  return d;
};
/** Windows as "HH:MM-HH:MM" on our clock, with the date when it is not `date`. */
const show = (ws: readonly CallWindow[]): string[] => ws.map((w) => `${toISODateTime(w.start).slice(11)}-${toISODateTime(w.end).slice(11)}`);

/** Our default hours plus an early and a late shift, so that American hours meet ours. */
const withShifts: Settings = { ...DEFAULT_SETTINGS, WorkHours: parseSpans("06:00-08:00,09:00-11:30,13:30-17:00,18:00-20:00,21:00-23:30") ?? [] };

describe("zone offsets come from the platform's IANA data", () => {
  it.each([
    ["Asia/Shanghai", "2026-07-01T00:00:00Z", 480],
    ["Asia/Kolkata", "2026-07-01T00:00:00Z", 330],
    ["America/New_York", "2026-01-15T12:00:00Z", -300],
    ["America/New_York", "2026-07-15T12:00:00Z", -240],
    ["Europe/Berlin", "2026-01-15T12:00:00Z", 60],
    ["Europe/Berlin", "2026-07-15T12:00:00Z", 120],
    ["Australia/Sydney", "2026-01-15T12:00:00Z", 660],
    ["Australia/Sydney", "2026-07-15T12:00:00Z", 600],
    ["Asia/Kathmandu", "2026-07-01T00:00:00Z", 345],
  ])("%s at %s is UTC%+d min", (tz, iso, minutes) => {
    expect(zoneOffsetMinutes(tz, Date.parse(iso))).toBe(minutes);
  });
});

describe("wall clock ↔ instant, with DST gaps and overlaps resolved", () => {
  it.each([
    ["plain winter time", "2026-01-15 09:00", "America/New_York", "2026-01-15T14:00:00.000Z"],
    ["plain summer time", "2026-07-15 09:00", "America/New_York", "2026-07-15T13:00:00.000Z"],
    ["gap 02:30 on 2026-03-08 shifts forward to 03:30 EDT", "2026-03-08 02:30", "America/New_York", "2026-03-08T07:30:00.000Z"],
    ["overlap 01:30 on 2026-11-01 takes the earlier (EDT) instant", "2026-11-01 01:30", "America/New_York", "2026-11-01T05:30:00.000Z"],
    ["Berlin gap 02:15 on 2026-03-29 → 03:15 CEST", "2026-03-29 02:15", "Europe/Berlin", "2026-03-29T01:15:00.000Z"],
    ["Berlin overlap 02:15 on 2026-10-25 → CEST", "2026-10-25 02:15", "Europe/Berlin", "2026-10-25T00:15:00.000Z"],
    ["Sydney gap 02:30 on 2026-10-04 → 03:30 AEDT", "2026-10-04 02:30", "Australia/Sydney", "2026-10-03T16:30:00.000Z"],
    ["Sydney overlap 02:30 on 2026-04-05 → AEDT", "2026-04-05 02:30", "Australia/Sydney", "2026-04-04T15:30:00.000Z"],
  ])("%s", (_name, wall, tz, instant) => {
    expect(new Date(wallToUtcMs(at(wall), tz)).toISOString()).toBe(instant);
  });

  it.each([
    ["2026-03-08T07:30:00Z", "America/New_York", "2026-03-08 03:30"],
    ["2026-11-01T05:30:00Z", "America/New_York", "2026-11-01 01:30"],
    ["2026-11-01T06:30:00Z", "America/New_York", "2026-11-01 01:30"],
    ["2026-06-30T18:30:00Z", "Asia/Kolkata", "2026-07-01 00:00"],
  ])("the instant %s in %s reads %s", (iso, tz, wall) => {
    expect(toISODateTime(utcMsToWall(Date.parse(iso), tz))).toBe(wall);
  });

  it.each([
    ["2026-03-06 22:00", "America/New_York", "2026-03-06 09:00"],
    ["2026-03-10 21:00", "America/New_York", "2026-03-10 09:00"],
    ["2026-07-01 15:00", "Asia/Kolkata", "2026-07-01 12:30"],
    ["2026-01-05 09:00", "Australia/Sydney", "2026-01-05 12:00"],
    ["2026-07-06 09:00", "Australia/Sydney", "2026-07-06 11:00"],
    ["2026-01-01 07:00", "America/Los_Angeles", "2025-12-31 15:00"],
  ])("our %s is %s's %s (localTime)", (ours, tz, theirs) => {
    expect(toISODateTime(localTime(tz, at(ours), "Asia/Shanghai"))).toBe(theirs);
    expect(toISODateTime(convertWallClock(at(theirs), tz, "Asia/Shanghai"))).toBe(ours);
  });
});

describe("callWindows: our hours ∩ the customer's, on our clock", () => {
  it.each([
    // New York, with an early and a late shift: the overlap moves an hour at each DST change.
    ["New York, Fri before spring DST (EST)", "America/New_York", "2026-03-06", withShifts, ["06:00-07:00", "22:00-23:30"]],
    ["New York, Tue after spring DST (EDT)", "America/New_York", "2026-03-10", withShifts, ["21:00-23:30"]],
    ["New York, Fri before autumn change (EDT)", "America/New_York", "2026-10-30", withShifts, ["21:00-23:30"]],
    ["New York, Tue after autumn change (EST)", "America/New_York", "2026-11-03", withShifts, ["06:00-07:00", "22:00-23:30"]],
    ["New York, our Monday morning is their Sunday evening", "America/New_York", "2026-03-09", withShifts, ["21:00-23:30"]],
    ["New York, default hours never meet", "America/New_York", "2026-03-10", DEFAULT_SETTINGS, []],
    // Berlin: CET → CEST on 2026-03-29, back on 2026-10-25.
    ["Berlin, Fri before spring DST (CET)", "Europe/Berlin", "2026-03-27", DEFAULT_SETTINGS, ["16:00-17:00", "18:00-20:00"]],
    ["Berlin, Mon after spring DST (CEST)", "Europe/Berlin", "2026-03-30", DEFAULT_SETTINGS, ["15:00-17:00", "18:00-20:00"]],
    ["Berlin, Fri before autumn change (CEST)", "Europe/Berlin", "2026-10-23", DEFAULT_SETTINGS, ["15:00-17:00", "18:00-20:00"]],
    ["Berlin, Mon after autumn change (CET)", "Europe/Berlin", "2026-10-26", DEFAULT_SETTINGS, ["16:00-17:00", "18:00-20:00"]],
    // Sydney: southern summer time (AEDT) until 2026-04-05, again from 2026-10-04.
    ["Sydney, Thu in AEDT", "Australia/Sydney", "2026-04-02", DEFAULT_SETTINGS, ["09:00-11:30", "13:30-15:00"]],
    ["Sydney, Thu in AEST", "Australia/Sydney", "2026-04-09", DEFAULT_SETTINGS, ["09:00-11:30", "13:30-16:00"]],
    ["Sydney, Fri in AEST", "Australia/Sydney", "2026-10-02", DEFAULT_SETTINGS, ["09:00-11:30", "13:30-16:00"]],
    ["Sydney, Tue in AEDT", "Australia/Sydney", "2026-10-06", DEFAULT_SETTINGS, ["09:00-11:30", "13:30-15:00"]],
    // Kolkata, half an hour: their 09:00 is our 11:30, the end of our morning.
    ["Kolkata, a Wednesday", "Asia/Kolkata", "2026-07-01", DEFAULT_SETTINGS, ["13:30-17:00", "18:00-20:00"]],
    // Los Angeles: their 09:00-18:00 is our 01:00-10:00 (PST) or 00:00-09:00 (PDT) the next day.
    ["Los Angeles, winter Tue: their Monday's last hour", "America/Los_Angeles", "2026-01-06", DEFAULT_SETTINGS, ["09:00-10:00"]],
    ["Los Angeles, winter Sat: their Friday's last hour", "America/Los_Angeles", "2026-01-10", DEFAULT_SETTINGS, ["09:00-10:00"]],
    ["Los Angeles, winter Mon: their Sunday", "America/Los_Angeles", "2026-01-05", DEFAULT_SETTINGS, []],
    ["Los Angeles, summer: their day ends as ours starts", "America/Los_Angeles", "2026-07-07", DEFAULT_SETTINGS, []],
    // Saturday we work and they don't; Sunday nobody works.
    ["Berlin on our Saturday", "Europe/Berlin", "2026-03-28", DEFAULT_SETTINGS, []],
    ["Kolkata on our Saturday", "Asia/Kolkata", "2026-07-04", DEFAULT_SETTINGS, []],
    ["Kolkata on our Sunday", "Asia/Kolkata", "2026-07-05", DEFAULT_SETTINGS, []],
    ["Shanghai customer on a weekday: our hours within theirs", "Asia/Shanghai", "2026-07-01", DEFAULT_SETTINGS, ["09:00-11:30", "13:30-17:00"]],
  ])("%s", (_name, tz, date, settings, expected) => {
    const ws = callWindows(tz, day(date), settings);
    expect(show(ws)).toEqual(expected);
    for (const w of ws) expect(toISODateTime(w.start).slice(0, 10)).toBe(date);
  });

  it("follows a work time zone with DST of its own (Berlin office, New York customer)", () => {
    const berlinOffice: Settings = { ...DEFAULT_SETTINGS, WorkTimeZone: "Europe/Berlin", WorkHours: parseSpans("09:00-18:00") ?? [], WorkDays: [1, 2, 3, 4, 5] };
    // 2026-03-09 to 03-27 New York is already on summer time and Berlin is not: a 5-hour gap, not 6.
    expect(show(callWindows("America/New_York", day("2026-03-16"), berlinOffice))).toEqual(["14:00-18:00"]);
    expect(show(callWindows("America/New_York", day("2026-04-06"), berlinOffice))).toEqual(["15:00-18:00"]);
  });
});

describe("nextCallWindow: the window we are in, or the next one", () => {
  it.each([
    ["inside a window returns it whole", "Europe/Berlin", "2026-03-27 16:30", "2026-03-27 16:00", "2026-03-27 17:00"],
    ["at a window's start", "Europe/Berlin", "2026-03-27 18:00", "2026-03-27 18:00", "2026-03-27 20:00"],
    ["between windows", "Europe/Berlin", "2026-03-27 17:30", "2026-03-27 18:00", "2026-03-27 20:00"],
    ["at a window's end: the next one", "Europe/Berlin", "2026-03-27 20:00", "2026-03-30 15:00", "2026-03-30 17:00"],
    ["over the weekend and the DST change", "Europe/Berlin", "2026-03-27 21:00", "2026-03-30 15:00", "2026-03-30 17:00"],
    ["Los Angeles in summer: none until winter time", "America/Los_Angeles", "2026-10-28 12:00", "2026-11-03 09:00", "2026-11-03 10:00"],
  ])("%s", (_name, tz, from, start, end) => {
    const w = nextCallWindow(tz, at(from), DEFAULT_SETTINGS);
    expect(w && [toISODateTime(w.start), toISODateTime(w.end)]).toEqual([start, end]);
  });

  it.each([
    ["New York with our default hours", "America/New_York", "2026-03-06 09:00", 14],
    ["Los Angeles in summer within a short horizon", "America/Los_Angeles", "2026-07-01 09:00", 14],
  ])("%s: none", (_name, tz, from, horizon) => {
    expect(nextCallWindow(tz, at(from), DEFAULT_SETTINGS, horizon)).toBeNull();
  });
});

describe("customerTimeZone: own zone, else the country's, else none", () => {
  const countries = new Map<CountryCode, Country>([
    ["US" as CountryCode, { Code: "US" as CountryCode, NameEn: "United States", NameZh: "美国", Region: "North America", TimeZone: "America/New_York" }],
    ["XX" as CountryCode, { Code: "XX" as CountryCode, NameEn: "Nowhere", NameZh: null, Region: null, TimeZone: null }],
  ]);
  it.each([
    ["its own zone wins", "America/Los_Angeles", "US", "America/Los_Angeles"],
    ["blank takes the country's", null, "US", "America/New_York"],
    ["an unknown name takes the country's", "Mars/Olympus", "US", "America/New_York"],
    ["no zone anywhere", null, "XX", null],
    ["country not in the table", null, "ZZ", null],
  ])("%s", (_name, tz, country, expected) => {
    const customer: Pick<Customer, "TimeZone" | "Country"> = { TimeZone: tz, Country: country as CountryCode };
    expect(customerTimeZone(customer, countries)).toBe(expected);
  });
});
