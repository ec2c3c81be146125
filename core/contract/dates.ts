/**
 * Dates as Excel stores them: serial numbers in the 1900 date system, wall
 * clock in the work time zone (contract.md: no UTC conversion anywhere).
 *
 * A DaySerial is a whole day (1 = 1900-01-01 in Excel's count, which keeps
 * Lotus's phantom 1900-02-29, so serial 61 = 1900-03-01). A DateTimeSerial
 * adds the time of day as a fraction. Workbooks in the 1904 system are
 * converted at the adapter edge with from1904/to1904; every rule uses 1900.
 *
 * Calendar arithmetic goes through UTC Date objects only as a proleptic
 * Gregorian calculator, never as an instant.
 *
 * It runs past 300 lines because the calendar is one idea: days, ISO weeks,
 * months, quarters, parsing and time zones share these serials and helpers,
 * and each rule file imports what it needs from this one place.
 */

export type DaySerial = number;
export type DateTimeSerial = number;

const MS_PER_DAY = 86_400_000;
/** 1899-12-30 UTC: serial 0 for every date after 1900-02-28. */
const EPOCH_MS = Date.UTC(1899, 11, 30);
/** Days between the 1900 and 1904 systems' epochs. */
export const DAYS_1904_OFFSET = 1462;

export function from1904(serial1904: number): DateTimeSerial {
  return serial1904 + DAYS_1904_OFFSET;
}
export function to1904(serial1900: DateTimeSerial): number {
  return serial1900 - DAYS_1904_OFFSET;
}

/**
 * A date cell of a 1904 workbook as a 1900 serial. One before 1904-01-01
 * (a negative number in the file, which Excel shows as ####) is given back
 * as the number the file holds, so validation reports what the cell holds
 * rather than a date in 1903.
 */
export function read1904Date(serial1900: DateTimeSerial): number {
  return serial1900 < DAYS_1904_OFFSET ? to1904(serial1900) : serial1900;
}

/** The day (integer serial) a date-time falls on. */
export function dayOf(serial: DateTimeSerial): DaySerial {
  return Math.floor(serial + 1e-9);
}

/** Minutes since midnight of a date-time serial. */
export function minutesOfDay(serial: DateTimeSerial): number {
  // Floor, not round: 23:59:59 is still 23:59, never "24:00". The small
  // tolerance absorbs float noise (14:30 stored as 14:29:59.99999).
  return Math.min(1439, Math.max(0, Math.floor((serial - dayOf(serial)) * 1440 + 1e-6)));
}

export function serialFromYMD(year: number, month: number, day: number): DaySerial {
  // Date.UTC reads years 0-99 as 1900-1999; setUTCFullYear takes them as they are.
  const ms = new Date(0).setUTCFullYear(year, month - 1, day);
  const s = Math.round((ms - EPOCH_MS) / MS_PER_DAY);
  // Before 1900-03-01 Excel counts the phantom 1900-02-29.
  return s < 61 ? s - 1 : s;
}

export interface YMD {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number; // 1-31
}

export function ymdOf(serial: DateTimeSerial): YMD {
  let s = dayOf(serial);
  if (s === 60) return { year: 1900, month: 2, day: 29 };
  if (s < 60) s += 1;
  return civilFromDays(s - SERIAL_OF_1970);
}

/** Serial of 1970-01-01 (after the phantom day): 25,569. */
const SERIAL_OF_1970 = 25_569;

/**
 * The proleptic Gregorian date `days` days after 1970-01-01, by integer
 * arithmetic (H. Hinnant's civil_from_days): the same answer as a UTC Date's
 * fields, without building a Date per call (the due list asks for one per
 * customer birthday; tests/core/contract/dates.test.ts compares the two day by day).
 */
function civilFromDays(days: number): YMD {
  const z = days + 719_468; // days since 0000-03-01
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097; // [0, 146096]
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365); // [0, 399]
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100)); // [0, 365], from 1 March
  const mp = Math.floor((5 * dayOfYear + 2) / 153); // [0, 11], March = 0
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfYear - Math.floor((153 * mp + 2) / 5) + 1 };
}

export function serialFromDateTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): DateTimeSerial {
  return serialFromYMD(year, month, day) + (hour * 3600 + minute * 60 + second) / 86_400;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

/** "YYYY-MM-DD". */
export function toISODate(serial: DateTimeSerial): string {
  const { year, month, day } = ymdOf(serial);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** "YYYY-MM-DD HH:MM". */
export function toISODateTime(serial: DateTimeSerial): string {
  const m = minutesOfDay(serial);
  return `${toISODate(serial)} ${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

/** The years a typed date may have: Excel's 1900 date system runs from 1900-01-01 to 9999-12-31. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 9999;

function validYMD(y: number, m: number, d: number): boolean {
  if (y < FIRST_YEAR || y > LAST_YEAR || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

/** Parses "YYYY-MM-DD" (also "YYYY/MM/DD"); undefined when not a real date of 1900-9999 (a four-digit year). */
export function parseISODate(text: string): DaySerial | undefined {
  const m = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validYMD(y, mo, d) ? serialFromYMD(y, mo, d) : undefined;
}

/** Parses "YYYY-MM-DD HH:MM[:SS]" or a plain date; undefined when invalid. */
export function parseISODateTime(text: string): DateTimeSerial | undefined {
  const m = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [h, mi, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (!validYMD(y, mo, d) || h > 23 || mi > 59 || s > 59) return undefined;
  return serialFromDateTime(y, mo, d, h, mi, s);
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : DAYS_IN_MONTH[month - 1];
}
const DAYS_IN_MONTH: readonly number[] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(serial: DateTimeSerial): number {
  // Serial 2 (1900-01-02 in Excel's count after the phantom day is removed)
  // — use the calendar to stay correct on both sides of 1900-03-01.
  const { year, month, day } = ymdOf(serial);
  const wd = new Date(new Date(0).setUTCFullYear(year, month - 1, day)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

/**
 * Adds calendar months, clamping to the month's last day (Jan 31 + 1 month =
 * Feb 28/29), as EDATE does.
 */
export function addMonths(serial: DaySerial, months: number): DaySerial {
  const { year, month, day } = ymdOf(serial);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return serialFromYMD(y, m, Math.min(day, daysInMonth(y, m)));
}

export function addDays(serial: DaySerial, days: number): DaySerial {
  return serial + days;
}

/** A closed range of whole days. */
export interface DayRange {
  readonly from: DaySerial;
  readonly to: DaySerial;
}

export function inRange(serial: DateTimeSerial, range: DayRange): boolean {
  const d = dayOf(serial);
  return d >= range.from && d <= range.to;
}

// --- ISO weeks --------------------------------------------------------------

export interface IsoWeek {
  readonly year: number;
  readonly week: number;
}

export function isoWeekOf(serial: DateTimeSerial): IsoWeek {
  const day = dayOf(serial);
  const thursday = day + (4 - isoWeekday(day));
  const year = ymdOf(thursday).year;
  const jan1 = serialFromYMD(year, 1, 1);
  return { year, week: Math.floor((thursday - jan1) / 7) + 1 };
}

/** "YYYY-Www". */
export function isoWeekKey(serial: DateTimeSerial): string {
  const w = isoWeekOf(serial);
  return `${w.year}-W${pad(w.week)}`;
}

export function parseIsoWeek(text: string): IsoWeek | undefined {
  const m = /^\s*(\d{4})-?W(\d{2})\s*$/i.exec(text);
  if (!m) return undefined;
  const w = { year: Number(m[1]), week: Number(m[2]) };
  if (w.week < 1 || w.week > weeksInIsoYear(w.year)) return undefined;
  return w;
}

export function weeksInIsoYear(year: number): number {
  return isoWeekOf(serialFromYMD(year, 12, 28)).week;
}

/** Monday to Sunday of an ISO week. */
export function isoWeekRange(w: IsoWeek): DayRange {
  const jan4 = serialFromYMD(w.year, 1, 4);
  const monday = jan4 - (isoWeekday(jan4) - 1) + (w.week - 1) * 7;
  return { from: monday, to: monday + 6 };
}

export function weekRangeOf(serial: DateTimeSerial): DayRange {
  return isoWeekRange(isoWeekOf(serial));
}

// --- Months and quarters ----------------------------------------------------

export interface YearMonth {
  readonly year: number;
  readonly month: number;
}

export function monthKey(serial: DateTimeSerial): string {
  const { year, month } = ymdOf(serial);
  return `${year}-${pad(month)}`;
}

export function parseMonth(text: string): YearMonth | undefined {
  const m = /^\s*(\d{4})-(\d{1,2})\s*$/.exec(text);
  if (!m) return undefined;
  const ym = { year: Number(m[1]), month: Number(m[2]) };
  return ym.month >= 1 && ym.month <= 12 ? ym : undefined;
}

export function monthRange(ym: YearMonth): DayRange {
  return {
    from: serialFromYMD(ym.year, ym.month, 1),
    to: serialFromYMD(ym.year, ym.month, daysInMonth(ym.year, ym.month)),
  };
}

export function monthRangeOf(serial: DateTimeSerial): DayRange {
  return monthRange(ymdOf(serial));
}

export function yearRangeOf(serial: DateTimeSerial): DayRange {
  const { year } = ymdOf(serial);
  return { from: serialFromYMD(year, 1, 1), to: serialFromYMD(year, 12, 31) };
}

export interface Quarter {
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
}

export function quarterOf(serial: DateTimeSerial): Quarter {
  const { year, month } = ymdOf(serial);
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as Quarter["quarter"] };
}

/** "YYYY-Qn". */
export function quarterKey(q: Quarter): string {
  return `${q.year}-Q${q.quarter}`;
}

export function parseQuarter(text: string): Quarter | undefined {
  const m = /^\s*(\d{4})-?Q([1-4])\s*$/i.exec(text);
  return m ? { year: Number(m[1]), quarter: Number(m[2]) as Quarter["quarter"] } : undefined;
}

export function quarterRange(q: Quarter): DayRange {
  const firstMonth = (q.quarter - 1) * 3 + 1;
  return {
    from: serialFromYMD(q.year, firstMonth, 1),
    to: serialFromYMD(q.year, firstMonth + 2, daysInMonth(q.year, firstMonth + 2)),
  };
}

/** The months of a quarter, in order. */
export function quarterMonths(q: Quarter): YearMonth[] {
  const first = (q.quarter - 1) * 3 + 1;
  return [0, 1, 2].map((i) => ({ year: q.year, month: first + i }));
}

export function previousQuarter(q: Quarter): Quarter {
  return q.quarter === 1 ? { year: q.year - 1, quarter: 4 } : { year: q.year, quarter: (q.quarter - 1) as Quarter["quarter"] };
}

// --- Bridges to the JavaScript clock ----------------------------------------

/** One formatter per zone: creating them is far slower than using them. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      era: "short",
    });
    formatters.set(tz, f);
  }
  return f;
}

/** The zone's wall clock at an instant, as milliseconds of a UTC calendar (whole seconds). */
export function wallClockMs(tz: string, utcMs: number): number {
  const parts = formatterFor(tz).formatToParts(new Date(utcMs));
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const p of parts) {
    switch (p.type) {
      case "year": year = Number(p.value); break;
      case "month": month = Number(p.value); break;
      case "day": day = Number(p.value); break;
      case "hour": hour = Number(p.value) % 24; break;
      case "minute": minute = Number(p.value); break;
      case "second": second = Number(p.value); break;
      case "era": bc = /^b/i.test(p.value); break;
      default: break;
    }
  }
  const d = new Date(0);
  d.setUTCFullYear(bc ? 1 - year : year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

/**
 * The wall-clock serial of an instant in an IANA time zone, using the
 * platform's time-zone data (Intl). Used for "now" in the work time zone.
 */
export function serialAtInstant(instant: Date, timeZone: string): DateTimeSerial {
  return serialFromUTCDate(new Date(wallClockMs(timeZone, instant.getTime())));
}

/** Excel's serial for a JS Date holding wall-clock fields in UTC (as exceljs reads cells). */
export function serialFromUTCDate(d: Date): DateTimeSerial {
  const s = (d.getTime() - EPOCH_MS) / MS_PER_DAY;
  return s < 61 ? s - 1 : s;
}

/** The inverse: a UTC Date whose fields are the serial's wall clock. */
export function utcDateFromSerial(serial: DateTimeSerial): Date {
  const s = serial < 60 ? serial + 1 : serial;
  return new Date(Math.round(EPOCH_MS + s * MS_PER_DAY));
}

/**
 * The serial a Date from exceljs stands for. exceljs maps a cell's number n
 * to 1899-12-30 + n days (utils.excelToDate) and back (dateToExcel) without
 * Excel's phantom 1900-02-29, so the mapping is a plain offset: reading it
 * with serialFromUTCDate moved every serial below 61 by a day (a cell
 * holding -5 was reported as -6, 1 as 0).
 */
export function serialFromExcelJsDate(d: Date): DateTimeSerial {
  return (d.getTime() - EPOCH_MS) / MS_PER_DAY;
}

/** The Date exceljs writes as the number `serial` (its dateToExcel of it gives `serial` back). */
export function excelJsDateFromSerial(serial: DateTimeSerial): Date {
  return new Date(Math.round(EPOCH_MS + serial * MS_PER_DAY));
}
