/** A column's limit is read from its definition in the schema, one source for the pane's forms and Excel's data validation. */
import { describe, expect, it } from "vitest";
import { col } from "../../../core/contract/columns";
import { say } from "../../../core/contract/lang";
import { numberLimitOf, numberProblem, textProblem, VALIDATION_PROMPTS } from "../../../core/contract/limits";
import { columnOf } from "../../../core/contract/schema";

describe("numberLimitOf: the limit a number column's definition sets", () => {
  it.each([
    ["FollowUps.Satisfaction", columnOf("FollowUps", "Satisfaction"), { kind: "between", min: 1, max: 5 }],
    ["Scores.AlibabaScore", columnOf("Scores", "AlibabaScore"), { kind: "between", min: 0, max: 100 }],
    ["Orders.Amount", columnOf("Orders", "Amount"), { kind: "positive" }],
    ["Samples.FeeCNY", columnOf("Samples", "FeeCNY"), { kind: "atLeast", min: 0 }],
    ["min given", col("X", "X", "int", { min: 3 }), { kind: "atLeast", min: 3 }],
  ] as const)("%s", (_name, column, limit) => expect(numberLimitOf(column)).toEqual(limit));
});

describe("numberProblem: what a typed number breaks", () => {
  it.each([
    [columnOf("FollowUps", "Satisfaction"), 1, null],
    [columnOf("FollowUps", "Satisfaction"), 6, { key: "outOfRange", params: { min: 1, max: 5 } }],
    [columnOf("FollowUps", "Satisfaction"), 2.5, { key: "notWhole" }],
    [columnOf("Orders", "Amount"), 0, { key: "mustBePositive" }],
    [columnOf("Samples", "FeeCNY"), 0, null],
    [columnOf("Samples", "FeeCNY"), -0.5, { key: "tooSmall", params: { min: 0 } }],
  ] as const)("%#: %s", (column, n, problem) => expect(numberProblem(column, n)).toEqual(problem));

  it("text longer than an Excel cell holds", () => {
    expect(textProblem("x".repeat(32_767))).toBeNull();
    expect(textProblem("x".repeat(32_768))).toEqual({ key: "tooLong", params: { max: 32_767 } });
  });
});

describe("VALIDATION_PROMPTS: Excel's tip for the same limit", () => {
  it.each([
    ["zh-CN", "between", { min: 1, max: 5 }, "请填写 1 到 5 之间的数"],
    ["en-US", "between", { min: 1, max: 5 }, "Enter a number from 1 to 5"],
    ["en-US", "positive", {}, "Enter a number greater than 0"],
    ["zh-CN", "atLeast", { min: 0 }, "请填写不小于 0 的数"],
  ] as const)("%s %s", (lang, key, params, text) => expect(say(VALIDATION_PROMPTS, lang, key, params)).toBe(text));
});
