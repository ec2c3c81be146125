/**
 * The weekly report (rules.md §8), per salesperson per ISO week:
 * 1. the week's work in numbers;
 * 2. key customers developed or followed this week, with how to reach them
 *    and what happened;
 * 3. the salesperson's own notes (WeeklyNotes row).
 *
 * "Key customers" here: the salesperson's new customers of the week, and
 * every customer the salesperson contacted this week whose grade at the
 * week's end is KEY, DEAL or one of Settings.HighGrades.
 */
import type { CrmSnapshot, Customer, CustomerId, FollowUp } from "../contract/model";
import type { Settings } from "../contract/settings";
import type { Channel, Direction, Grade, Purpose } from "../contract/schema";
import { inRange, isoWeekKey, isoWeekRange, toISODate, toISODateTime, type IsoWeek } from "../contract/dates";
import { gradeAll } from "../rules/grading";
import { customerOf, type CrmIndex } from "../index/indexes";
import { isLiveOrder } from "../contract/paid-orders";

export interface WeeklyCounts {
  readonly contactsOut: number;
  readonly contactsIn: number;
  readonly newCustomers: number;
  readonly samplesRequested: number;
  readonly samplesSent: number;
  /** Outbound follow-ups with Purpose Quotation. */
  readonly quotes: number;
  /** Non-cancelled orders dated in the week. */
  readonly orders: number;
}

export interface WeeklyEvent {
  /** "YYYY-MM-DD HH:MM" */
  readonly date: string;
  readonly channel: Channel;
  readonly direction: Direction;
  readonly purpose: Purpose | null;
  readonly summary: string | null;
}

export interface WeeklyCustomer {
  readonly customerId: string;
  readonly company: string;
  readonly grade: Grade | null;
  /** Created this week (developed) rather than followed. */
  readonly isNew: boolean;
  readonly address: string | null;
  readonly contact: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly events: readonly WeeklyEvent[];
}

export interface WeeklyNotes {
  readonly review: string | null;
  readonly problems: string | null;
  readonly improvements: string | null;
  readonly supportNeeded: string | null;
  readonly mindset: string | null;
}

export interface WeeklyReport {
  readonly salesperson: string;
  /** "YYYY-Www" */
  readonly week: string;
  readonly from: string;
  readonly to: string;
  readonly counts: WeeklyCounts;
  readonly keyCustomers: readonly WeeklyCustomer[];
  /** Null when the salesperson has not written this week's notes. */
  readonly notes: WeeklyNotes | null;
}

/** "YYYY-Www" (core/contract/dates isoWeekKey of the week's Monday). */
export function weekKey(week: IsoWeek): string {
  return isoWeekKey(isoWeekRange(week).from);
}

export function weeklyReport(snapshot: CrmSnapshot, index: CrmIndex, salesperson: string, week: IsoWeek, settings: Settings): WeeklyReport {
  const range = isoWeekRange(week);
  const key = weekKey(week);
  const mine = <T extends { Salesperson: string }>(rows: readonly T[]): T[] => rows.filter((r) => r.Salesperson === salesperson);

  const followUps = mine(snapshot.FollowUps).filter((f) => inRange(f.Date, range));
  const samples = mine(snapshot.Samples);
  // One row per customer ID (the first), as everywhere.
  const newCustomers = index.customers.filter((c) => c.Owner === salesperson && inRange(c.CreatedOn, range));
  const counts: WeeklyCounts = {
    contactsOut: followUps.filter((f) => f.Direction === "Out").length,
    contactsIn: followUps.filter((f) => f.Direction === "In").length,
    newCustomers: newCustomers.length,
    samplesRequested: samples.filter((s) => inRange(s.RequestedOn, range)).length,
    samplesSent: samples.filter((s) => s.SentOn !== null && inRange(s.SentOn, range)).length,
    quotes: followUps.filter((f) => f.Direction === "Out" && f.Purpose === "Quotation").length,
    orders: mine(snapshot.Orders).filter((o) => isLiveOrder(o) && inRange(o.OrderDate, range)).length,
  };

  const grades = gradeAll(index, range.to, settings);
  const wanted = new Set<Grade>(["KEY", "DEAL", ...settings.HighGrades]);
  const eventsBy = new Map<CustomerId, FollowUp[]>();
  for (const f of followUps) {
    const list = eventsBy.get(f.CustomerID);
    if (list) list.push(f);
    else eventsBy.set(f.CustomerID, [f]);
  }

  const chosen = new Map<CustomerId, { customer: Customer; isNew: boolean }>();
  for (const c of newCustomers) chosen.set(c.CustomerID, { customer: c, isNew: true });
  for (const id of eventsBy.keys()) {
    const c = customerOf(index, id);
    const g = grades.get(id);
    if (c && g && wanted.has(g) && !chosen.has(id)) chosen.set(id, { customer: c, isNew: false });
  }
  const keyCustomers = [...chosen.values()].map(({ customer: c, isNew }): WeeklyCustomer => ({
    customerId: c.CustomerID,
    company: c.Company,
    grade: grades.get(c.CustomerID) ?? null,
    isNew,
    address: c.Address,
    contact: c.Contact,
    phone: c.Phone,
    email: c.Email,
    events: [...(eventsBy.get(c.CustomerID) ?? [])]
      .sort((a, b) => a.Date - b.Date)
      .map((f) => ({ date: toISODateTime(f.Date), channel: f.Channel, direction: f.Direction, purpose: f.Purpose, summary: f.Summary })),
  }));
  // New customers first, then by company: the order a manager reads them in.
  keyCustomers.sort((a, b) => Number(b.isNew) - Number(a.isNew) || a.company.localeCompare(b.company));

  const note = snapshot.WeeklyNotes.find((n) => n.Salesperson === salesperson && n.Week.trim().toUpperCase() === key);
  return {
    salesperson,
    week: key,
    from: toISODate(range.from),
    to: toISODate(range.to),
    counts,
    keyCustomers,
    notes: note ? { review: note.Review, problems: note.Problems, improvements: note.Improvements, supportNeeded: note.SupportNeeded, mindset: note.Mindset } : null,
  };
}
