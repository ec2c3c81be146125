/**
 * The task pane's forms (addin/state/forms): nothing is written until every
 * field is valid; each bad field gets its own message; text is kept exactly
 * as typed; the row produced uses the contract's keys and typed values.
 */
import { describe, expect, it } from "vitest";
import { serialFromDateTime, serialFromYMD } from "../../../core/contract/dates";
import type { CustomerId, FollowUpId, OrderId, SalespersonName, SampleId } from "../../../core/contract/model";
import { validateCustomer, EMPTY_CUSTOMER_FORM, type CustomerForm } from "../../../addin/state/forms/customer-form";
import { optionalNumber, optionalText, requiredDateTime } from "../../../addin/state/forms/field-parsers";
import { EXCEL_MAX_CELL_CHARS as MAX_CELL_TEXT } from "../../../core/contract/excel-limits";
import { col } from "../../../core/contract/columns";
import { columnOf } from "../../../core/contract/schema";
import { asksSatisfaction, validateFollowUp, type FollowUpForm } from "../../../addin/state/forms/follow-up-form";
import { validateOrder, type OrderForm } from "../../../addin/state/forms/order-form";
import { validateSample, type SampleForm } from "../../../addin/state/forms/sample-form";
import { translator, MESSAGES, type MessageKey } from "../../../addin/i18n/messages";

const me = "张伟" as SalespersonName;
const known = (id: string): boolean => id === "C-261101-AAAAAA";

const followUp: FollowUpForm = {
  customerId: "C-261101-AAAAAA", channel: "Email", direction: "Out", purpose: "", dateTime: "2026-11-25T10:30",
  summary: "", nextStep: "", nextDate: "", satisfaction: "",
};
const fuCtx = { customerExists: known, salesperson: me, newId: () => "F-261125-XXXXXX" as FollowUpId };

describe("Log contact form: a row only when every field is valid", () => {
  it.each<[string, Partial<FollowUpForm>, Partial<Record<keyof FollowUpForm, MessageKey>>]>([
    ["no customer", { customerId: "" }, { customerId: "required" }],
    ["a customer not in the list", { customerId: "C-NOPE" }, { customerId: "unknownCustomer" }],
    ["no channel", { channel: "" }, { channel: "required" }],
    ["a channel that is not listed", { channel: "Pigeon" }, { channel: "required" }],
    ["no date", { dateTime: "" }, { dateTime: "required" }],
    ["an impossible date", { dateTime: "2026-02-30T10:00" }, { dateTime: "invalidDateTime" }],
    ["a bad next date", { nextDate: "next week" }, { nextDate: "invalidDate" }],
    ["satisfaction out of 1-5 on a return visit", { purpose: "ReturnVisit", satisfaction: "6" }, { satisfaction: "outOfRange" }],
    ["satisfaction not whole", { purpose: "ReturnVisit", satisfaction: "3.5" }, { satisfaction: "notWhole" }],
    ["several at once", { customerId: "", dateTime: "x" }, { customerId: "required", dateTime: "invalidDateTime" }],
  ])("%s", (_name, change, expected) => {
    const v = validateFollowUp({ ...followUp, ...change }, fuCtx);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(Object.fromEntries(Object.entries(v.errors).map(([k, m]) => [k, m?.key]))).toEqual(expected);
  });

  it("builds the FollowUps row with contract keys and typed values", () => {
    const v = validateFollowUp({ ...followUp, purpose: "ReturnVisit", satisfaction: "5", summary: "=1+1", nextStep: " call ", nextDate: "2026-12-01" }, fuCtx);
    expect(v).toEqual({
      ok: true,
      row: {
        FollowUpID: "F-261125-XXXXXX", Date: serialFromDateTime(2026, 11, 25, 10, 30), CustomerID: "C-261101-AAAAAA", Salesperson: me,
        Channel: "Email", Direction: "Out", Purpose: "ReturnVisit", Summary: "=1+1", NextStep: " call ", NextDate: serialFromYMD(2026, 12, 1), Satisfaction: 5,
      },
    });
  });

  it.each([
    ["ReturnVisit", true],
    ["Inquiry", false],
    ["", false],
  ])("satisfaction is asked for purpose %j: %s", (purpose, asked) => {
    expect(asksSatisfaction({ purpose })).toBe(asked);
    // A satisfaction typed before the purpose changed is not stored.
    const v = validateFollowUp({ ...followUp, purpose, satisfaction: "3" }, fuCtx);
    expect(v.ok && v.row.Satisfaction).toBe(asked ? 3 : null);
  });
});

describe("field parsers keep what the user typed", () => {
  it.each([
    ["formula-like text", "=HYPERLINK(\"http://x\",\"y\")", "=HYPERLINK(\"http://x\",\"y\")"],
    ["leading and trailing space", "  hello ", "  hello "],
    ["emoji and RTL", "🚀 مرحبا", "🚀 مرحبا"],
    ["blank becomes an empty cell", "   ", null],
  ])("%s", (_name, input, stored) => {
    expect(optionalText(input)).toEqual({ ok: true, value: stored });
  });

  it("text longer than an Excel cell holds is refused", () => {
    expect(optionalText("x".repeat(MAX_CELL_TEXT)).ok).toBe(true);
    expect(optionalText("x".repeat(MAX_CELL_TEXT + 1))).toEqual({ ok: false, message: { key: "tooLong", params: { max: MAX_CELL_TEXT } } });
  });

  it.each([
    ["1,234.5", 1234.5],
    ["0", 0],
    ["1e3", 1000],
  ])("number %j", (input, n) => expect(optionalNumber(input, columnOf("Customers", "CreditLimitCNY"))).toEqual({ ok: true, value: n }));

  it.each(["12abc", "Infinity", "1,2,3x", "-5"])("not an acceptable number: %j", (input) => expect(optionalNumber(input, columnOf("Customers", "CreditLimitCNY")).ok).toBe(false));
});

describe("the forms' limits are the schema's column definitions", () => {
  it.each([
    ["FollowUps.Satisfaction (int 1..5)", columnOf("FollowUps", "Satisfaction"), "5", null],
    ["FollowUps.Satisfaction (int 1..5)", columnOf("FollowUps", "Satisfaction"), "0", { key: "outOfRange", params: { min: 1, max: 5 } }],
    ["FollowUps.Satisfaction (int 1..5)", columnOf("FollowUps", "Satisfaction"), "4.5", { key: "notWhole" }],
    ["Orders.Amount (positive)", columnOf("Orders", "Amount"), "0.01", null],
    ["Orders.Amount (positive)", columnOf("Orders", "Amount"), "0", { key: "mustBePositive" }],
    ["Samples.FeeCNY (at least 0)", columnOf("Samples", "FeeCNY"), "-1", { key: "tooSmall", params: { min: 0 } }],
    // A column the schema defined otherwise: the form follows it, no second copy to update.
    ["a column of at most 10", col("X", "X", "number", { max: 10 }), "11", { key: "outOfRange", params: { min: 0, max: 10 } }],
    ["a column of at least 3", col("X", "X", "int", { min: 3 }), "2", { key: "tooSmall", params: { min: 3 } }],
  ] as const)("%s: %j", (_name, column, typed, message) => {
    const r = optionalNumber(typed, column);
    expect(r).toEqual(message === null ? { ok: true, value: Number(typed) } : { ok: false, message });
  });

  it.each([
    ["2026-11-25T09:05", serialFromDateTime(2026, 11, 25, 9, 5)],
    ["2026-11-25 09:05", serialFromDateTime(2026, 11, 25, 9, 5)],
  ])("date-time %j (datetime-local or typed)", (input, serial) => expect(requiredDateTime(input)).toEqual({ ok: true, value: serial }));
});

const customerCtx = {
  countryKnown: (c: string) => ["US", "DE", "CN"].includes(c),
  salespersonKnown: (n: string) => n === "张伟",
  today: serialFromYMD(2026, 11, 25),
  newId: () => "C-261125-NEWNEW" as CustomerId,
};
const goodCustomer: CustomerForm = { ...EMPTY_CUSTOMER_FORM, company: "Apex GmbH", country: "de", owner: "张伟" };

describe("new-customer form", () => {
  it.each<[string, Partial<CustomerForm>, Partial<Record<keyof CustomerForm, MessageKey>>]>([
    ["company is required", { company: " " }, { company: "required" }],
    ["country is required", { country: "" }, { country: "required" }],
    ["country must be in Countries", { country: "XX" }, { country: "invalidCountry" }],
    ["time zone must be an IANA name", { timeZone: "Mars/Olympus" }, { timeZone: "invalidTimeZone" }],
    ["owner must be a salesperson", { owner: "nobody" }, { owner: "required" }],
    ["email must be an address", { email: "not-an-email" }, { email: "invalidEmail" }],
    ["birthday must be a date", { birthday: "31/12" }, { birthday: "invalidDate" }],
    ["credit limit must be a number", { creditLimit: "lots" }, { creditLimit: "invalidNumber" }],
  ])("%s", (_name, change, expected) => {
    const v = validateCustomer({ ...goodCustomer, ...change }, customerCtx);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(Object.fromEntries(Object.entries(v.errors).map(([k, m]) => [k, m?.key]))).toEqual(expected);
  });

  it("a valid form gives an Active customer created today, country upper-cased", () => {
    const v = validateCustomer({ ...goodCustomer, timeZone: "Europe/Berlin", email: "a@apex.de" }, customerCtx);
    expect(v.ok && { id: v.row.CustomerID, country: v.row.Country, tz: v.row.TimeZone, created: v.row.CreatedOn, status: v.row.Status, email: v.row.Email }).toEqual({
      id: "C-261125-NEWNEW", country: "DE", tz: "Europe/Berlin", created: serialFromYMD(2026, 11, 25), status: "Active", email: "a@apex.de",
    });
  });
});

describe("Samples and Orders forms", () => {
  const sample: SampleForm = { customerId: "C-261101-AAAAAA", requestedOn: "2026-11-20", sentOn: "", items: "", courier: "", trackingNo: "", feeCNY: "", feePaid: "" };
  const sCtx = { customerExists: known, salesperson: me, newId: () => "S-1" as SampleId };
  it.each<[string, Partial<SampleForm>, Partial<Record<keyof SampleForm, MessageKey>>]>([
    ["requested date required", { requestedOn: "" }, { requestedOn: "required" }],
    ["sent before requested", { sentOn: "2026-11-19" }, { sentOn: "sentBeforeRequested" }],
    ["fee must be a number", { feeCNY: "free" }, { feeCNY: "invalidNumber" }],
  ])("sample: %s", (_n, change, expected) => {
    const v = validateSample({ ...sample, ...change }, sCtx);
    expect(!v.ok && Object.fromEntries(Object.entries(v.errors).map(([k, m]) => [k, m?.key]))).toEqual(expected);
  });

  const order: OrderForm = { customerId: "C-261101-AAAAAA", orderDate: "2026-11-25", products: "", currency: "usd", amount: "100", incoterm: "", paymentTerms: "", status: "Confirmed", dueDate: "" };
  const oCtx = { customerExists: known, currencyKnown: (c: string) => ["USD", "CNY"].includes(c), salesperson: me, newId: () => "O-1" as OrderId };
  it.each<[string, Partial<OrderForm>, Partial<Record<keyof OrderForm, MessageKey>>]>([
    ["amount must be more than 0", { amount: "0" }, { amount: "mustBePositive" }],
    ["amount required", { amount: "" }, { amount: "required" }],
    ["currency must have a rate", { currency: "XYZ" }, { currency: "unknownCurrency" }],
    ["status required", { status: "" }, { status: "required" }],
  ])("order: %s", (_n, change, expected) => {
    const v = validateOrder({ ...order, ...change }, oCtx);
    expect(!v.ok && Object.fromEntries(Object.entries(v.errors).map(([k, m]) => [k, m?.key]))).toEqual(expected);
  });

  it("a valid order is upper-cased and typed", () => {
    const v = validateOrder(order, oCtx);
    expect(v.ok && [v.row.Currency, v.row.Amount, v.row.Status, v.row.OrderDate]).toEqual(["USD", 100, "Confirmed", serialFromYMD(2026, 11, 25)]);
  });
});

describe("message catalogs", () => {
  it("every key has both languages, none blank", () => {
    for (const [k, v] of Object.entries(MESSAGES)) {
      expect(v.zh.trim(), k).not.toBe("");
      expect(v.en.trim(), k).not.toBe("");
    }
  });

  it.each([
    ["en-US", "outOfRange", { min: 1, max: 5 }, "Must be from 1 to 5."],
    ["zh-CN", "outOfRange", { min: 1, max: 5 }, "必须在 1 到 5 之间。"],
    ["en-US", "tooSmall", { min: 0 }, "Must be 0 or more."],
    ["zh-CN", "tooSmall", { min: 0 }, "不能小于 0。"],
    ["en-US", "saved", { name: "$&.xlsx" }, "Saved $&.xlsx."],
  ] as const)("%s %s fills its placeholders", (lang, key, params, text) => {
    expect(translator(lang)(key, params)).toBe(text);
  });
});
