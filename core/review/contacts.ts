/**
 * The review's passes over follow-ups and its per-key tallies (core/review/review.ts):
 * kept apart so the review reads as its rules, and so the one pass over
 * every follow-up is in one place.
 */
import * as dates from "../contract/dates";
import type { DayRange } from "../contract/dates";
import * as schema from "../contract/schema";
import type { FollowUp } from "../contract/model";
import type { Channel } from "../contract/schema";
import * as followUpKinds from "../index/follow-up-groups";
import type { FollowUpGroups } from "../index/follow-up-groups";
import { roundMoney } from "../contract/currency";
import { Slots } from "../index/slots";

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
  let n = 0;
  for (let g = 0; g + 1 < start.length; g++) {
    for (let p = start[g], end = start[g + 1]; p < end; p++) {
      const d = dayOf(date[p]);
      if (d >= from && d <= to && (kind[p] & OUTBOUND) !== 0) {
        mark[at[p]] = (g << 2) | (d >= inQ.from && d <= inQ.to ? IN_QUARTER : OUTSIDE);
        n++;
      }
    }
  }
  const wanted = new Int32Array(n);
  for (let i = 0, k = 0; k < n; i++) if (mark[i] !== 0) wanted[k++] = i;
  // Salespeople by number, in the order first met: one dictionary lookup
  // per row, then arrays, where three Map lookups per row were most of the
  // counting (169,000 rows at 50,000 customers).
  const people = new Slots<string>();
  const persons: Person[] = [];
  /** Counted salespeople in the order of their first contact in the quarter (quarterBy's order). */
  const counted: PersonCount[] = [];
  const bySalesperson = new Map<string, FollowUp[]>();
  const names: string[] = new Array<string>(Math.min(n, BLOCK));
  const channels: Channel[] = new Array<Channel>(Math.min(n, BLOCK));
  for (let from = 0; from < n; from += BLOCK) {
    const to = Math.min(n, from + BLOCK);
    for (let k = from; k < to; k++) {
      const f = rows[wanted[k]];
      names[k - from] = f.Salesperson;
      channels[k - from] = f.Channel;
    }
    for (let k = from; k < to; k++) {
      const i = wanted[k];
      const name = names[k - from];
      const slot = people.slotOf(name);
      // First met: listed when asked for; bySalesperson gets the list with its first row.
      if (slot === persons.length) persons.push({ list: listFor.has(name) ? [] : null, count: undefined });
      const person = persons[slot];
      const list = person.list;
      if (list !== null) {
        if (list.length === 0) bySalesperson.set(name, list);
        list.push(rows[i]);
      }
      if ((mark[i] & 3) !== IN_QUARTER) continue;
      let t = person.count;
      if (t === undefined) {
        t = { name, contacts: 0, byChannel: new Map(), im: new Set<number>() };
        person.count = t;
        counted.push(t);
      }
      t.contacts++;
      const channel = channels[k - from];
      // Outbound already (the kind column): an IM contact is one by an IM channel.
      if (isImChannel(channel)) t.im.add(mark[i] >> 2);
      const c = t.byChannel.get(channel);
      if (c === undefined) t.byChannel.set(channel, { n: 1, first: i });
      else c.n++;
    }
  }
  const quarterBy = new Map<string, QuarterContacts>(counted.map((t) => [t.name, { contacts: t.contacts, imCustomers: t.im.size, byChannel: t.byChannel }]));
  return { bySalesperson, quarterBy };
}

/** What outboundContacts keeps per salesperson, by their number. */
interface Person {
  /** Their wanted rows, when listFor asks for them; else null. */
  readonly list: FollowUp[] | null;
  /** Their quarter's counts, from their first contact in it. */
  count: PersonCount | undefined;
}

/** One salesperson's QuarterContacts while they are counted. */
interface PersonCount {
  readonly name: string;
  contacts: number;
  readonly byChannel: Map<Channel, { n: number; first: number }>;
  /** The customers (group numbers) of the IM contacts. */
  readonly im: Set<number>;
}

/** Rows per block of outboundContacts' counting (core/index/indexes.ts keyFollowUps says why blocks). */
const BLOCK = 4096;

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
