/**
 * The Settings table as typed values, with the contract's defaults.
 * A missing or blank key takes its default; an unreadable value is an issue
 * (the default is used so the rules still run, and the user is told).
 */
import type { Grade } from "./schema";
import { GRADES, type LocalizedText } from "./schema";
import type { CommissionTier, ExchangeRate, SettingRow } from "./model";

export type CommissionMethod = "marginal" | "whole";

/** A span of wall-clock minutes within a day, [start, end). */
export interface TimeSpan {
  readonly start: number;
  readonly end: number;
}

export interface Settings {
  readonly CommissionMethod: CommissionMethod;
  readonly BaseCurrency: string;
  readonly WorkTimeZone: string;
  readonly WorkHours: readonly TimeSpan[];
  /** ISO weekdays 1 = Monday … 7 = Sunday. */
  readonly WorkDays: readonly number[];
  readonly CustomerHours: readonly TimeSpan[];
  readonly CustomerDays: readonly number[];
  readonly NewCustomerContactsPerWeek: number;
  readonly HighGrades: readonly Grade[];
  readonly HighGradeContactsPerMonth: number;
  readonly KeyCustomerVisitsPerYear: number;
  readonly KeyCustomerMinRevenueCNY: number;
  readonly ASampleFollowUpDays: number;
  readonly PoolAfterDays: number;
  readonly MaxContactsPerWeek: number;
  readonly ProbationMonths: number;
  readonly Q1ContactsTarget: number;
  readonly Q2SampleRequestsTarget: number;
  readonly Q4RepeatCustomersTarget: number;
  readonly DefaultBaseSalaryCNY: number;
  /** Optional: the company name printed on report headers. */
  readonly CompanyName: string;
}

export type SettingKey = keyof Settings;

/** Each setting: its default as the workbook stores it, and what it means. */
export const SETTING_DEFAULTS: readonly { key: SettingKey; value: string; description: LocalizedText }[] = [
  { key: "CompanyName", value: "", description: { zh: "报表页眉上的公司名称", en: "Company name printed on report headers" } },
  { key: "CommissionMethod", value: "marginal", description: { zh: "提成方式：marginal 超额累进 / whole 全额累进", en: "Commission method: marginal (each band's rate on its part) or whole (one rate on all)" } },
  { key: "BaseCurrency", value: "CNY", description: { zh: "本位币", en: "Base currency" } },
  { key: "WorkTimeZone", value: "Asia/Shanghai", description: { zh: "我方工作时区（所有日期按此时区记录）", en: "Our work time zone (all dates are wall-clock times here)" } },
  { key: "WorkHours", value: "09:00-11:30,13:30-17:00,18:00-20:00", description: { zh: "我方工作时间", en: "Our working hours" } },
  { key: "WorkDays", value: "Mon-Sat", description: { zh: "我方工作日", en: "Our working days" } },
  { key: "CustomerHours", value: "09:00-18:00", description: { zh: "客户营业时间（客户当地时间）", en: "Customers' business hours (their local time)" } },
  { key: "CustomerDays", value: "Mon-Fri", description: { zh: "客户工作日", en: "Customers' working days" } },
  { key: "NewCustomerContactsPerWeek", value: "1", description: { zh: "新客户建档当周至少主动联系次数", en: "Outbound contacts a new customer needs in its first ISO week" } },
  { key: "HighGrades", value: "KEY,A", description: { zh: "需要高频跟进的客户等级", en: "Grades that need frequent contact" } },
  { key: "HighGradeContactsPerMonth", value: "5", description: { zh: "高等级客户每月至少联系次数", en: "Contacts per calendar month for high grades" } },
  { key: "KeyCustomerVisitsPerYear", value: "2", description: { zh: "核心客户每年至少拜访次数", en: "Visits per calendar year for key customers" } },
  { key: "KeyCustomerMinRevenueCNY", value: "1000000", description: { zh: "核心客户：近12个月到款至少（人民币）", en: "Key customer: paid CNY in the last 12 months at least" } },
  { key: "ASampleFollowUpDays", value: "30", description: { zh: "A类客户：寄样后最近一次联系在此天数内", en: "Grade A: last contact within this many days after a sample" } },
  { key: "PoolAfterDays", value: "60", description: { zh: "超过此天数未联系，可放入公海", en: "Days without contact before a customer may go to the shared pool" } },
  { key: "MaxContactsPerWeek", value: "7", description: { zh: "每周对同一客户主动联系超过此数则提示过度催促", en: "Outbound contacts to one customer per week above which it is pushy" } },
  { key: "ProbationMonths", value: "3", description: { zh: "试用期月数", en: "Probation length in months" } },
  { key: "Q1ContactsTarget", value: "30", description: { zh: "试用期：即时通讯联系客户数目标", en: "Probation: distinct customers contacted by IM" } },
  { key: "Q2SampleRequestsTarget", value: "6", description: { zh: "第二阶段：付费样品客户数目标", en: "Stage 2: distinct customers with a paid sample request" } },
  { key: "Q4RepeatCustomersTarget", value: "2", description: { zh: "第四阶段：返单客户数目标", en: "Stage 4: repeat customers" } },
  { key: "DefaultBaseSalaryCNY", value: "1200", description: { zh: "默认月底薪（人民币）", en: "Default monthly base salary (CNY)" } },
];

/** The CommissionTiers defaults of the contract. */
export const DEFAULT_TIERS: readonly CommissionTier[] = [
  { UpToCNY: 1_000_000, Rate: 0.02 },
  { UpToCNY: 5_000_000, Rate: 0.025 },
  { UpToCNY: null, Rate: 0.04 },
];

/** Indicative defaults for ExchangeRates; teams update them. */
export const DEFAULT_RATES: readonly Omit<ExchangeRate, "AsOf">[] = [
  { Currency: "CNY", RateToCNY: 1 },
  { Currency: "USD", RateToCNY: 7.1 },
  { Currency: "EUR", RateToCNY: 7.8 },
  { Currency: "GBP", RateToCNY: 9.1 },
  { Currency: "JPY", RateToCNY: 0.048 },
  { Currency: "AUD", RateToCNY: 4.7 },
  { Currency: "CAD", RateToCNY: 5.2 },
  { Currency: "HKD", RateToCNY: 0.91 },
  { Currency: "AED", RateToCNY: 1.93 },
  { Currency: "RUB", RateToCNY: 0.08 },
] as unknown as readonly Omit<ExchangeRate, "AsOf">[];

const DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** "Mon-Sat", "Mon,Wed,Fri", "1-5" → ISO weekdays. */
export function parseDays(text: string): number[] | undefined {
  const out = new Set<number>();
  for (const part of text.split(/[,，;]/).map((p) => p.trim()).filter(Boolean)) {
    const ends = part.split(/\s*[-–~]\s*/);
    const idx = ends.map((x) => {
      const n = Number(x);
      if (Number.isInteger(n) && n >= 1 && n <= 7) return n;
      const i = DAY_NAMES.indexOf(x.slice(0, 3).toLowerCase());
      return i >= 0 ? i + 1 : NaN;
    });
    if (idx.some(Number.isNaN) || idx.length > 2) return undefined;
    const [a, b = a] = idx;
    for (let d = a; ; d = (d % 7) + 1) {
      out.add(d);
      if (d === b) break;
    }
  }
  return out.size ? [...out].sort((x, y) => x - y) : undefined;
}

/** "09:00-11:30,13:30-17:00" → minute spans. */
export function parseSpans(text: string): TimeSpan[] | undefined {
  const spans: TimeSpan[] = [];
  for (const part of text.split(/[,，;]/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^(\d{1,2}):(\d{2})\s*[-–~]\s*(\d{1,2}):(\d{2})$/.exec(part);
    if (!m) return undefined;
    const start = Number(m[1]) * 60 + Number(m[2]);
    const end = Number(m[3]) * 60 + Number(m[4]);
    if (Number(m[2]) > 59 || Number(m[4]) > 59 || end > 24 * 60 || end <= start) return undefined;
    spans.push({ start, end });
  }
  return spans.length ? spans : undefined;
}

export interface SettingProblem {
  readonly key: SettingKey;
  readonly value: string;
  readonly message: LocalizedText;
}

type Parser<T> = (raw: string) => T | undefined;

const nonNegative: Parser<number> = (raw) => {
  const n = Number(raw);
  return raw.trim() !== "" && Number.isFinite(n) && n >= 0 ? n : undefined;
};
const text: Parser<string> = (raw) => raw.trim();
const grades: Parser<Grade[]> = (raw) => {
  const list = raw.split(/[,，;\s]+/).map((g) => g.trim().toUpperCase()).filter(Boolean);
  const valid = GRADES.map((g) => g.value as string);
  return list.every((g) => valid.includes(g)) ? (list as Grade[]) : undefined;
};
const method: Parser<CommissionMethod> = (raw) => {
  const m = raw.trim().toLowerCase();
  if (m === "marginal" || m === "超额累进") return "marginal";
  if (m === "whole" || m === "全额累进") return "whole";
  return undefined;
};
const timeZone: Parser<string> = (raw) => (isValidTimeZone(raw.trim()) ? raw.trim() : undefined);

const PARSERS: { [K in SettingKey]: Parser<Settings[K]> } = {
  CompanyName: text,
  CommissionMethod: method,
  BaseCurrency: (raw) => (/^[A-Z]{3}$/.test(raw.trim().toUpperCase()) ? raw.trim().toUpperCase() : undefined),
  WorkTimeZone: timeZone,
  WorkHours: parseSpans,
  WorkDays: parseDays,
  CustomerHours: parseSpans,
  CustomerDays: parseDays,
  NewCustomerContactsPerWeek: nonNegative,
  HighGrades: grades,
  HighGradeContactsPerMonth: nonNegative,
  KeyCustomerVisitsPerYear: nonNegative,
  KeyCustomerMinRevenueCNY: nonNegative,
  ASampleFollowUpDays: nonNegative,
  PoolAfterDays: nonNegative,
  MaxContactsPerWeek: nonNegative,
  ProbationMonths: nonNegative,
  Q1ContactsTarget: nonNegative,
  Q2SampleRequestsTarget: nonNegative,
  Q4RepeatCustomersTarget: nonNegative,
  DefaultBaseSalaryCNY: nonNegative,
};

/**
 * Answers already found, by zone name. Why: each check builds an
 * Intl.DateTimeFormat (about 0.19 ms here), and every customer row's
 * TimeZone is checked; a workbook names a few dozen zones at most, so the
 * demo's review spent 57 of its 610 ms CPU building the same few formats
 * (docs/performance.md).
 */
const timeZoneValidity = new Map<string, boolean>();

export function isValidTimeZone(tz: string): boolean {
  if (!tz) return false;
  let valid = timeZoneValidity.get(tz);
  if (valid === undefined) {
    valid = canFormatIn(tz);
    timeZoneValidity.set(tz, valid);
  }
  return valid;
}

function canFormatIn(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function build(values: Map<string, string>, problems: SettingProblem[]): Settings {
  const out: Record<string, unknown> = {};
  for (const { key, value: def } of SETTING_DEFAULTS) {
    const parse = PARSERS[key] as Parser<unknown>;
    const raw = values.get(key.toLowerCase());
    let parsed = raw !== undefined && raw.trim() !== "" ? parse(raw) : undefined;
    if (raw !== undefined && raw.trim() !== "" && parsed === undefined) {
      problems.push({
        key,
        value: raw,
        message: { zh: `设置「${key}」的值「${raw}」无法识别，已使用默认值「${def}」`, en: `Setting ${key} = "${raw}" is not understood; the default "${def}" is used` },
      });
    }
    if (parsed === undefined) parsed = parse(def);
    out[key] = parsed;
  }
  return out as unknown as Settings;
}

/** Settings from the table's rows; unknown keys are the user's and ignored. */
export function readSettings(rows: readonly SettingRow[]): { settings: Settings; problems: SettingProblem[] } {
  const values = new Map<string, string>();
  for (const r of rows) if (r.Key) values.set(r.Key.trim().toLowerCase(), r.Value === null ? "" : String(r.Value));
  const problems: SettingProblem[] = [];
  return { settings: build(values, problems), problems };
}

export const DEFAULT_SETTINGS: Settings = build(new Map(), []);
