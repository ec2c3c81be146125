import { setFlagsFromString } from "node:v8";
import { describe, expect, it } from "vitest";
import { parseTable } from "../../../core/contract/rows";
import { SharedKeys, sharedKey } from "../../../core/index/shared-keys";
import type { RawTable } from "../../../core/contract/raw";

// V8's own answer to "is this the interned copy?", enabled at run time for this file only.
setFlagsFromString("--allow-natives-syntax");
const isInterned = new Function("s", "return %IsInternalizedString(s)") as (s: string) => boolean;

/** A string as a workbook read makes it: a slice of a longer text, not interned. */
const cellText = (text: string): string => `<t>${text}</t>${"·".repeat(20)}`.slice(3, 3 + text.length);

describe("a key text is shared, never changed", () => {
  it.each([
    ["an ID", "C-221129-333C6C"],
    ["Chinese text", "客户-二〇二六-001"],
    ["an ID that looks like a number", "12"],
    ["an empty text", ""],
    ["a name Object.prototype has", "constructor"],
    ["__proto__", "__proto__"],
    ["spaces kept", " C-1 "],
  ])("%s", (_case, text) => {
    const read = cellText(text);
    expect(sharedKey(read)).toBe(text);
    const keys = new SharedKeys();
    expect(keys.texts[keys.numberOf(read)]).toBe(text);
  });

  it("the shared copy is the interned one, however the text was built", () => {
    const read = cellText("C-221129-333C6C");
    expect(isInterned(read)).toBe(false);
    expect(isInterned(sharedKey(read))).toBe(true);
    const keys = new SharedKeys();
    expect(isInterned(keys.texts[keys.numberOf(["C-221129-", "333C6C"].join(""))])).toBe(true);
  });

  it("one table's keys and references are shared; other texts are left as read", () => {
    const raw: RawTable = {
      table: "Orders",
      sheet: "Orders",
      lang: "en-US",
      headers: {},
      missingColumns: [],
      rows: [
        {
          rowNumber: 2,
          cells: {
            OrderID: cellText("SO-2026-0001"),
            CustomerID: cellText("C-221129-333C6C"),
            Salesperson: cellText("王磊"),
            OrderDate: 46000,
            Currency: "USD",
            Amount: 100,
            Status: "Confirmed",
            Products: cellText("LED panels, 600x600"),
          },
        },
      ],
    };
    const { rows, issues } = parseTable<"Orders">(raw);
    expect(issues).toEqual([]);
    const [order] = rows;
    expect([order.OrderID, order.CustomerID, order.Salesperson].map(isInterned)).toEqual([true, true, true]);
    expect(order.Products).toBe("LED panels, 600x600");
  });
});
