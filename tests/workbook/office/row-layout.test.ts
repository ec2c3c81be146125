import { setFlagsFromString } from "node:v8";
import { describe, expect, it } from "vitest";
import { benchSnapshot } from "../../../bench/generate";
import { toCells } from "../../../core/contract/cells";
import { serialFromYMD } from "../../../core/contract/dates";
import { SCHEMA, TABLE_NAMES, headerOf, sheetNameOf } from "../../../core/contract/schema";
import { OfficeWorkbook } from "../../../workbook/office/office-workbook";
import { FakeExcel } from "../../fakes/fake-excel";

// V8's own answer to "are this object's fields laid out, or a hash table?", enabled at run time for this file only.
setFlagsFromString("--allow-natives-syntax");
const hasFastProperties = new Function("o", "return %HasFastProperties(o)") as (o: object) => boolean;

/*
 * workbook/office/read.ts makes each raw row from a blank template
 * (core/contract/raw.ts fieldsRecord). Built key by key, every Customers raw row
 * (23 keys) was a hash table in V8. Whether it is depends on what the process
 * built before: an object built earlier with the same keys in the same order
 * leaves V8 a path to follow. So the sheets here keep their columns in an
 * order of their own (reversed, as a team may rearrange them), which nothing
 * else builds.
 */
describe("raw rows read through Office.js hold their cells as laid-out fields", () => {
  it("every raw row of every table, its columns in an order of the sheet's own", async () => {
    const data = benchSnapshot({ customers: 60, seed: 5, asOf: serialFromYMD(2026, 11, 27) });
    const excel = new FakeExcel();
    for (const table of TABLE_NAMES) {
      const columns = [...SCHEMA[table].columns].reverse();
      excel.seed({
        sheet: sheetNameOf(SCHEMA[table], "en-US"),
        table,
        headers: columns.map((c) => headerOf(c, "en-US")),
        rows: (data[table] as readonly object[]).map((r) => {
          const cells = toCells(table, r as never, "en-US");
          return columns.map((c) => cells[c.key] ?? null);
        }),
      });
    }
    const port = new OfficeWorkbook({ run: excel.run, requirements: { isSetSupported: () => true } });
    for (const table of TABLE_NAMES) {
      const read = await port.readTable(table);
      if (!read.ok) throw new Error(`${table} did not read`);
      expect(read.value.rows.length, table).toBe(data[table].length);
      expect(Object.keys(read.value.rows[0]?.cells ?? {}), table).toEqual([...SCHEMA[table].columns].reverse().map((c) => c.key));
      for (const r of read.value.rows) expect(hasFastProperties(r.cells), `${table} row ${r.rowNumber}`).toBe(true);
    }
  });
});
