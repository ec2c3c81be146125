/**
 * Lookups over a snapshot, built once in one linear pass over every table.
 *
 * Every rule that needs "this customer's follow-ups" or "this order's
 * payments" reads them here instead of scanning the whole table per customer,
 * so grading and due lists stay linear in rows (a 500,000-follow-up workbook
 * in well under a second). Histories are sorted oldest first; ties keep sheet
 * order (every sort here is stable). Groups are flat typed arrays numbered by
 * a dense slot per ID (core/index/row-groups.ts says why).
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
import { FirstRows } from "./slot-map";
import { groupRows, rowsOfGroup, type TableGroups } from "./row-groups";
import { firstRowOfSlots, Slots, type SlotLookup } from "./slots";
import { followUpKind, withKinds, type FollowUpGroups } from "./follow-up-groups";

export interface CrmIndex {
  /** First row wins when an ID is duplicated (validation reports the rest). */
  readonly customersById: FirstRows<CustomerId, Customer>;
  /**
   * The Customers rows the index was built from (the same array). A pass
   * over those very rows can use customerRowSlot and firstCustomerRow by
   * position instead of looking each ID up.
   */
  readonly customerRows: readonly Customer[];
  /**
   * A dense number ("slot") for every customer ID met in any table: the
   * Customers sheet's IDs first, in sheet order, then IDs that only other
   * tables name (follow-ups of an unknown customer are kept under their ID).
   * Every per-customer group below is numbered by slot, so each row's
   * customer is found here, once: by the number the read gave its ID
   * (core/index/key-numbers.ts), or by its text for rows the read did not make.
   */
  readonly customerSlots: SlotLookup<CustomerId>;
  /** The slot of each Customers row, by its position in the sheet. */
  readonly customerRowSlot: Int32Array;
  /** Per slot, the position of its first Customers row; -1 for an ID no Customers row has. */
  readonly firstCustomerRow: Int32Array;
  /** Follow-ups by customer slot, oldest first (ties in sheet order). */
  readonly followUps: FollowUpGroups;
  /** Samples by customer slot, in sheet order (`date` is SentOn, NaN when blank). */
  readonly samples: TableGroups<Sample>;
  /** Orders by customer slot, by OrderDate. */
  readonly orders: TableGroups<Order>;
  readonly ordersById: FirstRows<OrderId, Order>;
  /** A dense number per order ID met in Orders or Payments, as customerSlots. */
  readonly orderSlots: SlotLookup<OrderId>;
  /** The order slot of each Orders row, by sheet position. */
  readonly orderRowSlot: Int32Array;
  /** The customer slot of each Orders row, by sheet position. */
  readonly orderCustomerSlot: Int32Array;
  /** The order slot of each Payments row, by sheet position. */
  readonly paymentRowSlot: Int32Array;
  /** Per order slot, the position of its first Orders row; -1 when Orders has none. */
  readonly firstOrderRow: Int32Array;
  /** Payments by order slot, by Date. */
  readonly payments: TableGroups<Payment>;
  /**
   * Columns of Orders and Payments by sheet position, read in the index's
   * one pass over the rows so grading and the review's ledger read typed
   * arrays instead of row objects spread over the heap.
   */
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
  /** Per Orders row: its Salesperson's number in `salespeople`. */
  readonly orderSalesperson: Int32Array;
  /** The Orders sheet's distinct Salesperson values, in first-seen order. */
  readonly salespeople: readonly string[];
  /** Per Payments row: CNY at ratesByCurrency (core/contract/currency paymentCNY, via paymentConverter); 0 when it has none. */
  readonly paymentCNY: Float64Array;
  /** Per Payments row: 1 when paymentCNY converted it, else 0 (named as unconverted). */
  readonly paymentConverted: Uint8Array;
  /** Per Payments row: its Date (the payments' groups hold theirs in group order). */
  readonly paymentDate: Float64Array;
}

function firstBy<K, V>(rows: readonly V[], key: (v: V) => K): Map<K, V> {
  const map = new Map<K, V>();
  for (const r of rows) {
    const k = key(r);
    if (!map.has(k)) map.set(k, r);
  }
  return map;
}

/** A table's key slot and sort date per row, in sheet order (first pass). */
interface Keyed {
  readonly rowSlot: Int32Array;
  readonly date: Float64Array;
}

function customerSlotsOf(rows: readonly Customer[], slots: Slots<CustomerId>): Int32Array {
  const rowSlot = new Int32Array(rows.length);
  slots.slotsOf(rows, "CustomerID", (i) => rows[i].CustomerID, rowSlot);
  return rowSlot;
}

/*
 * Each table's first pass: the key slots (Slots.slotsOf: by the numbers the
 * read gave the keys, core/index/key-numbers.ts), then one loop copying the
 * columns the rules read out of the rows, in sheet order. Each table has a
 * loop of its own rather than one generic helper taking field functions:
 * one helper called with every table's rows is megamorphic, and at 500,000
 * follow-ups that was a third of building the index. (slotsOf calls its
 * `keyAt` only for rows the read did not number.)
 */

/** Follow-ups' first pass: customer slot, Date and kind per row. */
function keyFollowUps(rows: readonly FollowUp[], slots: Slots<CustomerId>): Keyed & { kind: Uint8Array } {
  const n = rows.length;
  const rowSlot = new Int32Array(n);
  const date = new Float64Array(n);
  const kind = new Uint8Array(n);
  slots.slotsOf(rows, "CustomerID", (i) => rows[i].CustomerID, rowSlot);
  for (let i = 0; i < n; i++) {
    const f = rows[i];
    date[i] = f.Date;
    kind[i] = followUpKind(f);
  }
  return { rowSlot, date, kind };
}

function keySamples(rows: readonly Sample[], slots: Slots<CustomerId>): Keyed {
  const rowSlot = new Int32Array(rows.length);
  const date = new Float64Array(rows.length);
  slots.slotsOf(rows, "CustomerID", (i) => rows[i].CustomerID, rowSlot);
  for (let i = 0; i < rows.length; i++) date[i] = rows[i].SentOn ?? Number.NaN;
  return { rowSlot, date };
}

/** Orders' first pass: customer slot and OrderDate, and each row's own order slot. */
function keyOrders(
  rows: readonly Order[],
  slots: Slots<CustomerId>,
  orderSlots: Slots<OrderId>,
): Keyed & { orderSlot: Int32Array; live: Uint8Array; salesperson: Int32Array; salespeople: string[] } {
  const n = rows.length;
  const rowSlot = new Int32Array(n);
  const date = new Float64Array(n);
  const orderSlot = new Int32Array(n);
  const live = new Uint8Array(n);
  const salesperson = new Int32Array(n);
  const people = new Slots<string>();
  const isLive = isLiveOrder; // bound once: an imported binding is a getter under tsx
  slots.slotsOf(rows, "CustomerID", (i) => rows[i].CustomerID, rowSlot);
  orderSlots.slotsOf(rows, "OrderID", (i) => rows[i].OrderID, orderSlot);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    date[i] = r.OrderDate;
    live[i] = isLive(r) ? 1 : 0;
    salesperson[i] = people.slotOf(r.Salesperson);
  }
  return { rowSlot, date, orderSlot, live, salesperson, salespeople: people.keys };
}

/** Payments' first pass: order slot, Date and CNY per row. */
function keyPayments(rows: readonly Payment[], orderSlots: Slots<OrderId>, rates: ReadonlyMap<string, number>): Keyed & { cny: Float64Array; converted: Uint8Array } {
  const rowSlot = new Int32Array(rows.length);
  const date = new Float64Array(rows.length);
  const cny = new Float64Array(rows.length);
  const converted = new Uint8Array(rows.length);
  const toCNY = paymentConverter(rates);
  orderSlots.slotsOf(rows, "OrderID", (i) => rows[i].OrderID, rowSlot);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    date[i] = r.Date;
    const value = toCNY(r);
    if (!Number.isNaN(value)) {
      cny[i] = value;
      converted[i] = 1;
    }
  }
  return { rowSlot, date, cny, converted };
}

export function indexSnapshot(s: CrmSnapshot): CrmIndex {
  // Every table is keyed first and grouped after: unknown IDs in any table add
  // slots, and every grouping must know the final count.
  const slots = new Slots<CustomerId>();
  const customerRowSlot = customerSlotsOf(s.Customers, slots);
  const orderSlots = new Slots<OrderId>();
  const f = keyFollowUps(s.FollowUps, slots);
  const samples = keySamples(s.Samples, slots);
  const orders = keyOrders(s.Orders, slots, orderSlots);
  const ratesByCurrency = rateTable(s.ExchangeRates);
  const payments = keyPayments(s.Payments, orderSlots, ratesByCurrency);

  const customerCount = slots.size;
  const firstCustomerRow = firstRowOfSlots(customerRowSlot, customerCount);
  const firstOrderRow = firstRowOfSlots(orders.orderSlot, orderSlots.size);

  return {
    customersById: new FirstRows(slots, firstCustomerRow, s.Customers, (c) => c.CustomerID),
    customerRows: s.Customers,
    customerSlots: slots,
    customerRowSlot,
    firstCustomerRow,
    followUps: withKinds(groupRows(f.rowSlot, customerCount, f.date, true), f.kind, s.FollowUps),
    samples: { ...groupRows(samples.rowSlot, customerCount, samples.date, false), rows: s.Samples },
    orders: { ...groupRows(orders.rowSlot, customerCount, orders.date, true), rows: s.Orders },
    ordersById: new FirstRows(orderSlots, firstOrderRow, s.Orders, (o) => o.OrderID),
    orderSlots,
    orderRowSlot: orders.orderSlot,
    orderCustomerSlot: orders.rowSlot,
    paymentRowSlot: payments.rowSlot,
    firstOrderRow,
    payments: { ...groupRows(payments.rowSlot, orderSlots.size, payments.date, true), rows: s.Payments },
    money: { orderLive: orders.live, orderSalesperson: orders.salesperson, salespeople: orders.salespeople, paymentCNY: payments.cny, paymentConverted: payments.converted, paymentDate: payments.date },
    salespeopleByName: firstBy(s.Salespeople, (p) => p.Name),
    countriesByCode: firstBy(s.Countries, (c) => c.Code),
    ratesByCurrency,
  };
}

const NONE: readonly never[] = [];

/** A customer's follow-ups, oldest first (empty when none). A new array: hot loops read index.followUps. */
export function followUpsOf(index: CrmIndex, id: CustomerId): readonly FollowUp[] {
  const slot = index.customerSlots.get(id);
  return slot === undefined ? NONE : rowsOfGroup(index.followUps, slot, index.followUps.rows);
}
export function samplesOf(index: CrmIndex, id: CustomerId): readonly Sample[] {
  const slot = index.customerSlots.get(id);
  return slot === undefined ? NONE : rowsOfGroup(index.samples, slot, index.samples.rows);
}
export function ordersOf(index: CrmIndex, id: CustomerId): readonly Order[] {
  const slot = index.customerSlots.get(id);
  return slot === undefined ? NONE : rowsOfGroup(index.orders, slot, index.orders.rows);
}
export function paymentsOf(index: CrmIndex, id: OrderId): readonly Payment[] {
  const slot = index.orderSlots.get(id);
  return slot === undefined ? NONE : rowsOfGroup(index.payments, slot, index.payments.rows);
}
