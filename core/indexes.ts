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
  /**
   * The Customers rows the index was built from (the same array). A pass
   * over those very rows tells the first row of an ID by identity
   * (customersById.get(id) === row) instead of building a set of seen IDs.
   */
  readonly customerRows?: readonly Customer[];
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

/*
 * First row per ID. Customers and orders (tens of thousands of rows) have
 * their own loops for the same reason as the grouping loops above; the
 * small tables share the generic one.
 */
function firstCustomers(rows: readonly Customer[]): Map<CustomerId, Customer> {
  const map = new Map<CustomerId, Customer>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!map.has(r.CustomerID)) map.set(r.CustomerID, r);
  }
  return map;
}
function firstOrders(rows: readonly Order[]): Map<OrderId, Order> {
  const map = new Map<OrderId, Order>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!map.has(r.OrderID)) map.set(r.OrderID, r);
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

/** Lists up to this long are sorted by insertion (see sortFollowUps). */
const SHORT_LIST = 32;

/**
 * sortEach(map, byDate) for follow-ups, the table with most rows. A
 * customer's list is short (about ten rows) and, when rows were not entered
 * in date order, out of order: sorting it with Array.prototype.sort and a
 * comparator cost as much as grouping the rows. A stable insertion sort gives
 * the same order (the one order a stable sort can give, for finite dates),
 * without the calls; lists with a date that is not a finite number, or long
 * ones, still go through Array.prototype.sort.
 */
function sortFollowUps(map: Map<CustomerId, FollowUp[]>): void {
  for (const list of map.values()) {
    const n = list.length;
    let sorted = true;
    for (let i = 1; i < n; i++) {
      if (!(list[i - 1].Date - list[i].Date <= 0)) {
        sorted = false;
        break;
      }
    }
    if (sorted) continue;
    let finite = n <= SHORT_LIST;
    for (let i = 0; i < n && finite; i++) finite = Number.isFinite(list[i].Date);
    if (!finite) {
      list.sort(byDate);
      continue;
    }
    for (let i = 1; i < n; i++) {
      const row = list[i];
      const date = row.Date;
      let j = i - 1;
      while (j >= 0 && list[j].Date > date) {
        list[j + 1] = list[j];
        j--;
      }
      list[j + 1] = row;
    }
  }
}
const byOrderDate = (a: Order, b: Order): number => a.OrderDate - b.OrderDate;

export function indexSnapshot(s: CrmSnapshot): CrmIndex {
  const followUpsByCustomer = groupFollowUps(s.FollowUps);
  sortFollowUps(followUpsByCustomer);

  const samplesByCustomer = groupSamples(s.Samples);

  const ordersByCustomer = groupOrders(s.Orders);
  sortEach(ordersByCustomer, byOrderDate);

  const paymentsByOrder = groupPayments(s.Payments);
  sortEach(paymentsByOrder, byDate);

  return {
    customersById: firstCustomers(s.Customers),
    customerRows: s.Customers,
    followUpsByCustomer,
    samplesByCustomer,
    ordersByCustomer,
    ordersById: firstOrders(s.Orders),
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
