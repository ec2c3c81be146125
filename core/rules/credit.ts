/**
 * Orders to cash: what is still owed, what is overdue, and who is over their
 * credit limit (rules.md §9, QI-07003 一), as of a day D.
 *
 * - Outstanding of an order = Amount − payments dated ≤ D, in the order's
 *   currency. A payment in another currency goes to CNY (its own RateToCNY,
 *   else the table) and back to the order currency at the table rate. An
 *   overpaid order is outstanding 0 (its `balance` goes negative) and does
 *   not offset another order's debt.
 * - Overdue = Status Shipped, DueDate before D, outstanding > 0. Only
 *   Shipped: the rule says "shipped, unpaid past its DueDate"; a Completed
 *   order is one the team has closed (settled or written off), and orders
 *   not yet shipped are not due whatever DueDate says.
 * - A customer is a credit risk when its outstanding CNY total exceeds its
 *   CreditLimitCNY; without a limit there is no breach (0 is a limit).
 * - Cancelled orders never count.
 * An order in a currency without a rate is left out of the totals and listed
 * in `problems`, never counted as 0 silently.
 */
import { dayOf, type DaySerial } from "../contract/dates";
import type { CrmIndex } from "../index/indexes";
import { customerOf, ordersOf, paymentsOf } from "../index/indexes";
import { isLiveOrder, paymentsUpTo } from "../contract/paid-orders";
import type { CustomerId, Order, OrderId, Payment } from "../contract/model";
import type { Result } from "../contract/issues";
import { err, ok } from "../contract/issues";
import type { LocalizedText } from "../contract/schema";
import { currencyKey, fromCNY, paymentCNY, roundMoney, toCNY } from "../contract/currency";

export interface OrderCredit {
  readonly order: Order;
  /** Payments dated ≤ D, in the order's currency. */
  readonly paid: number;
  /** Amount − paid, rounded to the cent; negative when overpaid. */
  readonly balance: number;
  /** max(0, balance), in the order's currency. */
  readonly outstanding: number;
  /** outstanding at the table rate of the order's currency. */
  readonly outstandingCNY: number;
  readonly overdue: boolean;
  /** Days past DueDate when overdue, else null. */
  readonly daysOverdue: number | null;
}

export interface CreditProblem {
  readonly orderId: OrderId;
  readonly message: LocalizedText;
}

export interface CustomerCredit {
  readonly customerId: CustomerId;
  /** Non-cancelled orders that could be valued, oldest first. */
  readonly orders: readonly OrderCredit[];
  readonly outstandingCNY: number;
  readonly overdueCNY: number;
  readonly creditLimitCNY: number | null;
  /** outstandingCNY > creditLimitCNY, when a limit is set. */
  readonly breach: boolean;
  readonly problems: readonly CreditProblem[];
}

/** A payment's amount in the order's currency. */
function inOrderCurrency(p: Payment, orderCurrency: string, rates: ReadonlyMap<string, number>): Result<number, LocalizedText> {
  if (currencyKey(p.Currency) === currencyKey(orderCurrency)) return ok(p.Amount);
  const cny = paymentCNY(p, rates);
  return cny.ok ? fromCNY(cny.value, orderCurrency, rates) : cny;
}

/**
 * One order's position as of D, from its payments (any order; only those
 * dated ≤ D count). Cancelled orders are not valued: an error says so.
 */
export function orderCredit(
  order: Order,
  payments: readonly Payment[],
  asOf: DaySerial,
  rates: ReadonlyMap<string, number>,
): Result<OrderCredit, LocalizedText> {
  if (!isLiveOrder(order)) {
    return err({ zh: `订单「${order.OrderID}」已取消，不计应收`, en: `Order ${order.OrderID} is cancelled and owes nothing` });
  }
  let paid = 0;
  for (const p of payments) {
    if (dayOf(p.Date) > asOf) continue;
    const amount = inOrderCurrency(p, order.Currency, rates);
    if (!amount.ok) return err(whose(order, amount.error));
    paid += amount.value;
  }
  const balance = roundMoney(order.Amount - paid);
  const outstanding = Math.max(0, balance);
  const cny = toCNY(outstanding, order.Currency, rates);
  if (!cny.ok) return err(whose(order, cny.error));
  const overdue = order.Status === "Shipped" && order.DueDate !== null && dayOf(order.DueDate) < asOf && outstanding > 0;
  return ok({
    order,
    paid: roundMoney(paid),
    balance,
    outstanding,
    outstandingCNY: roundMoney(cny.value),
    overdue,
    daysOverdue: overdue && order.DueDate !== null ? asOf - dayOf(order.DueDate) : null,
  });
}

function whose(order: Order, message: LocalizedText): LocalizedText {
  return { zh: `订单「${order.OrderID}」：${message.zh}`, en: `Order ${order.OrderID}: ${message.en}` };
}

/** A customer's receivables as of D. */
export function customerCredit(customerId: CustomerId, index: CrmIndex, asOf: DaySerial): CustomerCredit {
  const orders: OrderCredit[] = [];
  const problems: CreditProblem[] = [];
  let outstandingCNY = 0;
  let overdueCNY = 0;
  for (const order of ordersOf(index, customerId)) {
    if (!isLiveOrder(order)) continue;
    const payments = paymentsOf(index, order.OrderID);
    const upToD = payments.slice(0, paymentsUpTo(payments, asOf));
    const r = orderCredit(order, upToD, asOf, index.ratesByCurrency);
    if (!r.ok) {
      problems.push({ orderId: order.OrderID, message: r.error });
      continue;
    }
    orders.push(r.value);
    outstandingCNY += r.value.outstandingCNY;
    if (r.value.overdue) overdueCNY += r.value.outstandingCNY;
  }
  const limit = customerOf(index, customerId)?.CreditLimitCNY ?? null;
  outstandingCNY = roundMoney(outstandingCNY);
  return {
    customerId,
    orders,
    outstandingCNY,
    overdueCNY: roundMoney(overdueCNY),
    creditLimitCNY: limit,
    breach: limit !== null && outstandingCNY > limit,
    problems,
  };
}

/** Every customer's receivables as of D (index.customers: one entry per customer ID). */
export function creditAll(index: CrmIndex, asOf: DaySerial): Map<CustomerId, CustomerCredit> {
  return new Map(index.customers.map((c) => [c.CustomerID, customerCredit(c.CustomerID, index, asOf)]));
}
