/**
 * Each use case's projection (core/contract/projection.ts) names every column
 * its rules read: the use case runs over the demo data with rows that throw
 * when a column outside the projection is read, on several days and quarters
 * (a rule may read a column only for some rows, e.g. a broken promise's
 * NextStep). And the import's projection is the keys and the referenced
 * columns, no more.
 */
import { describe, expect, it } from "vitest";
import { DUE, REVIEW, WEEKLY, importProjection, joinProjections, type Projection } from "../../../core/contract/projection";
import { parseQuarter, serialFromYMD, type DaySerial } from "../../../core/contract/dates";
import type { CrmSnapshot } from "../../../core/contract/model";
import { SCHEMA, TABLE_NAMES, type TableName } from "../../../core/contract/schema";
import { DEFAULT_SETTINGS } from "../../../core/contract/settings";
import { indexSnapshot } from "../../../core/index/indexes";
import { reviewDocument } from "../../../core/review/document";
import { reviewPeriod, weeklyPeriod } from "../../../core/review/period";
import { quarterlyReview } from "../../../core/review/review";
import { reviewSheet } from "../../../core/review/sheet";
import { dueAndOverContact } from "../../../core/rules/cadence";
import { gradeAll } from "../../../core/rules/grading";
import { weeklyReport } from "../../../core/weekly/weekly";
import { weeklySheet } from "../../../core/weekly/sheet";
import { generateSample } from "../../../templates/sample";

const AS_OF = serialFromYMD(2026, 11, 27) as DaySerial;
const DATA = generateSample({ seed: 7, scale: 1, asOf: AS_OF });
const META = { companyName: "Demo", generatedAt: "2026-11-27 09:00" };

/** The snapshot with every row throwing on a read of a contract column `projection` leaves out. */
function guarded(snapshot: CrmSnapshot, projection: Projection): CrmSnapshot {
  const out: Partial<Record<TableName, readonly object[]>> = {};
  for (const t of TABLE_NAMES) {
    const kept = new Set(projection[t] ?? []);
    const columns = new Set(SCHEMA[t].columns.map((c) => c.key));
    out[t] = (snapshot[t] as readonly object[]).map(
      (row) =>
        new Proxy(row, {
          get(target, key, receiver) {
            if (typeof key === "string" && columns.has(key) && !kept.has(key)) throw new Error(`${t}.${key} is read but not in the projection`);
            return Reflect.get(target, key, receiver) as unknown;
          },
        }),
    );
  }
  return out as unknown as CrmSnapshot;
}

const DAYS = [AS_OF, AS_OF - 40, AS_OF - 200].map((d) => d as DaySerial);

const USE_CASES: Record<string, { readonly projection: Projection; readonly run: (s: CrmSnapshot, day: DaySerial) => void }> = {
  "the quarterly review, its sheet and document": {
    projection: REVIEW,
    run: (s, day) => {
      for (const q of ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]) {
        const period = reviewPeriod(day, parseQuarter(q));
        if (period.state === "not started") continue;
        const review = quarterlyReview(s, indexSnapshot(s), period.period, DEFAULT_SETTINGS, period.asOf);
        reviewSheet(review, "zh-CN", { ...META, inProgress: period.state === "in progress" });
        reviewDocument(review);
      }
    },
  },
  "the due list with its grades and promised next steps": {
    projection: DUE,
    run: (s, day) => {
      const index = indexSnapshot(s);
      const { items } = dueAndOverContact(index, day, DEFAULT_SETTINGS, gradeAll(index, day, DEFAULT_SETTINGS));
      expect(items.length).toBeGreaterThan(0);
      // cli/due.ts prints the next step of each broken promise.
      for (const f of s.FollowUps) if (f.NextDate !== null) void f.NextStep;
    },
  },
  "the weekly report of every salesperson": {
    projection: WEEKLY,
    run: (s, day) => {
      const index = indexSnapshot(s);
      const week = weeklyPeriod(day).period;
      for (const p of s.Salespeople) weeklySheet(weeklyReport(s, index, p.Name, week, DEFAULT_SETTINGS), "en-US", META);
    },
  },
};

describe("each use case reads only the columns its projection names", () => {
  for (const [name, { projection, run }] of Object.entries(USE_CASES)) {
    it.each(DAYS.map((d) => [d]))(`${name}, on day %i`, (day) => {
      expect(() => run(guarded(DATA, projection), day)).not.toThrow();
    });
  }

  it("a column left out is caught (the guard works)", () => {
    const without: Projection = { ...REVIEW, FollowUps: (REVIEW.FollowUps ?? []).filter((k) => k !== "Direction") };
    expect(() => USE_CASES["the quarterly review, its sheet and document"].run(guarded(DATA, without), AS_OF)).toThrow(/FollowUps\.Direction/);
  });
});

describe("an import reads the keys and what references point at", () => {
  const SETTINGS = SCHEMA.Settings.columns.map((c) => c.key);
  it.each([
    ["FollowUps", { Settings: SETTINGS, FollowUps: ["FollowUpID"], Customers: ["CustomerID"], Salespeople: ["Name"] }],
    ["Payments", { Settings: SETTINGS, Payments: ["PaymentID"], Orders: ["OrderID"], ExchangeRates: ["Currency"] }],
    ["Orders", { Settings: SETTINGS, Orders: ["OrderID"], Customers: ["CustomerID"], Salespeople: ["Name"], ExchangeRates: ["Currency"] }],
    ["Customers", { Settings: SETTINGS, Customers: ["CustomerID"], Salespeople: ["Name"], Countries: ["Code"] }],
    ["Forecasts", { Settings: SETTINGS, Forecasts: ["Salesperson", "Month"], Salespeople: ["Name"] }],
  ] as const)("into %s", (table, expected) => {
    const got = importProjection(table);
    expect(Object.keys(got).sort()).toEqual(Object.keys(expected).sort());
    for (const [t, keys] of Object.entries(expected)) expect([...(got[t as TableName] ?? [])].sort(), t).toEqual([...keys].sort());
  });

  it("two projections joined read what either reads", () => {
    const joined = joinProjections(importProjection("FollowUps"), { FollowUps: ["Date"] });
    expect(joined.FollowUps).toEqual(["FollowUpID", "Date"]);
    expect(joined.Customers).toEqual(["CustomerID"]);
  });
});
