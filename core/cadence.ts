/**
 * The follow-up cadence (rules.md §4, 外贸部管理条例 五, 老客户 §3 §5 §7): what
 * each salesperson must do about which customer, as of a day D.
 *
 * Which customers: every customer created on or before D whose Status is
 * blank or Active. Pool (公海) customers have no owner to chase them and
 * Closed ones are finished, so neither gets due items or pushy warnings.
 * A duplicated CustomerID is one customer (the first row, as in core/indexes).
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
 * One pass over each customer's follow-ups (sorted by core/indexes), so the
 * whole list is linear in the rows.
 */
import * as dates from "./dates";
import { isoWeekday, isoWeekKey, monthRangeOf, yearRangeOf, type DaySerial } from "./dates";
import type { CrmIndex } from "./indexes";
import type { CrmSnapshot, Customer, CustomerId, FollowUp, SalespersonName } from "./model";
import type { Grade, LocalizedText } from "./schema";
import type { Settings } from "./settings";
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
const NO_FOLLOW_UPS: readonly FollowUp[] = [];

/** How many days ahead a birthday is shown. */
export const BIRTHDAY_LOOKAHEAD_DAYS = 7;

/** D's calendar: computed once, then every test per follow-up is a number comparison. */
interface Calendar {
  readonly day: DaySerial;
  /** Follow-ups dated before this count (the end of D). */
  readonly end: number;
  readonly weekFrom: DaySerial;
  readonly weekTo: DaySerial;
  readonly monthFrom: DaySerial;
  readonly monthTo: DaySerial;
  readonly yearFrom: DaySerial;
  readonly yearTo: DaySerial;
  readonly year: number;
}

function calendarOf(date: DaySerial): Calendar {
  const day = dayOf(date);
  const weekFrom = day - (isoWeekday(day) - 1);
  const month = monthRangeOf(day);
  const year = yearRangeOf(day);
  return { day, end: day + 1, weekFrom, weekTo: weekFrom + 6, monthFrom: month.from, monthTo: month.to, yearFrom: year.from, yearTo: year.to, year: ymdOf(day).year };
}

/** Everything the rules need from one customer's history, in one pass. */
interface History {
  outInWeek: number;
  outInMonth: number;
  visitsInYear: number;
  lastContactDay: DaySerial | null;
  unansweredEmails: number;
  firstUnansweredDay: DaySerial | null;
  /**
   * Follow-ups [0, seen) are dated up to D; the open promises (a NextDate and
   * no outbound contact dated after them) are those among them dated at or
   * after lastOutDate (all when null). Our contact keeps every promise made
   * before it, and the list is sorted by Date, so the last outbound contact
   * alone decides — no list of promises is built per customer.
   */
  seen: number;
  lastOutDate: number | null;
  /** Outbound contacts from the week's Monday by their exact date-time (the pushy count). */
  outSinceWeekStart: number;
}

/** One customer's history at a time: filled in place, read before the next customer's. */
function emptyHistory(): History {
  return { outInWeek: 0, outInMonth: 0, visitsInYear: 0, lastContactDay: null, unansweredEmails: 0, firstUnansweredDay: null, seen: 0, lastOutDate: null, outSinceWeekStart: 0 };
}

function historyOf(followUps: readonly FollowUp[], cal: Calendar, h: History): History {
  h.outInWeek = 0;
  h.outInMonth = 0;
  h.visitsInYear = 0;
  h.lastContactDay = null;
  h.unansweredEmails = 0;
  h.firstUnansweredDay = null;
  h.seen = 0;
  h.lastOutDate = null;
  h.outSinceWeekStart = 0;
  let lastOutDay: DaySerial | null = null;
  for (let i = 0; i < followUps.length; i++) {
    const f = followUps[i];
    if (f.Date >= cal.end) break; // sorted by Date: the rest is after D
    h.seen = i + 1;
    const fDay = dayOf(f.Date);
    h.lastContactDay = fDay;
    if (f.Channel === "Visit" && fDay >= cal.yearFrom) h.visitsInYear++;
    if (f.Direction === "Out") {
      if (fDay >= cal.weekFrom) h.outInWeek++;
      if (f.Date >= cal.weekFrom) h.outSinceWeekStart++;
      if (fDay >= cal.monthFrom) h.outInMonth++;
      lastOutDay = fDay;
      // Every email so far is on or before this day: answered, on time or late.
      h.unansweredEmails = 0;
      h.firstUnansweredDay = null;
      // Our contact keeps every promise made before it (a same-time row is not "later").
      h.lastOutDate = f.Date;
    } else if (f.Channel === "Email" && fDay !== lastOutDay) {
      h.unansweredEmails++;
      h.firstUnansweredDay ??= fDay;
    }
  }
  return h;
}

/**
 * The open promise whose NextDate has passed (≤ D) earliest; null when none
 * has. Ties go to the earlier row: the scan runs backwards, so `<=`.
 */
function oldestBrokenPromise(followUps: readonly FollowUp[], h: History, day: DaySerial): FollowUp | null {
  let oldest: FollowUp | null = null;
  for (let i = h.seen - 1; i >= 0; i--) {
    const p = followUps[i];
    if (h.lastOutDate !== null && p.Date < h.lastOutDate) break;
    if (p.NextDate === null || dayOf(p.NextDate) > day) continue;
    if (oldest === null || p.NextDate <= (oldest.NextDate ?? Infinity)) oldest = p;
  }
  return oldest;
}

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

function dueFor(c: Customer, grade: Grade | null, followUps: readonly FollowUp[], h: History, cal: Calendar, s: CadenceSettings, items: DueItem[]): void {
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
  const broken = oldestBrokenPromise(followUps, h, cal.day);
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

/** Customers the cadence applies to as of D (see the file comment), first row per ID. */
function customersInScope(snapshot: Pick<CrmSnapshot, "Customers">, index: CrmIndex, day: DaySerial, opts: DueOptions | undefined): Customer[] {
  // The index's own rows: its first row per ID is known by identity, no set needed.
  const seen = index.customerRows === snapshot.Customers ? null : new Set<CustomerId>();
  const first = index.customersById;
  const out: Customer[] = [];
  for (const c of snapshot.Customers) {
    if (seen === null) {
      if (first.get(c.CustomerID) !== c) continue;
    } else {
      if (seen.has(c.CustomerID)) continue;
      seen.add(c.CustomerID);
    }
    if (c.Status === "Pool" || c.Status === "Closed") continue;
    if (dayOf(c.CreatedOn) > day) continue;
    if (opts?.salesperson !== undefined && c.Owner !== opts.salesperson) continue;
    out.push(c);
  }
  return out;
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
  for (const c of customersInScope(snapshot, index, cal.day, opts)) {
    const followUps = index.followUpsByCustomer.get(c.CustomerID) ?? NO_FOLLOW_UPS;
    historyOf(followUps, cal, h);
    if (due !== null) dueFor(c, due.grades.get(c.CustomerID) ?? null, followUps, h, cal, due.settings, items);
    const count = h.outSinceWeekStart;
    if (count > max) pushy.push({ customerId: c.CustomerID, company: c.Company, owner: c.Owner, rule: "pushy", count, max, week, detail: detailText.pushy(count, max) });
  }
  items.sort(compareDue);
  pushy.sort((a, b) => b.count - a.count);
  return { items, pushy };
}
