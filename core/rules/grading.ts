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
import { addMonths, dayOf, type DaySerial } from "../contract/dates";
import { ordersOf, paymentsOf, samplesOf, type CrmIndex } from "../index/indexes";
import type { CrmSnapshot, CustomerId, PaymentId } from "../contract/model";
import type { Grade, InquiryType } from "../contract/schema";
import type { Settings } from "../contract/settings";
import { paymentCNY } from "../contract/currency";
import { isLiveOrder, paymentsUpTo } from "../contract/paid-orders";
import type { FollowUpHistories } from "../index/follow-up-histories";

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

/**
 * The grade facts of one customer as of D, from the index. Its inquiry type
 * is its first Customers row's (customersById).
 */
export function gradeFacts(
  customerId: CustomerId,
  index: CrmIndex,
  asOf: DaySerial,
  rates: ReadonlyMap<string, number> = index.ratesByCurrency,
): CustomerGradeFacts {
  const inquiryType = index.customersById.get(customerId)?.InquiryType ?? null;
  return factsAt(customerId, inquiryType, index, asOf, addMonths(asOf, -12), rates);
}

/** gradeFacts with the window's start (the same day a year before D) given. */
function factsAt(
  customerId: CustomerId,
  inquiryType: InquiryType | null,
  index: CrmIndex,
  asOf: DaySerial,
  yearBefore: DaySerial,
  rates: ReadonlyMap<string, number>,
): CustomerGradeFacts {
  let paidOrders = 0;
  let paidCNY12m = 0;
  const unconvertedPayments: PaymentId[] = [];
  for (const order of ordersOf(index, customerId)) {
    if (!isLiveOrder(order)) continue;
    const payments = paymentsOf(index, order.OrderID);
    const upToD = paymentsUpTo(payments, asOf);
    if (upToD > 0) paidOrders++; // a paid order (core/contract/paid-orders isPaidOrder)
    // Payments are oldest first: walk back from D until before the window.
    for (let i = upToD - 1; i >= 0 && dayOf(payments[i].Date) > yearBefore; i--) {
      const cny = paymentCNY(payments[i], rates);
      if (cny.ok) paidCNY12m += cny.value;
      else unconvertedPayments.push(payments[i].PaymentID);
    }
  }
  // SentOn blank (null) is not sent.
  const sampleSent = samplesOf(index, customerId).some((s) => s.SentOn !== null && dayOf(s.SentOn) <= asOf);
  const lastContact = lastContactDay(index.followUps, customerId, asOf);
  const daysSinceLastContact = lastContact === null ? null : asOf - lastContact;
  return { paidOrders, paidCNY12m, sampleSent, daysSinceLastContact, inquiryType, unconvertedPayments };
}

/** The day of a customer's last follow-up on or before D (by its day: a time later on D counts); null when none. */
function lastContactDay(histories: FollowUpHistories, id: CustomerId, asOf: DaySerial): DaySerial | null {
  const h = histories.historyOf.get(id);
  if (h === undefined) return null;
  // Oldest first: a binary search for the first one after D.
  const first = histories.start[h];
  let lo = first;
  let hi = histories.start[h + 1];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dayOf(histories.date[mid]) <= asOf) lo = mid + 1;
    else hi = mid;
  }
  return lo > first ? dayOf(histories.date[lo - 1]) : null;
}

/**
 * Every customer's grade as of D: exactly one per customer ID (its first
 * row's), in the order of their first rows.
 */
export function gradeAll(
  snapshot: Pick<CrmSnapshot, "Customers">,
  index: CrmIndex,
  asOf: DaySerial,
  settings: GradeSettings,
): ReadonlyMap<CustomerId, Grade> {
  const yearBefore = addMonths(asOf, -12);
  const grades = new Map<CustomerId, Grade>();
  for (const c of snapshot.Customers) {
    if (grades.has(c.CustomerID)) continue; // a duplicated ID is one customer (validation reports it)
    grades.set(c.CustomerID, gradeOf(factsAt(c.CustomerID, c.InquiryType ?? null, index, asOf, yearBefore, index.ratesByCurrency), settings));
  }
  return grades;
}
