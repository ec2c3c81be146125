import { describe, expect, it } from "vitest";
import { detailText, progressText } from "../../../core/rules/cadence-text";
import { serialFromYMD } from "../../../core/contract/dates";

/*
 * The due list's texts are remembered by their arguments (core/rules/cadence-text.ts):
 * one object per distinct text, shared by the items that say it.
 */
describe("a due-list text is built once per arguments, and always says its arguments", () => {
  it.each([
    ["progress, two numbers", () => progressText.highGradeMonthly(1, 2), { zh: "本月已联系 1/2 次", en: "1 of 2 contacts this month" }],
    ["progress, a flag", () => progressText.neglect(40, 30, false), { zh: "建档 40 天从未联系（上限 30 天）", en: "never contacted in 40 days since created (limit 30)" }],
    ["detail, a text argument", () => detailText.highGradeMonthly("A", 1, serialFromYMD(2026, 11, 30)), { zh: "A 级客户，本月底 2026-11-30 前还需联系 1 次", en: "Grade A: 1 more contact needed by month end 2026-11-30" }],
  ] as const)("%s", (_case, say, text) => {
    const first = say();
    expect(first).toEqual(text);
    expect(say()).toBe(first); // the same object, not a copy
  });

  it("arguments that only differ in one place get their own texts", () => {
    expect(progressText.neglect(40, 30, true).en).toBe("40 days without contact (limit 30)");
    expect(progressText.neglect(40, 30, false).en).toBe("never contacted in 40 days since created (limit 30)");
    expect(progressText.neglect(30, 40, true).en).toBe("30 days without contact (limit 40)");
    expect(progressText.highGradeMonthly(0, 2)).not.toBe(progressText.highGradeMonthly(1, 2));
  });

  it("past 20,000 texts the memory starts again, and every text stays right", () => {
    for (let done = 0; done < 25_000; done++) expect(progressText.keyCustomerVisits(done, 25_000).en).toBe(`${done} of 25000 visits this year`);
    const again = progressText.keyCustomerVisits(7, 25_000);
    expect(again.en).toBe("7 of 25000 visits this year");
    expect(progressText.keyCustomerVisits(7, 25_000)).toBe(again);
  });
});
