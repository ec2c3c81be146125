/**
 * The quarterly review (rules.md §7) on a workbook checked on paper
 * (tests/fixtures/review-snapshot.ts tells the story of each salesperson).
 */
import { describe, expect, it } from "vitest";
import { indexSnapshot } from "../../../core/index/indexes";
import { quarterlyReview, type SalespersonReview } from "../../../core/review/review";
import { DEFAULT_SETTINGS } from "../../../core/contract/settings";
import { reviewDocument } from "../../../core/review/document";
import { REVIEW_SNAPSHOT, day } from "../../fixtures/review-snapshot";
import { currency, customer, followUp, order, payment, person as salespersonName, rate, sample, snapshot } from "../../support/crm";

const Q3 = { year: 2026, quarter: 3 } as const;
const index = indexSnapshot(REVIEW_SNAPSHOT);
const review = quarterlyReview(REVIEW_SNAPSHOT, index, Q3, DEFAULT_SETTINGS);
const person = (name: string): SalespersonReview => {
  const p = review.salespeople.find((s) => s.name === name);
  if (!p) throw new Error(`${name} not in the review`);
  return p;
};

describe("quarterly review of 2026-Q3 (rules.md §7)", () => {
  it("is the same from an index of another copy of the rows", () => {
    const copy = { ...REVIEW_SNAPSHOT, FollowUps: [...REVIEW_SNAPSHOT.FollowUps] };
    expect(quarterlyReview(REVIEW_SNAPSHOT, indexSnapshot(copy), Q3, DEFAULT_SETTINGS)).toEqual(review);
  });

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

describe("who is judged on which stage: window edges (rules.md §7)", () => {
  const judged = (hire: string, asOf?: string) => {
    const snapshot = { ...REVIEW_SNAPSHOT, Salespeople: [{ ...REVIEW_SNAPSHOT.Salespeople[0], Name: "New" as never, HireDate: day(hire) }] };
    const r = quarterlyReview(snapshot, indexSnapshot(snapshot), Q3, DEFAULT_SETTINGS, asOf === undefined ? undefined : day(asOf));
    const p = r.salespeople[0];
    return p ? { stage: p.stage, window: p.window ? `${p.window.from}..${p.window.to}` : null, status: p.requirement?.status ?? null } : undefined;
  };
  it.each<[string, string, ReturnType<typeof judged>]>([
    ["hired on the quarter's first day: stage 1 ends on its last day, completed", "2026-07-01", { stage: 1, window: "2026-07-01..2026-09-30", status: "failed" }],
    ["hired on the quarter's last day: stage 1 in progress", "2026-09-30", { stage: 1, window: "2026-09-30..2026-12-29", status: "in progress" }],
    ["stage 1 window ends on the quarter's first day", "2026-04-02", { stage: 1, window: "2026-04-02..2026-07-01", status: "failed" }],
    ["stage 2 window ends the day before the quarter: stage 3 is judged", "2026-01-01", { stage: 3, window: "2026-07-01..2026-09-30", status: "failed" }],
    ["stage 4 ends inside the quarter though established from 07-02", "2025-07-02", { stage: 4, window: "2026-04-02..2026-07-01", status: "failed" }],
    ["stage 4 ended the day before the quarter: established, no requirement", "2025-07-01", { stage: "established", window: null, status: null }],
    ["hired on the 31st: EDATE clamps (stage 3 of a 2025-12-31 hire ends 09-29)", "2025-12-31", { stage: 3, window: "2026-06-30..2026-09-29", status: "failed" }],
    ["hired after the quarter: not reviewed", "2026-10-01", undefined],
  ])("%s", (_name, hire, expected) => {
    expect(judged(hire)).toEqual(expected);
  });
});

describe("KPI definitions over the calendar quarter (rules.md §7)", () => {
  // One established salesperson, Li Lei, reviewed for 2026-Q3 (07-01..09-30).
  const q1 = day("2026-07-01");
  const q9 = day("2026-09-30");
  const base = {
    Salespeople: [{ Name: salespersonName("Li Lei"), HireDate: day("2020-01-01"), Manager: null, BaseSalaryCNY: null, Active: null, Email: null }],
    Customers: [customer("K1", { CreatedOn: day("2020-01-01") }), customer("K2", { CreatedOn: day("2020-01-01") })],
  };
  const kpis = (over: Partial<Parameters<typeof snapshot>[0]>) => {
    const snap = snapshot({ ...base, ...over });
    const p = quarterlyReview(snap, indexSnapshot(snap), Q3, DEFAULT_SETTINGS).salespeople[0];
    const { contacts, imCustomers, sampleRequests, repeatCustomers, monthsWithOrder, orders, newCustomers, paidCNY, forecastCNY, forecastCompletion } = p;
    return { contacts, imCustomers, sampleRequests, repeatCustomers, monthsWithOrder, orders, newCustomers, paidCNY, forecastCNY, forecastCompletion };
  };
  const none: Record<string, number | null> = { contacts: 0, imCustomers: 0, sampleRequests: 0, repeatCustomers: 0, monthsWithOrder: 0, orders: 0, newCustomers: 0, paidCNY: 0, forecastCNY: 0, forecastCompletion: null };
  it.each<[string, Partial<Parameters<typeof snapshot>[0]>, Record<string, number | null>]>([
    ["contacts: outbound follow-ups dated in Q, edges included", { FollowUps: [followUp("K1", q1), followUp("K1", q9 + 0.99), followUp("K1", q1 - 0.01), followUp("K1", q9 + 1)] }, { contacts: 2 }],
    ["contacts: an inbound follow-up is not a contact", { FollowUps: [followUp("K1", q1 + 3, { Direction: "In" })] }, {}],
    [
      "imCustomers: distinct customers with an outbound IM follow-up",
      { FollowUps: [followUp("K1", q1, { Channel: "WeChat" }), followUp("K1", q1 + 1, { Channel: "WhatsApp" }), followUp("K2", q1, { Channel: "TradeManager", Direction: "In" }), followUp("K2", q1, { Channel: "Email" })] },
      { contacts: 3, imCustomers: 1 },
    ],
    [
      "sampleRequests: distinct customers, requested in Q, FeePaid = Y",
      { Samples: [sample("K1", null, { RequestedOn: q1, FeePaid: "Y" }), sample("K1", null, { RequestedOn: q9, FeePaid: "Y" }), sample("K2", null, { RequestedOn: q1, FeePaid: "N" }), sample("K2", null, { RequestedOn: q1 - 1, FeePaid: "Y" })] },
      { sampleRequests: 1 },
    ],
    [
      "repeatCustomers: the second-or-later non-cancelled order falls in Q",
      {
        Orders: [
          order("A1", "K1", { OrderDate: day("2026-03-01") }),
          order("A2", "K1", { OrderDate: day("2026-08-01") }),
          order("B0", "K2", { OrderDate: day("2026-03-01"), Status: "Cancelled" }),
          order("B1", "K2", { OrderDate: day("2026-08-01") }),
        ],
      },
      { repeatCustomers: 1, orders: 2, monthsWithOrder: 1 },
    ],
    [
      "monthsWithOrder: months of Q with a non-cancelled order",
      { Orders: [order("A1", "K1", { OrderDate: q1 }), order("A2", "K1", { OrderDate: q1 + 5 }), order("A3", "K2", { OrderDate: q9, Status: "Cancelled" })] },
      { orders: 2, monthsWithOrder: 1, repeatCustomers: 1 },
    ],
    ["newCustomers: CreatedOn in Q, a duplicated row counted once", { Customers: [customer("K1", { CreatedOn: q9 }), customer("K1", { CreatedOn: q9 }), customer("K2", { CreatedOn: q9 + 1 })] }, { newCustomers: 1 }],
    [
      "paidCNY: payments dated in Q on non-cancelled orders, each row at its own rate",
      {
        Orders: [order("A1", "K1", { OrderDate: day("2026-06-01"), Currency: currency("USD") }), order("A2", "K1", { OrderDate: q1, Status: "Cancelled" })],
        Payments: [payment("A1", q1, 100, { Currency: currency("USD"), RateToCNY: 7.123 }), payment("A1", q9, 100, { Currency: currency("USD") }), payment("A1", q1 - 1, 100), payment("A2", q1, 500)],
        ExchangeRates: [rate("USD", 7.1)],
      },
      { paidCNY: 1422.3 },
    ],
    [
      "forecastCompletion = paidCNY ÷ forecastCNY",
      { Orders: [order("A1", "K1", { OrderDate: q1 })], Payments: [payment("A1", q1, 1000)], Forecasts: [{ Salesperson: salespersonName("Li Lei"), Month: "2026-07", ForecastCNY: 3000 }, { Salesperson: salespersonName("Li Lei"), Month: "2026-10", ForecastCNY: 9000 }] },
      { paidCNY: 1000, orders: 1, monthsWithOrder: 1, forecastCNY: 3000, forecastCompletion: 0.3333 },
    ],
    ["forecastCompletion is null without a forecast", { Orders: [order("A1", "K1", { OrderDate: q1 })], Payments: [payment("A1", q1, 1000)] }, { paidCNY: 1000, orders: 1, monthsWithOrder: 1, forecastCompletion: null }],
  ])("%s", (_name, over, expected) => {
    expect(kpis(over)).toEqual({ ...none, ...expected });
  });
});

describe("grades are as of the quarter's last day (rules.md §7)", () => {
  it.each([
    ["the default as-of date", undefined],
    ["a review run after the quarter", "2026-12-31"],
  ] as const)("%s", (_name, asOf) => {
    const r = quarterlyReview(REVIEW_SNAPSHOT, index, Q3, DEFAULT_SETTINGS, asOf === undefined ? undefined : day(asOf));
    // C7 is A on 09-30 (contact 28 days before); on 12-31 it would have lapsed to B.
    expect(r.grades).toEqual({ KEY: 2, DEAL: 0, A: 1, B: 1, C: 2, D: 2 });
  });
});

describe("the review --json document is contract.md's shape exactly", () => {
  const doc = reviewDocument(review);
  it.each<[string, unknown, readonly string[]]>([
    ["top level", doc, ["quarter", "asOf", "salespeople", "team", "grades", "byRegion"]],
    [
      "a salesperson",
      doc.salespeople[0],
      ["name", "stage", "window", "paidCNY", "commissionCNY", "incomeCNY", "orders", "newCustomers", "contacts", "imCustomers", "sampleRequests", "repeatCustomers", "monthsWithOrder", "forecastCNY", "forecastCompletion", "requirement"],
    ],
    ["a requirement", doc.salespeople[0].requirement, ["status", "detail"]],
    ["a window", doc.salespeople[0].window, ["from", "to"]],
    ["team", doc.team, ["paidCNY", "commissionCNY", "orders", "newCustomers", "contacts"]],
    ["grades", doc.grades, ["KEY", "DEAL", "A", "B", "C", "D"]],
    ["a region", Object.values(doc.byRegion)[0], ["customers", "paidCNY"]],
  ])("%s", (_name, value, keys) => {
    expect(Object.keys(value as object)).toEqual(keys);
  });

  it("money has at most 2 decimals, counts are integers, dates are YYYY-MM-DD", () => {
    const json = JSON.parse(JSON.stringify(doc)) as typeof doc;
    expect(json.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const s of json.salespeople) {
      for (const m of [s.paidCNY, s.commissionCNY, s.incomeCNY, s.forecastCNY]) expect(Math.round(m * 100) / 100).toBe(m);
      for (const n of [s.orders, s.newCustomers, s.contacts, s.imCustomers, s.sampleRequests, s.repeatCustomers, s.monthsWithOrder]) expect(Number.isInteger(n)).toBe(true);
      if (s.window) for (const d of [s.window.from, s.window.to]) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe("stage 1 (probation): at least 1 paid order within the window (rules.md §7)", () => {
  // Hired 2026-08-01: window 08-01..10-31, still open on the review date 09-30.
  const hire = day("2026-08-01");
  const judge = (orderOver: Parameters<typeof order>[2], payDate: string, currencyCode = "CNY") => {
    const snap = snapshot({
      Salespeople: [{ Name: salespersonName("Li Lei"), HireDate: hire, Manager: null, BaseSalaryCNY: null, Active: null, Email: null }],
      Customers: [customer("K1", { CreatedOn: hire })],
      Orders: [order("A1", "K1", { OrderDate: hire, ...orderOver })],
      Payments: [payment("A1", day(payDate), 1000, { Currency: currency(currencyCode) })],
    });
    const r = quarterlyReview(snap, indexSnapshot(snap), Q3, DEFAULT_SETTINGS);
    const p = r.salespeople[0];
    return `${p.requirement?.status} ${p.requirement?.actual} paid ${p.paidCNY} unconverted ${r.unconvertedPayments.length}`;
  };
  it.each<[string, Parameters<typeof order>[2], string, string, string]>([
    ["a payment in the window on a live order", {}, "2026-08-10", "CNY", "passed 1 paid 1000 unconverted 0"],
    ["a payment on the window's first day", { Status: "Shipped" }, "2026-08-01", "CNY", "passed 1 paid 1000 unconverted 0"],
    ["a payment on a cancelled order", { Status: "Cancelled" }, "2026-08-10", "CNY", "in progress 0 paid 0 unconverted 0"],
    ["a payment before the window (before the hire)", {}, "2026-07-31", "CNY", "in progress 0 paid 1000 unconverted 0"],
    ["a payment after the review date", {}, "2026-10-05", "CNY", "in progress 0 paid 0 unconverted 0"],
    ["a payment in a currency with no rate still pays the order", {}, "2026-08-10", "XYZ", "passed 1 paid 0 unconverted 1"],
  ])("%s", (_name, over, payDate, cur, expected) => {
    expect(judge(over, payDate, cur)).toBe(expected);
  });
});

describe("the review depends on the rows, not on the arrays that hold them", () => {
  // Copies of the tables: equal rows in other arrays.
  it.each<[string, keyof typeof REVIEW_SNAPSHOT]>([
    ["follow-ups", "FollowUps"],
    ["customers", "Customers"],
    ["payments", "Payments"],
  ])("%s given as another array: the same review", (_name, table) => {
    const copy = { ...REVIEW_SNAPSHOT, [table]: [...REVIEW_SNAPSHOT[table]] };
    expect(quarterlyReview(copy, index, Q3, DEFAULT_SETTINGS)).toEqual(review);
  });
});
