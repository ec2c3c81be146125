/**
 * Lookups over a snapshot, built once in one linear pass over every table.
 *
 * Every rule that needs "this customer's follow-ups" or "this order's
 * payments" reads them here instead of scanning the whole table per customer,
 * so grading and due lists stay linear in rows (a 500,000-follow-up workbook
 * in well under a second). Histories are sorted oldest first; ties keep sheet
 * order (Array.prototype.sort is stable).
 */
import type {
  Country,
  CountryCode,
  CrmSnapshot,
  Customer,
  CustomerId,
  FollowUp,
  Order,
  OrderId,
  Payment,
  Sample,
  Salesperson,
  SalespersonName,
} from "./model";
import { rateTable } from "./currency";

export interface CrmIndex {
  /** First row wins when an ID is duplicated (validation reports the rest). */
  readonly customersById: ReadonlyMap<CustomerId, Customer>;
  /** Sorted by Date ascending. */
  readonly followUpsByCustomer: ReadonlyMap<CustomerId, readonly FollowUp[]>;
  /** In sheet order. */
  readonly samplesByCustomer: ReadonlyMap<CustomerId, readonly Sample[]>;
  /** Sorted by OrderDate ascending. */
  readonly ordersByCustomer: ReadonlyMap<CustomerId, readonly Order[]>;
  readonly ordersById: ReadonlyMap<OrderId, Order>;
  /** Sorted by Date ascending. */
  readonly paymentsByOrder: ReadonlyMap<OrderId, readonly Payment[]>;
  readonly salespeopleByName: ReadonlyMap<SalespersonName, Salesperson>;
  readonly countriesByCode: ReadonlyMap<CountryCode, Country>;
  /** Currency → rate to CNY (core/currency.ts rateTable: CNY always 1). */
  readonly ratesByCurrency: ReadonlyMap<string, number>;
}

/*
 * Rows grouped by a key, in row order. Each table has its own copy of this
 * loop: one generic helper called with every table's rows is megamorphic,
 * and at 500,000 follow-ups that was a third of building the index
 * (measured by `npm run bench`, docs/performance.md).
 */
function groupFollowUps(rows: readonly FollowUp[]): Map<CustomerId, FollowUp[]> {
  const map = new Map<CustomerId, FollowUp[]>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const list = map.get(r.CustomerID);
    if (list) list.push(r);
    else map.set(r.CustomerID, [r]);
  }
  return map;
}
function groupSamples(rows: readonly Sample[]): Map<CustomerId, Sample[]> {
  const map = new Map<CustomerId, Sample[]>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const list = map.get(r.CustomerID);
    if (list) list.push(r);
    else map.set(r.CustomerID, [r]);
  }
  return map;
}
function groupOrders(rows: readonly Order[]): Map<CustomerId, Order[]> {
  const map = new Map<CustomerId, Order[]>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const list = map.get(r.CustomerID);
    if (list) list.push(r);
    else map.set(r.CustomerID, [r]);
  }
  return map;
}
function groupPayments(rows: readonly Payment[]): Map<OrderId, Payment[]> {
  const map = new Map<OrderId, Payment[]>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const list = map.get(r.OrderID);
    if (list) list.push(r);
    else map.set(r.OrderID, [r]);
  }
  return map;
}

function firstBy<K, V>(rows: readonly V[], key: (v: V) => K): Map<K, V> {
  const map = new Map<K, V>();
  for (const r of rows) {
    const k = key(r);
    if (!map.has(k)) map.set(k, r);
  }
  return map;
}

/** Sorts each list in place unless it is already in order (the usual case: rows are appended). */
function sortEach<K, V>(map: Map<K, V[]>, compare: (a: V, b: V) => number): void {
  for (const list of map.values()) {
    let sorted = true;
    for (let i = 1; i < list.length && sorted; i++) sorted = compare(list[i - 1], list[i]) <= 0;
    if (!sorted) list.sort(compare);
  }
}
const byDate = (a: { Date: number }, b: { Date: number }): number => a.Date - b.Date;
const byOrderDate = (a: Order, b: Order): number => a.OrderDate - b.OrderDate;

export function indexSnapshot(s: CrmSnapshot): CrmIndex {
  const followUpsByCustomer = groupFollowUps(s.FollowUps);
  sortEach(followUpsByCustomer, byDate);

  const samplesByCustomer = groupSamples(s.Samples);

  const ordersByCustomer = groupOrders(s.Orders);
  sortEach(ordersByCustomer, byOrderDate);

  const paymentsByOrder = groupPayments(s.Payments);
  sortEach(paymentsByOrder, byDate);

  return {
    customersById: firstBy(s.Customers, (c) => c.CustomerID),
    followUpsByCustomer,
    samplesByCustomer,
    ordersByCustomer,
    ordersById: firstBy(s.Orders, (o) => o.OrderID),
    paymentsByOrder,
    salespeopleByName: firstBy(s.Salespeople, (p) => p.Name),
    countriesByCode: firstBy(s.Countries, (c) => c.Code),
    ratesByCurrency: rateTable(s.ExchangeRates),
  };
}

const NONE: readonly never[] = [];

/** A customer's follow-ups, oldest first (empty when none). */
export function followUpsOf(index: CrmIndex, id: CustomerId): readonly FollowUp[] {
  return index.followUpsByCustomer.get(id) ?? NONE;
}
export function samplesOf(index: CrmIndex, id: CustomerId): readonly Sample[] {
  return index.samplesByCustomer.get(id) ?? NONE;
}
export function ordersOf(index: CrmIndex, id: CustomerId): readonly Order[] {
  return index.ordersByCustomer.get(id) ?? NONE;
}
export function paymentsOf(index: CrmIndex, id: OrderId): readonly Payment[] {
  return index.paymentsByOrder.get(id) ?? NONE;
}

/**
 * Position just past the last item whose key is ≤ limit, in a list sorted by
 * key: items [0, result) are on or before the limit. O(log n).
 */
export function countUpTo<T>(sorted: readonly T[], key: (t: T) => number, limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(sorted[mid]) <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
