/** Which texts would become formulas if typed into a cell: adapters guard exactly these. */
import { describe, expect, it } from "vitest";
import { needsLiteralGuard } from "../../workbook/literal-text";

describe("a text that could start a formula needs the literal guard", () => {
  it.each([
    ["=1+1", true],
    ["+1", true],
    ["-1", true],
    ["@SUM(1)", true],
    ["=", true],
    ["  =1+1", true],
    ["\t=1+1", true],
    ["\r=1+1", true],
    ["\u3000=1+1", true],
    ["\uFF1D1+1", true],
    ["\uFF0B1", true],
    ["\uFF0D1", true],
    ["\uFF201", true],
    ["\u22121", true],
    ["\tplain", true],
    ["Acme Trading", false],
    ["1+1", false],
    ["a=b", false],
    ["张三", false],
    ["", false],
    ["   ", false],
    ["'=1+1", false],
  ])("%j → %s", (text, expected) => {
    expect(needsLiteralGuard(text)).toBe(expected);
  });
});
