/**
 * The follow-up cadence (rules.md §4, 外贸部管理条例 五, 老客户 §3 §5 §7): what
 * each salesperson must do about which customer, as of a day D.
 *
 * Which customers: every customer created on or before D whose Status is
 * blank or Active. Pool (公海) customers have no owner to chase them and
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
import * as dates from "../contract/dates";
import { isoWeekKey, type DaySerial } from "../contract/dates";
import type { CrmIndex } from "../index/indexes";
import type { FollowUpGroups } from "../index/follow-up-groups";
import * as cadenceHistory from "./cadence-history";
import { calendarOf, emptyHistory, type Calendar, type History } from "./cadence-history";
import type { CrmSnapshot, Customer, CustomerId, SalespersonName } from "../contract/model";
import type { Grade, LocalizedText } from "../contract/schema";
import type { Settings } from "../contract/settings";
import { gradesInOrder } from "./grading";
import * as texts from "./cadence-text";
import { type DueRule, type DueSeverity, DUE_RULES, DUE_SEVERITIES } from "./cadence-text";

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

// Bound once: bundlers and test runners reach imported bindings through
// getters, which in a 500,000-row loop costs more than the calls themselves.
const { dayOf, ymdOf, serialFromYMD, daysInMonth } = dates;
const { progressText, detailText } = texts;
const { historyOf, oldestBrokenPromise } = cadenceHistory;

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

/** One due item; a plain function, not a per-customer closure, to keep the hot loop lean. */
function item(c: Customer, grade: Grade | null, cal: Calendar, rule: DueRule, deadline: DaySerial, progress: DueProgress, detail: LocalizedText): DueItem {
  return { customerId: c.CustomerID, company: c.Company, owner: c.Owner, grade, rule, progress, deadline, severity: severityOf(deadline, cal.day), detail };
}

function dueFor(c: Customer, grade: Grade | null, fu: FollowUpGroups, lo: number, h: History, cal: Calendar, s: CadenceSettings, items: DueItem[]): void {
  const created = dayOf(c.CreatedOn);
  if (created >= cal.weekFrom && h.outInWeek < s.NewCustomerContactsPerWeek) {
    const need = s.NewCustomerContactsPerWeek;
    items.push(item(c, grade, cal, "newCustomerWeek", cal.weekTo, { done: h.outInWeek, required: need, text: progressText.newCustomerWeek(h.outInWeek, need) }, detailText.newCustomerWeek(created, need, cal.weekTo)));
  }
  if (grade !== null && s.HighGrades.includes(grade) && h.outInMonth < s.HighGradeContactsPerMonth) {
    const need = s.HighGradeContactsPerMonth;
    items.push(item(c, grade, cal, "highGradeMonthly", cal.monthTo, { done: h.outInMonth, required: need, text: progressText.highGradeMonthly(h.outInMonth, need) }, detailText.highGradeMonthly(grade, need - h.outInMonth, cal.monthTo)));
  }
  if (grade === "KEY" && h.visitsInYear < s.KeyCustomerVisitsPerYear) {
    const need = s.KeyCustomerVisitsPerYear;
    items.push(item(c, grade, cal, "keyCustomerVisits", cal.yearTo, { done: h.visitsInYear, required: need, text: progressText.keyCustomerVisits(h.visitsInYear, need) }, detailText.keyCustomerVisits(need - h.visitsInYear, cal.yearTo)));
  }
  if (h.firstUnansweredDay !== null) {
    const n = h.unansweredEmails;
    items.push(item(c, grade, cal, "sameDayReply", h.firstUnansweredDay, { done: 0, required: n, text: progressText.sameDayReply(n) }, detailText.sameDayReply(h.firstUnansweredDay)));
  }
  const broken = oldestBrokenPromise(fu, lo, h, cal.day);
  if (broken?.NextDate != null) {
    const promised = dayOf(broken.NextDate);
    items.push(item(c, grade, cal, "promisedNextContact", promised, { done: 0, required: 1, text: progressText.promisedNextContact(promised) }, detailText.promisedNextContact(dayOf(broken.Date), promised, broken.NextStep)));
  }
  if (c.Birthday !== null) {
    const next = nextBirthday(dayOf(c.Birthday), cal.day, cal.year);
    if (next - cal.day <= BIRTHDAY_LOOKAHEAD_DAYS) {
      items.push(item(c, grade, cal, "birthday", next, { done: 0, required: 1, text: progressText.birthday(next, next - cal.day) }, detailText.birthday(c.Contact, next)));
    }
  }
  const since = h.lastContactDay ?? created;
  const idle = cal.day - since;
  if (idle >= s.PoolAfterDays) {
    const ever = h.lastContactDay !== null;
    items.push(item(c, grade, cal, "neglect", since + s.PoolAfterDays, { done: idle, required: s.PoolAfterDays, text: progressText.neglect(idle, s.PoolAfterDays, ever) }, detailText.neglect(since, ever)));
  }
}

/** Whether the cadence applies to a customer as of D (see the file comment). */
function inScope(c: Customer, day: DaySerial, opts: DueOptions | undefined): boolean {
  if (c.Status === "Pool" || c.Status === "Closed") return false;
  if (dayOf(c.CreatedOn) > day) return false;
  return opts?.salesperson === undefined || c.Owner === opts.salesperson;
}

/** The customers a scan covers, position for position: row, index slot (-1: none) and grade. */
interface Scope {
  readonly customers: Customer[];
  readonly slots: number[];
  readonly grades: (Grade | null)[];
}

/**
 * Customers in scope with their index slot and grade, first row per ID, in
 * sheet order. The index's own rows need no ID lookup: slots are by position,
 * the first row of an ID is the one the index kept, and the grades are read
 * in the order gradeAll wrote them (gradesInOrder).
 */
function customersInScope(snapshot: Pick<CrmSnapshot, "Customers">, index: CrmIndex, day: DaySerial, grades: ReadonlyMap<CustomerId, Grade> | null, opts: DueOptions | undefined): Scope {
  const rows = snapshot.Customers;
  const scope: Scope = { customers: [], slots: [], grades: [] };
  if (index.customerRows === rows) {
    const { customerRowSlot, firstCustomerRow } = index;
    const gradeOf = grades === null ? null : gradesInOrder(grades, index);
    for (let i = 0; i < rows.length; i++) {
      const slot = customerRowSlot[i];
      if (firstCustomerRow[slot] !== i) continue;
      const c = rows[i];
      // Asked for every first row, in scope or not, to stay in step with the map.
      const grade = gradeOf === null ? null : (gradeOf(c.CustomerID, slot) ?? null);
      if (!inScope(c, day, opts)) continue;
      scope.customers.push(c);
      scope.slots.push(slot);
      scope.grades.push(grade);
    }
    return scope;
  }
  const seen = new Set<CustomerId>();
  for (const c of rows) {
    if (seen.has(c.CustomerID)) continue;
    seen.add(c.CustomerID);
    if (!inScope(c, day, opts)) continue;
    scope.customers.push(c);
    scope.slots.push(index.customerSlots.get(c.CustomerID) ?? -1);
    scope.grades.push(grades?.get(c.CustomerID) ?? null);
  }
  return scope;
}

const SEVERITY_RANK = Object.fromEntries(DUE_SEVERITIES.map((s, i) => [s, i])) as Record<DueSeverity, number>;
const RULE_RANK = Object.fromEntries(DUE_RULES.map((r, i) => [r, i])) as Record<DueRule, number>;
/**
 * Most urgent first: severity, then deadline, then rule order; ties keep the
 * Customers sheet's order (the sort is stable), which is the order the team
 * already knows — and cheaper than collating 50,000 company names.
 */
export function compareDue(a: DueItem, b: DueItem): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.deadline - b.deadline || RULE_RANK[a.rule] - RULE_RANK[b.rule];
}

/** Deadlines up to this bound (the year 9999 is 2,958,465) pack into a sort key. */
const DEADLINE_LIMIT = 2 ** 22;
/** Lists up to this long pack their positions into a sort key. */
const POSITION_LIMIT = 2 ** 20;

/**
 * items.sort(compareDue), without a comparator call per step: 36,000 items
 * at the largest size cost a comparator sort as much as building them. Each
 * item's severity, deadline, rule and position pack into one number below
 * 2^53 (exact in a double), so a numeric sort of the keys gives the stable
 * comparator's order. Lists whose deadlines or length do not fit fall back
 * to the comparator.
 */
function sortDue(items: DueItem[]): void {
  const n = items.length;
  const keys = new Float64Array(n);
  let packable = n < POSITION_LIMIT;
  for (let i = 0; i < n && packable; i++) {
    const it = items[i];
    const deadline = it.deadline;
    packable = Number.isInteger(deadline) && deadline >= 0 && deadline < DEADLINE_LIMIT;
    keys[i] = ((SEVERITY_RANK[it.severity] * DEADLINE_LIMIT + deadline) * 8 + RULE_RANK[it.rule]) * POSITION_LIMIT + i;
  }
  if (!packable) {
    items.sort(compareDue);
    return;
  }
  keys.sort();
  const sorted = Array.from(keys, (k) => items[k % POSITION_LIMIT]);
  for (let i = 0; i < n; i++) items[i] = sorted[i];
}

/** The due list of rules.md §4 as of D, most urgent first. */
export function dueList(
  snapshot: Pick<CrmSnapshot, "Customers">,
  index: CrmIndex,
  date: DaySerial,
  settings: CadenceSettings,
  grades: ReadonlyMap<CustomerId, Grade>,
  opts?: DueOptions,
): DueItem[] {
  return cadenceScan(snapshot, index, date, settings, { grades, settings }, opts).items;
}

/** Customers with more than MaxContactsPerWeek outbound contacts in D's ISO week, most contacted first (then sheet order). */
export function overContact(
  snapshot: Pick<CrmSnapshot, "Customers">,
  index: CrmIndex,
  date: DaySerial,
  settings: Pick<Settings, "MaxContactsPerWeek">,
  opts?: DueOptions,
): OverContactItem[] {
  return cadenceScan(snapshot, index, date, settings, null, opts).pushy;
}

/**
 * dueList and overContact together, from one pass over each customer's
 * follow-ups (what `tradebook due` and the task pane show side by side):
 * the same two lists as the two calls, for half the passes.
 */
export function dueAndOverContact(
  snapshot: Pick<CrmSnapshot, "Customers">,
  index: CrmIndex,
  date: DaySerial,
  settings: CadenceSettings,
  grades: ReadonlyMap<CustomerId, Grade>,
  opts?: DueOptions,
): { readonly items: DueItem[]; readonly pushy: OverContactItem[] } {
  return cadenceScan(snapshot, index, date, settings, { grades, settings }, opts);
}

/** The due items (when grades are given) and the pushy warnings, customer by customer. */
function cadenceScan(
  snapshot: Pick<CrmSnapshot, "Customers">,
  index: CrmIndex,
  date: DaySerial,
  settings: Pick<Settings, "MaxContactsPerWeek">,
  due: { readonly grades: ReadonlyMap<CustomerId, Grade>; readonly settings: CadenceSettings } | null,
  opts: DueOptions | undefined,
): { items: DueItem[]; pushy: OverContactItem[] } {
  const cal = calendarOf(date);
  const week = isoWeekKey(cal.day);
  const max = settings.MaxContactsPerWeek;
  const items: DueItem[] = [];
  const pushy: OverContactItem[] = [];
  const h = emptyHistory();
  const fu = index.followUps;
  const { customers, slots, grades } = customersInScope(snapshot, index, cal.day, due?.grades ?? null, opts);
  for (let k = 0; k < customers.length; k++) {
    const c = customers[k];
    const slot = slots[k];
    // A customer with no slot has no follow-ups: an empty range.
    const lo = slot < 0 ? 0 : fu.start[slot];
    const hi = slot < 0 ? 0 : fu.start[slot + 1];
    historyOf(fu, lo, hi, cal, h);
    if (due !== null) dueFor(c, grades[k], fu, lo, h, cal, due.settings, items);
    const count = h.outSinceWeekStart;
    if (count > max) pushy.push({ customerId: c.CustomerID, company: c.Company, owner: c.Owner, rule: "pushy", count, max, week, detail: detailText.pushy(count, max) });
  }
  sortDue(items);
  pushy.sort((a, b) => b.count - a.count);
  return { items, pushy };
}
