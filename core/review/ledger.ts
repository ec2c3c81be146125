/**
 * Money received, as the review counts it (rules.md §6-§7): payments on
 * non-cancelled orders, in CNY at the payment's own rate or the table's,
 * attributed to the order's salesperson (an order ID's first row's). Built
 * once per review in one pass over Payments; each question then scans one
 * salesperson's entries only.
 *
 * Also the customers' order sequence, for "repeat customer": a customer's
 * second-or-later non-cancelled order by OrderDate.
 */
import type { CrmSnapshot, CustomerId, Order, OrderId, PaymentId } from "../contract/model";
import { ordersOf, type CrmIndex } from "../index/indexes";
import { paymentCNY } from "../contract/currency";
import { inRange, type DayRange, type DaySerial } from "../contract/dates";
import { isLiveOrder } from "../contract/paid-orders";

export interface PaidEntry {
  /** The paid order's first row (core/index/indexes.ts ordersById). */
  readonly order: Order;
  readonly date: DaySerial;
  /** 0 for a payment in a currency with no rate (see PaidLedger.unconverted). */
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
  /** Every counted payment dated in the range (CNY 0 for an unconverted one), in sheet order. */
  entriesIn(range: DayRange): readonly PaidEntry[];
  /** Payments that could not be converted (unknown currency): CNY 0 in the sums, and named. */
  readonly unconverted: readonly PaymentId[];
}

function personLedger(entries: readonly PaidEntry[]): PersonLedger {
  return {
    // In sheet order: the sums add in that order.
    cnyIn: (range) => entries.reduce((sum, e) => (inRange(e.date, range) ? sum + e.cny : sum), 0),
    paidOrdersIn: (range) => new Set(entries.filter((e) => inRange(e.date, range)).map((e) => e.order)).size,
  };
}

export function paidLedger(snapshot: Pick<CrmSnapshot, "Payments">, index: CrmIndex): PaidLedger {
  const entries: PaidEntry[] = [];
  const unconverted: PaymentId[] = [];
  const bySalesperson = new Map<string, PaidEntry[]>();
  for (const p of snapshot.Payments) {
    const order = index.ordersById.get(p.OrderID);
    if (order === undefined || !isLiveOrder(order)) continue;
    // Money in a currency with no rate still pays its order (rules.md §3, as
    // grading counts it) but adds nothing to the CNY sums; it is named.
    const cny = paymentCNY(p, index.ratesByCurrency);
    if (!cny.ok) unconverted.push(p.PaymentID);
    const entry: PaidEntry = { order, date: p.Date, cny: cny.ok ? cny.value : 0 };
    entries.push(entry);
    const mine = bySalesperson.get(order.Salesperson);
    if (mine === undefined) bySalesperson.set(order.Salesperson, [entry]);
    else mine.push(entry);
  }
  return {
    of: (salesperson) => personLedger(bySalesperson.get(salesperson) ?? []),
    entriesIn: (range) => entries.filter((e) => inRange(e.date, range)),
    unconverted,
  };
}

/** An order's position among its customer's live orders (1 = first); undefined for a cancelled or unknown order. */
export interface OrderPositions {
  get(orderId: OrderId): number | undefined;
}

/**
 * Each non-cancelled order's position among its customer's non-cancelled
 * orders (1 = first), by OrderDate; same-day orders keep sheet order. An
 * order ID under two customers keeps the position among the customer whose
 * first order comes later in the sheet.
 */
export function orderSequence(orders: readonly Order[], index: CrmIndex): OrderPositions {
  const position = new Map<OrderId, number>();
  const done = new Set<CustomerId>();
  for (const { CustomerID } of orders) {
    if (done.has(CustomerID)) continue;
    done.add(CustomerID);
    let n = 0;
    for (const o of ordersOf(index, CustomerID)) if (isLiveOrder(o)) position.set(o.OrderID, ++n);
  }
  return position;
}
