import { describe, expect, it } from "vitest";
import { addMonths, dayOf, serialFromYMD, ymdOf, type DaySerial } from "../../core/contract/dates";
import type { CrmSnapshot } from "../../core/contract/model";
import { SCHEMA, SOURCES, INQUIRY_TYPES, CHANNELS, DIRECTIONS, TABLE_NAMES, type TableName } from "../../core/contract/schema";
import { generateSample } from "../../templates/sample";

const asOf = serialFromYMD(2026, 11, 27);
const sample = generateSample({ seed: 1, scale: 1, asOf });

/** Columns that may hold a date after asOf: promises and payment deadlines. */
const FUTURE_OK = new Set(["FollowUps.NextDate", "Orders.DueDate"]);
const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
const FORMATS: Record<string, RegExp> = { month: /^\d{4}-(0[1-9]|1[0-2])$/, quarter: /^\d{4}-Q[1-4]$/, isoWeek: /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/ };

/** Every row against the contract, written here independently of core/contract/validation.ts. */
function contractProblems(data: CrmSnapshot, today: DaySerial): string[] {
  const problems: string[] = [];
  const cache = new Map<string, Set<string>>();
  const keys = (t: TableName, col: string): Set<string> => {
    const k = `${t}.${col}`;
    const found = cache.get(k) ?? new Set(data[t].map((r) => String((r as unknown as Record<string, unknown>)[col])));
    cache.set(k, found);
    return found;
  };
  const currencies = new Set([...keys("ExchangeRates", "Currency"), "CNY"]);
  const countries = keys("Countries", "Code");
  for (const table of TABLE_NAMES) {
    const def = SCHEMA[table];
    const seen = new Map<string, Set<string>>();
    data[table].forEach((row, i) => {
      const r = row as unknown as Record<string, unknown>;
      const where = `${table} row ${i + 2}`;
      for (const c of def.columns) {
        const v = r[c.key];
        if (v === null || v === undefined || v === "") {
          if (c.required) problems.push(`${where} ${c.key}: required`);
          continue;
        }
        if (c.unique) {
          const s = seen.get(c.key) ?? new Set<string>();
          if (s.has(String(v))) problems.push(`${where} ${c.key}: duplicate ${String(v)}`);
          seen.set(c.key, s.add(String(v)));
        }
        if (c.enumValues && !c.enumValues.some((e) => e.value === v)) problems.push(`${where} ${c.key}: ${String(v)} not in enum`);
        if (c.type === "number" || c.type === "int" || c.type === "date" || c.type === "datetime") {
          if (typeof v !== "number" || !Number.isFinite(v)) problems.push(`${where} ${c.key}: not a number`);
        } else if (typeof v !== "string") problems.push(`${where} ${c.key}: not text`);
        if (typeof v === "number") {
          if (c.type === "int" && !Number.isInteger(v)) problems.push(`${where} ${c.key}: not whole`);
          if (c.min !== undefined && v < c.min) problems.push(`${where} ${c.key}: below ${c.min}`);
          if (c.max !== undefined && v > c.max) problems.push(`${where} ${c.key}: above ${c.max}`);
          if (c.positive && !(v > 0)) problems.push(`${where} ${c.key}: not > 0`);
          if ((c.type === "date" || c.type === "datetime") && dayOf(v) > today && !FUTURE_OK.has(`${table}.${c.key}`)) problems.push(`${where} ${c.key}: after as-of`);
          if (c.type === "date" && !Number.isInteger(v)) problems.push(`${where} ${c.key}: date with a time`);
        }
        if (typeof v === "string") {
          if (c.format === "email" && !EMAIL.test(v)) problems.push(`${where} ${c.key}: bad email ${v}`);
          if (c.format === "country" && !countries.has(v)) problems.push(`${where} ${c.key}: unknown country ${v}`);
          if (c.format === "currency" && !currencies.has(v)) problems.push(`${where} ${c.key}: unknown currency ${v}`);
          if (c.format && FORMATS[c.format] && !FORMATS[c.format].test(v)) problems.push(`${where} ${c.key}: bad ${c.format} ${v}`);
          if (c.format === "timezone") {
            try {
              new Intl.DateTimeFormat("en-US", { timeZone: v });
            } catch {
              problems.push(`${where} ${c.key}: bad zone ${v}`);
            }
          }
        }
        if (c.ref && !keys(c.ref.table, c.ref.column).has(String(v))) problems.push(`${where} ${c.key}: no ${c.ref.table} ${String(v)}`);
      }
    });
  }
  return problems;
}

describe("sample data is deterministic", () => {
  it("the same seed, scale and as-of give identical data", () => {
    expect(generateSample({ seed: 1, scale: 1, asOf })).toEqual(sample);
  });
  it.each([
    [{ seed: 2, scale: 1, asOf }],
    [{ seed: 1, scale: 1, asOf: asOf + 1 }],
  ])("different options give different data: %o", (opts) => {
    expect(generateSample(opts)).not.toEqual(sample);
  });
});

describe("sample data satisfies the contract", () => {
  it.each([[1, 1], [7, 1], [3, 0.3], [5, 2]])("seed %d scale %d: no problems", (seed, scale) => {
    const data = seed === 1 && scale === 1 ? sample : generateSample({ seed, scale, asOf });
    expect(contractProblems(data, asOf)).toEqual([]);
  });

  it("keeps order statuses consistent with dates and payments", () => {
    const paid = new Map<string, number>();
    for (const p of sample.Payments) paid.set(p.OrderID, (paid.get(p.OrderID) ?? 0) + p.Amount);
    for (const o of sample.Orders) {
      const got = paid.get(o.OrderID) ?? 0;
      expect(got).toBeLessThanOrEqual(o.Amount + 0.005);
      if (o.Status === "Cancelled") expect(got).toBe(0);
      if (o.Status === "Completed") expect(got).toBeCloseTo(o.Amount, 2);
      if (o.Status === "Shipped" || o.Status === "Completed") expect(o.ShipDate).not.toBeNull();
      else expect(o.ShipDate).toBeNull();
      if (o.ShipDate !== null) expect(o.ShipDate).toBeGreaterThanOrEqual(o.OrderDate);
    }
    const orderDate = new Map(sample.Orders.map((o) => [o.OrderID, o] as const));
    for (const p of sample.Payments) {
      expect(p.Date).toBeGreaterThanOrEqual(orderDate.get(p.OrderID)?.OrderDate ?? Infinity);
      expect(p.Currency).toBe(orderDate.get(p.OrderID)?.Currency);
    }
  });
});

describe("sample data is realistic", () => {
  const count = (t: TableName) => sample[t].length;
  it.each([
    ["Salespeople", 5, 5],
    ["Customers", 280, 320],
    ["FollowUps", 3000, 5500],
    ["Orders", 280, 520],
    ["Payments", 250, 700],
    ["Samples", 60, 250],
    ["Countries", 249, 249],
  ] as const)("%s: between %d and %d rows", (table, lo, hi) => {
    expect(count(table)).toBeGreaterThanOrEqual(lo);
    expect(count(table)).toBeLessThanOrEqual(hi);
  });

  it("has customers from at least 40 countries and from every source, inquiry type, size and rating", () => {
    expect(new Set(sample.Customers.map((c) => c.Country)).size).toBeGreaterThanOrEqual(40);
    expect(new Set(sample.Customers.map((c) => c.Source))).toEqual(expect.objectContaining(new Set(SOURCES.map((s) => s.value))));
    for (const s of SOURCES) expect(sample.Customers.some((c) => c.Source === s.value), s.value).toBe(true);
    for (const t of INQUIRY_TYPES) expect(sample.Customers.some((c) => c.InquiryType === t.value), t.value).toBe(true);
    for (const r of ["A", "B", "C", "D"]) expect(sample.Customers.some((c) => c.CreditRating === r), r).toBe(true);
    expect(sample.Customers.some((c) => /@(gmail|163|qq)\.com$/.test(c.Email ?? ""))).toBe(true);
    expect(sample.Customers.every((c) => /^\+\d{1,3} /.test(c.Phone ?? ""))).toBe(true);
  });

  it("has salespeople at every tenure stage, one still in probation", () => {
    const months = sample.Salespeople.map((s) => {
      let m = 0;
      while (addMonths(s.HireDate, m + 1) <= asOf) m++;
      return m;
    });
    expect(months.some((m) => m < 3)).toBe(true);
    expect(months.some((m) => m >= 12)).toBe(true);
    for (const stage of [2, 3, 4]) expect(months.some((m) => m >= 3 * (stage - 1) && m < 3 * stage), `stage ${stage}`).toBe(true);
  });

  it("uses every channel and direction, with satisfaction on return visits and promised next dates both passed and coming", () => {
    for (const c of CHANNELS) expect(sample.FollowUps.some((f) => f.Channel === c.value), c.value).toBe(true);
    for (const d of DIRECTIONS) expect(sample.FollowUps.some((f) => f.Direction === d.value), d.value).toBe(true);
    expect(sample.FollowUps.filter((f) => f.Purpose === "ReturnVisit").every((f) => f.Satisfaction !== null)).toBe(true);
    expect(sample.FollowUps.some((f) => f.NextDate !== null && f.NextDate < asOf)).toBe(true);
    expect(sample.FollowUps.some((f) => f.NextDate !== null && f.NextDate > asOf)).toBe(true);
    const first = Math.min(...sample.FollowUps.map((f) => f.Date));
    expect(first).toBeGreaterThanOrEqual(addMonths(asOf, -15));
  });

  it("has paid and unpaid samples, sent and not yet sent", () => {
    expect(sample.Samples.some((s) => s.FeePaid === "Y")).toBe(true);
    expect(sample.Samples.some((s) => s.FeePaid === "N")).toBe(true);
    expect(sample.Samples.some((s) => s.FeeCNY === null)).toBe(true);
    expect(sample.Samples.some((s) => s.SentOn !== null)).toBe(true);
  });

  it("has orders in USD, EUR and CNY, cancelled ones, overdue ones, and payments with and without a rate", () => {
    for (const cur of ["USD", "EUR", "CNY"]) expect(sample.Orders.some((o) => o.Currency === cur), cur).toBe(true);
    expect(sample.Orders.some((o) => o.Status === "Cancelled")).toBe(true);
    expect(sample.Orders.some((o) => o.Status === "Shipped" && o.DueDate !== null && o.DueDate < asOf)).toBe(true);
    expect(sample.Payments.some((p) => p.RateToCNY !== null)).toBe(true);
    expect(sample.Payments.some((p) => p.RateToCNY === null && p.Currency !== "CNY")).toBe(true);
  });

  it("has key customers: two or more paid orders and visits this year", () => {
    const paidOrders = new Map<string, number>();
    const paid = new Set(sample.Payments.map((p) => p.OrderID));
    for (const o of sample.Orders) if (o.Status !== "Cancelled" && paid.has(o.OrderID)) paidOrders.set(o.CustomerID, (paidOrders.get(o.CustomerID) ?? 0) + 1);
    const year = ymdOf(asOf).year;
    const visited = sample.FollowUps.filter((f) => f.Channel === "Visit" && ymdOf(f.Date).year === year).map((f) => f.CustomerID);
    const keyVisited = [...paidOrders].filter(([id, n]) => n >= 2 && visited.filter((v) => v === id).length >= 2);
    expect(keyVisited.length).toBeGreaterThanOrEqual(3);
  });

  it("has contacts whose birthday comes within 7 days after as-of", () => {
    const soon = sample.Customers.filter((c) => {
      if (c.Birthday === null) return false;
      const b = ymdOf(c.Birthday);
      return [1, 2, 3, 4, 5, 6, 7].some((k) => {
        const d = ymdOf(asOf + k);
        return d.month === b.month && d.day === b.day;
      });
    });
    expect(soon.length).toBeGreaterThanOrEqual(3);
  });

  it("has forecasts, scores and weekly notes for each salesperson", () => {
    for (const s of sample.Salespeople) {
      expect(sample.Forecasts.some((f) => f.Salesperson === s.Name), s.Name).toBe(true);
      expect(sample.Scores.some((f) => f.Salesperson === s.Name), s.Name).toBe(true);
      expect(sample.WeeklyNotes.some((f) => f.Salesperson === s.Name && /[\u4e00-\u9fff]/.test(f.Review ?? "")), s.Name).toBe(true);
    }
  });

  it("--scale 10 gives about ten times as much, in a few seconds", () => {
    const started = Date.now();
    const big = generateSample({ seed: 1, scale: 10, asOf });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(big.Salespeople).toHaveLength(50);
    expect(big.Customers).toHaveLength(3000);
    expect(big.FollowUps.length / sample.FollowUps.length).toBeGreaterThan(6);
    expect(big.Orders.length / sample.Orders.length).toBeGreaterThan(6);
    expect(contractProblems(big, asOf)).toEqual([]);
  });
});
