/** Columns are found by header in either language; the user's own columns are kept apart. */
import { describe, expect, it } from "vitest";
import { detectLang, locateHeaders, selectColumns } from "../../workbook/locate";

describe("the header language is the majority of headers that name one language", () => {
  it.each([
    ["zh headers", ["客户编号", "公司名称", "Notes"], "Customers", "zh-CN"],
    ["en headers", ["CustomerID", "Company", "备注"], "客户", "en-US"],
    ["case and spaces ignored", [" customerid ", "COMPANY"], "x", "en-US"],
    ["a tie goes to the sheet name (en)", ["客户编号", "Company"], "Customers", "en-US"],
    ["a tie goes to the sheet name (zh)", ["客户编号", "Company"], "客户", "zh-CN"],
    ["no contract headers at all", ["foo", "bar"], "Sheet1", "zh-CN"],
  ] as const)("%s", (_rule, headers, sheet, lang) => {
    expect(detectLang("Customers", headers, sheet)).toBe(lang);
  });
});

describe("contract columns are located by header, whatever their order", () => {
  it.each([
    ["zh, reordered, with a user column", ["公司名称", "我的列", "客户编号"], { Company: 0, CustomerID: 2 }, [1]],
    ["en with a blank header cell", ["CustomerID", "", "Company"], { CustomerID: 0, Company: 2 }, []],
    ["the first of two same headers wins", ["Company", "公司名称"], { Company: 0 }, []],
  ] as const)("%s", (_rule, headers, positions, userColumns) => {
    const layout = locateHeaders("Customers", headers, "客户");
    expect(Object.fromEntries(layout.positions)).toEqual(positions);
    expect(layout.userColumns).toEqual(userColumns);
    expect(layout.missing).not.toContain("Company");
    expect(layout.missing).toContain("Email");
  });

  it.each([
    ["all present columns when none asked", undefined, ["CustomerID", "Company"], []],
    ["only those asked", ["Company"], ["Company"], []],
    ["asked but missing in the sheet: left out, listed as missing", ["Email"], [], []],
    ["not in the contract: an issue", ["Nope"], [], ["unknown-column"]],
  ] as const)("selecting: %s", (_rule, asked, keys, codes) => {
    const layout = locateHeaders("Customers", ["CustomerID", "Company"], "Customers");
    const out = selectColumns(layout, "Customers", asked);
    expect(out.keys).toEqual(keys);
    expect(out.issues.map((i) => i.code)).toEqual(codes);
  });
});
