import { describe, expect, it } from "vitest";
import { fromCNY, paymentCNY, paymentConverter, rateTable, roundMoney, toCNY } from "../../../core/contract/currency";
import type { CurrencyCode, ExchangeRate, Payment, PaymentId, OrderId } from "../../../core/contract/model";

const cur = (c: string): CurrencyCode => c as CurrencyCode;
const rateRow = (c: string, r: number): ExchangeRate => ({ Currency: cur(c), RateToCNY: r, AsOf: null });
const rates = rateTable([rateRow("USD", 7.1), rateRow("EUR", 7.8), rateRow("CNY", 2), rateRow("JPY", 0), rateRow("usd", 7.2)]);
const pay = (Currency: string, Amount: number, RateToCNY: number | null): Payment => ({
  PaymentID: "P-1" as PaymentId,
  OrderID: "O-1" as OrderId,
  Date: 46000,
  Currency: cur(Currency),
  Amount,
  RateToCNY,
});

describe("rateTable: CNY is always 1, unusable rates are left out, later rows win", () => {
  it.each<[string, number | undefined]>([
    ["CNY", 1],
    ["USD", 7.2],
    ["EUR", 7.8],
    ["JPY", undefined],
    ["GBP", undefined],
  ])("%s → %s", (code, expected) => {
    expect(rates.get(code)).toBe(expected);
  });
  it("an empty table still knows CNY", () => {
    expect([...rateTable([])]).toEqual([["CNY", 1]]);
  });
});

describe("toCNY: CNY = 1, else the row's rate, else the table; unknown currency is an error", () => {
  it.each<[string, number, string, number | null | undefined, number]>([
    ["table rate", 100, "USD", undefined, 720],
    ["row rate wins over table", 100, "USD", 7.0, 700],
    ["blank row rate falls back to table", 100, "EUR", null, 780],
    ["zero row rate falls back to table", 100, "EUR", 0, 780],
    ["negative row rate falls back to table", 100, "EUR", -3, 780],
    ["CNY is 1 even when the table says otherwise", 100, "CNY", undefined, 100],
    ["CNY is 1 even when its row carries a stray rate", 100, "cny", 7.1, 100],
    ["codes are case- and space-insensitive", 10, " usd ", undefined, 72],
    ["row rate converts a currency the table lacks", 100, "GBP", 9.1, 910],
  ])("%s", (_name, amount, currency, rowRate, expected) => {
    const r = toCNY(amount, currency, rates, rowRate);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toBeCloseTo(expected, 9);
  });

  it.each<[string, number, string, RegExp]>([
    ["unknown currency names it", 100, "GBP", /Unknown currency "GBP"/],
    ["a currency with an unusable table rate is unknown", 100, "JPY", /"JPY"/],
    ["a non-number amount", Number.NaN, "USD", /not a number/],
  ])("%s", (_name, amount, currency, message) => {
    const r = toCNY(amount, currency, rates);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.en).toMatch(message);
      expect(r.error.zh).toMatch(/「|金额/);
    }
  });
});

describe("paymentCNY: a payment converts at its RateToCNY, else the table (§6)", () => {
  it.each<[Payment, number]>([
    [pay("USD", 1000, 6.9), 6900],
    [pay("USD", 1000, null), 7200],
    [pay("CNY", 1000, null), 1000],
  ])("%o → %d CNY", (p, expected) => {
    const r = paymentCNY(p, rates);
    expect(r).toEqual({ ok: true, value: expected });
  });
});

describe("paymentConverter: paymentCNY for a whole table, NaN where paymentCNY is an error", () => {
  // One converter for every case, in this order: texts met again reuse what was looked up.
  const convert = paymentConverter(rates);
  it.each<[string, Payment]>([
    ["the row's own rate", pay("USD", 1000, 6.9)],
    ["the table's rate", pay("USD", 1000, null)],
    ["the same text again, another row rate", pay("USD", 10, 7)],
    ["lower case and spaces, as the table is keyed", pay(" usd ", 1000, null)],
    ["CNY is 1 whatever the row says", pay("CNY", 1000, 3)],
    ["cny in lower case", pay("cny", 5, null)],
    ["a row rate of 0 falls back to the table", pay("EUR", 100, 0)],
    ["an unknown currency with a row rate converts at it", pay("GBP", 100, 9)],
    ["an unknown currency without one is an error", pay("GBP", 100, null)],
    ["a currency whose table rate was unusable", pay("JPY", 100, null)],
    ["an amount that is not a number", pay("USD", Number.NaN, 7)],
    ["a blank currency", pay("", 100, null)],
  ])("%s: the same as paymentCNY", (_name, p) => {
    const r = paymentCNY(p, rates);
    expect(convert(p)).toBe(r.ok ? r.value : Number.NaN);
  });
});

describe("fromCNY: CNY back to a currency at the table rate", () => {
  it.each<[number, string, number]>([
    [720, "USD", 100],
    [100, "CNY", 100],
  ])("%d CNY in %s = %d", (amount, currency, expected) => {
    const r = fromCNY(amount, currency, rates);
    expect(r.ok && r.value).toBeCloseTo(expected, 9);
  });
});

describe("roundMoney: 2 decimals, half away from zero, robust to float noise", () => {
  it.each<[number, number]>([
    [1.005, 1.01],
    [1.004, 1],
    [2.675, 2.68],
    [-1.005, -1.01],
    [-0.005, -0.01],
    [-0.0025, 0],
    [0.1 + 0.2, 0.3],
    [19_999.9998, 20_000],
    [123_456_789.125, 123_456_789.13],
    [-0.001, 0],
    [0, 0],
  ])("roundMoney(%d) = %d", (x, expected) => {
    expect(roundMoney(x)).toBe(expected);
    expect(Object.is(roundMoney(x), -0)).toBe(false);
  });
});
