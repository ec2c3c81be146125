/**
 * The argument plumbing of each CRM.* function: names of the arguments in
 * both languages, parsing into the types core's rules take, and checks on
 * results. No rule lives here — the rules are imported from core/.
 */
import { nextContactDate } from "../core/rules/cadence";
import { tiersFrom, DEFAULT_COMMISSION_TIERS, type Tier } from "../core/rules/commission";
import { currencyKey, rateTable } from "../core/contract/currency";
import { dayOf, minutesOfDay, quarterKey, quarterOf, serialAtInstant, serialFromYMD, toISODate, type DateTimeSerial } from "../core/contract/dates";
import type { GradeFacts, GradeSettings } from "../core/rules/grading";
import type { CommissionTier, CurrencyCode } from "../core/contract/model";
import { columnOf, type Grade, type InquiryType } from "../core/contract/schema";
import { enumValueOf } from "../core/contract/spellings";
import { DEFAULT_SETTINGS, isValidTimeZone, type CommissionMethod, type Settings } from "../core/contract/settings";
import { stageOf, type Stage } from "../core/rules/tenure";
import { callWindows, localTime } from "../core/rules/windows";
import {
  ArgumentProblem,
  dateArg,
  describe,
  must,
  numberArg,
  optionalDateArg,
  optionalNumberArg,
  optionalTextArg,
  tableArg,
  tableNumber,
  tableText,
  textArg,
  yesNoArg,
  argumentError,
  argumentProblem,
  type ArgName,
} from "./args";
import { firstDateText, firstSerial, toWorkbook, type DateSystem } from "./date-system";
import { invalidValue, notAvailable, type FunctionError } from "./errors";
import { FUNCTION_MESSAGES } from "./messages";
import { sayBoth } from "../core/contract/lang";

/**
 * The settings the functions use: the contract's defaults. A formula has no
 * Settings table to read; arguments (tiers, method, workTimeZone) override.
 */
export const FUNCTION_SETTINGS: Settings = DEFAULT_SETTINGS;

const n = (en: string, zh: string): ArgName => ({ en, zh });

/** Each function's argument names, as error messages show them. */
export const FN = {
  COMMISSION: { params: { amount: n("amount", "金额"), tiers: n("tiers", "提成档位"), method: n("method", "提成方式") } },
  COMMISSIONRATE: { params: { amount: n("amount", "金额"), tiers: n("tiers", "提成档位") } },
  GRADE: {
    params: {
      paidOrders: n("paidOrders", "已付款订单数"),
      sampleSent: n("sampleSent", "已寄样"),
      inquiryType: n("inquiryType", "询盘类型"),
      daysSinceContact: n("daysSinceContact", "距上次联系天数"),
      paidCNY12m: n("paidCNY12m", "近12个月到款"),
    },
  },
  NEXTCONTACT: { params: { grade: n("grade", "等级"), lastContact: n("lastContact", "上次联系"), createdOn: n("createdOn", "建档日期") } },
  LOCALTIME: { params: { timeZone: n("timeZone", "时区"), when: n("when", "时间"), workTimeZone: n("workTimeZone", "我方时区") } },
  CALLWINDOW: { params: { timeZone: n("timeZone", "时区"), date: n("date", "日期") } },
  TOCNY: { params: { amount: n("amount", "金额"), currency: n("currency", "币种"), rates: n("rates", "汇率表") } },
  STAGE: { params: { hireDate: n("hireDate", "入职日期"), asOf: n("asOf", "评估日期") } },
  QUARTER: { params: { date: n("date", "日期") } },
} as const;

/** What a result is called in messages. */
const RESULT = n("result", "结果");

/**
 * Runs a function body: an argument problem becomes the error it carries
 * (thrown, as Excel expects). Anything else is a bug and is left to surface.
 */
export function run<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (e instanceof ArgumentProblem) throw e.error;
    throw e;
  }
}

function stop(error: FunctionError): never {
  throw new ArgumentProblem(error);
}

/** A number result must be finite: NaN or Infinity is never shown as a value. */
export function finite(value: number): number {
  if (!Number.isFinite(value)) {
    stop(argumentError(RESULT, "resultNotFinite"));
  }
  return value;
}

const LAST_SERIAL = serialFromYMD(9999, 12, 31) + 1;

/** A date result (a 1900 serial from core) as the workbook's own serial, if the workbook can show it. */
export function dateOut(value: DateTimeSerial, system: DateSystem): number {
  const out = toWorkbook(value, system);
  if (!Number.isFinite(value) || out < firstSerial(system) || value >= LAST_SERIAL) {
    const first = firstDateText(system);
    stop(argumentError(RESULT, "resultOutsideDates", { first }));
  }
  return out;
}

// --- COMMISSION, COMMISSIONRATE ---------------------------------------------

function methodArg(name: ArgName, v: unknown): CommissionMethod {
  const text = must(optionalTextArg(name, v));
  if (text === null) return FUNCTION_SETTINGS.CommissionMethod;
  const m = text.toLowerCase();
  if (m === "marginal" || m === "超额累进") return "marginal";
  if (m === "whole" || m === "全额累进") return "whole";
  return stop(argumentError(name, "badMethod", { got: describe(text) }));
}

function tiersArg(name: ArgName, v: unknown): readonly Tier[] {
  if (v === null || v === undefined) return DEFAULT_COMMISSION_TIERS;
  const rows = must(tableArg(name, v, "CommissionTiers", ["UpToCNY", "Rate"], ["UpToCNY", "Rate"]));
  const tiers: CommissionTier[] = rows.map((r) => ({
    UpToCNY: must(tableNumber(name, r, "UpToCNY", false)),
    Rate: must(tableNumber(name, r, "Rate", true)) as number,
  }));
  const checked = tiersFrom(tiers);
  if (!checked.ok) stop(invalidValue(argumentProblem(name, checked.error)));
  return checked.value;
}

export function commissionArgs(amount: unknown, tiers: unknown, method: unknown): { amount: number; tiers: readonly Tier[]; method: CommissionMethod } {
  const p = FN.COMMISSION.params;
  return { amount: must(numberArg(p.amount, amount, { min: 0 })), tiers: tiersArg(p.tiers, tiers), method: methodArg(p.method, method) };
}

// --- GRADE ------------------------------------------------------------------

const INQUIRY = columnOf("Customers", "InquiryType");
const GRADE_COLUMN = columnOf("Customers", "Grade");

export function gradeArgs(paidOrders: unknown, sampleSent: unknown, inquiryType: unknown, daysSinceContact: unknown, paidCNY12m: unknown): { facts: GradeFacts; settings: GradeSettings } {
  const p = FN.GRADE.params;
  const inquiryText = must(optionalTextArg(p.inquiryType, inquiryType));
  let inquiry: InquiryType | null = null;
  if (inquiryText !== null) {
    const v = enumValueOf(INQUIRY, inquiryText);
    if (v === undefined) {
      stop(argumentError(p.inquiryType, "badInquiry", { got: describe(inquiryText) }));
    }
    inquiry = v as InquiryType;
  }
  return {
    facts: {
      paidOrders: must(numberArg(p.paidOrders, paidOrders, { min: 0, integer: true })),
      sampleSent: must(yesNoArg(p.sampleSent, sampleSent)),
      inquiryType: inquiry,
      daysSinceLastContact: must(optionalNumberArg(p.daysSinceContact, daysSinceContact, { min: 0 })),
      paidCNY12m: must(optionalNumberArg(p.paidCNY12m, paidCNY12m, { min: 0 })) ?? 0,
    },
    settings: FUNCTION_SETTINGS,
  };
}

// --- NEXTCONTACT --------------------------------------------------------------

export function gradeArg(name: ArgName, v: unknown): Grade {
  const text = must(textArg(name, v));
  const g = enumValueOf(GRADE_COLUMN, text);
  if (g === undefined) stop(argumentError(name, "badGrade", { got: describe(text) }));
  return g as Grade;
}

/** CRM.NEXTCONTACT in a workbook's date system. */
export function nextContactIn(system: DateSystem, grade: unknown, lastContact: unknown, createdOn: unknown): number {
  const p = FN.NEXTCONTACT.params;
  const g = gradeArg(p.grade, grade);
  const last = must(optionalDateArg(p.lastContact, lastContact, system));
  const created = must(optionalDateArg(p.createdOn, createdOn, system));
  if (last === null && created === null) {
    stop(argumentError(p.lastContact, "noLastContact", { createdOn: p.createdOn }));
  }
  const next = nextContactDate(g, last === null ? null : dayOf(last), created === null ? null : dayOf(created), FUNCTION_SETTINGS);
  if (next === null || next === undefined) {
    stop(notAvailable(sayBoth(FUNCTION_MESSAGES, "noNextContact", { grade: g })));
  }
  return dateOut(next, system);
}

// --- LOCALTIME, CALLWINDOW ----------------------------------------------------

/** An IANA time zone the platform knows; an unknown one is #N/A. */
export function zoneArg(fn: { params: { timeZone: ArgName } }, v: unknown): string {
  const name = fn.params.timeZone;
  const tz = must(textArg(name, v));
  if (!isValidTimeZone(tz)) stop(notAvailable(argumentProblem(name, sayBoth(FUNCTION_MESSAGES, "unknownZone", { got: describe(tz) }))));
  return tz;
}

/** CRM.LOCALTIME in a workbook's date system: `when` defaults to now on our clock. */
export function localTimeIn(system: DateSystem, timeZone: unknown, when: unknown, workTimeZone: unknown): number {
  const p = FN.LOCALTIME.params;
  const tz = zoneArg(FN.LOCALTIME, timeZone);
  const at = must(optionalDateArg(p.when, when, system));
  const workText = must(optionalTextArg(p.workTimeZone, workTimeZone));
  const work = workText === null ? FUNCTION_SETTINGS.WorkTimeZone : zoneArg({ params: { timeZone: p.workTimeZone } }, workText);
  return dateOut(localTime(tz, at ?? serialAtInstant(new Date(), work), work), system);
}

const hhmm = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/**
 * CRM.CALLWINDOW in a workbook's date system: "HH:MM-HH:MM, HH:MM-HH:MM" on
 * our clock (an end at midnight shows as 24:00). No overlap is #N/A with
 * the same two-language message for every viewer (contract.md), never a
 * word in the viewer's UI language: a cell must hold the same value for all
 * co-authors, and =IFNA() can catch it.
 */
export function callWindowIn(system: DateSystem, timeZone: unknown, date: unknown): string {
  const tz = zoneArg(FN.CALLWINDOW, timeZone);
  const day = must(optionalDateArg(FN.CALLWINDOW.params.date, date, system));
  const ourDay = dayOf(day ?? serialAtInstant(new Date(), FUNCTION_SETTINGS.WorkTimeZone));
  const windows = callWindows(tz, ourDay, FUNCTION_SETTINGS);
  if (windows.length === 0) {
    const on = toISODate(ourDay);
    stop(notAvailable(sayBoth(FUNCTION_MESSAGES, "noCallWindow", { on, zone: tz })));
  }
  return windows
    .map((w) => {
      const start = minutesOfDay(w.start) + (dayOf(w.start) - ourDay) * 1440;
      const end = minutesOfDay(w.end) + (dayOf(w.end) - ourDay) * 1440;
      return `${hhmm(start)}-${hhmm(end)}`;
    })
    .join(", ");
}

// --- TOCNY --------------------------------------------------------------------

export function toCNYArgs(amount: unknown, currency: unknown, rates: unknown): { amount: number; currency: CurrencyCode; rates: ReadonlyMap<string, number> } {
  const p = FN.TOCNY.params;
  const a = must(numberArg(p.amount, amount));
  const code = currencyKey(must(textArg(p.currency, currency)));
  if (!/^[A-Z]{3}$/.test(code)) stop(notAvailable(argumentProblem(p.currency, sayBoth(FUNCTION_MESSAGES, "notCurrency", { got: describe(code) }))));
  const rows = must(tableArg(p.rates, rates, "ExchangeRates", ["Currency", "RateToCNY"], ["RateToCNY"]));
  const table = rows.map((r) => {
    const rate = must(tableNumber(p.rates, r, "RateToCNY", true)) as number;
    if (rate <= 0) stop(argumentError(p.rates, "rateNotPositive", { row: r.row, rate }));
    return { Currency: must(tableText(p.rates, r, "Currency")) as CurrencyCode, RateToCNY: rate };
  });
  return { amount: a, currency: code as CurrencyCode, rates: rateTable(table) };
}

// --- STAGE ----------------------------------------------------------------------

/** CRM.STAGE in a workbook's date system: `asOf` defaults to today on our clock. */
export function stageIn(system: DateSystem, hireDate: unknown, asOf: unknown): Stage {
  const p = FN.STAGE.params;
  const hire = must(dateArg(p.hireDate, hireDate, system));
  const on = must(optionalDateArg(p.asOf, asOf, system)) ?? serialAtInstant(new Date(), FUNCTION_SETTINGS.WorkTimeZone);
  const s = stageOf(dayOf(hire), on);
  if (!s.ok) stop(invalidValue(argumentProblem(p.asOf, s.error)));
  return s.value.stage;
}

// --- QUARTER --------------------------------------------------------------------

/** CRM.QUARTER in a workbook's date system. */
export function quarterIn(system: DateSystem, date: unknown): string {
  return quarterKey(quarterOf(must(dateArg(FN.QUARTER.params.date, date, system))));
}
