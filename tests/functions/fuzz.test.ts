/**
 * Hostile input for every CRM.* function: thousands of random argument lists
 * (NaN, ±Infinity, -0, huge and negative numbers, text where numbers go,
 * empty and ragged ranges, nested arrays, booleans, null/undefined, objects,
 * data-type-like values). Rule: a call returns a finite number or text, or
 * throws a CustomFunctions-style error (#VALUE! or #N/A with a message) —
 * never a TypeError, never NaN or Infinity in a cell. Each run picks a 1900
 * or a 1904 workbook; the functions are called in their immediate form
 * (crmFunctionsIn), the bodies Excel's async date functions run.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isFunctionError, type FunctionError } from "../../functions/errors";
import type { DateSystem } from "../../functions/date-system";
import { crmFunctionsIn, type CrmFunctionId } from "../../functions/functions";

const ZONES = ["Asia/Shanghai", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Pacific/Chatham", "Australia/Lord_Howe", "UTC", "Mars/Base", "", "asia/shanghai"];
const WORDS = ["marginal", "whole", "全额累进", "KEY", "DEAL", "A", "d", "Detailed", "统一询价", "USD", "cny", "EUR", "Y", "否", "TRUE", "2026-07-01", "2026-02-30", "9999-12-31 23:59", "1e400", "NaN", "-0", " 12 ", "1,000,000", "UpToCNY", "Rate", "Currency", "RateToCNY", "币种", "established", "wh\nole", "USD\n", "Asia/Shanghai\r\n", "K\u2028EY", "\"quoted\""];

const number = fc.oneof(
  fc.double(),
  fc.integer({ min: -3_000_000, max: 3_000_000 }),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 1e308, 2958465, 2958466, 46204.875, 1, 0.5),
);
const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...WORDS, ...ZONES), fc.string({ unit: "grapheme", maxLength: 6 }));
const scalar = fc.oneof(number, text, fc.boolean(), fc.constant(null), fc.constant(undefined));
const exotic = fc.oneof(
  fc.constant({}),
  fc.constant({ type: "Entity", text: "Acme", properties: {} }),
  fc.constant({ val: 5 }),
  fc.constant(new Date(0)),
  fc.constant(Symbol("cell")),
  fc.constant(10n),
  fc.constant(() => 1),
);
const row = fc.array(fc.oneof({ weight: 8, arbitrary: scalar }, { weight: 1, arbitrary: exotic }), { maxLength: 4 });
const range = fc.oneof(
  fc.array(row, { maxLength: 6 }),
  fc.constant([] as unknown[]),
  fc.constant([[]] as unknown[]),
  fc.constant([[[1, 2]], [[3]]] as unknown[]),
  fc.constant([[1000000, 0.02], [5000000, 0.025], [null, 0.04]] as unknown[]),
  fc.constant([["Currency", "RateToCNY"], ["USD", 7.1], ["EUR", Number.NaN]] as unknown[]),
  fc.constant([[Infinity, 0.02], [null, 2]] as unknown[]),
);
const anyArg = fc.oneof({ weight: 6, arbitrary: scalar }, { weight: 3, arbitrary: range }, { weight: 1, arbitrary: exotic }, { weight: 1, arbitrary: fc.constant([[fc]]) });

type Outcome = { kind: "value"; value: unknown } | { kind: "error"; error: FunctionError } | { kind: "crash"; error: unknown };

const IN: Record<DateSystem, ReturnType<typeof crmFunctionsIn>> = { "1900": crmFunctionsIn("1900"), "1904": crmFunctionsIn("1904") };
const system = fc.constantFrom<DateSystem>("1900", "1904");

function call(id: CrmFunctionId, args: unknown[], inSystem: DateSystem = "1900"): Outcome {
  const fn = IN[inSystem][id];
  try {
    return { kind: "value", value: fn(...args) };
  } catch (e) {
    return isFunctionError(e) ? { kind: "error", error: e } : { kind: "crash", error: e };
  }
}

function assertHonest(id: CrmFunctionId, args: unknown[], inSystem: DateSystem): void {
  const out = call(id, args, inSystem);
  if (out.kind === "crash") throw new Error(`${id} crashed on ${String(args.length)} args: ${String(out.error)}`);
  if (out.kind === "error") {
    expect(["#VALUE!", "#N/A"]).toContain(out.error.code);
    const message = out.error.message ?? "";
    expect(message).not.toMatch(/[\n\r\u2028\u2029\u0085]/);
    expect(message).toMatch(/^\S{3,}.* \/ .*[\u4e00-\u9fff]/); // "English / 中文"
    return;
  }
  const v = out.value;
  if (typeof v === "number") expect(Number.isFinite(v), `${id} returned ${v}`).toBe(true);
  else expect(typeof v, `${id} returned ${String(v)}`).toBe("string");
}

const ARITY: Record<CrmFunctionId, number> = { COMMISSION: 3, COMMISSIONRATE: 2, GRADE: 5, NEXTCONTACT: 3, LOCALTIME: 3, CALLWINDOW: 2, TOCNY: 3, STAGE: 2, QUARTER: 1 };
const IDS = Object.keys(ARITY) as CrmFunctionId[];

describe("every function is total over hostile arguments", () => {
  it.each(IDS)("CRM.%s: a value or a #VALUE!/#N/A, never a crash", (id) => {
    fc.assert(
      fc.property(fc.array(anyArg, { minLength: 0, maxLength: ARITY[id] + 1 }), system, (args, sys) => assertHonest(id, args, sys)),
      { numRuns: 1500 },
    );
  });

  it.each(IDS)("CRM.%s: plausible arguments (the right kinds, odd values) stay honest too", (id) => {
    const plausible: Record<CrmFunctionId, fc.Arbitrary<unknown[]>> = {
      COMMISSION: fc.tuple(number, fc.oneof(range, fc.constant(null)), fc.oneof(text, fc.constant(null))),
      COMMISSIONRATE: fc.tuple(number, fc.oneof(range, fc.constant(null))),
      GRADE: fc.tuple(number, fc.oneof(fc.boolean(), text), text, fc.oneof(number, fc.constant(null)), fc.oneof(number, fc.constant(null))),
      NEXTCONTACT: fc.tuple(fc.constantFrom("KEY", "DEAL", "A", "B", "C", "D", "X"), fc.oneof(number, fc.constant(null), text), fc.oneof(number, fc.constant(null))),
      LOCALTIME: fc.tuple(fc.constantFrom(...ZONES), fc.oneof(number, fc.constant(null)), fc.oneof(fc.constantFrom(...ZONES), fc.constant(null))),
      CALLWINDOW: fc.tuple(fc.constantFrom(...ZONES), fc.oneof(number, fc.constant(null))),
      TOCNY: fc.tuple(number, fc.constantFrom("USD", "EUR", "CNY", "JPY", "usd", "$"), range),
      STAGE: fc.tuple(number, fc.oneof(number, fc.constant(null))),
      QUARTER: fc.tuple(number),
    };
    fc.assert(fc.property(plausible[id], system, (args, sys) => assertHonest(id, args, sys)), { numRuns: 1500 });
  });
});

describe("never a silently wrong number", () => {
  const notAnAmount = fc.oneof(
    fc.constantFrom(Number.NaN, Infinity, -Infinity, true, false, "", "abc", {}, [[1, 2]]),
    fc.double({ max: -Number.MIN_VALUE, noNaN: true }),
  );

  it("COMMISSION and COMMISSIONRATE reject every amount that is not a number ≥ 0, naming it", () => {
    fc.assert(
      fc.property(notAnAmount, (amount) => {
        for (const id of ["COMMISSION", "COMMISSIONRATE"] as const) {
          const out = call(id, [amount, null, null]);
          expect(out.kind).toBe("error");
          if (out.kind === "error") {
            expect(out.error.code).toBe("#VALUE!");
            expect(out.error.message).toMatch(/^amount: /);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("TOCNY is amount × the listed rate, CNY is the amount, an unlisted currency is #N/A", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.double({ min: 0.0001, max: 1000, noNaN: true }), fc.constantFrom("USD", "EUR", "JPY"), (amount, rate, currency) => {
        const rates = [["Currency", "RateToCNY"], [currency, rate]];
        const listed = call("TOCNY", [amount, currency, rates]);
        expect(listed).toEqual({ kind: "value", value: amount * rate });
        expect(call("TOCNY", [amount, "CNY", rates])).toEqual({ kind: "value", value: amount });
        const other = call("TOCNY", [amount, currency === "USD" ? "GBP" : "USD", rates]);
        expect(other.kind === "error" && other.error.code).toBe("#N/A");
      }),
      { numRuns: 500 },
    );
  });

  it("dates outside Excel's calendar are #VALUE!, never a quarter of year 10000", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ max: 0.999, noNaN: true }), fc.double({ min: 2958466, noNaN: true }), fc.constantFrom(Number.NaN, Infinity)), (serial) => {
        const out = call("QUARTER", [serial]);
        expect(out.kind === "error" && out.error.code).toBe("#VALUE!");
      }),
      { numRuns: 500 },
    );
  });

  it("in a 1904 workbook the calendar is 0 (1904-01-01) to 2957003 (9999-12-31), and nothing outside", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ max: -Number.MIN_VALUE, noNaN: true }), fc.double({ min: 2958466 - 1462, noNaN: true }), fc.constantFrom(Number.NaN, Infinity)), (serial) => {
        const out = call("QUARTER", [serial], "1904");
        expect(out.kind === "error" && out.error.code).toBe("#VALUE!");
      }),
      { numRuns: 500 },
    );
    expect(call("QUARTER", [0], "1904")).toEqual({ kind: "value", value: "1904-Q1" });
    expect(call("QUARTER", [2958465 - 1462 + 0.999], "1904")).toEqual({ kind: "value", value: "9999-Q4" });
  });
});
