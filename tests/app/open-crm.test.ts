import { describe, expect, it } from "vitest";
import { toCells } from "../../core/contract/cells";
import { SCHEMA, headerOf } from "../../core/contract/schema";
import { MemoryWorkbook } from "../../workbook/memory";
import { readSnapshot } from "../../app/open-crm";
import { customer } from "../support/crm";
import { value } from "../support/result";

/*
 * readSnapshot keeps each table's sheet, language and headers, not its raw
 * cells: the typed rows are the snapshot's, and the task pane holds the read
 * for as long as it is open (at 25,000 customers the retained heap went
 * from 169 to 111 MB when the raw rows stopped being kept).
 */
describe("a read keeps each table's head, not its raw rows", () => {
  // Company before CustomerID, Website left out: the head says how the sheet has them.
  const columns = [SCHEMA.Customers.columns[1], SCHEMA.Customers.columns[0], ...SCHEMA.Customers.columns.slice(2).filter((c) => c.key !== "Website")];
  const headers = columns.map((c) => headerOf(c, "zh-CN"));
  const row = (id: string) => {
    const cells = toCells("Customers", customer(id, { Company: `Acme ${id}` }), "zh-CN");
    return columns.map((c) => cells[c.key] ?? null);
  };
  const wb = MemoryWorkbook.fromTables([{ table: "Customers", sheet: "客户", headers, rows: [row("C-1"), row("C-2")] }]);

  it("the head: sheet, language, headers as found, missing columns", async () => {
    const read = value(await readSnapshot(wb));
    const head = read.raw.Customers!;
    expect(head.table).toBe("Customers");
    expect(head.sheet).toBe("客户");
    expect(head.lang).toBe("zh-CN");
    expect(head.headers.Company).toBe("公司名称");
    expect(head.missingColumns).toEqual(["Website"]);
  });

  it("no raw rows are kept; the typed rows are the snapshot's", async () => {
    const read = value(await readSnapshot(wb));
    expect("rows" in read.raw.Customers!).toBe(false);
    expect(read.snapshot.Customers.map((c) => [c.CustomerID, c.Company])).toEqual([
      ["C-1", "Acme C-1"],
      ["C-2", "Acme C-2"],
    ]);
    expect(read.rowNumbers.Customers).toEqual([2, 3]);
  });

  it("a table the workbook lacks has no head", async () => {
    const read = value(await readSnapshot(wb));
    expect(read.raw.FollowUps).toBeUndefined();
    expect(read.snapshot.FollowUps).toEqual([]);
  });
});
