import { describe, expect, it } from "vitest";
import { fill, listOf, localize, say, sayBoth, type Catalog } from "../../../core/contract/lang";

const WORDS = {
  wrote: { zh: "已写入 {path}", en: "Wrote {path}" },
  argument: { zh: "{arg}：{problem}", en: "{arg}: {problem}" },
  plain: { zh: "今天", en: "today" },
  added: { zh: "已添加 {n} 行", en: "added {n} row{n:|s}" },
} satisfies Catalog<string>;

describe("messages as data: say(catalog, lang, key, params)", () => {
  it.each([
    ["zh-CN", "wrote", { path: "a.xlsx" }, "已写入 a.xlsx"],
    ["en-US", "wrote", { path: "a.xlsx" }, "Wrote a.xlsx"],
    ["en-US", "plain", undefined, "today"],
    ["en-US", "added", { n: 1 }, "added 1 row"],
    ["en-US", "added", { n: 2 }, "added 2 rows"],
    ["en-US", "added", { n: 0 }, "added 0 rows"],
    ["zh-CN", "added", { n: 1 }, "已添加 1 行"],
    // A LocalizedText parameter is said in the message's language.
    ["zh-CN", "argument", { arg: { zh: "金额", en: "amount" }, problem: "不能为空" }, "金额：不能为空"],
    ["en-US", "argument", { arg: { zh: "金额", en: "amount" }, problem: "is required" }, "amount: is required"],
    // Values are put in once: user text that looks like a placeholder or a replace pattern stays as typed.
    ["en-US", "wrote", { path: "{path} $& $1" }, "Wrote {path} $& $1"],
    // A placeholder without a value stays visible rather than vanishing.
    ["en-US", "wrote", {}, "Wrote {path}"],
  ] as const)("%s %s %j", (lang, key, params, text) => {
    expect(say(WORDS, lang, key, params)).toBe(text);
  });

  it("sayBoth fills both languages, each with its own list punctuation", () => {
    expect(sayBoth(WORDS, "argument", { arg: { zh: "列", en: "columns" }, problem: listOf(["A", "B"]) })).toEqual({ zh: "列：A、B", en: "columns: A, B" });
  });

  it("localize and fill are the parts say is made of", () => {
    expect(localize(WORDS.plain, "zh-CN")).toBe("今天");
    expect(fill("{n} rows", "en-US", { n: 3 })).toBe("3 rows");
    expect(fill("{n} rows", "en-US", { constructor: 1 })).toBe("{n} rows");
  });
});
