import { describe, expect, it } from "vitest";
import { toCells } from "../../../core/contract/cells";
import { serialFromDateTime, serialFromYMD } from "../../../core/contract/dates";
import type { Customer, CustomerId, FollowUp, FollowUpId, Sample, SampleId, SalespersonName, CountryCode } from "../../../core/contract/model";
import { SCHEMA, TABLE_NAMES, columnOf } from "../../../core/contract/schema";
import { enumValueOf } from "../../../core/contract/spellings";

const customer: Customer = {
  CustomerID: "C-261127-7K3QXA" as CustomerId,
  Company: "=HYPERLINK(\"x\")",
  Country: "DE" as CountryCode,
  TimeZone: null,
  Address: null,
  Website: null,
  Source: "MadeInChina",
  Products: null,
  Owner: "张伟" as SalespersonName,
  CreatedOn: serialFromYMD(2026, 11, 27),
  Status: "Pool",
  InquiryType: "Related",
  Size: null,
  CreditRating: "B",
  CreditLimitCNY: 0,
  Contact: null,
  Title: null,
  Email: null,
  Phone: "+49 40 123",
  IM: null,
  Birthday: null,
  Grade: "KEY",
  Notes: null,
};

const followUp: FollowUp = {
  FollowUpID: "F-261127-7K3QXA" as FollowUpId,
  Date: serialFromDateTime(2026, 11, 27, 14, 30),
  CustomerID: customer.CustomerID,
  Salesperson: customer.Owner,
  Channel: "TradeManager",
  Direction: "In",
  Purpose: "ReturnVisit",
  Summary: "回访",
  NextStep: null,
  NextDate: null,
  Satisfaction: 5,
};

const sample: Sample = {
  SampleID: "S-261127-7K3QXA" as SampleId,
  CustomerID: customer.CustomerID,
  Salesperson: customer.Owner,
  RequestedOn: serialFromYMD(2026, 11, 1),
  SentOn: null,
  Items: null,
  Courier: null,
  TrackingNo: null,
  FeeCNY: 300,
  FeePaid: "N",
  Feedback: null,
};

describe("toCells: enums show the workbook language's label", () => {
  it.each([
    ["Source", "zh-CN", "中国制造网"],
    ["Source", "en-US", "MadeInChina"],
    ["Status", "zh-CN", "公海"],
    ["Status", "en-US", "Pool"],
    ["InquiryType", "zh-CN", "相关产品询价"],
    ["CreditRating", "zh-CN", "B"],
    ["Grade", "zh-CN", "核心客户"],
    ["Grade", "en-US", "KEY"],
  ] as const)("Customers.%s in %s is %s", (key, lang, label) => {
    expect(toCells("Customers", customer, lang)[key]).toBe(label);
  });

  it.each([
    ["Channel", "zh-CN", "阿里旺旺"],
    ["Channel", "en-US", "TradeManager"],
    ["Direction", "zh-CN", "收到"],
    ["Purpose", "zh-CN", "回访"],
    ["Purpose", "en-US", "ReturnVisit"],
  ] as const)("FollowUps.%s in %s is %s", (key, lang, label) => {
    expect(toCells("FollowUps", followUp, lang)[key]).toBe(label);
  });

  it.each([
    ["zh-CN", "否"],
    ["en-US", "N"],
  ] as const)("a yn value in %s is %s", (lang, label) => {
    expect(toCells("Samples", sample, lang).FeePaid).toBe(label);
  });
});

describe("toCells: everything else passes through unchanged", () => {
  it.each(["zh-CN", "en-US"] as const)("in %s: blanks stay null, dates stay serials, numbers and text as they are", (lang) => {
    const cells = toCells("Customers", customer, lang);
    expect(cells.Size).toBeNull();
    expect(cells.Birthday).toBeNull();
    expect(cells.CreatedOn).toBe(customer.CreatedOn);
    expect(cells.CreditLimitCNY).toBe(0);
    expect(cells.Company).toBe('=HYPERLINK("x")');
    expect(cells.Phone).toBe("+49 40 123");
    const f = toCells("FollowUps", followUp, lang);
    expect(f.Date).toBe(followUp.Date);
    expect(f.Satisfaction).toBe(5);
  });

  it("gives exactly the contract columns of the table, keyed by column key", () => {
    expect(Object.keys(toCells("Samples", sample, "zh-CN"))).toEqual(SCHEMA.Samples.columns.map((c) => c.key));
  });
});

describe("toCells is the inverse of reading: every enum label reads back as its value", () => {
  const cases = TABLE_NAMES.flatMap((t) =>
    SCHEMA[t].columns.filter((c) => c.enumValues).flatMap((c) => (c.enumValues ?? []).map((v) => [t, c.key, v.value] as const)),
  );
  it.each(cases)("%s.%s = %s", (table, key, value) => {
    const column = columnOf(table, key);
    for (const lang of ["zh-CN", "en-US"] as const) {
      const row = Object.fromEntries(SCHEMA[table].columns.map((c) => [c.key, c.key === key ? value : null]));
      const label = toCells(table, row as never, lang)[key];
      expect(typeof label).toBe("string");
      expect(enumValueOf(column, label as string)).toBe(value);
    }
  });
});
