/**
 * The review's passes over follow-ups and its per-key tallies (core/review/review.ts):
 * kept apart so the review reads as its rules, and so the one pass over
 * every follow-up is in one place.
 */
import { dayOf, inRange, type DayRange } from "../contract/dates";
import { IM_CHANNELS, type Channel } from "../contract/schema";
import type { CustomerId, FollowUp } from "../contract/model";
import { roundMoney } from "../contract/currency";

/** One salesperson's outbound contacts in the quarter up to the review's date. */
export interface QuarterContacts {
  /** Outbound contacts (rules.md §7 KPI "contacts"). */
  readonly contacts: number;
  /** Distinct customers reached by an outbound IM contact (as imCustomersIn counts them). */
  readonly imCustomers: number;
  /** Per channel: contacts, and the sheet position of the first (to list channels in first-seen order). */
  readonly byChannel: Map<Channel, { n: number; first: number }>;
}

/**
 * The review's questions about outbound contacts, in one pass over the
 * follow-ups (in sheet order): per salesperson, the quarter's (`inQ`)
 * contacts, IM customers and contacts by channel; and, for the salespeople
 * in `listFor` (judged on stage 1, whose IM customers are also asked about
 * in another range), their outbound follow-ups from the earliest to the
 * latest day of `inQ` and the `also` ranges.
 */
export function outboundContacts(
  followUps: readonly FollowUp[],
  inQ: DayRange,
  also: readonly DayRange[],
  listFor: ReadonlySet<string>,
): { bySalesperson: Map<string, FollowUp[]>; quarterBy: Map<string, QuarterContacts> } {
  const listed = { from: Math.min(inQ.from, ...also.map((w) => w.from)), to: Math.max(inQ.to, ...also.map((w) => w.to)) };
  const bySalesperson = new Map<string, FollowUp[]>();
  /** Counted salespeople in the order of their first contact in the quarter. */
  const counts = new Map<string, { contacts: number; byChannel: Map<Channel, { n: number; first: number }>; im: Set<CustomerId> }>();
  followUps.forEach((f, i) => {
    if (f.Direction !== "Out") return;
    const day = dayOf(f.Date);
    if (day < listed.from || day > listed.to) return;
    if (listFor.has(f.Salesperson)) {
      const list = bySalesperson.get(f.Salesperson);
      if (list === undefined) bySalesperson.set(f.Salesperson, [f]);
      else list.push(f);
    }
    if (day < inQ.from || day > inQ.to) return;
    let t = counts.get(f.Salesperson);
    if (t === undefined) {
      t = { contacts: 0, byChannel: new Map(), im: new Set() };
      counts.set(f.Salesperson, t);
    }
    t.contacts++;
    if (isImChannel(f.Channel)) t.im.add(f.CustomerID);
    const c = t.byChannel.get(f.Channel);
    if (c === undefined) t.byChannel.set(f.Channel, { n: 1, first: i });
    else c.n++;
  });
  const quarterBy = new Map<string, QuarterContacts>([...counts].map(([name, t]) => [name, { contacts: t.contacts, imCustomers: t.im.size, byChannel: t.byChannel }]));
  return { bySalesperson, quarterBy };
}

/** Contacts by channel of the given salespeople, channels in the order the sheet first shows them. */
export function contactsByChannel(quarterBy: ReadonlyMap<string, QuarterContacts>, salespeople: Iterable<string>): Partial<Record<Channel, number>> {
  const total = new Map<Channel, { n: number; first: number }>();
  for (const name of salespeople) {
    for (const [channel, c] of quarterBy.get(name)?.byChannel ?? []) {
      const t = total.get(channel);
      if (t === undefined) total.set(channel, { ...c });
      else {
        t.n += c.n;
        t.first = Math.min(t.first, c.first);
      }
    }
  }
  return Object.fromEntries([...total].sort((a, b) => a[1].first - b[1].first).map(([channel, t]) => [channel, t.n]));
}

/** An outbound contact by instant messaging (the stage-1 "IM customers" of rules.md §7). */
function isImContact(f: FollowUp): boolean {
  return f.Direction === "Out" && isImChannel(f.Channel);
}
function isImChannel(channel: Channel): boolean {
  return IM_CHANNELS.includes(channel);
}

export function imCustomersIn(followUps: readonly FollowUp[], range: DayRange): number {
  const ids = new Set<string>();
  // The date test first: it is the cheapest and rules out most of the history.
  for (const f of followUps) if (inRange(f.Date, range) && isImContact(f)) ids.add(f.CustomerID);
  return ids.size;
}

/**
 * Customers and money per key (region, product): customers (by their
 * number in the index) counted once per key. Rows are added one at a time,
 * so no list of entries is built first.
 */
export class Tally {
  private readonly acc = new Map<string, { customers: Set<number>; cny: number }>();
  add(key: string, customer: number, cny: number): void {
    let a = this.acc.get(key);
    if (a === undefined) {
      a = { customers: new Set<number>(), cny: 0 };
      this.acc.set(key, a);
    }
    a.customers.add(customer);
    a.cny += cny;
  }
  result(): Record<string, { customers: number; paidCNY: number }> {
    const keys = [...this.acc.keys()].sort((a, b) => a.localeCompare(b));
    return Object.fromEntries(keys.map((k) => [k, { customers: this.acc.get(k)!.customers.size, paidCNY: roundMoney(this.acc.get(k)!.cny) }]));
  }
}
