import { setFlagsFromString } from "node:v8";
import { describe, expect, it } from "vitest";
import { parseTable } from "../../../core/contract/rows";
import { SCHEMA, TABLE_NAMES, type TableName } from "../../../core/contract/schema";
import { serialFromYMD } from "../../../core/contract/dates";
import { buildWorkbook } from "../../../templates/builder";
import { generateSample } from "../../../templates/sample";
import { openXlsxTables } from "../../../workbook/node/stream-reader";
import { XlsxWorkbook } from "../../../workbook/xlsx/exceljs/xlsx-workbook";
import type { RawTable } from "../../../core/contract/raw";
import { customer, followUp, order, payment, sample } from "../../support/crm";
import { cellsOf, locateHeaders } from "../../../workbook/locate";

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
 * core/contract/rows.ts copies every row from a template of its table's columns.
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

/*
 * workbook/locate.ts cellsOf makes every raw row an adapter reads (the cells
 * by column key that parseTable types). Built key by key, a Customers raw
 * row was a hash table too, and parseTable looked each of its cells up.
 */
describe("a raw row read from a sheet holds its cells as laid-out fields", () => {
  const headers = ["Notes", "My own column", ...SCHEMA.Customers.columns.map((c) => c.key).filter((k) => k !== "Notes" && k !== "Website")];
  const layout = locateHeaders("Customers", headers, "Customers");
  const keys = SCHEMA.Customers.columns.map((c) => c.key);
  const cells = cellsOf(layout, keys);
  const rows = Array.from({ length: 40 }, (_, i) => cells(headers.map((h) => (h === "CustomerID" ? `C-${i}` : h === "Notes" ? `note ${i}` : h === "My own column" ? "mine" : null))));

  it("every raw row of every table a workbook read gives is laid out", async () => {
    const sample = generateSample({ seed: 21, scale: 1, asOf: serialFromYMD(2026, 11, 27), lang: "zh-CN" });
    const bytes = await XlsxWorkbook.fromWorkbook(buildWorkbook("zh-CN", sample)).toBuffer();
    const opened = await openXlsxTables(bytes, "book.xlsx");
    if (!opened.ok) throw new Error("the sample workbook did not open");
    let customers = 0;
    for (const table of TABLE_NAMES) {
      const read = await opened.value.readTable(table);
      if (!read.ok) throw new Error(`${table} did not read`);
      for (const r of read.value.rows) expect(hasFastProperties(r.cells), `${table} row ${r.rowNumber}`).toBe(true);
      if (table === "Customers") customers = read.value.rows.length;
    }
    expect(customers).toBeGreaterThan(20);
  });

  it("every row made for a layout has the sheet's contract columns, in contract order", () => {
    for (const r of rows) {
      expect(hasFastProperties(r)).toBe(true);
      expect(Object.keys(r)).toEqual(keys.filter((k) => k !== "Website"));
    }
  });

  it("each cell comes from its own column wherever the sheet has it; a column the sheet lacks is absent", () => {
    expect(rows[7].CustomerID).toBe("C-7");
    expect(rows[7].Notes).toBe("note 7");
    expect(rows[7].Company).toBeNull();
    expect("Website" in rows[7]).toBe(false);
    expect(Object.values(rows[7])).not.toContain("mine");
  });

  it("a row shorter than the header reads null past its end, and rows share nothing", () => {
    const short = cells(["only notes"]);
    expect(short.Notes).toBe("only notes");
    expect(short.CustomerID).toBeNull();
    short.Notes = "changed";
    expect(cells(["again"]).Notes).toBe("again");
    expect(rows[0].Notes).toBe("note 0");
  });
});
