/**
 * The words of the due list (core/rules/cadence.ts) in both languages: rule names,
 * severities, progress lines and details. Kept apart so the rules read as rules.
 */
import { toISODate as formatISODate, type DaySerial } from "../contract/dates";
import type { LocalizedText } from "../contract/schema";

export const DUE_RULES = [
  "newCustomerWeek",
  "highGradeMonthly",
  "keyCustomerVisits",
  "sameDayReply",
  "promisedNextContact",
  "birthday",
  "neglect",
] as const;
export type DueRule = (typeof DUE_RULES)[number];

/** Most urgent first. */
export const DUE_SEVERITIES = ["overdue", "today", "soon"] as const;
export type DueSeverity = (typeof DUE_SEVERITIES)[number];

export const DUE_RULE_NAMES: Readonly<Record<DueRule | "pushy", LocalizedText>> = {
  newCustomerWeek: { zh: "新客户当周联系", en: "New customer: contact this week" },
  highGradeMonthly: { zh: "高等级客户每月联系", en: "High grade: monthly contacts" },
  keyCustomerVisits: { zh: "核心客户年度拜访", en: "Key customer: yearly visits" },
  sameDayReply: { zh: "来邮当日回复", en: "Same-day reply to email" },
  promisedNextContact: { zh: "约定跟进", en: "Promised next contact" },
  birthday: { zh: "生日问候", en: "Birthday greeting" },
  neglect: { zh: "长期未联系（可放公海）", en: "Neglected (shared-pool candidate)" },
  pushy: { zh: "联系过频", en: "Too many contacts" },
};

export const DUE_SEVERITY_NAMES: Readonly<Record<DueSeverity, LocalizedText>> = {
  overdue: { zh: "已逾期", en: "Overdue" },
  today: { zh: "今天到期", en: "Due today" },
  soon: { zh: "即将到期", en: "Due soon" },
};

const t = (zh: string, en: string): LocalizedText => ({ zh, en });

/**
 * "YYYY-MM-DD", remembered: a due list of 50,000 customers formats the same
 * few hundred days over and over, and each fresh format builds a Date.
 */
const isoCache = new Map<DaySerial, string>();
function toISODate(d: DaySerial): string {
  let s = isoCache.get(d);
  if (s === undefined) {
    if (isoCache.size > 20_000) isoCache.clear();
    s = formatISODate(d);
    isoCache.set(d, s);
  }
  return s;
}
/**
 * A text remembered by its arguments. A due list of 50,000 customers says
 * the same few hundred things tens of thousands of times (10,000 "1 of 2
 * contacts this month"); building each anew was a large share of the list's
 * garbage. Items share the (read-only) text objects; the cache is bounded.
 * It is a tree of Maps, one level per argument, so a call that finds its
 * text builds nothing (a key joined from the arguments was a new string per
 * call: 3.7 MB per due list at 50,000 customers).
 */
function remembered<A extends (string | number | boolean)[]>(make: (...args: A) => LocalizedText): (...args: A) => LocalizedText {
  type Level = Map<string | number | boolean, Level | LocalizedText>;
  let root: Level = new Map();
  let size = 0;
  return (...args: A): LocalizedText => {
    let level = root;
    const last = args.length - 1;
    for (let i = 0; i < last; i++) {
      let next = level.get(args[i]) as Level | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(args[i], next);
      }
      level = next;
    }
    let text = level.get(args[last]) as LocalizedText | undefined;
    if (text === undefined) {
      text = make(...args);
      if (size >= 20_000) {
        root = new Map();
        size = 0;
        return text; // not kept: the tree it would join was just dropped
      }
      level.set(args[last], text);
      size++;
    }
    return text;
  };
}
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
const monthDay = (d: DaySerial): string => toISODate(d).slice(5);

/** The line that says how far a customer is along a rule. */
export const progressText = {
  newCustomerWeek: remembered((done: number, required: number) => t(`本周已主动联系 ${done}/${required} 次`, `${done} of ${required} outbound contacts this week`)),
  highGradeMonthly: remembered((done: number, required: number) => t(`本月已联系 ${done}/${required} 次`, `${done} of ${required} contacts this month`)),
  keyCustomerVisits: remembered((done: number, required: number) => t(`今年已拜访 ${done}/${required} 次`, `${done} of ${required} visits this year`)),
  sameDayReply: remembered((unanswered: number) => t(`${unanswered} 封来邮未回复`, `${plural(unanswered, "inbound email", "inbound emails")} unanswered`)),
  promisedNextContact: remembered((promised: DaySerial) => t(`约定 ${toISODate(promised)} 联系`, `contact promised for ${toISODate(promised)}`)),
  birthday: (on: DaySerial, inDays: number) =>
    inDays === 0 ? t(`今天（${monthDay(on)}）生日`, `birthday today (${monthDay(on)})`) : t(`${monthDay(on)} 生日（${inDays} 天后）`, `birthday on ${monthDay(on)} (in ${plural(inDays, "day", "days")})`),
  neglect: remembered((days: number, limit: number, everContacted: boolean) =>
    everContacted
      ? t(`已 ${days} 天未联系（上限 ${limit} 天）`, `${days} days without contact (limit ${limit})`)
      : t(`建档 ${days} 天从未联系（上限 ${limit} 天）`, `never contacted in ${days} days since created (limit ${limit})`),
  ),
};

/** What to do, with the facts behind it. */
export const detailText = {
  newCustomerWeek: remembered((createdOn: DaySerial, required: number, deadline: DaySerial) =>
    t(`${toISODate(createdOn)} 新建档，须在本周日 ${toISODate(deadline)} 前至少主动联系 ${required} 次`, `New on ${toISODate(createdOn)}: needs ${plural(required, "outbound contact", "outbound contacts")} by Sunday ${toISODate(deadline)}`),
  ),
  highGradeMonthly: remembered((grade: string, missing: number, deadline: DaySerial) =>
    t(`${grade} 级客户，本月底 ${toISODate(deadline)} 前还需联系 ${missing} 次`, `Grade ${grade}: ${plural(missing, "more contact", "more contacts")} needed by month end ${toISODate(deadline)}`),
  ),
  keyCustomerVisits: remembered((missing: number, deadline: DaySerial) =>
    t(`核心客户，年底 ${toISODate(deadline)} 前还需拜访 ${missing} 次`, `Key customer: ${plural(missing, "more visit", "more visits")} needed by year end ${toISODate(deadline)}`),
  ),
  sameDayReply: remembered((firstEmail: DaySerial) => t(`客户 ${toISODate(firstEmail)} 来邮，须当天回复`, `Customer emailed on ${toISODate(firstEmail)}: reply the same day`)),
  promisedNextContact: (promisedOn: DaySerial, promised: DaySerial, nextStep: string | null) =>
    t(
      `${toISODate(promisedOn)} 约定 ${toISODate(promised)} 再联系${nextStep ? `：${nextStep}` : ""}`,
      `On ${toISODate(promisedOn)} a contact was promised for ${toISODate(promised)}${nextStep ? `: ${nextStep}` : ""}`,
    ),
  birthday: (contact: string | null, on: DaySerial) => {
    const [, month, day] = toISODate(on).split("-").map(Number);
    return t(`给${contact ?? "主要联系人"}发送生日祝福（${month}月${day}日）`, `Send ${contact ?? "the main contact"} birthday greetings (${toISODate(on)})`);
  },
  neglect: remembered((since: DaySerial, everContacted: boolean) =>
    everContacted
      ? t(`最后联系于 ${toISODate(since)}，可放入公海由其他业务员跟进`, `Last contact on ${toISODate(since)}: may go to the shared pool for another salesperson`)
      : t(`${toISODate(since)} 建档后从未联系，可放入公海`, `Created ${toISODate(since)} and never contacted: may go to the shared pool`),
  ),
  pushy: (count: number, max: number) =>
    t(`本周已主动联系 ${count} 次，超过 ${max} 次：别催得太紧`, `${count} outbound contacts this week, more than ${max}: don't push too hard`),
};
