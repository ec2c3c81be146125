import { describe, expect, it } from "vitest";
import { indexSnapshot } from "../../../core/index/indexes";
import { paidLedger } from "../../../core/review/ledger";
import { currency, customer, order, payment, person, rate, snapshot } from "../../support/crm";

// Money received (rules.md §6-§7): payments on live orders, in CNY, by the order's salesperson.
const snap = snapshot({
  Customers: [customer("C1"), customer("C2")],
  Orders: [
    order("O1", "C1", { Salesperson: person("Wang") }),
    order("O2", "C2", { Status: "Cancelled" }),
    order("O3", "C2"),
    order("O1", "C2", { Salesperson: person("Li Lei") }),
  ],
  Payments: [
    payment("O1", 46010, 100, { Currency: currency("USD") }),
    payment("O2", 46011, 5),
    payment("O3", 46012, 7, { Currency: currency("XYZ") }),
    payment("O3", 46100, 11),
    payment("O1", 46020, 1),
    payment("NO-ORDER", 46013, 3),
  ],
  ExchangeRates: [rate("USD", 7)],
});
const q = { from: 46000, to: 46090 };
const all = { from: 46000, to: 46200 };
const ledger = paidLedger(indexSnapshot(snap));

describe("paidLedger", () => {
  it.each<[string, () => unknown, unknown]>([
    ["a salesperson's CNY in the range, at the table's rate", () => ledger.of("Wang").cnyIn(q), 701],
    ["a duplicated order ID's money goes to its first row's salesperson", () => [ledger.of("Wang").cnyIn(all), ledger.of("Li Lei").cnyIn(all)], [701, 11]],
    ["distinct orders paid in the range", () => [ledger.of("Wang").paidOrdersIn(q), ledger.of("Li Lei").paidOrdersIn(q)], [1, 1]],
    ["nobody's ledger is empty", () => [ledger.of("Nobody").cnyIn(q), ledger.of("Nobody").paidOrdersIn(q)], [0, 0]],
    ["entries in the range, in sheet order; a cancelled or unknown order's payments are not money received", () => ledger.entriesIn(q).map((e) => [e.order.OrderID, e.date, e.cny]), [["O1", 46010, 700], ["O3", 46012, 0], ["O1", 46020, 1]]],
    ["an unconverted payment is named", () => ledger.unconverted, [snap.Payments[2].PaymentID]],
  ])("%s", (_name, actual, expected) => {
    expect(actual()).toEqual(expected);
  });
});
