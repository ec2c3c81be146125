import { setFlagsFromString } from "node:v8";
import { describe, expect, it } from "vitest";
import { parseTable } from "../../core/rows";
import { SCHEMA, type TableName } from "../../core/schema";
import type { RawTable } from "../../core/raw";
import { customer, followUp, order, payment, sample } from "./support/crm";

// V8's own answer to "are this object's fields laid out, or a hash table?", enabled at run time for this file only.
setFlagsFromString("--allow-natives-syntax");
const hasFastProperties = new Function("o", "return %HasFastProperties(o)") as (o: object) => boolean;

/** A sheet of `n` rows made from typed rows, as an adapter would hand them to parseTable. */
function sheet(table: TableName, n: number, row: (i: number) => object, missingColumns: readonly string[] = []): RawTable {
  return {
    table,
    sheet: table,
    lang: "en-US",
    headers: {},
    missingColumns,
    rows: Array.from({ length: n }, (_, i) => ({
      rowNumber: i + 2,
      cells: Object.fromEntries(Object.entries(row(i)).filter(([key, v]) => v !== null && !missingColumns.includes(key))),
    })),
  };
}

/*
 * core/rows.ts copies every row from a template of its table's columns.
 * Built key by key, a row with more than a dozen columns (Customers has 23)
 * became a hash table in V8, and every rule's read of a field a lookup.
 */
describe("a parsed row holds its table's columns as laid-out fields", () => {
  const ROWS = 40; // more than the first few copies a new copy site makes before V8 watches it
  it.each([
    ["Customers", (i: number) => customer(`C-${i}`, { Email: `buyer${i}@example.com`, CreditLimitCNY: 500_000, Birthday: 30000 + i, Notes: "note" })],
    ["FollowUps", (i: number) => followUp(`C-${i % 7}`, 46000 + i / 8, { Summary: "样品已寄出", NextDate: 46010 })],
    ["Samples", (i: number) => sample(`C-${i}`, 46000 + i)],
    ["Orders", (i: number) => order(`SO-${i}`, `C-${i % 5}`)],
    ["Payments", (i: number) => payment(`SO-${i % 9}`, 46000 + i, 1000 + i)],
  ] as const)("%s", (table, row) => {
    const { rows, issues } = parseTable(sheet(table, ROWS, row));
    expect(issues).toEqual([]);
    expect(rows).toHaveLength(ROWS);
    const columns = SCHEMA[table].columns.map((c) => c.key);
    for (const r of rows) {
      expect(Object.keys(r)).toEqual(columns);
      expect(hasFastProperties(r)).toBe(true);
    }
  });

  it("a column the sheet lacks is there, null", () => {
    const { rows, issues } = parseTable<"Customers">(sheet("Customers", 3, (i) => customer(`C-${i}`, { Notes: "kept" }), ["Website", "Notes"]));
    expect(issues.map((i) => i.column)).toEqual(["Website", "Notes"]); // reported as missing, nothing else
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(r.Website).toBeNull();
      expect(r.Notes).toBeNull();
      expect(Object.keys(r)).toEqual(SCHEMA.Customers.columns.map((c) => c.key));
    }
  });

  it("no row shares its fields with another, or with the template", () => {
    const { rows } = parseTable<"Orders">(sheet("Orders", 3, (i) => order(`SO-${i}`, "C-1", { Products: `item ${i}` })));
    expect(rows.map((r) => r.Products)).toEqual(["item 0", "item 1", "item 2"]);
    (rows[0] as { Products: string | null }).Products = "changed";
    expect(parseTable<"Orders">(sheet("Orders", 1, () => order("SO-9", "C-1"))).rows[0].Products).toBeNull();
  });
});
