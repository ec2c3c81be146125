/**
 * The review's passes over follow-ups and its per-key tallies (core/review.ts):
 * kept apart so the review reads as its rules, and so the one pass over
 * every follow-up is in one place.
 */
import * as dates from "./dates";
import type { DayRange } from "./dates";
import * as schema from "./schema";
import type { FollowUp } from "./model";
import type { Channel } from "./schema";
import * as followUpKinds from "./follow-up-groups";
import type { FollowUpGroups } from "./follow-up-groups";
import { roundMoney } from "./currency";

// Bound once: bundlers and test runners reach imported bindings through
// getters, which in loops over tens of thousands of rows cost more than the calls.
const { dayOf, inRange } = dates;
const { IM_CHANNELS } = schema;
const { OUTBOUND } = followUpKinds;

/** outboundContacts' marks of the rows it reads. */
const IN_QUARTER = 1;
const OUTSIDE = 2;

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
 * follow-ups: per salesperson, the quarter's (`inQ`) contacts, IM customers
 * and contacts by channel; and, for the salespeople in `listFor` (judged on
 * stage 1, whose IM customers are also asked about in another range), the
 * outbound rows in `inQ` or in the `also` ranges. Dates and directions come
 * from the index's columns, so only outbound rows in those ranges are read,
 * once, and in sheet order: a quarter holds a third of the outbound rows of
 * the benchmark's workbook, and a pass over them per question read rows
 * spread over the heap.
 */
export function outboundContacts(
  followUps: FollowUpGroups,
  inQ: DayRange,
  also: readonly DayRange[],
  listFor: ReadonlySet<string>,
): { bySalesperson: Map<string, FollowUp[]>; quarterBy: Map<string, QuarterContacts> } {
  let from = inQ.from;
  let to = inQ.to;
  for (const w of also) {
    if (w.from < from) from = w.from;
    if (w.to > to) to = w.to;
  }
  // First the rows wanted, from the columns alone (in group order, where
  // they are in sequence), marked by sheet position with their customer's
  // group: IN_QUARTER, or OUTSIDE for a row only an `also` range wants. Then
  // their fields, in sheet order, in a loop that only copies them out, so
  // the CPU overlaps the cache misses of many rows; then the counting, over
  // compact arrays, with customers as group numbers (a number hashes without
  // reading the ID's text, which lies anywhere in a heap of hundreds of MB).
  const { rows, start, at, date, kind } = followUps;
  const mark = new Int32Array(rows.length);
  for (let g = 0; g + 1 < start.length; g++) {
    for (let p = start[g], end = start[g + 1]; p < end; p++) {
      const d = dayOf(date[p]);
      if (d >= from && d <= to && (kind[p] & OUTBOUND) !== 0) mark[at[p]] = (g << 2) | (d >= inQ.from && d <= inQ.to ? IN_QUARTER : OUTSIDE);
    }
  }
  const wanted: number[] = [];
  for (let i = 0; i < mark.length; i++) if (mark[i] !== 0) wanted.push(i);
  const n = wanted.length;
  const salespeople: string[] = new Array<string>(n);
  const channels: Channel[] = new Array<Channel>(n);
  for (let k = 0; k < n; k++) {
    const f = rows[wanted[k]];
    salespeople[k] = f.Salesperson;
    channels[k] = f.Channel;
  }
  const bySalesperson = new Map<string, FollowUp[]>();
  const tallies = new Map<string, { contacts: number; im: Set<number>; byChannel: Map<Channel, { n: number; first: number }> }>();
  for (let k = 0; k < n; k++) {
    const i = wanted[k];
    const salesperson = salespeople[k];
    if (listFor.has(salesperson)) {
      const list = bySalesperson.get(salesperson);
      if (list) list.push(rows[i]);
      else bySalesperson.set(salesperson, [rows[i]]);
    }
    if ((mark[i] & 3) !== IN_QUARTER) continue;
    let t = tallies.get(salesperson);
    if (t === undefined) {
      t = { contacts: 0, im: new Set<number>(), byChannel: new Map() };
      tallies.set(salesperson, t);
    }
    t.contacts++;
    // Outbound already (the kind column): an IM contact is one by an IM channel.
    if (isImChannel(channels[k])) t.im.add(mark[i] >> 2);
    const c = t.byChannel.get(channels[k]);
    if (c === undefined) t.byChannel.set(channels[k], { n: 1, first: i });
    else c.n++;
  }
  const quarterBy = new Map<string, QuarterContacts>();
  for (const [name, t] of tallies) quarterBy.set(name, { contacts: t.contacts, imCustomers: t.im.size, byChannel: t.byChannel });
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
 * Customers and money per key (region, product): customers counted once per
 * key, by their index slot (a number hashes without reading the ID's text).
 * Rows are added one at a time, so no list of entries is built first.
 */
export class Tally {
  private readonly acc = new Map<string, { customers: Set<number>; cny: number }>();
  add(key: string, customerSlot: number, cny: number): void {
    let a = this.acc.get(key);
    if (a === undefined) {
      a = { customers: new Set<number>(), cny: 0 };
      this.acc.set(key, a);
    }
    a.customers.add(customerSlot);
    a.cny += cny;
  }
  result(): Record<string, { customers: number; paidCNY: number }> {
    const keys = [...this.acc.keys()].sort((a, b) => a.localeCompare(b));
    return Object.fromEntries(keys.map((k) => [k, { customers: this.acc.get(k)!.customers.size, paidCNY: roundMoney(this.acc.get(k)!.cny) }]));
  }
}
