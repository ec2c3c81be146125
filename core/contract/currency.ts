/**
 * Money in other currencies, brought to CNY (rules.md §6, contract.md
 * ExchangeRates / Payments.RateToCNY).
 *
 * A payment's own RateToCNY is the rate the bank actually applied, so it wins
 * over the ExchangeRates table, which is only the team's indicative rate.
 * CNY is always 1 whether or not the table lists it (contract: CRM.TOCNY),
 * and even when a CNY payment row carries a rate.
 * An unknown currency is an error value naming it, never a silent 0.
 */
import type { Result } from "./issues";
import { err, ok } from "./issues";
import type { ExchangeRate, Payment } from "./model";
import type { LocalizedText } from "./schema";

/** The base currency every rule reports in. */
export const CNY = "CNY";

/** Currency codes are compared trimmed and upper-case ("usd " = "USD"). */
export function currencyKey(code: string): string {
  return code.trim().toUpperCase();
}

/**
 * Currency → rate to CNY. Rows with a non-positive or non-finite rate are left
 * out (validation reports them); a later row for the same currency wins, as a
 * team appends newer rates below older ones. CNY is forced to 1.
 */
export function rateTable(rates: readonly Pick<ExchangeRate, "Currency" | "RateToCNY">[]): Map<string, number> {
  const table = new Map<string, number>();
  for (const r of rates) {
    if (Number.isFinite(r.RateToCNY) && r.RateToCNY > 0) table.set(currencyKey(r.Currency), r.RateToCNY);
  }
  table.set(CNY, 1);
  return table;
}

export function unknownCurrency(currency: string): LocalizedText {
  const c = currencyKey(currency) || currency;
  return {
    zh: `未知币种「${c}」：汇率表中没有它的汇率`,
    en: `Unknown currency "${c}": no rate for it in ExchangeRates`,
  };
}

/**
 * The rate to CNY for a currency: CNY is 1 (an amount already in CNY has
 * nothing to convert, whatever a stray RateToCNY says); otherwise the row's
 * own rate when present and > 0, else the table's.
 */
export function rateToCNY(currency: string, rates: ReadonlyMap<string, number>, rowRate?: number | null): Result<number, LocalizedText> {
  const rate = rateOfKey(currencyKey(currency), rates, rowRate);
  return Number.isNaN(rate) ? err(unknownCurrency(currency)) : ok(rate);
}

/** rateToCNY's rule on a currency already keyed (currencyKey); NaN when there is no rate. */
function rateOfKey(key: string, rates: ReadonlyMap<string, number>, rowRate?: number | null): number {
  if (key === CNY) return 1;
  if (rowRate !== undefined && rowRate !== null && Number.isFinite(rowRate) && rowRate > 0) return rowRate;
  return rates.get(key) ?? Number.NaN;
}

/** An amount in CNY (not rounded: round once, where money is shown). */
export function toCNY(
  amount: number,
  currency: string,
  rates: ReadonlyMap<string, number>,
  rowRate?: number | null,
): Result<number, LocalizedText> {
  if (!Number.isFinite(amount)) {
    return err({ zh: `金额「${String(amount)}」不是有效数字`, en: `Amount "${String(amount)}" is not a number` });
  }
  const rate = rateToCNY(currency, rates, rowRate);
  return rate.ok ? ok(amount * rate.value) : rate;
}

/** A CNY amount in another currency, at the table rate. */
export function fromCNY(amountCNY: number, currency: string, rates: ReadonlyMap<string, number>): Result<number, LocalizedText> {
  const rate = rateToCNY(currency, rates);
  return rate.ok ? ok(amountCNY / rate.value) : rate;
}

/**
 * paymentCNY for a whole table of payments at one rate table, as a number
 * (NaN where paymentCNY gives an error), without a Result per payment.
 * Each distinct Currency text is keyed once: a handful of currencies over
 * 80,000 payments, and normalising the text per payment (trim, upper case)
 * was most of the cost.
 */
export function paymentConverter(rates: ReadonlyMap<string, number>): (p: Pick<Payment, "Amount" | "Currency" | "RateToCNY">) => number {
  const keys = new Map<string, string>();
  return (p) => {
    if (!Number.isFinite(p.Amount)) return Number.NaN;
    let key = keys.get(p.Currency);
    if (key === undefined) {
      key = currencyKey(p.Currency);
      keys.set(p.Currency, key);
    }
    return p.Amount * rateOfKey(key, rates, p.RateToCNY);
  };
}

/** A payment in CNY: its own RateToCNY, else the table (rules.md §6). */
export function paymentCNY(p: Pick<Payment, "Amount" | "Currency" | "RateToCNY">, rates: ReadonlyMap<string, number>): Result<number, LocalizedText> {
  return toCNY(p.Amount, p.Currency, rates, p.RateToCNY);
}

/**
 * Rounds to 2 decimals, half away from zero. Going through 15 significant
 * digits first removes binary noise, so 1.005 (stored as 1.00499999…) → 1.01
 * the way a person computing by hand expects.
 */
export function roundMoney(x: number): number {
  if (!Number.isFinite(x)) return x;
  const cents = Math.round(Number((Math.abs(x) * 100).toPrecision(15)));
  const r = (Math.sign(x) * cents) / 100;
  return r === 0 ? 0 : r; // no -0 in reports
}
