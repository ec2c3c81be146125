import { describe, expect, it } from "vitest";
import { crossTableIssues, type TableRows, type TableSet } from "../../../core/contract/validation";
import type { RowOf } from "../../../core/contract/model";
import type { TableName } from "../../../core/contract/schema";

function rows<T extends TableName>(sheet: string, list: Partial<RowOf<T>>[]): TableRows<T> {
  return { sheet, header: (k) => k, rows: list as RowOf<T>[], rowNumbers: list.map((_, i) => i + 2) };
}

const base = {
  Salespeople: rows<"Salespeople">("Salespeople", [{ Name: "张伟" as never }]),
  Countries: rows<"Countries">("Countries", [{ Code: "DE" as never }, { Code: "US" as never }]),
  ExchangeRates: rows<"ExchangeRates">("ExchangeRates", [{ Currency: "USD" as never, RateToCNY: 7.1 }]),
  Customers: rows<"Customers">("Customers", [
    { CustomerID: "C-1" as never, Owner: "张伟" as never, Country: "DE" as never },
    { CustomerID: "C-2" as never, Owner: "李娜" as never, Country: "XX" as never },
    { CustomerID: "C-1" as never, Owner: "张伟" as never, Country: "US" as never },
  ]),
  Orders: rows<"Orders">("Orders", [
    { OrderID: "O-1" as never, CustomerID: "C-1" as never, Salesperson: "张伟" as never, Currency: "USD" as never },
    { OrderID: "O-2" as never, CustomerID: "C-9" as never, Salesperson: "张伟" as never, Currency: "EUR" as never },
  ]),
  Payments: rows<"Payments">("Payments", [
    { PaymentID: "P-1" as never, OrderID: "O-1" as never, Currency: "USD" as never, RateToCNY: null },
    { PaymentID: "P-2" as never, OrderID: "O-1" as never, Currency: "GBP" as never, RateToCNY: null },
    { PaymentID: "P-3" as never, OrderID: "O-1" as never, Currency: "GBP" as never, RateToCNY: 9.1 },
    { PaymentID: "P-4" as never, OrderID: "O-1" as never, Currency: "CNY" as never, RateToCNY: null },
  ]),
  Forecasts: rows<"Forecasts">("Forecasts", [
    { Salesperson: "张伟" as never, Month: "2026-01" },
    { Salesperson: "张伟" as never, Month: "2026-01" },
  ]),
} satisfies TableSet;

describe("rows agree with each other and with the reference tables", () => {
  const found = crossTableIssues(base).map((i) => [i.sheet, i.row, i.column, i.code]);
  it.each([
    ["an ID used twice is reported on its second row", ["Customers", 4, "CustomerID", "duplicate"]],
    ["an owner must be a salesperson", ["Customers", 3, "Owner", "ref"]],
    ["a country must be in Countries", ["Customers", 3, "Country", "unknown-country"]],
    ["an order's customer must exist", ["Orders", 3, "CustomerID", "ref"]],
    ["an order's currency must have a rate", ["Orders", 3, "Currency", "unknown-currency"]],
    ["a payment without its own rate needs the table's", ["Payments", 3, "RateToCNY", "no-rate"]],
    ["one forecast per salesperson and month", ["Forecasts", 3, "Month", "duplicate"]],
  ])("%s", (_rule, expected) => {
    expect(found).toContainEqual(expected);
  });

  it("finds nothing else (CNY needs no rate; a row rate is enough)", () => {
    expect(found).toHaveLength(7);
  });

  it("reports only the rows from reportFrom on (import checks new rows against old ones)", () => {
    const set: TableSet = { ...base, Customers: { ...base.Customers, reportFrom: 2 } };
    const customers = crossTableIssues(set).filter((i) => i.sheet === "Customers");
    expect(customers.map((i) => i.row)).toEqual([4]);
  });
});

describe("a key is unique: rows from reportFrom on are checked against every row before them", () => {
  const customers = (ids: (string | null)[], reportFrom?: number): TableSet => ({
    Customers: { ...rows<"Customers">("Customers", ids.map((id) => ({ CustomerID: id as never }))), ...(reportFrom === undefined ? {} : { reportFrom }) },
  });
  // [rule, IDs in row order (rows 2, 3, …), reportFrom, [reported row, row named as the first]…]
  it.each<[string, (string | null)[], number | undefined, [number, string][]]>([
    ["every row reported: the second of two is the duplicate", ["C-1", "C-2", "C-1"], undefined, [[4, "2"]]],
    ["a third copy names the first row, not the second", ["C-1", "C-1", "C-1"], undefined, [[3, "2"], [4, "2"]]],
    ["a new row equal to an old one names the old row", ["C-1", "C-2", "C-2"], 2, [[4, "3"]]],
    ["an old row's first occurrence is named, not a later old copy", ["C-1", "C-1", "C-1"], 2, [[4, "2"]]],
    ["duplicates among old rows alone are not reported", ["C-1", "C-1", "C-2"], 2, []],
    ["two new rows with one ID: the second is reported", ["C-1", "C-5", "C-5"], 1, [[4, "3"]]],
    ["blank keys are never duplicates", [null, null, null], 1, []],
    ["nothing to report past the last row", ["C-1", "C-1"], Number.MAX_SAFE_INTEGER, []],
  ])("%s", (_rule, ids, reportFrom, expected) => {
    const found = crossTableIssues(customers(ids, reportFrom)).filter((i) => i.code === "duplicate");
    expect(found.map((i) => [i.row, /第(\d+)行/.exec(i.message.zh)?.[1]])).toEqual(expected);
  });

  it.each<[string, [string, string][], number, number[]]>([
    ["one forecast per salesperson and month, against the rows before", [["张伟", "2026-01"], ["李娜", "2026-01"], ["张伟", "2026-01"]], 2, [4]],
    ["another month is another key", [["张伟", "2026-01"], ["张伟", "2026-02"]], 1, []],
  ])("composite keys: %s", (_rule, keys, reportFrom, expected) => {
    const forecasts = rows<"Forecasts">("Forecasts", keys.map(([s, m]) => ({ Salesperson: s as never, Month: m })));
    const found = crossTableIssues({ Forecasts: { ...forecasts, reportFrom } }).filter((i) => i.code === "duplicate");
    expect(found.map((i) => i.row)).toEqual(expected);
  });
});

describe("a column known unique is not checked again (IDs an import drew against every ID read)", () => {
  const customers = (knownUnique?: string[]): TableSet => ({
    Customers: { ...rows<"Customers">("Customers", ["C-1", "C-1"].map((id) => ({ CustomerID: id as never }))), ...(knownUnique ? { knownUnique } : {}) },
  });
  it.each<[string, string[] | undefined, number]>([
    ["not said: checked", undefined, 1],
    ["said of the ID column: not looked up", ["CustomerID"], 0],
    ["said of another column: the ID still checked", ["Company"], 1],
  ])("%s", (_rule, knownUnique, duplicates) => {
    expect(crossTableIssues(customers(knownUnique)).filter((i) => i.code === "duplicate")).toHaveLength(duplicates);
  });
});
