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
