/**
 * Which orders count, and when an order is paid (rules.md §3, §7, §9).
 *
 * - A cancelled order never counts: not as a sale, not as a repeat order, not
 *   as a debt. Every rule asks isLiveOrder instead of testing the status.
 * - "Paid order" = a live order with at least one payment dated ≤ D
 *   (以到款为准: an order counts when money arrives).
 * Grading, the review and credit all read these, so the rule lives once.
 */
import { dayOf, type DaySerial } from "./dates";
import type { Order, Payment } from "./model";

/** Not Cancelled: the order counts in sales, repeat orders and receivables. */
export function isLiveOrder(order: Pick<Order, "Status">): boolean {
  return order.Status !== "Cancelled";
}

/**
 * How many of an order's payments are dated ≤ D; `payments` sorted by Date
 * ascending (core/index/indexes paymentsOf), so the first `n` are the ones received
 * by D. O(log n).
 */
export function paymentsUpTo(payments: readonly Pick<Payment, "Date">[], asOf: DaySerial): number {
  return countUpTo(payments, (p) => dayOf(p.Date), asOf);
}

/**
 * How many items of a list sorted by `key` have a key ≤ limit (items
 * [0, result) are on or before it): a binary search, O(log n).
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

/** A paid order as of D: live, with at least one payment dated ≤ D (payments sorted by Date). */
export function isPaidOrder(order: Pick<Order, "Status">, payments: readonly Pick<Payment, "Date">[], asOf: DaySerial): boolean {
  return isLiveOrder(order) && paymentsUpTo(payments, asOf) > 0;
}
