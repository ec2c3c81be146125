import { describe, expect, it } from "vitest";
import { serialFromYMD } from "../../../core/contract/dates";
import { creditAll, customerCredit, orderCredit } from "../../../core/rules/credit";
import { indexSnapshot } from "../../../core/index/indexes";
import { rateTable } from "../../../core/contract/currency";
import type { Order, Payment } from "../../../core/contract/model";
import { cid, currency, customer, order, payment, rate, snapshot } from "../../support/crm";

const D = serialFromYMD(2026, 9, 30);
const rates = rateTable([rate("USD", 7), rate("EUR", 8)]);
const usd = currency("USD");
const eur = currency("EUR");

describe("order outstanding = amount − payments dated ≤ D, in the order's currency (§9)", () => {
  it.each<[string, Partial<Order>, Payment[], number, number, number]>([
    // name, order, payments, outstanding, balance, outstandingCNY
    ["unpaid", { Amount: 10_000 }, [], 10_000, 10_000, 10_000],
    ["T/T 30/70: deposit only", { Amount: 10_000 }, [payment("O1", D - 60, 3_000)], 7_000, 7_000, 7_000],
    ["T/T 30/70: settled", { Amount: 10_000 }, [payment("O1", D - 60, 3_000), payment("O1", D - 1, 7_000)], 0, 0, 0],
    ["a payment after D is not yet received", { Amount: 10_000 }, [payment("O1", D + 1, 10_000)], 10_000, 10_000, 10_000],
    ["overpaid: outstanding 0, balance negative", { Amount: 10_000 }, [payment("O1", D, 10_500)], 0, -500, 0],
    ["USD order, USD payment (row rate irrelevant)", { Amount: 1_000, Currency: usd }, [payment("O1", D, 400, { Currency: usd, RateToCNY: 6.5 })], 600, 600, 4_200],
    ["USD order, CNY payment at table rate", { Amount: 1_000, Currency: usd }, [payment("O1", D, 700)], 900, 900, 6_300],
    ["USD order, EUR payment with its own rate 7.7", { Amount: 1_000, Currency: usd }, [payment("O1", D, 100, { Currency: eur, RateToCNY: 7.7 })], 890, 890, 6_230],
    ["CNY order, USD payment at row rate", { Amount: 10_000 }, [payment("O1", D, 1_000, { Currency: usd, RateToCNY: 7.1 })], 2_900, 2_900, 2_900],
  ])("%s", (_name, over, payments, outstanding, balance, outstandingCNY) => {
    const r = orderCredit(order("O1", "C1", over), payments, D, rates);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.outstanding).toBe(outstanding);
      expect(r.value.balance).toBe(balance);
      expect(r.value.outstandingCNY).toBe(outstandingCNY);
    }
  });

  it.each<[string, Partial<Order>, Payment[], RegExp]>([
    ["cancelled orders are not valued", { Status: "Cancelled" }, [], /cancelled/],
    ["order currency without a rate", { Currency: currency("XYZ") }, [], /Order O1: Unknown currency "XYZ"/],
    ["payment currency without a rate", {}, [payment("O1", D, 1, { Currency: currency("GBP") })], /Order O1: Unknown currency "GBP"/],
  ])("%s", (_name, over, payments, message) => {
    const r = orderCredit(order("O1", "C1", over), payments, D, rates);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.en).toMatch(message);
  });
});

describe("overdue = Shipped, DueDate before D, outstanding > 0 (§9)", () => {
  it.each<[string, Partial<Order>, Payment[], boolean, number | null]>([
    ["shipped, due yesterday, unpaid", { Status: "Shipped", DueDate: D - 1 }, [], true, 1],
    ["shipped, due 45 days ago, partly paid", { Status: "Shipped", DueDate: D - 45 }, [payment("O1", D - 50, 3_000)], true, 45],
    ["shipped, due today: not yet overdue", { Status: "Shipped", DueDate: D }, [], false, null],
    ["shipped, past due but fully paid", { Status: "Shipped", DueDate: D - 10 }, [payment("O1", D - 20, 10_000)], false, null],
    ["shipped without a due date", { Status: "Shipped", DueDate: null }, [], false, null],
    ["in production, past due date: not shipped, not overdue", { Status: "InProduction", DueDate: D - 10 }, [], false, null],
    ["confirmed, past due date", { Status: "Confirmed", DueDate: D - 10 }, [], false, null],
    ["completed, past due, unpaid: closed by the team, not overdue", { Status: "Completed", DueDate: D - 10 }, [], false, null],
  ])("%s", (_name, over, payments, overdue, days) => {
    const r = orderCredit(order("O1", "C1", { Amount: 10_000, ...over }), payments, D, rates);
    expect(r.ok && r.value.overdue).toBe(overdue);
    expect(r.ok && r.value.daysOverdue).toBe(days);
  });
});

describe("customer credit: outstanding and overdue CNY totals, limit breach (§9)", () => {
  const orders = [
    order("O1", "C1", { Amount: 10_000, Status: "Shipped", DueDate: D - 5 }), // overdue 10,000
    order("O2", "C1", { Amount: 1_000, Currency: usd, Status: "Confirmed" }), // 1,000 USD = 7,000
    order("O3", "C1", { Amount: 50_000, Status: "Cancelled" }), // never counts
    order("O4", "C1", { Amount: 2_000, Status: "Shipped", DueDate: D - 5 }), // overpaid
  ];
  const payments = [payment("O4", D - 9, 2_500), payment("O3", D - 9, 100)];
  it.each<[string, number | null, number, number, boolean]>([
    ["no limit: never a breach", null, 17_000, 10_000, false],
    ["limit above the total", 20_000, 17_000, 10_000, false],
    ["limit equal to the total is not exceeded", 17_000, 17_000, 10_000, false],
    ["limit below the total: credit risk", 16_999.99, 17_000, 10_000, true],
    ["limit 0 is a limit", 0, 17_000, 10_000, true],
  ])("%s", (_name, limit, outstandingCNY, overdueCNY, breach) => {
    const snap = snapshot({ Customers: [customer("C1", { CreditLimitCNY: limit })], Orders: orders, Payments: payments, ExchangeRates: [rate("USD", 7)] });
    const c = customerCredit(cid("C1"), indexSnapshot(snap), D);
    expect(c.outstandingCNY).toBe(outstandingCNY);
    expect(c.overdueCNY).toBe(overdueCNY);
    expect(c.breach).toBe(breach);
    expect(c.orders.map((o) => o.order.OrderID)).toEqual(["O1", "O2", "O4"]);
    expect(c.problems).toEqual([]);
  });

  it("an order that cannot be valued is a listed problem, not a silent 0", () => {
    const snap = snapshot({ Customers: [customer("C1")], Orders: [order("O9", "C1", { Currency: currency("XYZ") }), order("O1", "C1")] });
    const c = customerCredit(cid("C1"), indexSnapshot(snap), D);
    expect(c.outstandingCNY).toBe(10_000);
    expect(c.problems.map((p) => p.orderId)).toEqual(["O9"]);
    expect(c.problems[0].message.zh).toMatch(/XYZ/);
  });

  it("creditAll covers every customer once, with nothing owed by those without orders", () => {
    const snap = snapshot({ Customers: [customer("C1"), customer("C2"), customer("C1")], Orders: [order("O1", "C1")] });
    const all = creditAll(indexSnapshot(snap), D);
    expect([...all.keys()]).toEqual(["C1", "C2"]);
    expect(all.get(cid("C2"))?.outstandingCNY).toBe(0);
    expect(all.get(cid("C1"))?.outstandingCNY).toBe(10_000);
  });
});
