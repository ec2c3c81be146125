/**
 * The date-taking functions as Excel calls them: Excel hands over serials of
 * the workbook's own date system and shows the number returned in it, so the
 * functions ask the workbook which system it uses (once, through Excel.run,
 * here the fake Excel) before reading an argument or answering a date.
 * One table per function, each case in a 1900 and in a 1904 workbook.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { serialFromDateTime, serialFromYMD } from "../../core/contract/dates";
import type { DateSystem } from "../../functions/date-system";
import { DATE_SYSTEM_TIMEOUT_MS, setDateSystemReader } from "../../functions/date-system-read";
import type { FunctionError } from "../../functions/errors";
import { CRM_FUNCTIONS } from "../../functions/functions";
import { FakeExcel } from "../fakes/fake-excel";

const { QUARTER, STAGE, NEXTCONTACT, LOCALTIME, CALLWINDOW, COMMISSION } = CRM_FUNCTIONS;
const SYSTEMS: readonly DateSystem[] = ["1900", "1904"];

let excel: FakeExcel;

/** The workbook Excel.run reaches: a fake Excel in the given date system. */
function workbookIn(system: DateSystem): FakeExcel {
  excel = new FakeExcel();
  excel.date1904 = system === "1904";
  (globalThis as { Excel?: unknown }).Excel = { run: excel.run };
  return excel;
}

/** A date as the workbook of that system holds it. */
const serialIn = (system: DateSystem, y: number, m: number, d: number, h = 0, min = 0): number => serialFromDateTime(y, m, d, h, min) - (system === "1904" ? 1462 : 0);

async function failure(p: Promise<unknown>): Promise<FunctionError> {
  try {
    await p;
  } catch (e) {
    return e as FunctionError;
  }
  throw new Error("expected the call to fail");
}

beforeEach(() => setDateSystemReader(undefined));
afterEach(() => {
  vi.useRealTimers();
  delete (globalThis as { Excel?: unknown }).Excel;
  setDateSystemReader(undefined);
});

describe.each(SYSTEMS)("in a %s workbook", (system) => {
  beforeEach(() => workbookIn(system));
  const d = (y: number, m: number, day: number, h = 0, min = 0): number => serialIn(system, y, m, day, h, min);
  const at = (p: readonly number[]): number => serialIn(system, p[0], p[1], p[2], p[3] ?? 0, p[4] ?? 0);

  it.each([
    [[2026, 9, 30], "2026-Q3"],
    [[2026, 10, 1], "2026-Q4"],
    [[2027, 1, 1], "2027-Q1"],
  ] as const)("QUARTER(%j) = %s", async (date, key) => {
    expect(await QUARTER(at(date))).toBe(key);
  });

  it.each([
    [[2026, 4, 29], 1],
    [[2026, 4, 30], 2],
    [[2027, 1, 31], "established"],
  ] as const)("STAGE(hired 2026-01-31, as of %j) = %s", async (asOf, stage) => {
    expect(await STAGE(d(2026, 1, 31), at(asOf))).toBe(stage);
  });

  it("STAGE without asOf compares the hire date with today in the same system", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-04-30T02:00:00Z")); // 10:00 on 30 April in Shanghai
    expect(await STAGE(d(2026, 1, 31))).toBe(2);
    expect(await STAGE(d(2026, 5, 1)).catch((e: FunctionError) => e.code)).toBe("#VALUE!");
  });

  it.each([
    ["D", [2026, 7, 1], null, [2026, 8, 15]],
    ["A", [2026, 7, 1], null, [2026, 7, 7]],
    // Never contacted: due by the Sunday of the week it was created (Wednesday 1 July 2026 → Sunday 5 July).
    ["C", null, [2026, 7, 1], [2026, 7, 5]],
  ] as const)("NEXTCONTACT(%s, %j, %j) = %j", async (grade, last, created, due) => {
    expect(await NEXTCONTACT(grade, last && at(last), created && at(created))).toBe(at(due));
  });

  it.each([
    ["America/New_York", [2026, 7, 1, 21], [2026, 7, 1, 9]],
    // New York is on summer time from 8 March 2026 (a date read four years early would not be).
    ["America/New_York", [2026, 3, 10, 21], [2026, 3, 10, 9]],
    ["Asia/Kolkata", [2026, 1, 15, 21], [2026, 1, 15, 18, 30]],
  ] as const)("LOCALTIME(%s, %j) = %j", async (zone, when, local) => {
    expect(await LOCALTIME(zone, at(when))).toBeCloseTo(at(local), 6);
  });

  it("LOCALTIME without `when` is now, as a date of this workbook", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-07-01T13:00:00Z")); // 21:00 in Shanghai
    expect(await LOCALTIME("Europe/London")).toBeCloseTo(d(2026, 7, 1, 14), 6);
  });

  it.each([
    ["Asia/Tokyo", [2026, 7, 3], "09:00-11:30, 13:30-17:00"], // a Friday
    ["Europe/Berlin", [2026, 7, 1], "15:00-17:00, 18:00-20:00"],
  ] as const)("CALLWINDOW(%s, %j) = %s", async (zone, on, text) => {
    expect(await CALLWINDOW(zone, at(on))).toBe(text);
  });

  it("CALLWINDOW on a Saturday (Tokyo's weekend) is #N/A naming the day", async () => {
    const e = await failure(CALLWINDOW("Asia/Tokyo", d(2026, 7, 4)));
    expect(e.code).toBe("#N/A");
    expect(e.message).toBe("none: on 2026-07-04 our working hours and Asia/Tokyo's do not meet / 无：2026-07-04 我方与 Asia/Tokyo 的工作时间没有重叠");
  });

  it("a date before the system's first day is #VALUE! naming that day", async () => {
    const e = await failure(QUARTER(-1));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(new RegExp(`^date: must be a date between ${system}-01-01 and 9999-12-31`));
  });

  it("asks Excel once, in one sync, however many functions calculate", async () => {
    await QUARTER(d(2026, 1, 1));
    await STAGE(d(2026, 1, 1), d(2026, 2, 1));
    await CALLWINDOW("Europe/Berlin", d(2026, 7, 1));
    expect(excel.stats.syncs).toBe(1);
  });
});

describe("the first calculation races the date-system read", () => {
  it("calls made before Excel answers all wait for the one read, and all are right", async () => {
    workbookIn("1904");
    const d = (y: number, m: number, day: number): number => serialIn("1904", y, m, day);
    const answers = Promise.all([QUARTER(d(2026, 9, 30)), STAGE(d(2026, 1, 31), d(2026, 4, 30)), NEXTCONTACT("C", null, d(2026, 7, 1)), CALLWINDOW("Asia/Tokyo", d(2026, 7, 3)), QUARTER(d(2026, 12, 31))]);
    expect(excel.stats.syncs).toBe(0); // nobody has an answer yet
    expect(await answers).toEqual(["2026-Q3", 2, d(2026, 7, 5), "09:00-11:30, 13:30-17:00", "2026-Q4"]);
    expect(excel.stats.syncs).toBe(1);
  });

  it("functions without dates do not wait for it", () => {
    workbookIn("1904");
    expect(COMMISSION(6000000)).toBe(160000);
    expect(excel.stats.syncs).toBe(0);
  });

  it("a read that fails is #N/A saying so, and the next calculation asks again", async () => {
    workbookIn("1904");
    excel.failures.push("GeneralException");
    const [a, b] = await Promise.all([failure(QUARTER(0)), failure(STAGE(0, 100))]);
    for (const e of [a, b]) {
      expect(e.code).toBe("#N/A");
      expect(e.message).toMatch(/^could not read this workbook's date system \(.*GeneralException.*\); recalculate \(Ctrl\+Alt\+F9\) to try again \/ 无法读取此工作簿的日期系统/);
    }
    expect(excel.stats.syncs).toBe(1);
    expect(await QUARTER(0)).toBe("1904-Q1");
    expect(excel.stats.syncs).toBe(2);
  });

  it("a read that never answers gives up after the timeout; the next calculation asks again", async () => {
    vi.useFakeTimers();
    let asked = 0;
    setDateSystemReader(() => {
      asked++;
      return asked === 1 ? new Promise<DateSystem>(() => undefined) : Promise.resolve("1904");
    });
    const pending = failure(QUARTER(0));
    await vi.advanceTimersByTimeAsync(DATE_SYSTEM_TIMEOUT_MS - 1);
    let settled = false;
    void pending.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const e = await pending;
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/Excel did not answer within 20 s/);
    expect(await QUARTER(0)).toBe("1904-Q1");
    expect(asked).toBe(2);
  });

  it("the 1900 answer is the same serials in and out", async () => {
    workbookIn("1900");
    expect(await QUARTER(serialFromYMD(2026, 9, 30))).toBe("2026-Q3");
    expect(await NEXTCONTACT("D", serialFromYMD(2026, 7, 1), null)).toBe(serialFromYMD(2026, 8, 15));
  });
});
