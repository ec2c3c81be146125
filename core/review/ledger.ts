/**
 * Money received, as the review counts it (rules.md §6-§7): the index's
 * payments on non-cancelled orders, in CNY at the payment's own rate or the table's,
 * attributed to the order's salesperson (an order ID's first row's). Built
 * once per review in one pass over Payments; each question then scans one
 * salesperson's entries only.
 *
 * Also the customers' order sequence, for "repeat customer": a customer's
 * second-or-later non-cancelled order by OrderDate.
 */
import type { Order, OrderId, PaymentId } from "../contract/model";
import type { CrmIndex } from "../index/indexes";
import { inRange, type DayRange, type DaySerial } from "../contract/dates";

export interface PaidEntry {
  /** The paid order's first row (core/index/indexes.ts orderOf). */
  readonly order: Order;
  /** Its customer's number in the index. */
  readonly customer: number;
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

export function paidLedger(index: CrmIndex): PaidLedger {
  const entries: PaidEntry[] = [];
  const unconverted: PaymentId[] = [];
  const bySalesperson = new Map<string, PaidEntry[]>();
  const payments = index.payments.rows;
  const orders = index.orders.rows;
  const { paymentOrder, firstOrderRow, orderLive, paymentCNY } = index.money;
  for (let i = 0; i < payments.length; i++) {
    // The order is its ID's first row (orderOf); a payment whose order is unknown or cancelled is no money received.
    const first = firstOrderRow[paymentOrder[i]];
    if (first < 0 || orderLive[first] === 0) continue;
    const order = orders[first];
    // Money in a currency with no rate (NaN) still pays its order (rules.md
    // §3, as grading counts it) but adds nothing to the CNY sums; it is named.
    const cny = paymentCNY[i];
    if (Number.isNaN(cny)) unconverted.push(payments[i].PaymentID);
    const entry: PaidEntry = { order, customer: index.money.orderCustomer[first], date: payments[i].Date, cny: Number.isNaN(cny) ? 0 : cny };
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
export function orderSequence(index: CrmIndex): OrderPositions {
  const { start, at } = index.orders;
  const { orderLive, orderNumber, orderCustomer } = index.money;
  // By order number: 0 for none.
  const position = new Int32Array(index.orderNumbers.size);
  const done = new Uint8Array(start.length - 1);
  // Customers in the order their first order appears.
  for (const customer of orderCustomer) {
    if (done[customer] === 1) continue;
    done[customer] = 1;
    let n = 0;
    for (let p = start[customer]; p < start[customer + 1]; p++) if (orderLive[at[p]] === 1) position[orderNumber[at[p]]] = ++n;
  }
  return {
    get: (orderId) => {
      const n = index.orderNumbers.get(orderId);
      return n === undefined || position[n] === 0 ? undefined : position[n];
    },
  };
}
