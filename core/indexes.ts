/**
 * Lookups over a snapshot, built once in one linear pass over every table.
 *
 * Every rule that needs "this customer's follow-ups" or "this order's
 * payments" reads them here instead of scanning the whole table per customer,
 * so grading and due lists stay linear in rows (a 500,000-follow-up workbook
 * in well under a second). Histories are sorted oldest first; ties keep sheet
 * order (every sort here is stable). Groups are flat typed arrays numbered by
 * a dense slot per ID (core/row-groups.ts says why).
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
import { paymentConverter, rateTable } from "./currency";
import { isLiveOrder } from "./paid-orders";
import { FirstRows } from "./slot-map";
import { groupRows, rowsOfGroup, type TableGroups } from "./row-groups";
import { numberedColumn } from "./key-numbers";
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
   * (core/key-numbers.ts), or by its text for rows the read did not make.
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
  /** Currency → rate to CNY (core/currency.ts rateTable: CNY always 1). */
  readonly ratesByCurrency: ReadonlyMap<string, number>;
}

/** See CrmIndex.money. */
export interface MoneyColumns {
  /** Per Orders row: 1 when it counts (core/paid-orders isLiveOrder), else 0. */
  readonly orderLive: Uint8Array;
  /** Per Orders row: its Salesperson's number in `salespeople`. */
  readonly orderSalesperson: Int32Array;
  /** The Orders sheet's distinct Salesperson values, in first-seen order. */
  readonly salespeople: readonly string[];
  /** Per Payments row: CNY at ratesByCurrency (core/currency paymentCNY, via paymentConverter); 0 when it has none. */
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

/*
 * Each table has its own loop below rather than one generic helper taking a
 * key function: one helper called with every table's rows is megamorphic,
 * and at 500,000 follow-ups that was a third of building the index.
 */

/** A table's key slot and sort date per row, in sheet order (first pass). */
interface Keyed {
  readonly rowSlot: Int32Array;
  readonly date: Float64Array;
}

/**
 * Into `out`, the slot of each row's key in `column`, by the numbers the
 * read gave the column (core/key-numbers.ts): false, with `out` untouched,
 * when the rows came without them and their texts must be looked up.
 */
function slotsByNumber<K extends string>(rows: readonly unknown[], column: string, slots: Slots<K>, out: Int32Array, keyAt: (row: number) => K): boolean {
  const numbered = numberedColumn(rows, column);
  if (numbered === undefined) return false;
  slots.slotsOfNumbers(numbered, out, keyAt);
  return true;
}

function customerSlotsOf(rows: readonly Customer[], slots: Slots<CustomerId>): Int32Array {
  const rowSlot = new Int32Array(rows.length);
  if (slotsByNumber(rows, "CustomerID", slots, rowSlot, (i) => rows[i].CustomerID)) return rowSlot;
  for (let i = 0; i < rows.length; i++) rowSlot[i] = slots.slotOf(rows[i].CustomerID);
  return rowSlot;
}

/**
 * Follow-ups' first pass: the slot, and the columns the rules read, per row.
 * Rows as a read made them come with their customers numbered
 * (core/key-numbers.ts), and their slots are mapped from those numbers
 * without reading an ID. Other rows are looked up by text, in blocks of
 * BLOCK rows, two loops each: the first only copies fields out of the rows,
 * so the CPU overlaps the cache misses of many rows (the rows are spread
 * over the heap); the ID lookups then run over a compact array
 * of IDs whose distinct strings (one per customer) stay in cache. At
 * 500,000 follow-ups this took a fifth off building the index, against
 * looking each ID up as its row is read; the blocks keep the copied IDs in
 * one small array instead of one as long as the table.
 */
function keyFollowUps(rows: readonly FollowUp[], slots: Slots<CustomerId>): Keyed & { kind: Uint8Array } {
  const n = rows.length;
  const rowSlot = new Int32Array(n);
  const date = new Float64Array(n);
  const kind = new Uint8Array(n);
  if (slotsByNumber(rows, "CustomerID", slots, rowSlot, (i) => rows[i].CustomerID)) {
    for (let i = 0; i < n; i++) {
      const f = rows[i];
      date[i] = f.Date;
      kind[i] = followUpKind(f);
    }
    return { rowSlot, date, kind };
  }
  const ids: CustomerId[] = new Array<CustomerId>(Math.min(n, BLOCK));
  for (let from = 0; from < n; from += BLOCK) {
    const to = Math.min(n, from + BLOCK);
    for (let i = from; i < to; i++) {
      const f = rows[i];
      ids[i - from] = f.CustomerID;
      date[i] = f.Date;
      kind[i] = followUpKind(f);
    }
    for (let i = from; i < to; i++) rowSlot[i] = slots.slotOf(ids[i - from]);
  }
  return { rowSlot, date, kind };
}

/** Rows per block of keyFollowUps: enough to overlap many misses, few enough to stay in cache. */
const BLOCK = 4096;

function keySamples(rows: readonly Sample[], slots: Slots<CustomerId>): Keyed {
  const rowSlot = new Int32Array(rows.length);
  const date = new Float64Array(rows.length);
  const numbered = slotsByNumber(rows, "CustomerID", slots, rowSlot, (i) => rows[i].CustomerID);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!numbered) rowSlot[i] = slots.slotOf(r.CustomerID);
    date[i] = r.SentOn ?? Number.NaN;
  }
  return { rowSlot, date };
}

/**
 * Orders' first pass: customer slot and OrderDate, and each row's own order
 * slot. Fields first, then each dictionary in a loop of its own, as
 * keyFollowUps does (a third off this pass at 50,000 orders).
 */
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
  // Numbered keys need no copy of their texts (empty arrays then).
  const customersNumbered = slotsByNumber(rows, "CustomerID", slots, rowSlot, (i) => rows[i].CustomerID);
  const ordersNumbered = slotsByNumber(rows, "OrderID", orderSlots, orderSlot, (i) => rows[i].OrderID);
  const customerIds: CustomerId[] = new Array<CustomerId>(customersNumbered ? 0 : n);
  const orderIds: OrderId[] = new Array<OrderId>(ordersNumbered ? 0 : n);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    if (!customersNumbered) customerIds[i] = r.CustomerID;
    if (!ordersNumbered) orderIds[i] = r.OrderID;
    date[i] = r.OrderDate;
    live[i] = isLive(r) ? 1 : 0;
    salesperson[i] = people.slotOf(r.Salesperson);
  }
  if (!customersNumbered) for (let i = 0; i < n; i++) rowSlot[i] = slots.slotOf(customerIds[i]);
  if (!ordersNumbered) for (let i = 0; i < n; i++) orderSlot[i] = orderSlots.slotOf(orderIds[i]);
  return { rowSlot, date, orderSlot, live, salesperson, salespeople: people.keys };
}

/** Payments' first pass: order slot, Date and CNY per row; the lookups in a loop of their own (keyOrders). */
function keyPayments(rows: readonly Payment[], orderSlots: Slots<OrderId>, rates: ReadonlyMap<string, number>): Keyed & { cny: Float64Array; converted: Uint8Array } {
  const rowSlot = new Int32Array(rows.length);
  const date = new Float64Array(rows.length);
  const cny = new Float64Array(rows.length);
  const converted = new Uint8Array(rows.length);
  const toCNY = paymentConverter(rates);
  const numbered = slotsByNumber(rows, "OrderID", orderSlots, rowSlot, (i) => rows[i].OrderID);
  const orderIds: OrderId[] = new Array<OrderId>(numbered ? 0 : rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!numbered) orderIds[i] = r.OrderID;
    date[i] = r.Date;
    const value = toCNY(r);
    if (!Number.isNaN(value)) {
      cny[i] = value;
      converted[i] = 1;
    }
  }
  if (!numbered) for (let i = 0; i < rows.length; i++) rowSlot[i] = orderSlots.slotOf(orderIds[i]);
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
