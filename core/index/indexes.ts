/**
 * Lookups over a snapshot, built once in one pass over each table.
 *
 * Every rule that needs "this customer's follow-ups" or "this order's
 * payments" reads them here instead of scanning the whole table per
 * customer, so grading, the due list and the review stay linear in rows.
 * IDs are looked up in plain Maps. Each customer ID any table names, and
 * each order ID, gets a number, and the tables are grouped by those
 * numbers as flat arrays (core/index/row-groups.ts says why). Histories
 * are oldest first; ties keep sheet order. The index keeps the snapshot's
 * rows: rules read them through it.
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
import { paymentConverter, rateTable } from "../contract/currency";
import { isLiveOrder } from "../contract/paid-orders";
import { followUpKind, withKinds, type FollowUpGroups } from "./follow-up-groups";
import { groupRows, rowsOfGroup, type TableGroups } from "./row-groups";

export interface CrmIndex {
  /**
   * The customers: the first Customers row of each ID (validation reports
   * the duplicates), in sheet order. customers[k] is the customer numbered k
   * (customerOf finds one by ID).
   */
  readonly customers: readonly Customer[];
  /**
   * Every customer ID any table names, numbered 0, 1, …: the customers
   * first, then the IDs only other tables name, as met (their rows are kept
   * under their ID all the same).
   */
  readonly customerNumbers: ReadonlyMap<CustomerId, number>;
  /** Every order ID Orders or Payments names, numbered likewise (Orders first). */
  readonly orderNumbers: ReadonlyMap<OrderId, number>;
  /** Follow-ups by customer number, oldest first, each with its kind. */
  readonly followUps: FollowUpGroups;
  /** Samples by customer number, in sheet order (`date` is SentOn, NaN when blank). */
  readonly samples: TableGroups<Sample>;
  /** Orders by customer number, by OrderDate. */
  readonly orders: TableGroups<Order>;
  /** Payments by order number, by Date. */
  readonly payments: TableGroups<Payment>;
  /** What grading reads of each order and payment, by its row in `orders.rows` / `payments.rows`. */
  readonly money: MoneyColumns;
  readonly salespeopleByName: ReadonlyMap<SalespersonName, Salesperson>;
  readonly countriesByCode: ReadonlyMap<CountryCode, Country>;
  /** Currency → rate to CNY (core/contract/currency.ts rateTable: CNY always 1). */
  readonly ratesByCurrency: ReadonlyMap<string, number>;
}

/** See CrmIndex.money. */
export interface MoneyColumns {
  /** Per Orders row: 1 when it counts (core/contract/paid-orders isLiveOrder), else 0. */
  readonly orderLive: Uint8Array;
  /** Per Orders row: its own order number. */
  readonly orderNumber: Int32Array;
  /** Per Orders row: its customer's number. */
  readonly orderCustomer: Int32Array;
  /** Per Payments row: its order's number. */
  readonly paymentOrder: Int32Array;
  /** Per order number: its first row in Orders (orderOf), -1 when only Payments names it. */
  readonly firstOrderRow: Int32Array;
  /** Per Payments row: CNY at ratesByCurrency (core/contract/currency paymentCNY); NaN when its currency has no rate. */
  readonly paymentCNY: Float64Array;
}

function firstBy<K, V>(rows: readonly V[], key: (v: V) => K): Map<K, V> {
  const map = new Map<K, V>();
  for (const r of rows) {
    const k = key(r);
    if (!map.has(k)) map.set(k, r);
  }
  return map;
}

/**
 * Each row's number by `key` in `numbers`, a key not met before taking the
 * next number; and, for each key numbered here, the row it was first met in.
 */
function numberRows<T, K>(rows: readonly T[], numbers: Map<K, number>, key: (row: T) => K): { numberOf: Int32Array; firstRow: number[] } {
  const numberOf = new Int32Array(rows.length);
  const firstRow: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const k = key(rows[i]);
    let n = numbers.get(k);
    if (n === undefined) {
      n = numbers.size;
      numbers.set(k, n);
      firstRow.push(i);
    }
    numberOf[i] = n;
  }
  return { numberOf, firstRow };
}

/** `value` of each row, as a typed column (TypedArray.from with a function is slow: it iterates). */
function column<T, C extends Uint8Array | Int32Array | Float64Array>(rows: readonly T[], out: C, value: (row: T) => number): C {
  for (let i = 0; i < rows.length; i++) out[i] = value(rows[i]);
  return out;
}

export function indexSnapshot(s: CrmSnapshot): CrmIndex {
  // Every table is numbered first and grouped after: IDs only other tables
  // name add numbers, and every grouping must know the final count.
  const customerNumbers = new Map<CustomerId, number>();
  const customers = numberRows(s.Customers, customerNumbers, (c) => c.CustomerID).firstRow.map((i) => s.Customers[i]);
  const orderNumbers = new Map<OrderId, number>();
  const orderNumber = numberRows(s.Orders, orderNumbers, (o) => o.OrderID);
  const followUpCustomer = numberRows(s.FollowUps, customerNumbers, (f) => f.CustomerID).numberOf;
  const sampleCustomer = numberRows(s.Samples, customerNumbers, (x) => x.CustomerID).numberOf;
  const orderCustomer = numberRows(s.Orders, customerNumbers, (o) => o.CustomerID).numberOf;
  const paymentOrder = numberRows(s.Payments, orderNumbers, (p) => p.OrderID).numberOf;
  const firstOrderRow = new Int32Array(orderNumbers.size).fill(-1);
  orderNumber.firstRow.forEach((row, n) => (firstOrderRow[n] = row));
  const ratesByCurrency = rateTable(s.ExchangeRates);
  const toCNY = paymentConverter(ratesByCurrency);
  const customerCount = customerNumbers.size;
  const dates = <T>(rows: readonly T[], date: (row: T) => number): Float64Array => column(rows, new Float64Array(rows.length), date);
  const followUps = groupRows(followUpCustomer, customerCount, dates(s.FollowUps, (f) => f.Date), true);
  return {
    customers,
    customerNumbers,
    orderNumbers,
    followUps: withKinds(followUps, column(s.FollowUps, new Uint8Array(s.FollowUps.length), followUpKind), s.FollowUps),
    samples: { ...groupRows(sampleCustomer, customerCount, dates(s.Samples, (x) => x.SentOn ?? Number.NaN), false), rows: s.Samples },
    orders: { ...groupRows(orderCustomer, customerCount, dates(s.Orders, (o) => o.OrderDate), true), rows: s.Orders },
    payments: { ...groupRows(paymentOrder, orderNumbers.size, dates(s.Payments, (p) => p.Date), true), rows: s.Payments },
    money: {
      orderLive: column(s.Orders, new Uint8Array(s.Orders.length), (o) => (isLiveOrder(o) ? 1 : 0)),
      orderNumber: orderNumber.numberOf,
      orderCustomer,
      paymentOrder,
      firstOrderRow,
      paymentCNY: column(s.Payments, new Float64Array(s.Payments.length), toCNY),
    },
    salespeopleByName: firstBy(s.Salespeople, (p) => p.Name),
    countriesByCode: firstBy(s.Countries, (c) => c.Code),
    ratesByCurrency,
  };
}

/** The customer of an ID: its first Customers row (undefined when Customers has none). */
export function customerOf(index: CrmIndex, id: CustomerId): Customer | undefined {
  const n = index.customerNumbers.get(id);
  return n === undefined ? undefined : index.customers[n];
}

/** The first Orders row of an order ID (undefined when Orders has none). */
export function orderOf(index: CrmIndex, id: OrderId): Order | undefined {
  const n = index.orderNumbers.get(id);
  const row = n === undefined ? -1 : index.money.firstOrderRow[n];
  return row < 0 ? undefined : index.orders.rows[row];
}

/** A customer's follow-ups, oldest first (a new array). */
export function followUpsOf(index: CrmIndex, id: CustomerId): readonly FollowUp[] {
  return rowsOfGroup(index.followUps, index.customerNumbers.get(id));
}
/** A customer's samples, in sheet order (a new array). */
export function samplesOf(index: CrmIndex, id: CustomerId): readonly Sample[] {
  return rowsOfGroup(index.samples, index.customerNumbers.get(id));
}
/** A customer's orders, by OrderDate (a new array). */
export function ordersOf(index: CrmIndex, id: CustomerId): readonly Order[] {
  return rowsOfGroup(index.orders, index.customerNumbers.get(id));
}
/** An order's payments, by Date (a new array). */
export function paymentsOf(index: CrmIndex, id: OrderId): readonly Payment[] {
  return rowsOfGroup(index.payments, index.orderNumbers.get(id));
}
