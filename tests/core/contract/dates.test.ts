import { describe, expect, it } from "vitest";
import {
  DAYS_1904_OFFSET,
  addMonths,
  dayOf,
  daysInMonth,
  from1904,
  inRange,
  isoWeekKey,
  isoWeekOf,
  isoWeekRange,
  isoWeekday,
  minutesOfDay,
  monthKey,
  monthRange,
  parseISODate,
  parseISODateTime,
  parseIsoWeek,
  parseMonth,
  parseQuarter,
  previousQuarter,
  quarterKey,
  quarterMonths,
  quarterOf,
  quarterRange,
  serialAtInstant,
  serialFromDateTime,
  serialFromUTCDate,
  serialFromYMD,
  to1904,
  toISODate,
  toISODateTime,
  utcDateFromSerial,
  weekRangeOf,
  weeksInIsoYear,
  yearRangeOf,
  ymdOf,
  type Quarter,
} from "../../../core/contract/dates";

const ymd = serialFromYMD;

describe("serial ↔ date in Excel's 1900 system, phantom 1900-02-29 included", () => {
  it.each<[number, string]>([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [60, "1900-02-29"], // Lotus's phantom leap day, kept by Excel
    [61, "1900-03-01"],
    [1462, "1904-01-01"],
    [36526, "2000-01-01"],
    [43831, "2020-01-01"],
    [45658, "2025-01-01"],
    [46023, "2026-01-01"],
    [46353, "2026-11-27"],
    [2958465, "9999-12-31"],
  ])("serial %d is %s", (serial, iso) => {
    expect(toISODate(serial)).toBe(iso);
    if (serial !== 60) expect(parseISODate(iso)).toBe(serial);
  });

  it.each<[number, number, number, number]>([
    [1900, 1, 1, 1],
    [1900, 2, 28, 59],
    [1900, 3, 1, 61],
    [2024, 2, 29, 45351],
  ])("serialFromYMD(%d, %d, %d) = %d", (y, m, d, serial) => {
    expect(ymd(y, m, d)).toBe(serial);
    expect(ymdOf(serial)).toEqual({ year: y, month: m, day: d });
  });

  it("every day from 0001 to 9999, and a time of day, reads as a UTC Date reads it", () => {
    // ymdOf counts days itself (no Date per call); the clock is the reference.
    const EPOCH_MS = Date.UTC(1899, 11, 30);
    const viaDate = (serial: number) => {
      const s = serial < 60 ? serial + 1 : serial;
      const d = new Date(EPOCH_MS + Math.floor(s) * 86_400_000);
      return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    };
    const mismatches: number[] = [];
    for (let serial = -693_594; serial <= 2_958_465; serial++) {
      if (serial === 60) continue; // the phantom day, above
      const a = ymdOf(serial);
      const b = viaDate(serial);
      if (a.year !== b.year || a.month !== b.month || a.day !== b.day) mismatches.push(serial);
    }
    expect(mismatches).toEqual([]);
    expect(ymdOf(46353.99999)).toEqual({ year: 2026, month: 11, day: 27 });
    expect(ymdOf(-693_594)).toEqual({ year: 1, month: 1, day: 1 });
  });

  it.each<[number, number, number]>([
    [2023, 2, 28],
    [2024, 2, 29],
    [1900, 2, 28],
    [2000, 2, 29],
    [2026, 1, 31],
    [2026, 4, 30],
    [2026, 12, 31],
  ])("%d-%d has %d days", (y, m, days) => {
    expect(daysInMonth(y, m)).toBe(days);
  });

  it("the phantom day cannot be typed: 1900 is not a leap year for parsing", () => {
    expect(parseISODate("1900-02-29")).toBeUndefined();
    expect(ymdOf(60)).toEqual({ year: 1900, month: 2, day: 29 });
  });
});

describe("1904 date system converts at the edge by 1,462 days", () => {
  it.each<[number, number, string]>([
    [0, 1462, "1904-01-01"],
    [1, 1463, "1904-01-02"],
    [44561, 46023, "2026-01-01"],
    [44561.75, 46023.75, "2026-01-01"],
  ])("1904 serial %d = 1900 serial %d (%s)", (s1904, s1900, iso) => {
    expect(DAYS_1904_OFFSET).toBe(1462);
    expect(from1904(s1904)).toBe(s1900);
    expect(to1904(s1900)).toBe(s1904);
    expect(toISODate(from1904(s1904))).toBe(iso);
  });
});

describe("date-times: day, minutes, parse and format", () => {
  it.each<[string, number | undefined, string | undefined]>([
    ["2026-03-05 14:30", serialFromDateTime(2026, 3, 5, 14, 30), "2026-03-05 14:30"],
    ["2026-03-05T08:05:09", serialFromDateTime(2026, 3, 5, 8, 5, 9), "2026-03-05 08:05"],
    ["2026-03-05", ymd(2026, 3, 5), "2026-03-05 00:00"],
    ["2026/3/5 9:00", serialFromDateTime(2026, 3, 5, 9), "2026-03-05 09:00"],
    ["2026-03-05 24:00", undefined, undefined],
    ["2026-03-05 12:60", undefined, undefined],
    ["2026-02-30 10:00", undefined, undefined],
    ["05/03/2026 10:00", undefined, undefined],
  ])("parseISODateTime(%s)", (text, serial, formatted) => {
    const parsed = parseISODateTime(text);
    if (serial === undefined) expect(parsed).toBeUndefined();
    else {
      expect(parsed).toBeCloseTo(serial, 9);
      expect(toISODateTime(parsed as number)).toBe(formatted);
    }
  });

  it.each<[string, number | undefined]>([
    ["2026-03-05", ymd(2026, 3, 5)],
    [" 2026/3/5 ", ymd(2026, 3, 5)],
    ["2026.12.31", ymd(2026, 12, 31)],
    ["2024-02-29", ymd(2024, 2, 29)],
    ["2026-02-29", undefined],
    ["2026-13-01", undefined],
    ["2026-00-10", undefined],
    ["26-03-05", undefined],
    ["", undefined],
    ["next Tuesday", undefined],
  ])("parseISODate(%s)", (text, serial) => {
    expect(parseISODate(text)).toBe(serial);
  });

  it.each<[number, number, number]>([
    [ymd(2026, 3, 5) + 0.5, ymd(2026, 3, 5), 720],
    [ymd(2026, 3, 5) + 0.999, ymd(2026, 3, 5), 1438], // 0.999 day = 23:58:33.6: the minute is 23:58,
    [ymd(2026, 3, 6) - 1e-10, ymd(2026, 3, 6), 0], // float noise below midnight is the next day
    [serialFromDateTime(2026, 3, 5, 17, 45), ymd(2026, 3, 5), 17 * 60 + 45],
  ])("dayOf / minutesOfDay of %d", (serial, day, minutes) => {
    expect(dayOf(serial)).toBe(day);
    expect(minutesOfDay(serial)).toBeCloseTo(minutes, 9); // -0 just below midnight is 0 minutes
  });
});

describe("ISO weeks: Monday to Sunday, week 1 holds the year's first Thursday", () => {
  it.each<[string, string, number]>([
    // date, ISO week, ISO weekday
    ["2020-12-31", "2020-W53", 4],
    ["2021-01-01", "2020-W53", 5],
    ["2021-01-03", "2020-W53", 7],
    ["2021-01-04", "2021-W01", 1],
    ["2019-12-30", "2020-W01", 1],
    ["2024-12-30", "2025-W01", 1],
    ["2025-12-28", "2025-W52", 7],
    ["2025-12-29", "2026-W01", 1],
    ["2026-01-01", "2026-W01", 4],
    ["2026-11-27", "2026-W48", 5],
    ["2026-12-28", "2026-W53", 1],
    ["2027-01-03", "2026-W53", 7],
    ["2027-01-04", "2027-W01", 1],
    ["2008-12-29", "2009-W01", 1],
  ])("%s is in %s, weekday %d", (iso, week, weekday) => {
    const s = parseISODate(iso) as number;
    expect(isoWeekKey(s)).toBe(week);
    expect(isoWeekday(s)).toBe(weekday);
  });

  it.each<[number, number]>([
    [2015, 53],
    [2020, 53],
    [2021, 52],
    [2025, 52],
    [2026, 53],
    [2027, 52],
  ])("ISO year %d has %d weeks", (year, weeks) => {
    expect(weeksInIsoYear(year)).toBe(weeks);
  });

  it.each<[string, string, string]>([
    ["2020-W53", "2020-12-28", "2021-01-03"],
    ["2021-W01", "2021-01-04", "2021-01-10"],
    ["2026-W01", "2025-12-29", "2026-01-04"],
    ["2026-W48", "2026-11-23", "2026-11-29"],
    ["2026-W53", "2026-12-28", "2027-01-03"],
  ])("isoWeekRange(%s) = %s … %s", (key, from, to) => {
    const w = parseIsoWeek(key);
    expect(w).toBeDefined();
    const r = isoWeekRange(w as NonNullable<typeof w>);
    expect([toISODate(r.from), toISODate(r.to)]).toEqual([from, to]);
  });

  it.each<[string, string, string]>([
    // a customer created late on the Sunday that ends a week belongs to that week
    ["Sunday evening", "2026-11-29 23:30", "2026-11-23"],
    ["Monday just after midnight", "2026-11-30 00:05", "2026-11-30"],
    ["Sunday ending 2020-W53", "2021-01-03 22:00", "2020-12-28"],
  ])("created %s (%s): its week starts %s", (_name, when, monday) => {
    const s = parseISODateTime(when) as number;
    const r = weekRangeOf(s);
    expect(toISODate(r.from)).toBe(monday);
    expect(r.to - r.from).toBe(6);
    expect(inRange(s, r)).toBe(true);
    expect(isoWeekRange(isoWeekOf(s))).toEqual(r);
  });

  it.each<[string, boolean]>([
    ["2026-W53", true],
    ["2026W05", true],
    ["2025-W53", false], // 2025 has 52 weeks
    ["2026-W00", false],
    ["2026-5", false],
  ])("parseIsoWeek(%s) valid: %s", (text, valid) => {
    expect(parseIsoWeek(text) !== undefined).toBe(valid);
  });
});

describe("months and quarters", () => {
  it.each<[string, string, number, string, string]>([
    // date, quarter key, quarter, quarter from, quarter to
    ["2026-01-01", "2026-Q1", 1, "2026-01-01", "2026-03-31"],
    ["2026-03-31", "2026-Q1", 1, "2026-01-01", "2026-03-31"],
    ["2026-04-01", "2026-Q2", 2, "2026-04-01", "2026-06-30"],
    ["2026-09-30", "2026-Q3", 3, "2026-07-01", "2026-09-30"],
    ["2026-12-31", "2026-Q4", 4, "2026-10-01", "2026-12-31"],
  ])("%s is in %s", (iso, key, quarter, from, to) => {
    const q = quarterOf(parseISODate(iso) as number);
    expect(q.quarter).toBe(quarter);
    expect(quarterKey(q)).toBe(key);
    const r = quarterRange(q);
    expect([toISODate(r.from), toISODate(r.to)]).toEqual([from, to]);
    expect(parseQuarter(key)).toEqual(q);
  });

  it.each<[Quarter, Quarter]>([
    [{ year: 2026, quarter: 1 }, { year: 2025, quarter: 4 }],
    [{ year: 2026, quarter: 3 }, { year: 2026, quarter: 2 }],
  ])("previousQuarter(%o) = %o", (q, prev) => {
    expect(previousQuarter(q)).toEqual(prev);
  });

  it.each<[string, boolean]>([
    ["2026-Q4", true],
    ["2026q2", true],
    ["2026-Q5", false],
    ["Q1-2026", false],
  ])("parseQuarter(%s) valid: %s", (text, valid) => {
    expect(parseQuarter(text) !== undefined).toBe(valid);
  });

  it("quarterMonths lists the three months in order", () => {
    expect(quarterMonths({ year: 2026, quarter: 4 })).toEqual([
      { year: 2026, month: 10 },
      { year: 2026, month: 11 },
      { year: 2026, month: 12 },
    ]);
  });

  it.each<[string, string, string, string, number]>([
    ["2024-02", "2024-02", "2024-02-01", "2024-02-29", 29],
    ["2026-02", "2026-02", "2026-02-01", "2026-02-28", 28],
    ["2026-12", "2026-12", "2026-12-01", "2026-12-31", 31],
    ["2026-4", "2026-04", "2026-04-01", "2026-04-30", 30],
  ])("month %s: key %s, %s … %s (%d days)", (text, key, from, to, days) => {
    const ym = parseMonth(text);
    expect(ym).toBeDefined();
    const r = monthRange(ym as NonNullable<typeof ym>);
    expect([toISODate(r.from), toISODate(r.to)]).toEqual([from, to]);
    expect(monthKey(r.to)).toBe(key);
    expect(daysInMonth(ym?.year as number, ym?.month as number)).toBe(days);
  });

  it.each<[string]>([["2026-13"], ["2026-0"], ["202612"]])("parseMonth(%s) is invalid", (text) => {
    expect(parseMonth(text)).toBeUndefined();
  });

  it("yearRangeOf spans 1 January to 31 December", () => {
    const r = yearRangeOf(ymd(2026, 6, 15));
    expect([toISODate(r.from), toISODate(r.to)]).toEqual(["2026-01-01", "2026-12-31"]);
  });
});

describe("addMonths clamps to the month's last day, as EDATE does", () => {
  it.each<[string, number, string]>([
    ["2026-01-31", 1, "2026-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2026-03-31", -1, "2026-02-28"],
    ["2026-08-31", 1, "2026-09-30"],
    ["2026-12-15", 1, "2027-01-15"],
    ["2026-01-15", -1, "2025-12-15"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2026-06-30", -12, "2025-06-30"],
    ["2026-05-31", 3, "2026-08-31"],
    ["2026-11-30", 0, "2026-11-30"],
  ])("%s + %d months = %s", (iso, months, expected) => {
    expect(toISODate(addMonths(parseISODate(iso) as number, months))).toBe(expected);
  });
});

describe("bridges to the JavaScript clock", () => {
  it.each<[string, string, string]>([
    ["2026-11-27T00:30:00Z", "Asia/Shanghai", "2026-11-27 08:30"],
    ["2026-11-27T17:00:00Z", "Asia/Shanghai", "2026-11-28 01:00"],
    ["2026-07-01T12:00:00Z", "America/New_York", "2026-07-01 08:00"],
    ["2026-01-01T12:00:00Z", "America/New_York", "2026-01-01 07:00"],
  ])("%s in %s is %s", (instant, tz, wall) => {
    expect(toISODateTime(serialAtInstant(new Date(instant), tz))).toBe(wall);
  });

  it.each<[number]>([[1], [59], [61], [46353], [46353.5]])("serial %d survives a round trip through exceljs-style UTC dates", (serial) => {
    expect(serialFromUTCDate(utcDateFromSerial(serial))).toBeCloseTo(serial, 9);
  });
});

describe("a date-time prints its minute, never 24:00", () => {
  it.each([
    [serialFromDateTime(2026, 3, 5, 23, 59, 59), "2026-03-05 23:59"],
    [serialFromDateTime(2026, 3, 5, 14, 30), "2026-03-05 14:30"],
    [serialFromDateTime(2026, 3, 6) - 1e-12, "2026-03-06 00:00"],
  ])("%d → %s", (serial, text) => {
    expect(toISODateTime(serial)).toBe(text);
  });
});
