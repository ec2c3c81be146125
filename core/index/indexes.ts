/**
 * Lookups over a snapshot, built once in one pass over each table.
 *
 * Every rule that needs "this customer's follow-ups" or "this order's
 * payments" reads them here instead of scanning the whole table per
 * customer, so grading, the due list and the review stay linear in rows.
 * Plain Maps keyed by ID, but for the follow-ups, kept as columns
 * (core/index/follow-up-histories.ts says why). Histories are sorted oldest
 * first; ties keep sheet order. Rows whose ID no Customers (or Orders) row
 * has are kept under their ID all the same.
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
} from "../contract/model";
import { rateTable } from "../contract/currency";
import { followUpHistories, followUpRowsOf, type FollowUpHistories } from "./follow-up-histories";

export interface CrmIndex {
  /** The first row of each ID (validation reports the duplicates), in sheet order. */
  readonly customersById: ReadonlyMap<CustomerId, Customer>;
  /** Follow-ups by CustomerID, oldest first (core/index/follow-up-histories.ts). */
  readonly followUps: FollowUpHistories;
  /** Samples by CustomerID, in sheet order. */
  readonly samplesByCustomer: ReadonlyMap<CustomerId, readonly Sample[]>;
  /** Orders by CustomerID, by OrderDate (ties in sheet order). */
  readonly ordersByCustomer: ReadonlyMap<CustomerId, readonly Order[]>;
  /** The first row of each OrderID. */
  readonly ordersById: ReadonlyMap<OrderId, Order>;
  /** Payments by OrderID, by Date (ties in sheet order). */
  readonly paymentsByOrder: ReadonlyMap<OrderId, readonly Payment[]>;
  readonly salespeopleByName: ReadonlyMap<SalespersonName, Salesperson>;
  readonly countriesByCode: ReadonlyMap<CountryCode, Country>;
  /** Currency → rate to CNY (core/contract/currency.ts rateTable: CNY always 1). */
  readonly ratesByCurrency: ReadonlyMap<string, number>;
}

function firstBy<K, V>(rows: readonly V[], key: (v: V) => K): Map<K, V> {
  const map = new Map<K, V>();
  for (const r of rows) {
    const k = key(r);
    if (!map.has(k)) map.set(k, r);
  }
  return map;
}

/** Rows grouped by key, each group in sheet order. */
function groupBy<K, V>(rows: readonly V[], key: (v: V) => K): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const r of rows) {
    const k = key(r);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [r]);
    else group.push(r);
  }
  return groups;
}

/** groupBy, each group sorted by `date` (Array.prototype.sort is stable: ties keep sheet order). */
function historyBy<K, V>(rows: readonly V[], key: (v: V) => K, date: (v: V) => number): Map<K, V[]> {
  const groups = groupBy(rows, key);
  for (const group of groups.values()) group.sort((a, b) => date(a) - date(b));
  return groups;
}

export function indexSnapshot(s: CrmSnapshot): CrmIndex {
  return {
    customersById: firstBy(s.Customers, (c) => c.CustomerID),
    followUps: followUpHistories(s.FollowUps),
    samplesByCustomer: groupBy(s.Samples, (x) => x.CustomerID),
    ordersByCustomer: historyBy(s.Orders, (o) => o.CustomerID, (o) => o.OrderDate),
    ordersById: firstBy(s.Orders, (o) => o.OrderID),
    paymentsByOrder: historyBy(s.Payments, (p) => p.OrderID, (p) => p.Date),
    salespeopleByName: firstBy(s.Salespeople, (p) => p.Name),
    countriesByCode: firstBy(s.Countries, (c) => c.Code),
    ratesByCurrency: rateTable(s.ExchangeRates),
  };
}

const NONE: readonly never[] = [];

/** A customer's follow-ups, oldest first (a new array). */
export function followUpsOf(index: CrmIndex, id: CustomerId): readonly FollowUp[] {
  return followUpRowsOf(index.followUps, id);
}
/** A customer's samples, in sheet order. */
export function samplesOf(index: CrmIndex, id: CustomerId): readonly Sample[] {
  return index.samplesByCustomer.get(id) ?? NONE;
}
/** A customer's orders, by OrderDate. */
export function ordersOf(index: CrmIndex, id: CustomerId): readonly Order[] {
  return index.ordersByCustomer.get(id) ?? NONE;
}
/** An order's payments, by Date. */
export function paymentsOf(index: CrmIndex, id: OrderId): readonly Payment[] {
  return index.paymentsByOrder.get(id) ?? NONE;
}
