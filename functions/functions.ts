/**
 * The CRM.* custom functions (contract.md "Custom functions").
 *
 * Each function is a thin wrapper: functions/args.ts turns Excel's values
 * into typed ones (or a #VALUE! naming the argument), the rule itself is
 * imported from core/, and a bad result becomes an error, never a silently
 * wrong number. Errors are thrown as CustomFunctions.Error (the documented
 * way to show #VALUE!/#N/A with a message in the cell).
 *
 * The JSDoc below is the source of dist/functions.json (and, through
 * functions/i18n/zh-CN.ts, of dist/functions.zh-CN.json): keep tags exact.
 * Parameters are typed `unknown` (metadata type "any") so that Excel hands
 * over the raw value and we, not Excel, say what is wrong with it.
 * The build appends CustomFunctions.associate(...) for each function, so
 * they must stay top-level function declarations in this file.
 *
 * The five date-taking functions are async: Excel passes serials of the
 * workbook's own date system (1900 or 1904), which they learn once from
 * Excel (date-system-read.ts) before converting in and out.
 */
import { callWindowIn, commissionArgs, finite, gradeArgs, localTimeIn, nextContactIn, quarterIn, run, stageIn, toCNYArgs } from "./wrappers";
import { commission, commissionRate } from "../core/rules/commission";
import { toCNY } from "../core/contract/currency";
import { gradeOf } from "../core/rules/grading";
import type { DateSystem } from "./date-system";
import { inWorkbookDates } from "./date-system-read";
import { notAvailable } from "./errors";

/**
 * Commission on a quarter's paid CNY by the commission bands.
 * @customfunction COMMISSION
 * @param amount Paid amount in CNY (0 or more).
 * @param tiers The CommissionTiers table or a 2-column range (UpToCNY, Rate; blank upper bound on the last band). Default: 2% up to 1,000,000, 2.5% up to 5,000,000, 4% above.
 * @param method "marginal" (each rate on its band's part, default) or "whole" (one rate on the whole amount).
 * @returns Commission in CNY, rounded to the cent.
 */
function COMMISSION(amount: unknown, tiers?: unknown[][], method?: unknown): number {
  return run(() => {
    const a = commissionArgs(amount, tiers, method);
    return finite(commission(a.amount, a.tiers, a.method));
  });
}

/**
 * The rate of the commission band an amount falls in.
 * @customfunction COMMISSIONRATE
 * @param amount Paid amount in CNY (0 or more).
 * @param tiers The CommissionTiers table or a 2-column range (UpToCNY, Rate). Default: the contract's bands.
 * @returns The band's rate, e.g. 0.025.
 */
function COMMISSIONRATE(amount: unknown, tiers?: unknown[][]): number {
  return run(() => {
    const a = commissionArgs(amount, tiers, null);
    return finite(commissionRate(a.amount, a.tiers));
  });
}

/**
 * A customer's grade (KEY, DEAL, A, B, C or D) from its facts.
 * @customfunction GRADE
 * @param paidOrders Number of paid orders (not cancelled, with money received).
 * @param sampleSent TRUE (or Y) when a sample has been sent.
 * @param inquiryType Detailed, Generic or Related (blank = unknown).
 * @param daysSinceContact Days since the last contact (blank = never contacted).
 * @param paidCNY12m Paid CNY in the last 12 months (blank = 0).
 * @returns The grade code.
 */
function GRADE(paidOrders: unknown, sampleSent: unknown, inquiryType: unknown, daysSinceContact?: unknown, paidCNY12m?: unknown): string {
  return run(() => {
    const g = gradeArgs(paidOrders, sampleSent, inquiryType, daysSinceContact, paidCNY12m);
    return gradeOf(g.facts, g.settings);
  });
}

/**
 * The date of the next required contact for a customer of a grade.
 * @customfunction NEXTCONTACT
 * @param grade The customer's grade: KEY, DEAL, A, B, C or D.
 * @param lastContact Date of the last contact (blank = never contacted).
 * @param createdOn Date the customer was created.
 * @returns An Excel date.
 */
async function NEXTCONTACT(grade: unknown, lastContact: unknown, createdOn?: unknown): Promise<number> {
  return inWorkbookDates((system) => run(() => nextContactIn(system, grade, lastContact, createdOn)));
}

/**
 * The customer's local date-time when our clock shows a given time.
 * @customfunction LOCALTIME
 * @volatile
 * @param timeZone The customer's IANA time zone, e.g. America/New_York.
 * @param when Our date-time (default: now).
 * @param workTimeZone Our work time zone (default: Asia/Shanghai).
 * @returns An Excel date-time in the customer's time zone.
 */
async function LOCALTIME(timeZone: unknown, when?: unknown, workTimeZone?: unknown): Promise<number> {
  return inWorkbookDates((system) => run(() => localTimeIn(system, timeZone, when, workTimeZone)));
}

/**
 * The hours, on our clock, when we and the customer are both at work on a day.
 * @customfunction CALLWINDOW
 * @volatile
 * @param timeZone The customer's IANA time zone, e.g. Europe/Berlin.
 * @param date Our working day (default: today).
 * @returns Text such as "14:00-17:00, 18:00-20:00"; #N/A when the hours never meet.
 */
async function CALLWINDOW(timeZone: unknown, date?: unknown): Promise<string> {
  return inWorkbookDates((system) => run(() => callWindowIn(system, timeZone, date)));
}

/**
 * An amount converted to CNY at the exchange rates (CNY is always 1).
 * @customfunction TOCNY
 * @param amount The amount in its own currency.
 * @param currency ISO 4217 code, e.g. USD.
 * @param rates The ExchangeRates table or a 2-column range (Currency, RateToCNY).
 * @returns The amount in CNY.
 */
function TOCNY(amount: unknown, currency: unknown, rates: unknown[][]): number {
  return run(() => {
    const a = toCNYArgs(amount, currency, rates);
    const cny = toCNY(a.amount, a.currency, a.rates);
    if (!cny.ok) throw notAvailable(cny.error);
    return finite(cny.value);
  });
}

/**
 * A salesperson's tenure stage: 1 to 4 in the first year, then "established".
 * @customfunction STAGE
 * @volatile
 * @param hireDate The hire date.
 * @param asOf The day to judge (default: today).
 * @returns 1, 2, 3, 4 or "established".
 */
async function STAGE(hireDate: unknown, asOf?: unknown): Promise<number | string> {
  return inWorkbookDates((system) => run(() => stageIn(system, hireDate, asOf)));
}

/**
 * The calendar quarter of a date, as "YYYY-Qn".
 * @customfunction QUARTER
 * @param date A date.
 * @returns Text such as "2026-Q3".
 */
async function QUARTER(date: unknown): Promise<string> {
  return inWorkbookDates((system) => run(() => quarterIn(system, date)));
}

/** Every function by its id, as Excel calls them (the date-taking ones answer with a promise). */
export const CRM_FUNCTIONS = { COMMISSION, COMMISSIONRATE, GRADE, NEXTCONTACT, LOCALTIME, CALLWINDOW, TOCNY, STAGE, QUARTER } as const;
export type CrmFunctionId = keyof typeof CRM_FUNCTIONS;

/** A function that answers at once: what a calculator that cannot wait (HyperFormula) registers. */
export type ImmediateFunction = (...args: unknown[]) => number | string;

/**
 * The same functions in a date system already known, answering at once: the
 * date-taking ones run the very bodies Excel's do, without waiting to learn
 * the system. For the HyperFormula bridge, whose sheets choose their system.
 */
export function crmFunctionsIn(system: DateSystem): Readonly<Record<CrmFunctionId, ImmediateFunction>> {
  const dated =
    <A extends unknown[], R extends number | string>(body: (s: DateSystem, ...args: A) => R) =>
    (...args: unknown[]): R =>
      run(() => body(system, ...(args as A)));
  return {
    COMMISSION: (...a) => COMMISSION(a[0], a[1] as unknown[][], a[2]),
    COMMISSIONRATE: (...a) => COMMISSIONRATE(a[0], a[1] as unknown[][]),
    GRADE: (...a) => GRADE(a[0], a[1], a[2], a[3], a[4]),
    NEXTCONTACT: dated(nextContactIn),
    LOCALTIME: dated(localTimeIn),
    CALLWINDOW: dated(callWindowIn),
    TOCNY: (...a) => TOCNY(a[0], a[1], a[2] as unknown[][]),
    STAGE: dated(stageIn),
    QUARTER: dated(quarterIn),
  };
}
