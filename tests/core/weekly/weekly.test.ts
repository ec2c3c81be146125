/**
 * The weekly report (rules.md §8) on the hand-made workbook of
 * tests/fixtures/review-snapshot.ts.
 */
import { describe, expect, it } from "vitest";
import { indexSnapshot } from "../../../core/index/indexes";
import { weeklyReport } from "../../../core/weekly/weekly";
import { DEFAULT_SETTINGS } from "../../../core/contract/settings";
import { REVIEW_SNAPSHOT } from "../../fixtures/review-snapshot";
import { dayOf, serialFromYMD } from "../../../core/contract/dates";
import { customer, followUp, order, sample, snapshot } from "../../support/crm";

const index = indexSnapshot(REVIEW_SNAPSHOT);
const report = (who: string, week: number) => weeklyReport(REVIEW_SNAPSHOT, index, who, { year: 2026, week }, DEFAULT_SETTINGS);

describe("the week's work (rules.md §8 part 1)", () => {
  it.each([
    // who, ISO week, contactsOut, contactsIn, newCustomers, samplesRequested, samplesSent, quotes, orders
    ["Zhao", 33, 1, 1, 1, 0, 0, 1, 0], // C7 created Sat 08-15; quote out and sample request in on Sun 08-16
    ["Zhao", 34, 0, 0, 0, 1, 0, 0, 0], // S1 requested Thu 08-20
    ["Zhao", 35, 0, 0, 0, 0, 1, 0, 0], // … and sent Tue 08-25
    ["Wang", 30, 1, 0, 0, 0, 0, 0, 1], // repeat order O-W2 on Sat 07-25
    ["Wang", 33, 0, 0, 0, 0, 0, 0, 0], // O-W3 on 08-10 is cancelled
    ["Li", 27, 1, 0, 1, 0, 0, 0, 0], // C4 created Thu 07-02, F1 on Sun 07-05
    ["Li", 28, 2, 0, 0, 0, 0, 1, 0], // F2, F3 (a quotation)
    ["Li", 29, 0, 0, 0, 0, 0, 0, 0], // O-L1 on 07-15 is cancelled
  ] as const)("%s in 2026-W%s", (who, week, contactsOut, contactsIn, newCustomers, samplesRequested, samplesSent, quotes, orders) => {
    expect(report(who, week).counts).toEqual({ contactsOut, contactsIn, newCustomers, samplesRequested, samplesSent, quotes, orders });
  });
});

describe("key customers developed or followed (rules.md §8 part 2)", () => {
  it("a new customer, with how to reach it and what happened", () => {
    const r = report("Zhao", 33);
    expect(r).toMatchObject({ salesperson: "Zhao", week: "2026-W33", from: "2026-08-10", to: "2026-08-16" });
    expect(r.keyCustomers).toEqual([
      {
        customerId: "C7",
        company: "C7 Trading Ltd & Co",
        grade: "C",
        isNew: true,
        address: "C7 Street 1",
        contact: "Contact C7",
        phone: "+1 555 C7",
        email: "c7@example.com",
        events: [
          { date: "2026-08-16 10:00", channel: "Email", direction: "Out", purpose: "Quotation", summary: "Sent price list" },
          { date: "2026-08-16 21:00", channel: "Email", direction: "In", purpose: "Sample", summary: "Asked for a sample" },
        ],
      },
    ]);
  });

  it("a key customer followed this week (grade as of the week's end)", () => {
    const r = report("Wang", 30);
    expect(r.keyCustomers.map((c) => [c.customerId, c.grade, c.isNew, c.events.length])).toEqual([["C1", "KEY", false, 1]]);
  });

  it("low grades contacted this week are not key customers; new ones always are", () => {
    // Li's C3 is grade C and C4 grade D. C4 is new in W27 (no contact yet that week).
    expect(report("Li", 27).keyCustomers.map((c) => [c.customerId, c.isNew, c.events.length])).toEqual([["C4", true, 0]]);
    expect(report("Li", 28).keyCustomers).toEqual([]);
  });
});

describe("the salesperson's notes (rules.md §8 part 3)", () => {
  it("come from the WeeklyNotes row of that week", () => {
    expect(report("Zhao", 33).notes).toEqual({ review: "Opened C7", problems: "Slow sample approval", improvements: "Pre-approve samples", supportNeeded: "Sample budget", mindset: "Motivated" });
  });
  it("are null when not written", () => {
    expect(report("Zhao", 34).notes).toBeNull();
  });
});

describe("the week is the ISO week, Monday to Sunday (rules.md §8)", () => {
  // 2026-W01 runs Mon 2025-12-29 .. Sun 2026-01-04, across the new year.
  const mon = serialFromYMD(2025, 12, 29);
  const sun = serialFromYMD(2026, 1, 4);
  it.each<[string, number, number]>([
    ["Monday 00:00 is in", mon, 1],
    ["Sunday 23:59 is in", sun + 0.9993, 1],
    ["the Sunday before is out", mon - 0.0007, 0],
    ["the Monday after is out", sun + 1, 0],
  ])("%s", (_name, when, n) => {
    const snap = snapshot({
      Customers: [customer("K1", { CreatedOn: dayOf(when) }), customer("K1", { CreatedOn: dayOf(when) })],
      FollowUps: [followUp("K1", when), followUp("K1", when, { Direction: "In" }), followUp("K1", when, { Purpose: "Quotation" })],
      Samples: [sample("K1", dayOf(when), { RequestedOn: dayOf(when) })],
      Orders: [order("A1", "K1", { OrderDate: dayOf(when) }), order("A2", "K1", { OrderDate: dayOf(when), Status: "Cancelled" })],
    });
    const r = weeklyReport(snap, indexSnapshot(snap), "Li Lei", { year: 2026, week: 1 }, DEFAULT_SETTINGS);
    expect(r.week).toBe("2026-W01");
    expect([r.from, r.to]).toEqual(["2025-12-29", "2026-01-04"]);
    // A duplicated customer row is one new customer; a cancelled order is no order.
    expect(r.counts).toEqual({ contactsOut: 2 * n, contactsIn: n, newCustomers: n, samplesRequested: n, samplesSent: n, quotes: n, orders: n });
  });
});
