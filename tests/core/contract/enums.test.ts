import { describe, expect, it } from "vitest";
import { SCHEMA, TABLE_NAMES, columnOf, type ColumnDef } from "../../../core/contract/schema";
import { enumValueOf } from "../../../core/contract/spellings";

/** The rule as the contract states it, one spelling at a time: the reference the fast lookup must agree with. */
function byRule(column: ColumnDef, raw: string): string | undefined {
  const n = (s: string) => s.trim().toLowerCase();
  return column.enumValues?.find((v) => n(v.value) === n(raw) || n(v.en) === n(raw) || n(v.zh) === n(raw))?.value;
}

const SOURCE = columnOf("Customers", "Source");
const CHANNEL = columnOf("FollowUps", "Channel");

/** A list where two values share a spelling: the first value wins. */
const CLASHING: ColumnDef = {
  key: "Test",
  zh: "测试",
  type: "enum",
  required: false,
  width: 10,
  help: { zh: "", en: "" },
  enumValues: [
    { value: "First", zh: "同名", en: "Shared" },
    { value: "Second", zh: "第二", en: "shared" },
    { value: "Third", zh: "同名", en: "Third" },
  ],
};

describe("enum cells: value, en label or zh label, case and surrounding space ignored", () => {
  it.each([
    { case: "the value", column: SOURCE, raw: "MadeInChina", value: "MadeInChina" },
    { case: "the en label", column: SOURCE, raw: "Made-in-China", value: "MadeInChina" },
    { case: "the zh label", column: SOURCE, raw: "中国制造网", value: "MadeInChina" },
    { case: "another case", column: SOURCE, raw: "made-IN-china", value: "MadeInChina" },
    { case: "surrounding space", column: SOURCE, raw: "  Trade show \t", value: "TradeShow" },
    { case: "zh label with space", column: SOURCE, raw: " 展会 ", value: "TradeShow" },
    { case: "an unknown spelling", column: SOURCE, raw: "Fax", value: undefined },
    { case: "a blank cell", column: SOURCE, raw: "", value: undefined },
    { case: "inner space is not ignored", column: SOURCE, raw: "Trade  show", value: undefined },
    { case: "first value wins a shared en label", column: CLASHING, raw: "SHARED", value: "First" },
    { case: "first value wins a shared zh label", column: CLASHING, raw: "同名", value: "First" },
    { case: "a later value by its own spelling", column: CLASHING, raw: "third", value: "Third" },
  ])("$case: '$raw' → $value", ({ column, raw, value }) => {
    expect(enumValueOf(column, raw)).toBe(value);
    expect(byRule(column, raw)).toBe(value);
  });

  it("gives the rule's answer for every spelling of every list in the contract, as stored and altered", () => {
    let checked = 0;
    for (const table of TABLE_NAMES) {
      for (const column of SCHEMA[table].columns) {
        for (const v of column.enumValues ?? []) {
          for (const spelling of [v.value, v.en, v.zh]) {
            for (const raw of [spelling, spelling.toUpperCase(), spelling.toLowerCase(), ` ${spelling} `, `${spelling}x`]) {
              expect(enumValueOf(column, raw), `${table}.${column.key} '${raw}'`).toBe(byRule(column, raw));
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it("answers the same on every call (the column's spellings are worked out once)", () => {
    expect([1, 2, 3].map(() => enumValueOf(CHANNEL, "email"))).toEqual([byRule(CHANNEL, "email"), byRule(CHANNEL, "email"), byRule(CHANNEL, "email")]);
    expect(byRule(CHANNEL, "email")).not.toBeUndefined();
  });
});
