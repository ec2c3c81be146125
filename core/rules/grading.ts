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
import { customerOf, type CrmIndex } from "../index/indexes";
import { countUpToDay } from "../index/row-groups";
import type { CustomerId, PaymentId } from "../contract/model";
import type { Grade, InquiryType } from "../contract/schema";
import type { Settings } from "../contract/settings";
import { paymentConverter } from "../contract/currency";

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
 * is its first Customers row's (customerOf).
 */
export function gradeFacts(
  customerId: CustomerId,
  index: CrmIndex,
  asOf: DaySerial,
  rates: ReadonlyMap<string, number> = index.ratesByCurrency,
): CustomerGradeFacts {
  const inquiryType = customerOf(index, customerId)?.InquiryType ?? null;
  return factsAt(index.customerNumbers.get(customerId), inquiryType, index, asOf, addMonths(asOf, -12), cnyAt(index, rates));
}

/** CNY of the payment in a row of index.payments.rows at `rates`: the index's column at its own rates, else converted here (NaN: no rate). */
function cnyAt(index: CrmIndex, rates: ReadonlyMap<string, number>): (row: number) => number {
  if (rates === index.ratesByCurrency) return (row) => index.money.paymentCNY[row];
  const toCNY = paymentConverter(rates);
  return (row) => toCNY(index.payments.rows[row]);
}

/**
 * The facts of the customer numbered `customer` in the index (undefined: no
 * table names them), with the window's start (the same day a year before D)
 * given.
 */
function factsAt(
  customer: number | undefined,
  inquiryType: InquiryType | null,
  index: CrmIndex,
  asOf: DaySerial,
  yearBefore: DaySerial,
  cnyOf: (paymentRow: number) => number,
): CustomerGradeFacts {
  let paidOrders = 0;
  let paidCNY12m = 0;
  let sampleSent = false;
  let daysSinceLastContact: number | null = null;
  const unconvertedPayments: PaymentId[] = [];
  if (customer !== undefined) {
    const { orders, payments, samples, followUps } = index;
    const { orderLive, orderNumber } = index.money;
    for (let p = orders.start[customer]; p < orders.start[customer + 1]; p++) {
      const row = orders.at[p];
      if (orderLive[row] === 0) continue;
      const order = orderNumber[row];
      const first = payments.start[order];
      const upToD = countUpToDay(payments, order, asOf);
      if (upToD > 0) paidOrders++; // a paid order (core/contract/paid-orders isPaidOrder)
      // Payments are oldest first: walk back from D until before the window.
      for (let q = first + upToD - 1; q >= first && dayOf(payments.date[q]) > yearBefore; q--) {
        const cny = cnyOf(payments.at[q]);
        // NaN: a currency with no rate (core/contract/currency.ts paymentCNY).
        if (Number.isNaN(cny)) unconvertedPayments.push(payments.rows[payments.at[q]].PaymentID);
        else paidCNY12m += cny;
      }
    }
    // SentOn blank is NaN, which compares false.
    for (let p = samples.start[customer]; p < samples.start[customer + 1] && !sampleSent; p++) sampleSent = dayOf(samples.date[p]) <= asOf;
    const upToD = countUpToDay(followUps, customer, asOf);
    if (upToD > 0) daysSinceLastContact = asOf - dayOf(followUps.date[followUps.start[customer] + upToD - 1]);
  }
  return { paidOrders, paidCNY12m, sampleSent, daysSinceLastContact, inquiryType, unconvertedPayments };
}

/** Every customer's grade as of D (index.customers: one per customer ID, its first row's), in their order. */
export function gradeAll(index: CrmIndex, asOf: DaySerial, settings: GradeSettings): ReadonlyMap<CustomerId, Grade> {
  const yearBefore = addMonths(asOf, -12);
  const cnyOf = cnyAt(index, index.ratesByCurrency);
  const grades = new Map<CustomerId, Grade>();
  // Customer k of index.customers is the one numbered k.
  index.customers.forEach((c, k) => grades.set(c.CustomerID, gradeOf(factsAt(k, c.InquiryType ?? null, index, asOf, yearBefore, cnyOf), settings)));
  return grades;
}
