/** A value is checked and spelled for its column before any cell of a batch is written. */
import { describe, expect, it } from "vitest";
import { serialFromDateTime, serialFromYMD } from "../../core/contract/dates";
import type { CellValue } from "../../core/contract/raw";
import { columnOf, type Lang } from "../../core/contract/schema";
import { cellForWrite } from "../../workbook/write-cell";

const ok = (value: CellValue) => ({ ok: true, value });
const bad = { ok: false };

describe("values are stored as their column's type, or refused", () => {
  it.each<[string, string, string, CellValue, Lang, object]>([
    ["blank stays blank", "Customers", "Company", "  ", "zh-CN", ok(null)],
    ["text stays text, formula-like included", "Customers", "Company", "=1+1", "zh-CN", ok("=1+1")],
    ["text refuses a boolean", "Customers", "Company", true, "zh-CN", bad],
    ["number from a number", "Orders", "Amount", 12.5, "en-US", ok(12.5)],
    ["number from a numeric text with commas", "Orders", "Amount", "1,250.50", "en-US", ok(1250.5)],
    ["number refuses words", "Orders", "Amount", "lots", "en-US", bad],
    ["int refuses a fraction", "FollowUps", "Satisfaction", 4.5, "en-US", bad],
    ["int from a whole number", "FollowUps", "Satisfaction", "4", "en-US", ok(4)],
    ["date from a serial", "Customers", "CreatedOn", 46000, "zh-CN", ok(46000)],
    ["date from YYYY-MM-DD", "Customers", "CreatedOn", "2026-11-27", "zh-CN", ok(serialFromYMD(2026, 11, 27))],
    ["date refuses an impossible date", "Customers", "CreatedOn", "2026-02-30", "zh-CN", bad],
    ["datetime from YYYY-MM-DD HH:MM", "FollowUps", "Date", "2026-11-27 09:30", "en-US", ok(serialFromDateTime(2026, 11, 27, 9, 30))],
    ["enum value shown in zh", "Customers", "Status", "Pool", "zh-CN", ok("公海")],
    ["enum zh label shown in en", "Customers", "Status", "公海", "en-US", ok("Pool")],
    ["enum refuses an unlisted value", "Customers", "Status", "Sleeping", "en-US", bad],
    ["yn from a boolean", "Samples", "FeePaid", true, "zh-CN", ok("是")],
    ["yn from 否", "Samples", "FeePaid", "否", "en-US", ok("N")],
  ])("%s", (_rule, table, key, value, lang, expected) => {
    expect(cellForWrite(columnOf(table as "Customers", key), value, lang)).toMatchObject(expected);
  });

  it("a user's own column takes any value as given", () => {
    expect(cellForWrite(undefined, "=cmd|' /C calc'!A0", "zh-CN")).toEqual(ok("=cmd|' /C calc'!A0"));
  });
});
