/**
 * The quarterly review (rules.md §7) on a workbook checked on paper
 * (tests/fixtures/review-snapshot.ts tells the story of each salesperson).
 */
import { describe, expect, it } from "vitest";
import { indexSnapshot } from "../../core/indexes";
import { quarterlyReview, type SalespersonReview } from "../../core/review";
import { DEFAULT_SETTINGS } from "../../core/settings";
import { REVIEW_SNAPSHOT, day } from "../fixtures/review-snapshot";

const Q3 = { year: 2026, quarter: 3 } as const;
const index = indexSnapshot(REVIEW_SNAPSHOT);
const review = quarterlyReview(REVIEW_SNAPSHOT, index, Q3, DEFAULT_SETTINGS);
const person = (name: string): SalespersonReview => {
  const p = review.salespeople.find((s) => s.name === name);
  if (!p) throw new Error(`${name} not in the review`);
  return p;
};

describe("quarterly review of 2026-Q3 (rules.md §7)", () => {
  it("is dated the quarter's last day and lists who worked in the quarter, in sheet order", () => {
    expect(review.quarter).toBe("2026-Q3");
    expect(review.asOf).toBe("2026-09-30");
    expect(review.salespeople.map((s) => s.name)).toEqual(["Li", "Wang", "Chen", "Zhao"]);
  });

  // Every contract KPI of every salesperson, worked out by hand.
  it.each([
    // name, paidCNY, commissionCNY, incomeCNY, orders, newCustomers, contacts, imCustomers, sampleRequests, repeatCustomers, monthsWithOrder, forecastCNY, forecastCompletion
    ["Li", 0, 0, 3600, 0, 1, 3, 2, 0, 0, 0, 0, null], // the cancelled order's CNY 5,000 does not count
    ["Wang", 94100, 1882, 6382, 1, 1, 1, 0, 0, 1, 1, 200000, 0.4705], // 1000×7.5 + 2000×7.8 + 10000×7.1
    ["Chen", 1200000, 25000, 31000, 1, 0, 0, 0, 0, 1, 1, 0, null], // 1M×2% + 200k×2.5%
    ["Zhao", 0, 0, 3600, 0, 1, 2, 0, 1, 0, 0, 0, null], // the inbound email is not a contact; S3 fee unpaid
  ] as const)("KPIs of %s", (name, paidCNY, commissionCNY, incomeCNY, orders, newCustomers, contacts, imCustomers, sampleRequests, repeatCustomers, monthsWithOrder, forecastCNY, forecastCompletion) => {
    expect(person(name)).toMatchObject({ paidCNY, commissionCNY, incomeCNY, orders, newCustomers, contacts, imCustomers, sampleRequests, repeatCustomers, monthsWithOrder, forecastCNY, forecastCompletion });
  });

  it.each([
    ["Li", 1, { from: "2026-06-10", to: "2026-09-09" }, "failed", 0, 1],
    ["Wang", 3, { from: "2026-05-20", to: "2026-08-19" }, "failed", 2, 3],
    ["Chen", 4, { from: "2026-06-01", to: "2026-08-31" }, "passed", 2, 2],
  ] as const)("stage requirement of %s: stage %s over its own window", (name, stage, window, status, actual, target) => {
    const p = person(name);
    expect(p.stage).toBe(stage);
    expect(p.window).toEqual(window);
    expect(p.requirement).toMatchObject({ status, actual, target });
  });

  it("probation shows IM customers against Q1ContactsTarget", () => {
    expect(person("Li").requirement).toMatchObject({ imCustomers: 2, imTarget: 30 });
    expect(person("Li").requirement?.detail).toBe("Probation 2026-06-10..2026-09-09: paid orders 0 of 1 required; IM customers 2 of 30");
    expect(person("Li").requirement?.detailZh).toBe("试用期 2026-06-10..2026-09-09：到款订单 0/1；即时通讯联系客户 2/30");
  });

  it("stage 3 names the tenure month without an order", () => {
    expect(person("Wang").requirement?.months).toEqual([
      { from: "2026-05-20", to: "2026-06-19", orders: 1 },
      { from: "2026-06-20", to: "2026-07-19", orders: 0 },
      { from: "2026-07-20", to: "2026-08-19", orders: 1 }, // the cancelled O-W3 is not counted
    ]);
  });

  it("established salespeople have no requirement", () => {
    expect(person("Zhao")).toMatchObject({ stage: "established", window: null, requirement: null });
    expect(person("Zhao").scores).toEqual({ alibaba: 80, attitude: 90, comment: "Good follow-up" });
    expect(person("Li").scores).toBeNull(); // her score is for another quarter
  });

  it("monthly forecast completion is paid CNY in the month ÷ that month's forecast", () => {
    expect(person("Wang").monthly).toEqual([
      { month: "2026-07", paidCNY: 7500, forecastCNY: 50000, completion: 0.15 },
      { month: "2026-08", paidCNY: 15600, forecastCNY: 50000, completion: 0.312 },
      { month: "2026-09", paidCNY: 71000, forecastCNY: 100000, completion: 0.71 },
    ]);
  });

  it("team totals add up the salespeople", () => {
    expect(review.team).toEqual({ paidCNY: 1294100, commissionCNY: 26882, orders: 2, newCustomers: 3, contacts: 6 });
  });

  it("customers by grade as of the quarter's last day", () => {
    // KEY C1 (3 paid orders) and C5 (2); A C7 (sample sent, contact 28 days ago);
    // B C2 (Detailed); C C3 (its only order cancelled) and C8; D C4 (unknown) and C6 (Related, unpaid orders).
    expect(review.grades).toEqual({ KEY: 2, DEAL: 0, A: 1, B: 1, C: 2, D: 2 });
  });

  it("deal customers by region and by product, with what they paid in the quarter", () => {
    expect(review.byRegion).toEqual({ Europe: { customers: 1, paidCNY: 94100 }, "North America": { customers: 1, paidCNY: 1200000 } });
    expect(review.byProduct).toEqual({ "LED panel": { customers: 1, paidCNY: 94100 }, "Solar lamp": { customers: 1, paidCNY: 1200000 } });
    expect(review.contactsByChannel).toEqual({ WeChat: 1, WhatsApp: 2, Email: 2, Phone: 1 });
    expect(review.unconvertedPayments).toEqual([]);
  });
});

describe("requirement status relative to the review's as-of date (rules.md §7)", () => {
  it.each([
    // asOf, Li, Wang, Chen
    ["2026-08-15", "in progress", "in progress", "passed"], // Chen met his target on 07-01, before the window ended
    ["2026-09-09", "failed", "failed", "passed"], // Li's window ends that day
    ["2026-09-08", "in progress", "failed", "passed"],
  ] as const)("as of %s", (asOf, li, wang, chen) => {
    const r = quarterlyReview(REVIEW_SNAPSHOT, index, Q3, DEFAULT_SETTINGS, day(asOf));
    const status = (n: string): string | undefined => r.salespeople.find((s) => s.name === n)?.requirement?.status;
    expect([status("Li"), status("Wang"), status("Chen")]).toEqual([li, wang, chen]);
    expect(r.asOf).toBe(asOf);
  });

  it("nothing dated after the as-of date counts", () => {
    const r = quarterlyReview(REVIEW_SNAPSHOT, index, Q3, DEFAULT_SETTINGS, day("2026-08-15"));
    // Wang: P1 (07-10) and P2 (08-05) only; P3 (09-01) is after.
    expect(r.salespeople.find((s) => s.name === "Wang")?.paidCNY).toBe(23100);
    expect(r.team.paidCNY).toBe(1223100);
  });
});

describe("who is judged on which stage (rules.md §7)", () => {
  it.each([
    ["hired during the quarter: stage 1 in progress", "2026-08-01", 1, "2026-08-01", "2026-10-31", "in progress"],
    ["stage 2 just completed", "2026-03-15", 2, "2026-06-15", "2026-09-14", "failed"],
    ["stage 4 window ends on the quarter's last day", "2025-10-01", 4, "2026-07-01", "2026-09-30", "failed"],
  ] as const)("%s", (_, hire, stage, from, to, status) => {
    const snapshot = { ...REVIEW_SNAPSHOT, Salespeople: [{ ...REVIEW_SNAPSHOT.Salespeople[0], Name: "New" as never, HireDate: day(hire) }] };
    const r = quarterlyReview(snapshot, indexSnapshot(snapshot), Q3, DEFAULT_SETTINGS);
    expect(r.salespeople[0]).toMatchObject({ stage, window: { from, to }, requirement: { status } });
  });
});

describe("linear in rows", () => {
  it("reviews 20,000 payments and follow-ups quickly", () => {
    const many = {
      ...REVIEW_SNAPSHOT,
      Payments: Array.from({ length: 20_000 }, (_, i) => ({ ...REVIEW_SNAPSHOT.Payments[5], PaymentID: `PX${i}` as never, Amount: 1 })),
      FollowUps: Array.from({ length: 20_000 }, (_, i) => ({ ...REVIEW_SNAPSHOT.FollowUps[0], FollowUpID: `FX${i}` as never })),
    };
    const t0 = performance.now();
    const r = quarterlyReview(many, indexSnapshot(many), Q3, DEFAULT_SETTINGS);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.salespeople.find((s) => s.name === "Chen")?.paidCNY).toBe(20000);
    expect(r.salespeople.find((s) => s.name === "Li")?.contacts).toBe(20000);
  });
});
