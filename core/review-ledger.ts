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
import * as currency from "./currency";
import * as paidOrders from "./paid-orders";
import * as dates from "./dates";
import type { DayRange, DaySerial } from "./dates";

// Bound once: imported bindings are reached through getters under bundlers
// and test runners, which costs more than the test itself in these loops.
const { inRange } = dates;
const { paymentCNY } = currency;
const { isLiveOrder } = paidOrders;

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
  // The index's own rows carry their order's slot: no ID lookup per payment.
  const own = index.payments.rows === snapshot.Payments;
  const { paymentRowSlot, firstOrderRow } = index;
  const orders = index.orders.rows;
  const payments = snapshot.Payments;
  for (let i = 0; i < payments.length; i++) {
    const p = payments[i];
    const first = own ? firstOrderRow[paymentRowSlot[i]] : -1;
    const order = own ? (first < 0 ? undefined : orders[first]) : index.ordersById.get(p.OrderID);
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

/** An order's position among its customer's live orders (1 = first); undefined for a cancelled or unknown order. */
export interface OrderPositions {
  get(orderId: OrderId): number | undefined;
}

/**
 * Each non-cancelled order's position among its customer's non-cancelled
 * orders (1 = first), by OrderDate; same-day orders keep sheet order.
 * Kept per order slot in a typed array, not in a Map of 50,000 order IDs:
 * the review asks about the few orders of the quarter only.
 */
export function orderSequence(index: CrmIndex): OrderPositions {
  const { start, at, rows } = index.orders;
  const orderSlot = index.orderRowSlot;
  const position = new Int32Array(index.firstOrderRow.length);
  // Customers in the order their first order appears, as grouping the sheet
  // did: an order ID duplicated under two customers keeps the later one's position.
  const done = new Uint8Array(start.length - 1);
  const customerOf = index.orderCustomerSlot;
  for (let i = 0; i < customerOf.length; i++) {
    const g = customerOf[i];
    if (done[g] === 1) continue;
    done[g] = 1;
    let n = 0;
    for (let p = start[g]; p < start[g + 1]; p++) {
      if (isLiveOrder(rows[at[p]])) position[orderSlot[at[p]]] = ++n;
    }
  }
  return {
    get: (orderId) => {
      const slot = index.orderSlots.get(orderId);
      return slot === undefined || position[slot] === 0 ? undefined : position[slot];
    },
  };
}
