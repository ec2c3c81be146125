/**
 * CRM.* as a user types them: formulas over cells and ranges, evaluated by
 * HyperFormula with the functions registered as custom functions
 * (tests/support/hyperformula-crm.ts). One table per rule, named after it;
 * the expected values are the rules' own examples (rules.md, contract.md).
 * HyperFormula spells Excel's TRUE/FALSE literals as TRUE()/FALSE().
 * Every date-taking function runs in a 1900 and in a 1904 workbook: there
 * DATE(2026,7,1) is 1462 less, and so must be every date the function returns.
 */
import { DetailedCellError, type HyperFormula } from "hyperformula";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { serialAtInstant, serialFromDateTime, serialFromYMD } from "../../core/contract/dates";
import type { DateSystem } from "../../functions/date-system";
import { crmSheet } from "../support/hyperformula-crm";

type Cell = string | number | boolean | null;

/**
 * The sheet every formula runs on:
 *   B2:B4 payments (sum 1,200,000)     E1:F4 CommissionTiers with header
 *   H1:I3 ExchangeRates with header    K1:L3 ExchangeRates with zh-CN header
 *   N1:O3 tiers without header         Q1:Q3 a one-column range
 */
const SHEET: Cell[][] = [
  ["Payments", null, null, null, "UpToCNY", "Rate", null, "Currency", "RateToCNY", null, "币种", "兑人民币汇率", null, 1000000, 0.03, null, 1],
  [null, 400000, null, null, 1000000, 0.02, null, "USD", 7.1, null, "EUR", 7.8, null, null, 0.05, null, 2],
  [null, 350000, null, null, 5000000, 0.025, null, "EUR", 7.8, null, "usd", 7, null, null, null, null, 3],
  [null, 450000, null, null, null, 0.04, null, null, null, null, null, null, null, null, null, null, null],
];

const SYSTEMS: readonly DateSystem[] = ["1900", "1904"];
let sheets: Record<DateSystem, HyperFormula>;
beforeAll(() => {
  sheets = { "1900": crmSheet(SHEET.map((r) => [...r])), "1904": crmSheet(SHEET.map((r) => [...r]), "1904") };
});
afterEach(() => {
  vi.useRealTimers();
  delete (globalThis as { Office?: unknown }).Office;
});

/** Evaluates one formula in a free cell of the sheet (of a 1900 workbook unless told). */
function evaluate(formula: string, system: DateSystem = "1900"): unknown {
  const hf = sheets[system];
  const address = { sheet: 0, col: 30, row: 0 };
  hf.setCellContents(address, [[formula]]);
  return hf.getCellValue(address);
}

/** A date (a 1900 serial) as a workbook of the system holds it. */
const inSystem = (serial: number, system: DateSystem): number => (system === "1904" ? serial - 1462 : serial);

function expectError(formula: string, type: "VALUE" | "NA", mentions: RegExp, system: DateSystem = "1900"): void {
  const v = evaluate(formula, system);
  expect(v, formula).toBeInstanceOf(DetailedCellError);
  const e = v as DetailedCellError;
  expect(e.type, formula).toBe(type);
  expect(e.value).toBe(type === "VALUE" ? "#VALUE!" : "#N/A");
  expect(e.message, formula).toMatch(mentions);
}

describe("commission (rules.md §6)", () => {
  it.each([
    ["=CRM.COMMISSION(1000000)", 20000],
    ["=CRM.COMMISSION(5000000)", 120000],
    ["=CRM.COMMISSION(6000000)", 160000],
    ['=CRM.COMMISSION(1000000, , "whole")', 20000],
    ['=CRM.COMMISSION(5000000, , "whole")', 125000],
    ['=CRM.COMMISSION(6000000, , "whole")', 240000],
    ['=CRM.COMMISSION(6000000, E1:F4, "marginal")', 160000],
    ['=CRM.COMMISSION(6000000, E2:F4, "whole")', 240000],
    ['=CRM.COMMISSION(SUM(B2:B4), E2:F4, "whole")', 30000],
    ["=CRM.COMMISSION(SUM(B2:B4), E1:F4)", 25000],
    ['=CRM.COMMISSION(SUM(B2:B4), E1:F4, "全额累进")', 30000],
    ["=CRM.COMMISSION(0)", 0],
    ["=CRM.COMMISSION(2000000, N1:O2)", 30000 + 50000],
  ])("%s = %d", (formula, expected) => {
    expect(evaluate(formula)).toBeCloseTo(expected, 6);
  });

  it.each([
    ["=CRM.COMMISSIONRATE(1000000)", 0.02],
    ["=CRM.COMMISSIONRATE(1000001)", 0.025],
    ["=CRM.COMMISSIONRATE(5000000, E1:F4)", 0.025],
    ["=CRM.COMMISSIONRATE(SUM(B2:B4)*5, E2:F4)", 0.04],
  ])("%s = %d", (formula, expected) => {
    expect(evaluate(formula)).toBe(expected);
  });

  it.each([
    ['=CRM.COMMISSION("lots")', /amount: must be a number/],
    ["=CRM.COMMISSION(-1)", /amount: must be at least 0/],
    ["=CRM.COMMISSION(100, Q1:Q3)", /tiers: must be a range of at least 2 columns/],
    ['=CRM.COMMISSION(100, , "flat")', /method: must be "marginal" or "whole"/],
    ["=CRM.COMMISSION(100, E2:F3)", /tiers: .*last band must have a blank upper bound/],
    ["=CRM.COMMISSION(100, H1:I3)", /tiers: the header row lacks|tiers: row \d, UpToCNY must be a number/],
    ["=CRM.COMMISSION(B2:B4)", /amount: expects one value/],
    ["=CRM.COMMISSIONRATE(TRUE())", /amount: must be a number, got true/],
  ])("%s is #VALUE! (%s)", (formula, message) => expectError(formula, "VALUE", message));
});

describe("grades (rules.md §3)", () => {
  it.each([
    ['=CRM.GRADE(2, FALSE(), "Generic")', "KEY"],
    ['=CRM.GRADE(0, FALSE(), "Generic", 5, 1000000)', "KEY"],
    ['=CRM.GRADE(1, FALSE(), "")', "DEAL"],
    ['=CRM.GRADE(0, TRUE(), "Generic", 30)', "A"],
    ['=CRM.GRADE(0, "Y", "Related", 10)', "A"],
    ['=CRM.GRADE(0, TRUE(), "Generic", 31)', "B"],
    ['=CRM.GRADE(0, TRUE(), "Generic")', "B"],
    ['=CRM.GRADE(0, FALSE(), "Detailed")', "B"],
    ['=CRM.GRADE(0, "否", "统一询价")', "C"],
    ['=CRM.GRADE(0, FALSE(), "Related")', "D"],
    ['=CRM.GRADE(0, FALSE(), "")', "D"],
  ])("%s = %s", (formula, grade) => {
    expect(evaluate(formula)).toBe(grade);
  });

  it.each([
    ['=CRM.GRADE(1.5, FALSE(), "Generic")', /paidOrders: must be a whole number/],
    ['=CRM.GRADE(0, "maybe", "Generic")', /sampleSent: must be TRUE\/FALSE or Y\/N/],
    ['=CRM.GRADE(0, FALSE(), "Vague")', /inquiryType: must be Detailed, Generic or Related/],
    ['=CRM.GRADE(0, FALSE(), "Generic", -3)', /daysSinceContact: must be at least 0/],
  ])("%s is #VALUE! (%s)", (formula, message) => expectError(formula, "VALUE", message));
});

describe.each(SYSTEMS)("next contact (rules.md §4 cadence), %s workbook", (system) => {
  const d = (y: number, m: number, day: number): number => inSystem(serialFromYMD(y, m, day), system);
  it.each([
    ['=CRM.NEXTCONTACT("A", DATE(2026,7,1))', d(2026, 7, 7)],
    ['=CRM.NEXTCONTACT("KEY", DATE(2026,7,1))', d(2026, 7, 7)],
    ['=CRM.NEXTCONTACT("DEAL", DATE(2026,7,1))', d(2026, 7, 31)],
    ['=CRM.NEXTCONTACT("B", DATE(2026,7,1))', d(2026, 7, 15)],
    ['=CRM.NEXTCONTACT("D", DATE(2026,7,1))', d(2026, 8, 15)],
    ['=CRM.NEXTCONTACT("C", "", DATE(2026,7,1))', d(2026, 7, 5)],
    ['=CRM.NEXTCONTACT("D", DATE(2026,6,1), DATE(2026,7,1))', d(2026, 7, 5)],
    ['=CRM.NEXTCONTACT("c类", "2026-07-01")', d(2026, 7, 31)],
  ])("%s = serial %d", (formula, serial) => {
    expect(evaluate(formula, system)).toBe(serial);
  });

  it.each([
    ['=CRM.NEXTCONTACT("Z", DATE(2026,7,1))', /grade: must be KEY, DEAL, A, B, C or D/],
    ['=CRM.NEXTCONTACT("A", "")', /lastContact: give the last contact date or createdOn/],
    ['=CRM.NEXTCONTACT("A", "soon")', /lastContact: must be a date/],
  ])("%s is #VALUE! (%s)", (formula, message) => expectError(formula, "VALUE", message, system));
});

describe.each(SYSTEMS)("local time (rules.md §5, contract CRM.LOCALTIME), %s workbook", (system) => {
  it.each([
    ['=CRM.LOCALTIME("America/New_York", DATE(2026,7,1)+21/24)', serialFromDateTime(2026, 7, 1, 9)],
    ['=CRM.LOCALTIME("America/New_York", DATE(2026,1,15)+21/24)', serialFromDateTime(2026, 1, 15, 8)],
    ['=CRM.LOCALTIME("Asia/Kolkata", DATE(2026,1,15)+21/24)', serialFromDateTime(2026, 1, 15, 18, 30)],
    ['=CRM.LOCALTIME("Australia/Sydney", DATE(2026,1,15)+23/24)', serialFromDateTime(2026, 1, 16, 2)],
    ['=CRM.LOCALTIME("America/New_York", DATE(2026,7,1)+15/24, "Europe/Berlin")', serialFromDateTime(2026, 7, 1, 9)],
    // Daylight saving time of the right year: New York moved its clocks on 8 March 2026
    // (a date read four years and a day early, 9 March 2022, would still be on winter time).
    ['=CRM.LOCALTIME("America/New_York", DATE(2026,3,10)+21/24)', serialFromDateTime(2026, 3, 10, 9)],
  ])("%s", (formula, serial) => {
    expect(evaluate(formula, system)).toBeCloseTo(inSystem(serial, system), 6);
  });

  it("defaults `when` to now in Asia/Shanghai", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-07-01T13:00:00Z")); // 21:00 in Shanghai
    expect(evaluate('=CRM.LOCALTIME("Europe/London")', system)).toBeCloseTo(inSystem(serialFromDateTime(2026, 7, 1, 14), system), 6);
    expect(evaluate('=CRM.LOCALTIME("Asia/Shanghai")', system)).toBeCloseTo(inSystem(serialAtInstant(new Date(), "Asia/Shanghai"), system), 6);
  });

  it.each([
    ['=CRM.LOCALTIME("Mars/Olympus")', /timeZone: unknown time zone "Mars\/Olympus"/],
    ['=CRM.LOCALTIME("Europe/Paris", NOW(), "Nowhere/Town")', /workTimeZone: unknown time zone/],
  ])("%s is #N/A (%s)", (formula, message) => expectError(formula, "NA", message, system));

  it.each([
    ['=CRM.LOCALTIME(42, NOW())', /timeZone: must be text/],
    ['=CRM.LOCALTIME("Europe/Paris", "teatime")', /when: must be a date/],
  ])("%s is #VALUE! (%s)", (formula, message) => expectError(formula, "VALUE", message, system));
});

describe.each(SYSTEMS)("call windows (rules.md §5: our hours ∩ theirs, on our clock), %s workbook", (system) => {
  it.each([
    ['=CRM.CALLWINDOW("Europe/Berlin", DATE(2026,7,1))', "15:00-17:00, 18:00-20:00"],
    ['=CRM.CALLWINDOW("Asia/Tokyo", DATE(2026,7,1))', "09:00-11:30, 13:30-17:00"],
    ['=CRM.CALLWINDOW("Asia/Shanghai", DATE(2026,7,1))', "09:00-11:30, 13:30-17:00"],
    // Friday: Tokyo works. (Read four years and a day early it would be a Saturday.)
    ['=CRM.CALLWINDOW("Asia/Tokyo", DATE(2026,7,3))', "09:00-11:30, 13:30-17:00"],
    ['=CRM.CALLWINDOW("Asia/Tokyo", "2026-07-03")', "09:00-11:30, 13:30-17:00"],
  ])("%s = %s", (formula, text) => {
    expect(evaluate(formula, system)).toBe(text);
  });

  it.each([
    ['=CRM.CALLWINDOW("America/New_York", DATE(2026,7,1))', /^none: on 2026-07-01 our working hours and America\/New_York's do not meet \/ 无：2026-07-01 我方与 America\/New_York 的工作时间没有重叠$/],
    ['=CRM.CALLWINDOW("Asia/Tokyo", DATE(2026,7,4))', /^none: on 2026-07-04 /],
    ['=CRM.CALLWINDOW("Asia/Tokyo", DATE(2026,7,5))', /^none: on 2026-07-05 /],
  ])("no overlap: %s is #N/A in both languages (%s)", (formula, message) => expectError(formula, "NA", message, system));

  it("no overlap is one value for every viewer, whatever Excel's display language", () => {
    const formula = '=CRM.CALLWINDOW("America/New_York", DATE(2026,7,1))';
    const shown = (["en-US", "zh-CN", "de-DE"] as const).map((displayLanguage) => {
      (globalThis as { Office?: unknown }).Office = { context: { displayLanguage } };
      const v = evaluate(formula, system) as DetailedCellError;
      return [v.value, v.message];
    });
    expect(shown[0][0]).toBe("#N/A");
    expect(shown[1]).toEqual(shown[0]);
    expect(shown[2]).toEqual(shown[0]);
  });

  it("no overlap is caught by IFNA", () => {
    expect(evaluate('=IFNA(CRM.CALLWINDOW("America/New_York", DATE(2026,7,1)), "-")', system)).toBe("-");
  });

  it("defaults to today in Asia/Shanghai", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-07-01T20:00:00Z")); // already Thursday 2 July in Shanghai
    expect(evaluate('=CRM.CALLWINDOW("Europe/Berlin")', system)).toBe("15:00-17:00, 18:00-20:00");
  });

  it('=CRM.CALLWINDOW("Atlantis") is #N/A', () => expectError('=CRM.CALLWINDOW("Atlantis")', "NA", /unknown time zone/, system));
});

describe("to CNY (rules.md §6, contract CRM.TOCNY)", () => {
  it.each([
    ['=CRM.TOCNY(100, "USD", H1:I3)', 710],
    ['=CRM.TOCNY(100, "usd", H2:I3)', 710],
    ['=CRM.TOCNY(100, "CNY", H1:I3)', 100],
    ['=CRM.TOCNY(250, "EUR", K1:L3)', 1950],
    ['=CRM.TOCNY(10, "USD", K1:L3)', 70],
    ["=CRM.TOCNY(SUM(B2:B4), \"CNY\", H2:I3)", 1200000],
  ])("%s = %d", (formula, cny) => {
    expect(evaluate(formula)).toBeCloseTo(cny, 9);
  });

  it.each([
    ['=CRM.TOCNY(100, "JPY", H1:I3)', /Unknown currency "JPY"/],
    ['=CRM.TOCNY(100, "dollars", H1:I3)', /currency: "DOLLARS" is not an ISO 4217 currency code/],
  ])("%s is #N/A (%s)", (formula, message) => expectError(formula, "NA", message));

  it.each([
    ['=CRM.TOCNY("a lot", "USD", H1:I3)', /amount: must be a number/],
    ["=CRM.TOCNY(100, 840, H1:I3)", /currency: must be text/],
    ['=CRM.TOCNY(100, "USD", E1:F4)', /rates: the header row lacks|rates: row \d, RateToCNY|rates: row \d, Currency must be text/],
    ['=CRM.TOCNY(100, "USD", N1:O3)', /rates: row 1, Currency must be text/],
  ])("%s is #VALUE! (%s)", (formula, message) => expectError(formula, "VALUE", message));
});

describe.each(SYSTEMS)("tenure stages (rules.md §7), %s workbook", (system) => {
  it.each([
    ["DATE(2026,1,31)", 1],
    ["DATE(2026,4,29)", 1],
    ["DATE(2026,4,30)", 2],
    ["DATE(2026,7,30)", 2],
    ["DATE(2026,7,31)", 3],
    ["DATE(2026,10,31)", 4],
    ["DATE(2027,1,30)", 4],
    ["DATE(2027,1,31)", "established"],
  ])("hired 2026-01-31, as of %s: stage %s", (asOf, stage) => {
    expect(evaluate(`=CRM.STAGE(DATE(2026,1,31), ${asOf})`, system)).toBe(stage);
  });

  it.each([
    ["2026-04-29T12:00:00Z", 1],
    ["2026-04-29T16:00:00Z", 2], // already 30 April in Shanghai
    ["2027-01-30T15:59:00Z", 4],
    ["2027-01-30T16:00:00Z", "established"],
  ])("hired 2026-01-31, today (%s) in Asia/Shanghai: stage %s", (now, stage) => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(now));
    expect(evaluate("=CRM.STAGE(DATE(2026,1,31))", system)).toBe(stage);
  });

  it("before the hire date is #VALUE!", () => expectError("=CRM.STAGE(DATE(2026,1,31), DATE(2026,1,30))", "VALUE", /before the hire date/, system));
  it("a hire date that is not a date is #VALUE!", () => expectError('=CRM.STAGE("last spring")', "VALUE", /hireDate: must be a date/, system));
});

describe.each(SYSTEMS)("quarters (contract CRM.QUARTER), %s workbook", (system) => {
  it.each([
    ["=CRM.QUARTER(DATE(2026,9,30))", "2026-Q3"],
    ["=CRM.QUARTER(DATE(2026,10,1))", "2026-Q4"],
    ['=CRM.QUARTER("2026-02-15")', "2026-Q1"],
    ["=CRM.QUARTER(DATE(2026,12,31)+0.99)", "2026-Q4"],
    ["=CRM.QUARTER(DATE(2027,1,1))", "2027-Q1"],
    ["=CRM.QUARTER(DATE(9999,12,31))", "9999-Q4"],
  ])("%s = %s", (formula, key) => {
    expect(evaluate(formula, system)).toBe(key);
  });

  it.each([
    ['=CRM.QUARTER("someday")', /date: must be a date/],
    ["=CRM.QUARTER(TRUE())", /date: must be a date, got true/],
    ["=CRM.QUARTER(-5)", new RegExp(`date: must be a date between ${system}-01-01 and 9999-12-31`)],
    ["=CRM.QUARTER(DATE(9999,12,31)+1)", /date: must be a date between/],
    ["=CRM.QUARTER(B2:B3)", /date: expects one value/],
    ['=CRM.QUARTER("")', /date: is required/],
  ])("%s is #VALUE! (%s)", (formula, message) => expectError(formula, "VALUE", message, system));

  it("an error in an argument passes through unchanged", () => {
    const v = evaluate("=CRM.QUARTER(1/0)", system);
    expect(v).toBeInstanceOf(DetailedCellError);
    expect((v as DetailedCellError).value).toBe("#DIV/0!");
  });
});

describe("the first day of each date system", () => {
  it("serial 0 is 1904-01-01 in a 1904 workbook and no date in a 1900 one", () => {
    expect(evaluate("=CRM.QUARTER(0)", "1904")).toBe("1904-Q1");
    expectError("=CRM.QUARTER(0)", "VALUE", /date: must be a date between 1900-01-01 and 9999-12-31, got 0/, "1900");
  });

  it("a date result before 1904 cannot be shown in a 1904 workbook", () => {
    expectError('=CRM.LOCALTIME("America/New_York", "1904-01-01 08:00")', "VALUE", /result: falls outside Excel's dates \(1904-01-01 to 9999-12-31\)/, "1904");
  });
});

describe("messages speak both languages", () => {
  it("#VALUE! names the argument in English and Chinese", () => {
    const e = evaluate('=CRM.COMMISSION("lots")') as DetailedCellError;
    expect(e.message).toBe('amount: must be a number, got "lots" / 金额：必须是数字，收到 "lots"');
  });
});
