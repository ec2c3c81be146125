/**
 * Reading several tables in one Excel.run (OfficeWorkbook.readTables, what
 * the task pane does when shown): the same answer as readTable one by one,
 * in far fewer syncs; a missing table or a plain sheet falls back to reading
 * each table on its own, with the same answers.
 */
import { describe, expect, it } from "vitest";
import { TABLE_NAMES, type TableName } from "../../../core/contract/schema";
import { OfficeWorkbook } from "../../../workbook/office/office-workbook";
import { PROBE_ROWS } from "../../../workbook/office/table-view";
import { readSnapshot } from "../../../app/open-crm";
import { benchSnapshot } from "../../../bench/generate";
import { fakeExcelOf, MODERN } from "../../../bench/office-bench";
import type { FakeExcel } from "../../fakes/fake-excel";
import { value } from "../../support/result";

const data = benchSnapshot({ customers: 200, seed: 7, asOf: 46353 });

async function oneByOne(excel: FakeExcel, tables: readonly TableName[]) {
  const port = new OfficeWorkbook({ run: excel.run, requirements: MODERN });
  return new Map(await Promise.all(tables.map(async (t) => [t, await port.readTable(t)] as const)));
}

describe("readTables: several tables, one Excel.run", () => {
  it("answers what readTable answers for each table, the openings sharing one sync", async () => {
    const apart = fakeExcelOf(data);
    const expected = await oneByOne(apart, TABLE_NAMES);
    const together = fakeExcelOf(data);
    const read = await new OfficeWorkbook({ run: together.run, requirements: MODERN }).readTables(TABLE_NAMES.map((table) => ({ table })));
    for (const t of TABLE_NAMES) expect(read.get(t), t).toEqual(expected.get(t));
    // One sync opens them all with their first PROBE_ROWS rows; at 200 customers each longer table's rest fits one more sync.
    const longer = TABLE_NAMES.filter((t) => data[t].length > PROBE_ROWS);
    expect(longer.length).toBeGreaterThan(0);
    expect(together.stats.syncs).toBe(1 + longer.length);
    expect(apart.stats.syncs).toBeGreaterThanOrEqual(TABLE_NAMES.length);
  });

  it("a missing table or a plain sheet: each table read on its own, with readTable's answers (missing-table for the absent one)", async () => {
    const plain = fakeExcelOf(data, "zh-CN", { omit: ["Forecasts"], plain: ["Customers"] });
    const expected = await oneByOne(plain, TABLE_NAMES);
    const read = await new OfficeWorkbook({ run: plain.run, requirements: MODERN }).readTables(TABLE_NAMES.map((table) => ({ table })));
    for (const t of TABLE_NAMES) expect(read.get(t), t).toEqual(expected.get(t));
    expect(read.get("Forecasts")?.ok).toBe(false);
    expect(value(read.get("Customers") ?? { ok: false, error: [] }).rows).toHaveLength(200);
  });

  it("reads only the asked columns of each table, as readTable(table, columns) does", async () => {
    const requests = [{ table: "FollowUps", columns: ["CustomerID", "Date"] }, { table: "Customers", columns: ["CustomerID"] }, { table: "Orders" }] as const;
    const apart = fakeExcelOf(data);
    const port = new OfficeWorkbook({ run: apart.run, requirements: MODERN });
    const together = await new OfficeWorkbook({ run: fakeExcelOf(data).run, requirements: MODERN }).readTables(requests);
    for (const r of requests) expect(together.get(r.table), r.table).toEqual(await port.readTable(r.table, "columns" in r ? r.columns : undefined));
    expect(Object.keys(value(together.get("FollowUps") ?? { ok: false, error: [] }).rows[0].cells).sort()).toEqual(["CustomerID", "Date"]);
  });

  it("readSnapshot through readTables equals readSnapshot table by table", async () => {
    const excel = fakeExcelOf(data);
    const port = new OfficeWorkbook({ run: excel.run, requirements: MODERN });
    const together = value(await readSnapshot(port));
    const apart = value(await readSnapshot({ readTable: (t, c) => port.readTable(t, c) }));
    expect(together.snapshot).toEqual(apart.snapshot);
    expect(together.issues).toEqual(apart.issues);
  });
});
