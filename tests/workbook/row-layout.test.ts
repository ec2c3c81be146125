import { setFlagsFromString } from "node:v8";
import { describe, expect, it } from "vitest";
import { SCHEMA, TABLE_NAMES } from "../../core/contract/schema";
import { serialFromYMD } from "../../core/contract/dates";
import { buildWorkbook } from "../../templates/builder";
import { generateSample } from "../../templates/sample";
import { openXlsxTables } from "../../workbook/node/stream-reader";
import { XlsxWorkbook } from "../../workbook/xlsx/exceljs/xlsx-workbook";
import { cellsOf, locateHeaders } from "../../workbook/locate";

// V8's own answer to "are this object's fields laid out, or a hash table?", enabled at run time for this file only.
setFlagsFromString("--allow-natives-syntax");
const hasFastProperties = new Function("o", "return %HasFastProperties(o)") as (o: object) => boolean;

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
