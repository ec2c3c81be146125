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
 *   including D; in CNY via core/currency.ts;
 * - last contact: the latest follow-up in either direction on or before D
 *   (by its day; a time later on D still counts);
 * - sample sent: a Samples row with SentOn ≤ D.
 * Everything reads the per-customer lists of core/indexes.ts, so grading
 * every customer is linear in the rows.
 */
import * as dates from "./dates";
import { addMonths, type DaySerial } from "./dates";
import type { CrmIndex } from "./indexes";
import * as paidOrders from "./paid-orders";
import type { CrmSnapshot, CustomerId, PaymentId } from "./model";
import type { Grade, InquiryType } from "./schema";
import type { Settings } from "./settings";
import * as currency from "./currency";

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
const { isLiveOrder: isLive } = paidOrders;

/**
 * How many items of a list sorted by Date fall on or before day D (by their
 * day). The binary search of countUpTo inlined: a key closure per customer
 * and per order was a measurable share of grading 50,000 customers.
 */
function upToDay(sorted: readonly { readonly Date: number }[], asOf: DaySerial): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dayOfSerial(sorted[mid].Date) <= asOf) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** gradeFacts with the window start computed once for a whole grading run. */
function factsAt(
  customerId: CustomerId,
  index: CrmIndex,
  asOf: DaySerial,
  yearBefore: DaySerial,
  rates: ReadonlyMap<string, number>,
): CustomerGradeFacts {
  return factsOfCustomer(customerId, index.customersById.get(customerId)?.InquiryType ?? null, index, asOf, yearBefore, rates, blankFacts());
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type FactsScratch = Mutable<CustomerGradeFacts>;

function blankFacts(): FactsScratch {
  return { paidOrders: 0, paidCNY12m: 0, sampleSent: false, daysSinceLastContact: null, inquiryType: null, unconvertedPayments: NONE };
}

function factsOfCustomer(
  customerId: CustomerId,
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
  const orders = index.ordersByCustomer.get(customerId);
  if (orders !== undefined) {
    for (let o = 0; o < orders.length; o++) {
      const order = orders[o];
      if (!isLive(order)) continue;
      const payments = index.paymentsByOrder.get(order.OrderID);
      if (payments === undefined) continue;
      const upToD = upToDay(payments, asOf);
      if (upToD > 0) paidOrders++; // a paid order (core/paid-orders isPaidOrder)
      // Payments are oldest first: walk back from D until before the window.
      for (let i = upToD - 1; i >= 0 && dayOfSerial(payments[i].Date) > yearBefore; i--) {
        const cny = toCNYOf(payments[i], rates);
        if (cny.ok) paidCNY12m += cny.value;
        else (unconvertedPayments ??= []).push(payments[i].PaymentID);
      }
    }
  }

  let sampleSent = false;
  const samples = index.samplesByCustomer.get(customerId);
  if (samples !== undefined) {
    for (let i = 0; i < samples.length; i++) {
      const sentOn = samples[i].SentOn;
      if (sentOn !== null && dayOfSerial(sentOn) <= asOf) {
        sampleSent = true;
        break;
      }
    }
  }

  const followUps = index.followUpsByCustomer.get(customerId);
  const upToD = followUps === undefined ? 0 : upToDay(followUps, asOf);
  const daysSinceLastContact = followUps !== undefined && upToD > 0 ? asOf - dayOfSerial(followUps[upToD - 1].Date) : null;

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

/** Every customer's grade as of D: exactly one per customer ID. */
export function gradeAll(
  snapshot: Pick<CrmSnapshot, "Customers">,
  index: CrmIndex,
  asOf: DaySerial,
  settings: GradeSettings,
): Map<CustomerId, Grade> {
  const grades = new Map<CustomerId, Grade>();
  const yearBefore = addMonths(asOf, -12);
  // The index's own rows: the first row of an ID is the index's row, whose InquiryType gradeFacts reads.
  const ownRows = index.customerRows === snapshot.Customers;
  const scratch = blankFacts();
  for (const c of snapshot.Customers) {
    if (grades.has(c.CustomerID)) continue; // a duplicated ID is one customer (validation reports it)
    const inquiryType = ownRows ? (c.InquiryType ?? null) : (index.customersById.get(c.CustomerID)?.InquiryType ?? null);
    grades.set(c.CustomerID, gradeOf(factsOfCustomer(c.CustomerID, inquiryType, index, asOf, yearBefore, index.ratesByCurrency, scratch), settings));
  }
  return grades;
}
