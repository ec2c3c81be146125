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
import { addMonths, dayOf, type DaySerial } from "./dates";
import type { CrmIndex } from "./indexes";
import { countUpTo, followUpsOf, ordersOf, paymentsOf, samplesOf } from "./indexes";
import { isLiveOrder, paymentsUpTo } from "./paid-orders";
import type { CrmSnapshot, CustomerId, PaymentId } from "./model";
import type { Grade, InquiryType } from "./schema";
import type { Settings } from "./settings";
import { paymentCNY } from "./currency";

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

/** gradeFacts with the window start computed once for a whole grading run. */
function factsAt(
  customerId: CustomerId,
  index: CrmIndex,
  asOf: DaySerial,
  yearBefore: DaySerial,
  rates: ReadonlyMap<string, number>,
): CustomerGradeFacts {
  let paidOrders = 0;
  let paidCNY12m = 0;
  let unconvertedPayments: PaymentId[] | null = null;
  for (const order of ordersOf(index, customerId)) {
    if (!isLiveOrder(order)) continue;
    const payments = paymentsOf(index, order.OrderID);
    const upToD = paymentsUpTo(payments, asOf);
    if (upToD > 0) paidOrders++; // a paid order (core/paid-orders isPaidOrder)
    // Payments are oldest first: walk back from D until before the window.
    for (let i = upToD - 1; i >= 0 && dayOf(payments[i].Date) > yearBefore; i--) {
      const cny = paymentCNY(payments[i], rates);
      if (cny.ok) paidCNY12m += cny.value;
      else (unconvertedPayments ??= []).push(payments[i].PaymentID);
    }
  }

  let sampleSent = false;
  for (const s of samplesOf(index, customerId)) {
    if (s.SentOn !== null && dayOf(s.SentOn) <= asOf) {
      sampleSent = true;
      break;
    }
  }

  const followUps = followUpsOf(index, customerId);
  const upToD = countUpTo(followUps, (f) => dayOf(f.Date), asOf);
  const daysSinceLastContact = upToD > 0 ? asOf - dayOf(followUps[upToD - 1].Date) : null;

  return {
    paidOrders,
    paidCNY12m,
    sampleSent,
    daysSinceLastContact,
    inquiryType: index.customersById.get(customerId)?.InquiryType ?? null,
    unconvertedPayments: unconvertedPayments ?? NONE,
  };
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
  for (const c of snapshot.Customers) {
    if (grades.has(c.CustomerID)) continue; // a duplicated ID is one customer (validation reports it)
    grades.set(c.CustomerID, gradeOf(factsAt(c.CustomerID, index, asOf, yearBefore, index.ratesByCurrency), settings));
  }
  return grades;
}
