/**
 * CRM.* as a user types them: formulas over cells and ranges, evaluated by
 * HyperFormula with the functions registered as custom functions
 * (tests/support/hyperformula-crm.ts). One table per rule, named after it;
 * the expected values are the rules' own examples (rules.md, contract.md).
 * HyperFormula spells Excel's TRUE/FALSE literals as TRUE()/FALSE().
 */
import { DetailedCellError, type HyperFormula } from "hyperformula";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { serialAtInstant, serialFromDateTime, serialFromYMD } from "../../core/contract/dates";
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

let hf: HyperFormula;
beforeAll(() => {
  hf = crmSheet(SHEET.map((r) => [...r]));
});
afterEach(() => {
  vi.useRealTimers();
  delete (globalThis as { Office?: unknown }).Office;
});

/** Evaluates one formula in a free cell of the sheet. */
function evaluate(formula: string): unknown {
  const address = { sheet: 0, col: 30, row: 0 };
  hf.setCellContents(address, [[formula]]);
  return hf.getCellValue(address);
}

function expectError(formula: string, type: "VALUE" | "NA", mentions: RegExp): void {
  const v = evaluate(formula);
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

describe("next contact (rules.md §4 cadence)", () => {
  const d = (y: number, m: number, day: number): number => serialFromYMD(y, m, day);
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
    expect(evaluate(formula)).toBe(serial);
  });

  it.each([
    ['=CRM.NEXTCONTACT("Z", DATE(2026,7,1))', /grade: must be KEY, DEAL, A, B, C or D/],
    ['=CRM.NEXTCONTACT("A", "")', /lastContact: give the last contact date or createdOn/],
    ['=CRM.NEXTCONTACT("A", "soon")', /lastContact: must be a date/],
  ])("%s is #VALUE! (%s)", (formula, message) => expectError(formula, "VALUE", message));
});

describe("local time (rules.md §5, contract CRM.LOCALTIME)", () => {
  it.each([
    ['=CRM.LOCALTIME("America/New_York", DATE(2026,7,1)+21/24)', serialFromDateTime(2026, 7, 1, 9)],
    ['=CRM.LOCALTIME("America/New_York", DATE(2026,1,15)+21/24)', serialFromDateTime(2026, 1, 15, 8)],
    ['=CRM.LOCALTIME("Asia/Kolkata", DATE(2026,1,15)+21/24)', serialFromDateTime(2026, 1, 15, 18, 30)],
    ['=CRM.LOCALTIME("Australia/Sydney", DATE(2026,1,15)+23/24)', serialFromDateTime(2026, 1, 16, 2)],
    ['=CRM.LOCALTIME("America/New_York", DATE(2026,7,1)+15/24, "Europe/Berlin")', serialFromDateTime(2026, 7, 1, 9)],
  ])("%s", (formula, serial) => {
    expect(evaluate(formula)).toBeCloseTo(serial, 6);
  });

  it("defaults `when` to now in Asia/Shanghai", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-07-01T13:00:00Z")); // 21:00 in Shanghai
    expect(evaluate('=CRM.LOCALTIME("Europe/London")')).toBeCloseTo(serialFromDateTime(2026, 7, 1, 14), 6);
    expect(evaluate('=CRM.LOCALTIME("Asia/Shanghai")')).toBeCloseTo(serialAtInstant(new Date(), "Asia/Shanghai"), 6);
  });

  it.each([
    ['=CRM.LOCALTIME("Mars/Olympus")', /timeZone: unknown time zone "Mars\/Olympus"/],
    ['=CRM.LOCALTIME("Europe/Paris", NOW(), "Nowhere/Town")', /workTimeZone: unknown time zone/],
  ])("%s is #N/A (%s)", (formula, message) => expectError(formula, "NA", message));

  it.each([
    ['=CRM.LOCALTIME(42, NOW())', /timeZone: must be text/],
    ['=CRM.LOCALTIME("Europe/Paris", "teatime")', /when: must be a date/],
  ])("%s is #VALUE! (%s)", (formula, message) => expectError(formula, "VALUE", message));
});

describe("call windows (rules.md §5: our hours ∩ theirs, on our clock)", () => {
  it.each([
    ['=CRM.CALLWINDOW("Europe/Berlin", DATE(2026,7,1))', "15:00-17:00, 18:00-20:00"],
    ['=CRM.CALLWINDOW("Asia/Tokyo", DATE(2026,7,1))', "09:00-11:30, 13:30-17:00"],
    ['=CRM.CALLWINDOW("Asia/Shanghai", DATE(2026,7,1))', "09:00-11:30, 13:30-17:00"],
    ['=CRM.CALLWINDOW("America/New_York", DATE(2026,7,1))', "none"],
    ['=CRM.CALLWINDOW("Asia/Tokyo", DATE(2026,7,4))', "none"],
    ['=CRM.CALLWINDOW("Asia/Tokyo", DATE(2026,7,5))', "none"],
  ])("%s = %s", (formula, text) => {
    expect(evaluate(formula)).toBe(text);
  });

  it("says none in Chinese when Excel's display language is Chinese", () => {
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "zh-CN" } };
    expect(evaluate('=CRM.CALLWINDOW("America/New_York", DATE(2026,7,1))')).toBe("无");
  });

  it("defaults to today in Asia/Shanghai", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-07-01T20:00:00Z")); // already Thursday 2 July in Shanghai
    expect(evaluate('=CRM.CALLWINDOW("Europe/Berlin")')).toBe("15:00-17:00, 18:00-20:00");
  });

  it('=CRM.CALLWINDOW("Atlantis") is #N/A', () => expectError('=CRM.CALLWINDOW("Atlantis")', "NA", /unknown time zone/));
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

describe("tenure stages (rules.md §7)", () => {
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
    expect(evaluate(`=CRM.STAGE(DATE(2026,1,31), ${asOf})`)).toBe(stage);
  });

  it("before the hire date is #VALUE!", () => expectError("=CRM.STAGE(DATE(2026,1,31), DATE(2026,1,30))", "VALUE", /before the hire date/));
  it("a hire date that is not a date is #VALUE!", () => expectError('=CRM.STAGE("last spring")', "VALUE", /hireDate: must be a date/));
});

describe("quarters (contract CRM.QUARTER)", () => {
  it.each([
    ["=CRM.QUARTER(DATE(2026,9,30))", "2026-Q3"],
    ["=CRM.QUARTER(DATE(2026,10,1))", "2026-Q4"],
    ['=CRM.QUARTER("2026-02-15")', "2026-Q1"],
    ["=CRM.QUARTER(DATE(2026,12,31)+0.99)", "2026-Q4"],
  ])("%s = %s", (formula, key) => {
    expect(evaluate(formula)).toBe(key);
  });

  it.each([
    ['=CRM.QUARTER("someday")', /date: must be a date/],
    ["=CRM.QUARTER(TRUE())", /date: must be a date, got true/],
    ["=CRM.QUARTER(-5)", /date: must be a date between/],
    ["=CRM.QUARTER(B2:B3)", /date: expects one value/],
    ['=CRM.QUARTER("")', /date: is required/],
  ])("%s is #VALUE! (%s)", (formula, message) => expectError(formula, "VALUE", message));

  it("an error in an argument passes through unchanged", () => {
    const v = evaluate("=CRM.QUARTER(1/0)");
    expect(v).toBeInstanceOf(DetailedCellError);
    expect((v as DetailedCellError).value).toBe("#DIV/0!");
  });
});

describe("messages speak both languages", () => {
  it("#VALUE! names the argument in English and Chinese", () => {
    const e = evaluate('=CRM.COMMISSION("lots")') as DetailedCellError;
    expect(e.message).toBe('amount: must be a number, got "lots" / 金额：必须是数字，收到 "lots"');
  });
});
