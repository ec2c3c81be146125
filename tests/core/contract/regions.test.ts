import { describe, expect, it } from "vitest";
import { regionLabel } from "../../../core/contract/regions";
import { COUNTRIES } from "../../../templates/countries";

describe("a region shows in the review's language", () => {
  it.each([
    ["Europe", "zh-CN", "欧洲"],
    ["Latin America", "zh-CN", "拉丁美洲"],
    ["Europe", "en-US", "Europe"],
    ["Our own region", "zh-CN", "Our own region"],
  ] as const)("%s in %s → %s", (region, lang, label) => {
    expect(regionLabel(region, lang)).toBe(label);
  });

  it("every region of the Countries table has a Chinese name", () => {
    const regions = new Set(COUNTRIES.map((c) => c.Region ?? ""));
    for (const r of regions) expect(regionLabel(r, "zh-CN"), r).toMatch(/[\u4e00-\u9fff]/);
  });
});
