import { describe, expect, it } from "vitest";
import { BY_EMAIL, BY_VISIT, OUTBOUND, PROMISED } from "../../../core/index/follow-up-groups";
import { followUpsOf, indexSnapshot, ordersOf, paymentsOf, samplesOf } from "../../../core/index/indexes";
import { countUpTo } from "../../../core/index/row-groups";
import type { Country, CountryCode, Salesperson, SalespersonName } from "../../../core/contract/model";
import { cid, currency, customer, followUp, oid, order, payment, person, rate, sample, snapshot } from "../../support/crm";
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
    ["ordersById", () => index.ordersById.get(oid("O3"))?.CustomerID, "C2"],
    ["customersById: the first row of a duplicated ID wins", () => index.customersById.get(cid("C1"))?.Company, "First"],
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

describe("the flat index: one slot per ID, groups numbered by slot", () => {
  const flat = indexSnapshot(
    snapshot({
      Customers: [customer("C1", { Company: "First" }), customer("C2"), customer("C1", { Company: "Again" })],
      FollowUps: [
        followUp("C2", 46002, { Direction: "Out", Channel: "Email" }),
        followUp("GHOST", 46001, { Direction: "In", Channel: "Visit" }),
        followUp("C1", 46003, { Direction: "In", Channel: "Email", NextDate: 46010 }),
      ],
      Samples: [sample("SAMPLE-ONLY", 46000)],
      Orders: [order("O1", "C2"), order("O1", "C1"), order("O9", "ORDER-ONLY")],
      Payments: [payment("O1", 46010, 1), payment("LOST", 46011, 2)],
    }),
  );
  const slot = (id: string): number | undefined => flat.customerSlots.get(cid(id));
  it.each<[string, () => unknown, unknown]>([
    ["Customers' IDs take the first slots, in sheet order", () => [slot("C1"), slot("C2")], [0, 1]],
    ["a duplicated ID is one slot; both rows know it", () => Array.from(flat.customerRowSlot), [0, 1, 0]],
    ["each slot knows its first Customers row", () => Array.from(flat.firstCustomerRow.subarray(0, 2)), [0, 1]],
    ["IDs only other tables name get the next slots, in the order met", () => [slot("GHOST"), slot("SAMPLE-ONLY"), slot("ORDER-ONLY")], [2, 3, 4]],
    ["…and have no Customers row", () => Array.from(flat.firstCustomerRow.subarray(2)), [-1, -1, -1]],
    ["an ID no table names has no slot", () => slot("C9"), undefined],
    ["customersById iterates first rows in sheet order, as a Map would", () => [...flat.customersById].map(([id, c]) => [id, c.Company]), [["C1", "First"], ["C2", "Company C2"]]],
    ["customersById: size, has, and no entry for an ID without a Customers row", () => [flat.customersById.size, flat.customersById.has(cid("C2")), flat.customersById.get(cid("GHOST"))], [2, true, undefined]],
    ["ordersById: the first row of a duplicated order ID", () => flat.ordersById.get(oid("O1"))?.CustomerID, "C2"],
    ["ordersById has no order that only Payments names", () => [flat.ordersById.size, flat.ordersById.has(oid("LOST"))], [2, false]],
    ["payments of an order that only Payments names are kept under its ID", () => paymentsOf(flat, oid("LOST")).map((p) => p.Amount), [2]],
    ["a duplicated order ID's payments are one list", () => paymentsOf(flat, oid("O1")).length, 1],
    ["follow-ups in group order: C1's row, C2's, GHOST's", () => Array.from(flat.followUps.at), [2, 0, 1]],
    ["their kinds beside them: email with a promise, outbound email, visit", () => Array.from(flat.followUps.kind), [BY_EMAIL | PROMISED, OUTBOUND | BY_EMAIL, BY_VISIT]],
    ["their dates beside them", () => Array.from(flat.followUps.date), [46003, 46002, 46001]],
    ["the follow-ups of slot 0 (C1) are its rows", () => followUpsOf(flat, cid("C1")).map((f) => f.Date), [46003]],
  ])("%s", (_name, actual, expected) => {
    expect(actual()).toEqual(expected);
  });
});

describe("the index's money columns: what grading and the ledger read instead of the rows", () => {
  const cols = indexSnapshot(
    snapshot({
      Customers: [customer("C1"), customer("C2")],
      Orders: [order("O1", "C1", { Salesperson: person("Wang") }), order("O2", "C2", { Status: "Cancelled" }), order("O3", "C2")],
      Payments: [payment("O1", 46010, 100, { Currency: currency("USD") }), payment("O2", 46011, 5), payment("O3", 46012, 7, { Currency: currency("XYZ") })],
      ExchangeRates: [rate("USD", 7)],
    }),
  );
  const money = cols.money;
  it.each<[string, () => unknown, unknown]>([
    ["orders: a cancelled order does not count", () => Array.from(money.orderLive), [1, 0, 1]],
    ["orders: salespeople numbered in first-seen order", () => [Array.from(money.orderSalesperson), money.salespeople], [[0, 1, 1], ["Wang", "Li Lei"]]],
    ["payments: CNY at the table's rate (CNY is 1)", () => Array.from(money.paymentCNY), [700, 5, 0]],
    ["payments: an unknown currency is not converted", () => Array.from(money.paymentConverted), [1, 1, 0]],
  ])("%s", (_name, actual, expected) => {
    expect(actual()).toEqual(expected);
  });
});

describe("indexSnapshot over more follow-ups than one block of the first pass (4,096)", () => {
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

describe("countUpTo: how many items of a sorted list are on or before a limit", () => {
  const days = [1, 3, 3, 5, 8];
  it.each<[number, number]>([
    [0, 0],
    [1, 1],
    [2, 1],
    [3, 3],
    [7, 4],
    [8, 5],
    [100, 5],
  ])("limit %d → %d", (limit, count) => {
    expect(countUpTo(days, (d) => d, limit)).toBe(count);
  });
  it("an empty list has none", () => {
    expect(countUpTo([], (d: number) => d, 5)).toBe(0);
  });
});

describe("indexSnapshot is linear: 500,000 follow-ups index quickly", () => {
  it("indexes 50,000 customers' histories", () => {
    const big = snapshot({
      Customers: Array.from({ length: 50_000 }, (_, i) => customer(`C${i}`)),
      FollowUps: Array.from({ length: 500_000 }, (_, i) => followUp(`C${i % 50_000}`, 46000 + Math.floor(i / 50_000))),
    });
    const baseline = bestOf(3, () => groupingPass(big.FollowUps, (f) => f.CustomerID));
    const indexed = bestOf(3, () => expect(indexSnapshot(big).customerSlots.size).toBe(50_000));
    expect(indexed).toBeLessThan(4 * baseline + 50);
  });
});
