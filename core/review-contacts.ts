/**
 * The review's passes over follow-ups and its per-key tallies (core/review.ts):
 * kept apart so the review reads as its rules, and so the one pass over
 * every follow-up is in one place.
 */
import * as dates from "./dates";
import type { DayRange } from "./dates";
import * as schema from "./schema";
import type { FollowUp } from "./model";
import { roundMoney } from "./currency";

// Bound once: bundlers and test runners reach imported bindings through
// getters, which in loops over tens of thousands of rows cost more than the calls.
const { dayOf, inRange } = dates;
const { IM_CHANNELS } = schema;

/**
 * The outbound follow-ups any of the review's questions can ask about, in
 * one pass over the table: those dated in the quarter up to the review's
 * date (`inQ`), or in another range judged (`also`: a stage-1 window, for
 * IM customers). Every question (contacts, IM customers, contacts by
 * channel) is about outbound contacts in one of those ranges and filters its
 * own range again, so the small lists answer exactly what the whole table
 * would; four years of history are not grouped by salesperson nor passed
 * over once per question.
 */
export function outboundContacts(
  rows: readonly FollowUp[],
  inQ: DayRange,
  also: readonly DayRange[],
): { bySalesperson: Map<string, FollowUp[]>; inQuarter: FollowUp[] } {
  let from = inQ.from;
  let to = inQ.to;
  for (const w of also) {
    if (w.from < from) from = w.from;
    if (w.to > to) to = w.to;
  }
  const bySalesperson = new Map<string, FollowUp[]>();
  const inQuarter: FollowUp[] = [];
  for (let i = 0; i < rows.length; i++) {
    const f = rows[i];
    const d = dayOf(f.Date);
    if (d < from || d > to || f.Direction !== "Out") continue;
    if (d >= inQ.from && d <= inQ.to) inQuarter.push(f);
    const list = bySalesperson.get(f.Salesperson);
    if (list) list.push(f);
    else bySalesperson.set(f.Salesperson, [f]);
  }
  return { bySalesperson, inQuarter };
}

export function imCustomersIn(followUps: readonly FollowUp[], range: DayRange): number {
  const ids = new Set<string>();
  // The date test first: it is the cheapest and rules out most of the history.
  for (const f of followUps) if (inRange(f.Date, range) && f.Direction === "Out" && IM_CHANNELS.includes(f.Channel)) ids.add(f.CustomerID);
  return ids.size;
}

/** Outbound contacts in the range, counted without building a list (a person may have 100,000 follow-ups). */
export function outboundIn(followUps: readonly FollowUp[], range: DayRange): number {
  let n = 0;
  for (const f of followUps) if (inRange(f.Date, range) && f.Direction === "Out") n++;
  return n;
}

/**
 * Customers and money per key (region, product): customers counted once per
 * key. Rows are added one at a time, so no list of entries is built first.
 */
export class Tally {
  private readonly acc = new Map<string, { customers: Set<string>; cny: number }>();
  add(key: string, customer: string, cny: number): void {
    let a = this.acc.get(key);
    if (a === undefined) {
      a = { customers: new Set<string>(), cny: 0 };
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
