import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addMonths, serialFromDateTime, serialFromYMD } from "../../../core/contract/dates";
import { gradeAll, gradeFacts, gradeOf, type GradeFacts } from "../../../core/rules/grading";
import { indexSnapshot } from "../../../core/index/indexes";
import { isPaidOrder } from "../../../core/contract/paid-orders";
import type { CrmSnapshot } from "../../../core/contract/model";
import { GRADES, type Grade } from "../../../core/contract/schema";
import { DEFAULT_SETTINGS } from "../../../core/contract/settings";
import { cid, customer, followUp, order, payment, rate, sample, snapshot } from "../../support/crm";
import { bestOf, groupingPass } from "../../support/timing";

const S = DEFAULT_SETTINGS; // KeyCustomerMinRevenueCNY 1,000,000 · ASampleFollowUpDays 30
const facts = (over: Partial<GradeFacts>): GradeFacts => ({
  paidOrders: 0,
  paidCNY12m: 0,
  sampleSent: false,
  daysSinceLastContact: null,
  inquiryType: null,
  ...over,
});

describe("grade rule (rules.md §3): gradeOf", () => {
  it.each<[string, Partial<GradeFacts>, Grade]>([
    ["KEY: 2 paid orders", { paidOrders: 2, paidCNY12m: 10 }, "KEY"],
    ["KEY: 1 paid order with 1,000,000 CNY in 12 months (≥ is enough)", { paidOrders: 1, paidCNY12m: 1_000_000 }, "KEY"],
    ["DEAL: 1 paid order with 999,999.99 CNY", { paidOrders: 1, paidCNY12m: 999_999.99 }, "DEAL"],
    ["DEAL: 1 paid order paid over a year ago", { paidOrders: 1, paidCNY12m: 0, inquiryType: "Related" }, "DEAL"],
    ["DEAL beats A: paid order and a fresh sample", { paidOrders: 1, sampleSent: true, daysSinceLastContact: 0 }, "DEAL"],
    ["A: sample sent, contacted today", { sampleSent: true, daysSinceLastContact: 0 }, "A"],
    ["A: sample sent, last contact exactly 30 days ago", { sampleSent: true, daysSinceLastContact: 30 }, "A"],
    ["B: sample sent, last contact 31 days ago (lapsed)", { sampleSent: true, daysSinceLastContact: 31, inquiryType: "Related" }, "B"],
    ["B: sample sent, never contacted", { sampleSent: true, daysSinceLastContact: null, inquiryType: "Generic" }, "B"],
    ["B: detailed inquiry", { inquiryType: "Detailed", daysSinceLastContact: 2 }, "B"],
    ["C: generic inquiry", { inquiryType: "Generic", daysSinceLastContact: 2 }, "C"],
    ["D: related-products inquiry", { inquiryType: "Related" }, "D"],
    ["D: unknown inquiry type", { inquiryType: null, daysSinceLastContact: 1 }, "D"],
    ["not KEY on revenue without money, even with threshold 0", { paidCNY12m: 0, inquiryType: "Generic" }, "C"],
  ])("%s", (_name, over, expected) => {
    expect(gradeOf(facts(over), S)).toBe(expected);
  });

  it.each<[number, Partial<GradeFacts>, Grade]>([
    [0, { paidCNY12m: 0, inquiryType: "Generic" }, "C"],
    [500_000, { paidOrders: 1, paidCNY12m: 600_000 }, "KEY"],
  ])("KeyCustomerMinRevenueCNY = %d is a setting", (min, over, expected) => {
    expect(gradeOf(facts(over), { ...S, KeyCustomerMinRevenueCNY: min })).toBe(expected);
  });

  it.each<[number, number, Grade]>([
    [14, 14, "A"],
    [14, 15, "B"],
  ])("ASampleFollowUpDays = %d, last contact %d days ago → %s", (days, since, expected) => {
    expect(gradeOf(facts({ sampleSent: true, daysSinceLastContact: since }), { ...S, ASampleFollowUpDays: days })).toBe(expected);
  });
});

const D = serialFromYMD(2026, 6, 30);

describe("grade facts as of D (paid orders, 12-month window, last contact, samples)", () => {
  type Case = [string, Partial<CrmSnapshot>, Partial<GradeFacts>, Grade];
  const c = customer("C1", { InquiryType: "Generic" });
  it.each<Case>([
    ["no history: grade from the inquiry type", {}, { paidOrders: 0, daysSinceLastContact: null }, "C"],
    [
      "a payment dated D makes the order paid",
      { Orders: [order("O1", "C1")], Payments: [payment("O1", D, 5000)] },
      { paidOrders: 1, paidCNY12m: 5000 },
      "DEAL",
    ],
    [
      "a payment after D does not count yet",
      { Orders: [order("O1", "C1")], Payments: [payment("O1", D + 1, 5000)] },
      { paidOrders: 0, paidCNY12m: 0 },
      "C",
    ],
    [
      "a cancelled order never counts, even paid",
      { Orders: [order("O1", "C1", { Status: "Cancelled" }), order("O2", "C1")], Payments: [payment("O1", D - 5, 2e6), payment("O2", D - 5, 100)] },
      { paidOrders: 1, paidCNY12m: 100 },
      "DEAL",
    ],
    [
      "two paid orders: KEY",
      { Orders: [order("O1", "C1"), order("O2", "C1")], Payments: [payment("O1", D - 400, 100), payment("O2", D - 10, 100)] },
      { paidOrders: 2, paidCNY12m: 100 },
      "KEY",
    ],
    [
      "12-month window: a payment on addMonths(D, -12) is outside, the day after is inside",
      {
        Orders: [order("O1", "C1")],
        Payments: [payment("O1", addMonths(D, -12), 1_000_000), payment("O1", addMonths(D, -12) + 1, 999_000)],
      },
      { paidOrders: 1, paidCNY12m: 999_000 },
      "DEAL",
    ],
    [
      "foreign payments convert to CNY (row rate, else table) and reach the KEY threshold",
      {
        Orders: [order("O1", "C1", { Currency: "USD" as never })],
        Payments: [payment("O1", D - 30, 100_000, { Currency: "USD" as never, RateToCNY: 7 }), payment("O1", D - 20, 42_254, { Currency: "USD" as never })],
        ExchangeRates: [rate("USD", 7.1)],
      },
      { paidOrders: 1 },
      "KEY", // 700,000 + 300,003.4
    ],
    [
      "A: sample sent 30 days ago with a contact that day",
      { Samples: [sample("C1", D - 30)], FollowUps: [followUp("C1", D - 30 + 0.4)] },
      { sampleSent: true, daysSinceLastContact: 30 },
      "A",
    ],
    [
      "B: sample sent 31 days ago with a contact that day only",
      { Samples: [sample("C1", D - 31)], FollowUps: [followUp("C1", D - 31 + 0.4)] },
      { sampleSent: true, daysSinceLastContact: 31 },
      "B",
    ],
    [
      "an inbound contact counts as contact; later ones after D do not",
      { Samples: [sample("C1", D - 60)], FollowUps: [followUp("C1", D - 3, { Direction: "In" }), followUp("C1", D + 2)] },
      { sampleSent: true, daysSinceLastContact: 3 },
      "A",
    ],
    [
      "a contact late on D itself counts (0 days)",
      { Samples: [sample("C1", D - 60)], FollowUps: [followUp("C1", serialFromDateTime(2026, 6, 30, 23, 30))] },
      { daysSinceLastContact: 0 },
      "A",
    ],
    [
      "a sample not yet sent (SentOn blank or after D) is not sent",
      { Samples: [sample("C1", null), sample("C1", D + 1)], FollowUps: [followUp("C1", D)] },
      { sampleSent: false },
      "C",
    ],
    [
      "follow-ups out of sheet order are sorted before use",
      { Samples: [sample("C1", D - 90)], FollowUps: [followUp("C1", D - 5), followUp("C1", D - 80)] },
      { daysSinceLastContact: 5 },
      "A",
    ],
  ])("%s", (_name, tables, expectedFacts, expectedGrade) => {
    const snap = snapshot({ Customers: [c], ...tables });
    const index = indexSnapshot(snap);
    const f = gradeFacts(cid("C1"), index, D);
    for (const [k, v] of Object.entries(expectedFacts)) expect(f[k as keyof GradeFacts], k).toBeCloseTo(v as number, 6);
    expect(gradeOf(f, S)).toBe(expectedGrade);
    expect(gradeAll(index, D, S).get(cid("C1"))).toBe(expectedGrade);
  });

  it("a payment in a currency with no rate still pays the order and is reported", () => {
    const snap = snapshot({
      Customers: [c],
      Orders: [order("O1", "C1", { Currency: "XYZ" as never })],
      Payments: [payment("O1", D, 10, { Currency: "XYZ" as never })],
    });
    const f = gradeFacts(cid("C1"), indexSnapshot(snap), D);
    expect(f.paidOrders).toBe(1);
    expect(f.paidCNY12m).toBe(0);
    expect(f.unconvertedPayments).toEqual([snap.Payments[0].PaymentID]);
  });
});

describe("paid order (rules.md §3): not Cancelled, with a payment dated ≤ D", () => {
  type Status = "Confirmed" | "InProduction" | "Shipped" | "Completed" | "Cancelled";
  it.each<[string, Status, number[], boolean]>([
    ["Confirmed with a deposit dated D", "Confirmed", [D], true],
    ["InProduction paid before D", "InProduction", [D - 40], true],
    ["Shipped paid before D", "Shipped", [D - 1], true],
    ["Completed paid before D", "Completed", [D - 400], true],
    ["payment dated the day after D", "Shipped", [D + 1], false],
    ["no payment at all", "Completed", [], false],
    ["Cancelled, though money arrived", "Cancelled", [D - 5], false],
    ["one payment before D, one after", "Shipped", [D - 3, D + 3], true],
    ["a payment late on D (time of day ignored)", "Confirmed", [D + 0.9], true],
  ])("%s → %s", (_name, status, dates, paid) => {
    const payments = dates.map((d) => payment("O1", d, 100));
    expect(isPaidOrder({ Status: status }, payments, D)).toBe(paid);
    // gradeFacts counts exactly these orders.
    const snap = snapshot({ Customers: [customer("C1")], Orders: [order("O1", "C1", { Status: status })], Payments: payments });
    expect(gradeFacts(cid("C1"), indexSnapshot(snap), D).paidOrders).toBe(paid ? 1 : 0);
  });
});

describe("gradeAll is total: every customer gets exactly one grade", () => {
  const day = fc.integer({ min: D - 800, max: D + 30 });
  const ids = ["C1", "C2", "C3", "C4", "C5", "C6"];
  const anyId = fc.constantFrom(...ids, "GHOST");
  const snapArb = fc
    .record({
      customers: fc.subarray(ids, { minLength: 0 }),
      inquiry: fc.array(fc.constantFrom("Detailed", "Generic", "Related", null), { minLength: 6, maxLength: 6 }),
      follow: fc.array(fc.tuple(anyId, day, fc.double({ min: 0, max: 0.99, noNaN: true }), fc.constantFrom("In", "Out")), { maxLength: 40 }),
      samples: fc.array(fc.tuple(anyId, fc.option(day)), { maxLength: 10 }),
      orders: fc.array(fc.tuple(anyId, fc.constantFrom("Confirmed", "Shipped", "Completed", "Cancelled", "InProduction"), fc.constantFrom("CNY", "USD", "EUR")), { maxLength: 10 }),
      payments: fc.array(fc.tuple(fc.nat(12), day, fc.double({ min: 0.01, max: 3e6, noNaN: true })), { maxLength: 20 }),
    })
    .map((r): CrmSnapshot =>
      snapshot({
        Customers: [...r.customers, ...r.customers.slice(0, 1)].map((id, i) => customer(id, { InquiryType: r.inquiry[i % 6] as never })),
        FollowUps: r.follow.map(([id, d, t, dir]) => followUp(id, d + t, { Direction: dir as never })),
        Samples: r.samples.map(([id, d]) => sample(id, d)),
        Orders: r.orders.map(([id, status, cur], i) => order(`O${i}`, id, { Status: status as never, Currency: cur as never })),
        Payments: r.payments.map(([o, d, amt]) => payment(`O${o}`, d, amt)),
        ExchangeRates: [rate("USD", 7.1)],
      }),
    );

  it("on random snapshots and dates", () => {
    const valid = new Set<string>(GRADES.map((g) => g.value));
    fc.assert(
      fc.property(snapArb, day, (snap, asOf) => {
        const grades = gradeAll(indexSnapshot(snap), asOf, S);
        const distinct = new Set(snap.Customers.map((x) => x.CustomerID));
        expect(grades.size).toBe(distinct.size);
        for (const id of distinct) expect(valid.has(grades.get(id) as string)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe("grading is linear in rows", () => {
  it("grades 50,000 customers with 500,000 follow-ups within a few grouping passes of time", () => {
    const customers = Array.from({ length: 50_000 }, (_, i) => customer(`C${i}`, { InquiryType: (["Detailed", "Generic", "Related"] as const)[i % 3] }));
    const followUps = Array.from({ length: 500_000 }, (_, i) => followUp(`C${i % 50_000}`, D - (i % 400) + 0.5));
    const samples = Array.from({ length: 20_000 }, (_, i) => sample(`C${i * 2}`, D - (i % 90)));
    const orders = Array.from({ length: 30_000 }, (_, i) => order(`O${i}`, `C${i}`));
    const payments = Array.from({ length: 60_000 }, (_, i) => payment(`O${i % 30_000}`, D - (i % 500), 40_000));
    const snap = snapshot({ Customers: customers, FollowUps: followUps, Samples: samples, Orders: orders, Payments: payments });
    const baseline = bestOf(3, () => groupingPass(snap.FollowUps, (f) => f.CustomerID));
    const graded = bestOf(3, () => expect(gradeAll(indexSnapshot(snap), D, S).size).toBe(50_000));
    // ~250 ms on an idle 2-core box (baseline ~60 ms); a quadratic rule would be minutes.
    expect(graded).toBeLessThan(8 * baseline + 100);
  });
});
