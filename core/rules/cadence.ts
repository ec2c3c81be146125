/**
 * The follow-up cadence (rules.md §4, 外贸部管理条例 五, 老客户 §3 §5 §7): what
 * each salesperson must do about which customer, as of a day D.
 *
 * Which customers: every customer (index.customers) created on or before D
 * whose Status is blank or Active. Pool (公海) customers have no owner to chase them and
 * Closed ones are finished, so neither gets due items or pushy warnings.
 * A duplicated CustomerID is one customer (the first row, as in core/index/indexes).
 *
 * Which follow-ups: those dated on or before the end of D (a time later on D
 * counts; a row dated after D does not exist yet as of D). "Contact" for
 * rules 1–2 and pushy means an OUTBOUND follow-up, as in §7's KPIs: the seed
 * asks the salesperson to reach out (联系); an email we receive is not that.
 *
 * The rules, their deadlines and severities (overdue = the deadline is
 * before D; today = the deadline is D; soon = later):
 *  newCustomerWeek     created in D's ISO week (Monday..D) with fewer than
 *                      NewCustomerContactsPerWeek outbound contacts in the
 *                      week so far. Deadline: that week's Sunday (today when
 *                      D is Sunday, else soon; never overdue: next week the
 *                      customer is not new any more).
 *  highGradeMonthly    grade in HighGrades with fewer than
 *                      HighGradeContactsPerMonth outbound contacts (any
 *                      channel) in D's calendar month. Deadline: month end.
 *  keyCustomerVisits   grade KEY with fewer than KeyCustomerVisitsPerYear
 *                      follow-ups on channel Visit (either direction: their
 *                      visit to our factory is a visit too) in D's calendar
 *                      year. Deadline: 31 December.
 *  sameDayReply        an inbound Email not yet answered: no outbound
 *                      contact on its calendar day (at any time that day) nor
 *                      later up to D. One item per customer; deadline: the
 *                      first unanswered email's day (today when it is D,
 *                      overdue when before). A late reply clears the item:
 *                      the list is what to do now, not a record of lapses.
 *  promisedNextContact a follow-up's NextDate has passed (as of the end of
 *                      D: NextDate ≤ D) and no outbound contact ("contact
 *                      to that customer") is dated after that follow-up.
 *                      Any such follow-up counts, also when a later inbound
 *                      message carries a new NextDate: only our contact
 *                      keeps a promise. One item per customer, for the
 *                      oldest broken promise: overdue, or today when its
 *                      NextDate is D. Promises not yet due are not listed
 *                      (the rule has no look-ahead, unlike birthdays).
 *  birthday            the main contact's birthday (its month and day; 29
 *                      February is kept on 28 February in common years) from
 *                      D to D + 7 days inclusive. Deadline: that day (today
 *                      or soon).
 *  neglect             "no contact for PoolAfterDays days": the last
 *                      follow-up in either direction (the grading rule's
 *                      "last contact"), or CreatedOn when there is none, at
 *                      least PoolAfterDays days before D (as of the end of
 *                      D, 60 whole days have then gone by without contact).
 *                      Deadline: that day + PoolAfterDays (today or overdue).
 *  pushy (overContact) more than MaxContactsPerWeek outbound contacts in D's
 *                      ISO week (Monday..D): a warning, in its own list.
 *
 * One pass over each customer's follow-ups (sorted by core/index/indexes), so the
 * whole list is linear in the rows.
 */
import { dayOf, daysInMonth, isoWeekKey, serialFromYMD, ymdOf, type DaySerial } from "../contract/dates";
import type { CrmIndex } from "../index/indexes";
import { calendarOf, historyOf, type Calendar, type History } from "./cadence-history";
import type { Customer, CustomerId, SalespersonName } from "../contract/model";
import type { Grade, LocalizedText } from "../contract/schema";
import type { Settings } from "../contract/settings";
import { detailText, progressText, type DueRule, type DueSeverity, DUE_RULES, DUE_SEVERITIES } from "./cadence-text";

export { DUE_RULES, DUE_RULE_NAMES, DUE_SEVERITIES, DUE_SEVERITY_NAMES, type DueRule, type DueSeverity } from "./cadence-text";
/** The cadence's next contact date lives in its own file; callers may import it from here. */
export { nextContactDate, contactIntervalDays } from "./next-contact";

/** How far a customer is along a rule, e.g. 3 of 5 contacts this month. */
export interface DueProgress {
  readonly done: number;
  readonly required: number;
  readonly text: LocalizedText;
}

export interface DueItem {
  readonly customerId: CustomerId;
  readonly company: string;
  readonly owner: SalespersonName;
  readonly grade: Grade | null;
  readonly rule: DueRule;
  readonly progress: DueProgress;
  readonly deadline: DaySerial;
  readonly severity: DueSeverity;
  readonly detail: LocalizedText;
}

/** A customer contacted too often this week (既不能催得客户太紧了). */
export interface OverContactItem {
  readonly customerId: CustomerId;
  readonly company: string;
  readonly owner: SalespersonName;
  readonly rule: "pushy";
  /** Outbound contacts in D's ISO week up to D. */
  readonly count: number;
  readonly max: number;
  /** "YYYY-Www" */
  readonly week: string;
  readonly detail: LocalizedText;
}

export interface DueOptions {
  /** Only this owner's customers. */
  readonly salesperson?: SalespersonName;
}

export type CadenceSettings = Pick<
  Settings,
  "NewCustomerContactsPerWeek" | "HighGrades" | "HighGradeContactsPerMonth" | "KeyCustomerVisitsPerYear" | "PoolAfterDays" | "MaxContactsPerWeek"
>;

/** How many days ahead a birthday is shown. */
export const BIRTHDAY_LOOKAHEAD_DAYS = 7;

function severityOf(deadline: DaySerial, day: DaySerial): DueSeverity {
  return deadline < day ? "overdue" : deadline === day ? "today" : "soon";
}

/** The birthday's next anniversary on or after `day` (`year` is day's year); 29 February → 28 February in common years. */
export function nextBirthday(birthday: DaySerial, day: DaySerial, year: number = ymdOf(day).year): DaySerial {
  const { month, day: dom } = ymdOf(birthday);
  const thisYear = serialFromYMD(year, month, Math.min(dom, daysInMonth(year, month)));
  return thisYear >= day ? thisYear : serialFromYMD(year + 1, month, Math.min(dom, daysInMonth(year + 1, month)));
}

/** One customer's due items as of D (cal.day), in rule order. */
function dueFor(c: Customer, grade: Grade | null, h: History, cal: Calendar, s: CadenceSettings): DueItem[] {
  const items: DueItem[] = [];
  const add = (rule: DueRule, deadline: DaySerial, progress: DueProgress, detail: LocalizedText): void => {
    items.push({ customerId: c.CustomerID, company: c.Company, owner: c.Owner, grade, rule, progress, deadline, severity: severityOf(deadline, cal.day), detail });
  };
  const created = dayOf(c.CreatedOn);
  if (created >= cal.weekFrom && h.outInWeek < s.NewCustomerContactsPerWeek) {
    const need = s.NewCustomerContactsPerWeek;
    add("newCustomerWeek", cal.weekTo, { done: h.outInWeek, required: need, text: progressText.newCustomerWeek(h.outInWeek, need) }, detailText.newCustomerWeek(created, need, cal.weekTo));
  }
  if (grade !== null && s.HighGrades.includes(grade) && h.outInMonth < s.HighGradeContactsPerMonth) {
    const need = s.HighGradeContactsPerMonth;
    add("highGradeMonthly", cal.monthTo, { done: h.outInMonth, required: need, text: progressText.highGradeMonthly(h.outInMonth, need) }, detailText.highGradeMonthly(grade, need - h.outInMonth, cal.monthTo));
  }
  if (grade === "KEY" && h.visitsInYear < s.KeyCustomerVisitsPerYear) {
    const need = s.KeyCustomerVisitsPerYear;
    add("keyCustomerVisits", cal.yearTo, { done: h.visitsInYear, required: need, text: progressText.keyCustomerVisits(h.visitsInYear, need) }, detailText.keyCustomerVisits(need - h.visitsInYear, cal.yearTo));
  }
  if (h.firstUnansweredDay !== null) {
    const n = h.unansweredEmails;
    add("sameDayReply", h.firstUnansweredDay, { done: 0, required: n, text: progressText.sameDayReply(n) }, detailText.sameDayReply(h.firstUnansweredDay));
  }
  const broken = h.brokenPromise;
  if (broken?.NextDate != null) {
    const promised = dayOf(broken.NextDate);
    add("promisedNextContact", promised, { done: 0, required: 1, text: progressText.promisedNextContact(promised) }, detailText.promisedNextContact(dayOf(broken.Date), promised, broken.NextStep));
  }
  if (c.Birthday !== null) {
    const next = nextBirthday(dayOf(c.Birthday), cal.day, cal.year);
    if (next - cal.day <= BIRTHDAY_LOOKAHEAD_DAYS) {
      add("birthday", next, { done: 0, required: 1, text: progressText.birthday(next, next - cal.day) }, detailText.birthday(c.Contact, next));
    }
  }
  const since = h.lastContactDay ?? created;
  const idle = cal.day - since;
  if (idle >= s.PoolAfterDays) {
    const ever = h.lastContactDay !== null;
    add("neglect", since + s.PoolAfterDays, { done: idle, required: s.PoolAfterDays, text: progressText.neglect(idle, s.PoolAfterDays, ever) }, detailText.neglect(since, ever));
  }
  return items;
}

/** Whether the cadence applies to a customer as of D (see the file comment). */
function inScope(c: Customer, day: DaySerial, opts: DueOptions | undefined): boolean {
  if (c.Status === "Pool" || c.Status === "Closed") return false;
  if (dayOf(c.CreatedOn) > day) return false;
  return opts?.salesperson === undefined || c.Owner === opts.salesperson;
}

const SEVERITY_RANK = Object.fromEntries(DUE_SEVERITIES.map((s, i) => [s, i])) as Record<DueSeverity, number>;
const RULE_RANK = Object.fromEntries(DUE_RULES.map((r, i) => [r, i])) as Record<DueRule, number>;
/**
 * Most urgent first: severity, then deadline, then rule order; ties keep the
 * Customers sheet's order (the sort is stable), which is the order the team
 * already knows.
 */
export function compareDue(a: DueItem, b: DueItem): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.deadline - b.deadline || RULE_RANK[a.rule] - RULE_RANK[b.rule];
}

/** The due list of rules.md §4 as of D, most urgent first. */
export function dueList(index: CrmIndex, date: DaySerial, settings: CadenceSettings, grades: ReadonlyMap<CustomerId, Grade>, opts?: DueOptions): DueItem[] {
  return dueAndOverContact(index, date, settings, grades, opts).items;
}

/** Customers with more than MaxContactsPerWeek outbound contacts in D's ISO week, most contacted first (then sheet order). */
export function overContact(index: CrmIndex, date: DaySerial, settings: Pick<Settings, "MaxContactsPerWeek">, opts?: DueOptions): OverContactItem[] {
  const cal = calendarOf(date);
  // Customer k of index.customers is the one numbered k.
  return index.customers.flatMap((c, k) => (inScope(c, cal.day, opts) ? pushyOf(c, historyOf(index.followUps, k, cal), cal, settings.MaxContactsPerWeek) : []));
}

/** The pushy warning of one customer, when over the week's maximum. */
function pushyOf(c: Customer, h: History, cal: Calendar, max: number): OverContactItem[] {
  const count = h.outSinceWeekStart;
  if (count <= max) return [];
  return [{ customerId: c.CustomerID, company: c.Company, owner: c.Owner, rule: "pushy", count, max, week: isoWeekKey(cal.day), detail: detailText.pushy(count, max) }];
}

/**
 * dueList and overContact together, from one pass over each customer's
 * follow-ups (what `tradebook due` and the task pane show side by side).
 */
export function dueAndOverContact(
  index: CrmIndex,
  date: DaySerial,
  settings: CadenceSettings,
  grades: ReadonlyMap<CustomerId, Grade>,
  opts?: DueOptions,
): { readonly items: DueItem[]; readonly pushy: OverContactItem[] } {
  const cal = calendarOf(date);
  const items: DueItem[] = [];
  const pushy: OverContactItem[] = [];
  // Customer k of index.customers is the one numbered k.
  for (let k = 0; k < index.customers.length; k++) {
    const c = index.customers[k];
    if (!inScope(c, cal.day, opts)) continue;
    const h = historyOf(index.followUps, k, cal);
    items.push(...dueFor(c, grades.get(c.CustomerID) ?? null, h, cal, settings));
    pushy.push(...pushyOf(c, h, cal, settings.MaxContactsPerWeek));
  }
  items.sort(compareDue);
  pushy.sort((a, b) => b.count - a.count);
  return { items, pushy };
}
