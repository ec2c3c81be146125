import { describe, expect, it } from "vitest";
import { customerOf, followUpsOf, indexSnapshot, orderOf, ordersOf, paymentsOf, samplesOf } from "../../../core/index/indexes";
import type { Country, CountryCode, Salesperson, SalespersonName } from "../../../core/contract/model";
import { cid, customer, followUp, oid, order, payment, rate, sample, snapshot } from "../../support/crm";
import { bestOf, groupingPass } from "../../support/timing";

const snap = snapshot({
  Customers: [customer("C1", { Company: "First" }), customer("C2"), customer("C1", { Company: "Second row, same ID" })],
  FollowUps: [followUp("C1", 46010.5), followUp("C2", 46001), followUp("C1", 46000.9), followUp("C1", 46010.25), followUp("GHOST", 1)],
  Samples: [sample("C2", 46003), sample("C2", null)],
  Orders: [order("O2", "C1", { OrderDate: 46005 }), order("O1", "C1", { OrderDate: 46001 }), order("O3", "C2")],
  Payments: [payment("O1", 46020, 1), payment("O1", 46010, 2), payment("O2", 46011, 3)],
  Salespeople: [{ Name: "Li Lei" as SalespersonName, HireDate: 45000, Manager: null, BaseSalaryCNY: null, Active: null, Email: null } satisfies Salesperson],
  Countries: [{ Code: "US" as CountryCode, NameEn: "United States", NameZh: "美国", Region: "North America", TimeZone: "America/New_York" } satisfies Country],
  ExchangeRates: [rate("USD", 7.1)],
});
const index = indexSnapshot(snap);

describe("indexSnapshot groups each table by its key, histories oldest first", () => {
  it.each<[string, () => unknown, unknown]>([
    ["follow-ups of C1 by Date (ties keep sheet order)", () => followUpsOf(index, cid("C1")).map((f) => f.Date), [46000.9, 46010.25, 46010.5]],
    ["follow-ups of C2", () => followUpsOf(index, cid("C2")).length, 1],
    ["follow-ups of an unknown customer are kept under its ID", () => followUpsOf(index, cid("GHOST")).length, 1],
    ["no follow-ups: an empty list", () => followUpsOf(index, cid("C9")), []],
    ["samples in sheet order", () => samplesOf(index, cid("C2")).map((s) => s.SentOn), [46003, null]],
    ["orders by OrderDate", () => ordersOf(index, cid("C1")).map((o) => o.OrderID), ["O1", "O2"]],
    ["payments by Date", () => paymentsOf(index, oid("O1")).map((p) => p.Amount), [2, 1]],
    ["no payments: an empty list", () => paymentsOf(index, oid("O3")), []],
    ["orderOf", () => orderOf(index, oid("O3"))?.CustomerID, "C2"],
    ["customerOf: the first row of a duplicated ID wins", () => customerOf(index, cid("C1"))?.Company, "First"],
    ["salespeopleByName", () => index.salespeopleByName.get("Li Lei" as SalespersonName)?.HireDate, 45000],
    ["countriesByCode", () => index.countriesByCode.get("US" as CountryCode)?.Region, "North America"],
    ["ratesByCurrency with CNY = 1", () => [...index.ratesByCurrency].sort(), [["CNY", 1], ["USD", 7.1]]],
  ])("%s", (_name, actual, expected) => {
    expect(actual()).toEqual(expected);
  });

  it("does not reorder the snapshot's own rows", () => {
    expect(snap.FollowUps.map((f) => f.Date)).toEqual([46010.5, 46001, 46000.9, 46010.25, 1]);
  });
});

describe("IDs that only other tables name", () => {
  const other = indexSnapshot(
    snapshot({
      Customers: [customer("C1", { Company: "First" }), customer("C2"), customer("C1", { Company: "Again" })],
      FollowUps: [followUp("GHOST", 46001)],
      Samples: [sample("SAMPLE-ONLY", 46000)],
      Orders: [order("O1", "C2"), order("O1", "C1"), order("O9", "ORDER-ONLY")],
      Payments: [payment("O1", 46010, 1), payment("LOST", 46011, 2)],
    }),
  );
  it.each<[string, () => unknown, unknown]>([
    ["customers: the Customers sheet's IDs only, first rows in sheet order", () => other.customers.map((c) => [c.CustomerID, c.Company]), [["C1", "First"], ["C2", "Company C2"]]],
    ["customerOf: none for an ID only other tables name", () => customerOf(other, cid("GHOST")), undefined],
    ["follow-ups, samples and orders of an unknown customer are kept under its ID", () => [followUpsOf(other, cid("GHOST")).length, samplesOf(other, cid("SAMPLE-ONLY")).length, ordersOf(other, cid("ORDER-ONLY")).length], [1, 1, 1]],
    ["orderOf: the first row of a duplicated order ID", () => orderOf(other, oid("O1"))?.CustomerID, "C2"],
    ["orderOf: no order that only Payments names", () => orderOf(other, oid("LOST")), undefined],
    ["payments of an order that only Payments names are kept under its ID", () => paymentsOf(other, oid("LOST")).map((p) => p.Amount), [2]],
    ["a duplicated order ID's payments are one list", () => paymentsOf(other, oid("O1")).length, 1],
  ])("%s", (_name, actual, expected) => {
    expect(actual()).toEqual(expected);
  });
});

describe("indexSnapshot over many follow-ups, dates out of order", () => {
  // 10,000 follow-ups over 7 customers and one unknown ID, dates out of order.
  const ids = ["C1", "C2", "C3", "C4", "C5", "C6", "C7", "GHOST"];
  const many = snapshot({
    Customers: ids.slice(0, 7).map((id) => customer(id)),
    FollowUps: Array.from({ length: 10_000 }, (_, i) => followUp(ids[(i * 5) % 8], 46000 + ((i * 7919) % 1000))),
  });
  const flat = indexSnapshot(many);
  it.each(ids)("%s: exactly its follow-ups, oldest first, ties in sheet order", (id) => {
    const expected = many.FollowUps.filter((f) => f.CustomerID === id).sort((a, b) => a.Date - b.Date);
    expect(followUpsOf(flat, cid(id))).toEqual(expected);
  });
});

describe("indexSnapshot is linear: 500,000 follow-ups index quickly", () => {
  it("indexes 50,000 customers' histories", () => {
    const big = snapshot({
      Customers: Array.from({ length: 50_000 }, (_, i) => customer(`C${i}`)),
      FollowUps: Array.from({ length: 500_000 }, (_, i) => followUp(`C${i % 50_000}`, 46000 + Math.floor(i / 50_000))),
    });
    const baseline = bestOf(3, () => groupingPass(big.FollowUps, (f) => f.CustomerID));
    const indexed = bestOf(3, () => expect(indexSnapshot(big).customerNumbers.size).toBe(50_000));
    expect(indexed).toBeLessThan(4 * baseline + 50);
  });
});
