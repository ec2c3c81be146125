/**
 * Customer grades as of a day D (rules.md §3, 外贸部管理条例 第四季度).
 *
 *   KEY  核心客户  ≥ 2 paid orders, or paid CNY in the 12 months before D
 *                  ≥ KeyCustomerMinRevenueCNY
 *   DEAL 成交客户  ≥ 1 paid order, not KEY
 *   A              no paid order; a sample sent (SentOn ≤ D) and the last
 *                  contact within ASampleFollowUpDays of D (30 days ago counts)
 *   B              inquiry Detailed, or a sample sent but follow-up lapsed
 *   C              inquiry Generic
 *   D              inquiry Related, or unknown
 *
 * Definitions, as of D:
 * - paid order: not Cancelled, with ≥ 1 payment dated ≤ D (以到款为准);
 * - paidCNY12m: payments on non-cancelled orders dated in
 *   (addMonths(D, -12), D], i.e. after the same day a year earlier, up to and
 *   including D; in CNY via core/contract/currency.ts;
 * - last contact: the latest follow-up in either direction on or before D
 *   (by its day; a time later on D still counts);
 * - sample sent: a Samples row with SentOn ≤ D.
 * Everything reads the per-customer lists of core/index/indexes.ts, so grading
 * every customer is linear in the rows.
 */
import * as dates from "../contract/dates";
import { addMonths, type DaySerial } from "../contract/dates";
import type { CrmIndex } from "../index/indexes";
import * as rowGroups from "../index/row-groups";
import type { CrmSnapshot, CustomerId, PaymentId } from "../contract/model";
import type { Grade, InquiryType } from "../contract/schema";
import type { Settings } from "../contract/settings";
import * as currency from "../contract/currency";
import { GradeBook, gradeCode } from "../index/grade-book";

export interface GradeFacts {
  readonly paidOrders: number;
  readonly paidCNY12m: number;
  readonly sampleSent: boolean;
  /** Whole days from the last contact to D; null = never contacted. */
  readonly daysSinceLastContact: number | null;
  readonly inquiryType: InquiryType | null;
}

/** The facts of one customer, plus payments whose CNY value could not be found. */
export interface CustomerGradeFacts extends GradeFacts {
  /**
   * Payments in a currency with no rate: they still make their order paid but
   * add nothing to paidCNY12m. Validation reports the unknown currency.
   */
  readonly unconvertedPayments: readonly PaymentId[];
}

export type GradeSettings = Pick<Settings, "KeyCustomerMinRevenueCNY" | "ASampleFollowUpDays">;

/**
 * The rule itself (what =CRM.GRADE wraps). The revenue branch of KEY needs
 * money actually received (paidCNY12m > 0), so KeyCustomerMinRevenueCNY = 0
 * does not turn customers who never paid into key customers.
 */
export function gradeOf(f: GradeFacts, settings: GradeSettings): Grade {
  const revenueKey = f.paidCNY12m > 0 && f.paidCNY12m >= settings.KeyCustomerMinRevenueCNY;
  if (f.paidOrders >= 2 || revenueKey) return "KEY";
  if (f.paidOrders >= 1) return "DEAL";
  if (f.sampleSent) {
    const kept = f.daysSinceLastContact !== null && f.daysSinceLastContact <= settings.ASampleFollowUpDays;
    return kept ? "A" : "B";
  }
  switch (f.inquiryType) {
    case "Detailed":
      return "B";
    case "Generic":
      return "C";
    default:
      return "D";
  }
}

/** The grade facts of one customer as of D, from the index. */
export function gradeFacts(
  customerId: CustomerId,
  index: CrmIndex,
  asOf: DaySerial,
  rates: ReadonlyMap<string, number> = index.ratesByCurrency,
): CustomerGradeFacts {
  return factsAt(customerId, index, asOf, addMonths(asOf, -12), rates);
}

// Bound once: bundlers and test runners reach imported bindings through
// getters, which in a loop over every customer costs more than the calls.
const { dayOf: dayOfSerial } = dates;
const { paymentCNY: toCNYOf } = currency;
const { countUpToDay } = rowGroups;

/** gradeFacts with the window start computed once for a whole grading run. */
function factsAt(
  customerId: CustomerId,
  index: CrmIndex,
  asOf: DaySerial,
  yearBefore: DaySerial,
  rates: ReadonlyMap<string, number>,
): CustomerGradeFacts {
  const inquiryType = index.customersById.get(customerId)?.InquiryType ?? null;
  const slot = index.customerSlots.get(customerId);
  const out = blankFacts();
  if (slot === undefined) {
    out.inquiryType = inquiryType;
    return out;
  }
  return factsOfSlot(slot, inquiryType, index, asOf, yearBefore, rates, out);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type FactsScratch = Mutable<CustomerGradeFacts>;

function blankFacts(): FactsScratch {
  return { paidOrders: 0, paidCNY12m: 0, sampleSent: false, daysSinceLastContact: null, inquiryType: null, unconvertedPayments: NONE };
}

/** The facts of the customer in index slot `slot`, read from the index's flat groups. */
function factsOfSlot(
  slot: number,
  inquiryType: InquiryType | null,
  index: CrmIndex,
  asOf: DaySerial,
  yearBefore: DaySerial,
  rates: ReadonlyMap<string, number>,
  out: FactsScratch,
): CustomerGradeFacts {
  let paidOrders = 0;
  let paidCNY12m = 0;
  let unconvertedPayments: PaymentId[] | null = null;
  const orders = index.orders;
  const payments = index.payments;
  const orderRowSlot = index.orderRowSlot;
  // The index's columns (core/index/indexes.ts money) when they are at these rates:
  // no order or payment row is read but an unconverted payment's ID.
  const { orderLive, paymentCNY, paymentConverted } = index.money;
  const columns = rates === index.ratesByCurrency;
  for (let p = orders.start[slot], end = orders.start[slot + 1]; p < end; p++) {
    const row = orders.at[p];
    if (orderLive[row] === 0) continue;
    const paidSlot = orderRowSlot[row];
    const first = payments.start[paidSlot];
    const upToD = countUpToDay(payments, paidSlot, asOf);
    if (upToD > 0) paidOrders++; // a paid order (core/contract/paid-orders isPaidOrder)
    // Payments are oldest first: walk back from D until before the window.
    for (let q = first + upToD - 1; q >= first && dayOfSerial(payments.date[q]) > yearBefore; q--) {
      const at = payments.at[q];
      if (columns) {
        if (paymentConverted[at] === 1) paidCNY12m += paymentCNY[at];
        else (unconvertedPayments ??= []).push(payments.rows[at].PaymentID);
        continue;
      }
      const payment = payments.rows[at];
      const cny = toCNYOf(payment, rates);
      if (cny.ok) paidCNY12m += cny.value;
      else (unconvertedPayments ??= []).push(payment.PaymentID);
    }
  }

  let sampleSent = false;
  const sentOn = index.samples.date;
  for (let p = index.samples.start[slot], end = index.samples.start[slot + 1]; p < end; p++) {
    // NaN (not sent) compares false.
    if (dayOfSerial(sentOn[p]) <= asOf) {
      sampleSent = true;
      break;
    }
  }

  const followUps = index.followUps;
  const upToD = countUpToDay(followUps, slot, asOf);
  const daysSinceLastContact = upToD > 0 ? asOf - dayOfSerial(followUps.date[followUps.start[slot] + upToD - 1]) : null;

  // Filled in place: gradeAll grades 50,000 customers through one object.
  out.paidOrders = paidOrders;
  out.paidCNY12m = paidCNY12m;
  out.sampleSent = sampleSent;
  out.daysSinceLastContact = daysSinceLastContact;
  out.inquiryType = inquiryType;
  out.unconvertedPayments = unconvertedPayments ?? NONE;
  return out;
}

const NONE: readonly PaymentId[] = [];

/**
 * Every customer's grade as of D: exactly one per customer ID, in the order
 * of their first rows. On the index's own rows, a GradeBook (by slot).
 */
export function gradeAll(
  snapshot: Pick<CrmSnapshot, "Customers">,
  index: CrmIndex,
  asOf: DaySerial,
  settings: GradeSettings,
): ReadonlyMap<CustomerId, Grade> {
  const yearBefore = addMonths(asOf, -12);
  const rates = index.ratesByCurrency;
  const scratch = blankFacts();
  const rows = snapshot.Customers;
  if (index.customerRows === rows) {
    // The index's own rows: slots by position, and the first row of an ID is
    // the one the index kept, so no lookup per customer.
    const { customerRowSlot, firstCustomerRow } = index;
    const codes = new Uint8Array(firstCustomerRow.length);
    for (let i = 0; i < rows.length; i++) {
      const slot = customerRowSlot[i];
      if (firstCustomerRow[slot] !== i) continue; // a duplicated ID is one customer (validation reports it)
      codes[slot] = gradeCode(gradeOf(factsOfSlot(slot, rows[i].InquiryType ?? null, index, asOf, yearBefore, rates, scratch), settings));
    }
    return new GradeBook(index, codes);
  }
  const grades = new Map<CustomerId, Grade>();
  for (const c of rows) {
    if (grades.has(c.CustomerID)) continue;
    const first = index.customersById.get(c.CustomerID);
    const slot = index.customerSlots.get(c.CustomerID);
    const inquiryType = first?.InquiryType ?? null;
    const facts = slot === undefined ? { ...blankFacts(), inquiryType } : factsOfSlot(slot, inquiryType, index, asOf, yearBefore, rates, scratch);
    grades.set(c.CustomerID, gradeOf(facts, settings));
  }
  return grades;
}

/**
 * A reader of `grades` for a customer given by ID and slot in `index`: by
 * slot when grades is that index's GradeBook, else grades.get(id).
 */
export function gradeLookup(grades: ReadonlyMap<CustomerId, Grade>, index: CrmIndex): (id: CustomerId, slot?: number) => Grade | undefined {
  if (grades instanceof GradeBook && grades.index === index) return (id, slot) => (slot === undefined ? grades.get(id) : grades.ofSlot(slot));
  return (id) => grades.get(id);
}

/**
 * A reader of `grades` for customers asked in the map's own order (every
 * first-row customer in sheet order: the order gradeAll writes them), each
 * with its slot in `index`. A GradeBook of that index is read by slot.
 * Another map is walked alongside instead of looking each ID up: 50,000
 * string lookups in a map that large miss the cache. As soon as an ID is not
 * the next key (a map built otherwise) it looks the rest up, so the answer
 * is always grades.get(id).
 */
export function gradesInOrder(grades: ReadonlyMap<CustomerId, Grade>, index?: CrmIndex): (id: CustomerId, slot?: number) => Grade | undefined {
  if (grades instanceof GradeBook && grades.index === index) return gradeLookup(grades, index);
  const entries = grades.entries();
  let inStep = true;
  return (id) => {
    if (inStep) {
      const next = entries.next();
      if (!next.done && next.value[0] === id) return next.value[1];
      inStep = false;
    }
    return grades.get(id);
  };
}
