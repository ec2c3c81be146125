import { describe, expect, it } from "vitest";
import { COUNTRIES, REGIONS, countryByCode } from "../../templates/countries";

describe("Countries: every ISO 3166-1 alpha-2 country", () => {
  it("lists 249 distinct two-letter codes in order", () => {
    const codes = COUNTRIES.map((c) => c.Code);
    expect(codes).toHaveLength(249);
    expect(new Set(codes).size).toBe(249);
    expect(codes.every((c) => /^[A-Z]{2}$/.test(c))).toBe(true);
    expect([...codes].sort()).toEqual(codes);
  });

  it.each(COUNTRIES.map((c) => [c.Code, c.TimeZone] as const))("%s default zone %s works in Intl.DateTimeFormat", (_code, zone) => {
    expect(zone).toBeTruthy();
    expect(() => new Intl.DateTimeFormat("en-US", { timeZone: zone ?? "" }).format(new Date(0))).not.toThrow();
  });

  it("gives every country an English name, a Chinese name and a region from the fixed list", () => {
    for (const c of COUNTRIES) {
      expect(c.NameEn, c.Code).toMatch(/\S/);
      expect(c.NameZh, c.Code).toMatch(/[\u4e00-\u9fff]/);
      expect(REGIONS as readonly string[], c.Code).toContain(c.Region);
    }
  });

  it.each([
    ["CN", "中国", "East Asia", "Asia/Shanghai"],
    ["US", "美国", "North America", "America/New_York"],
    ["DE", "德国", "Europe", "Europe/Berlin"],
    ["AE", "阿联酋", "Middle East", "Asia/Dubai"],
    ["BR", "巴西", "Latin America", "America/Sao_Paulo"],
    ["NG", "尼日利亚", "Africa", "Africa/Lagos"],
    ["AU", "澳大利亚", "Oceania", "Australia/Sydney"],
    ["IN", "印度", "South Asia", "Asia/Kolkata"],
    ["VN", "越南", "Southeast Asia", "Asia/Ho_Chi_Minh"],
    ["KZ", "哈萨克斯坦", "Central Asia", "Asia/Almaty"],
  ])("%s is %s in %s at %s", (code, zh, region, zone) => {
    expect(countryByCode(code)).toMatchObject({ NameZh: zh, Region: region, TimeZone: zone });
  });

  it("finds a country by code regardless of case and spaces", () => {
    expect(countryByCode(" gb ")?.NameEn).toBe("United Kingdom");
    expect(countryByCode("XX")).toBeUndefined();
  });
});
