/**
 * Appending reads the target table's sheet once: `tradebook import`
 * appends after the view it validated against, and file mode's package
 * port after the read the task pane makes of the IDs right before.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { appendRecord } from "../../app/append-record";
import { run as importCsv } from "../../cli/import";
import type { CliIO } from "../../cli/io";
import { serialFromYMD } from "../../core/contract/dates";
import type { TableName } from "../../core/contract/schema";
import { buildWorkbook } from "../../templates/builder";
import { generateSample } from "../../templates/sample";
import { XlsxPackage } from "../../workbook/xlsx/package/xlsx-package";
import type { XlsxTableReader } from "../../workbook/xlsx/stream/table-reader";

const reads = vi.hoisted(() => [] as string[]);

vi.mock("../../workbook/xlsx/stream/table-reader", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../workbook/xlsx/stream/table-reader")>();
  return {
    ...real,
    openXlsxTables: async (...args: Parameters<typeof real.openXlsxTables>) => {
      const opened = await real.openXlsxTables(...args);
      if (!opened.ok) return opened;
      // Every sheet read goes through readView or readTable: count them by table.
      const counted = (reader: XlsxTableReader): XlsxTableReader => {
        const readView = reader.readView.bind(reader);
        const readTable = reader.readTable.bind(reader) as (table: TableName, columns?: readonly string[], ids?: true) => ReturnType<XlsxTableReader["readTable"]>;
        const afterRowsWritten = reader.afterRowsWritten.bind(reader);
        reader.readView = async (table: TableName, columns?: readonly string[]) => {
          reads.push(table);
          return readView(table, columns);
        };
        reader.readTable = (async (table: TableName, columns?: readonly string[], ids?: true) => {
          reads.push(table);
          return readTable(table, columns, ids);
        }) as XlsxTableReader["readTable"];
        reader.afterRowsWritten = async () => counted(await afterRowsWritten());
        return reader;
      };
      counted(opened.value);
      return opened;
    },
  };
});

const dir = mkdtempSync(path.join(tmpdir(), "tb-reads-"));
const sample = generateSample({ seed: 5, scale: 0.05, asOf: serialFromYMD(2026, 11, 27) });

describe("appending reads the target sheet once", () => {
  beforeEach(() => {
    reads.length = 0;
  });

  it("tradebook import validates and appends from one read of the target table", async () => {
    const file = path.join(dir, "book.xlsx");
    await buildWorkbook("en-US", sample).xlsx.writeFile(file);
    const csv = path.join(dir, "new.csv");
    writeFileSync(csv, `CustomerID,Company,Country,Owner,CreatedOn,Source,Email\nC-ONCE-1,Once Co,US,${sample.Salespeople[0].Name},2026-11-20,Website,o@once.com\n`);
    const err: string[] = [];
    const io: CliIO = { out: () => undefined, err: (t) => err.push(t), cwd: dir, lang: "en-US" };
    expect(await importCsv([file, "--table", "Customers", csv], io)).toBe(0);
    expect(err).toEqual([]);
    expect(reads.filter((t) => t === "Customers")).toHaveLength(1);
    // Only what the new rows are checked against (core/contract/projection.ts importProjection).
    expect([...reads].sort()).toEqual(["Countries", "Customers", "Salespeople", "Settings"]);
  });

  it("file mode appends a record after the read of its IDs, and the next append plans against the IDs the first left", async () => {
    const bytes = new Uint8Array(await buildWorkbook("zh-CN", sample).xlsx.writeBuffer());
    const port = await XlsxPackage.open({ bytes }, "book.xlsx");
    if (!port.ok) throw new Error("unreadable");
    const today = serialFromYMD(2026, 11, 27);
    const first = await appendRecord(port.value, "FollowUps", { ...sample.FollowUps[0], Summary: "one" }, today);
    expect(first.ok).toBe(true);
    expect(reads).toEqual(["FollowUps"]);
    const second = await appendRecord(port.value, "FollowUps", { ...sample.FollowUps[0], Summary: "two" }, today);
    expect(second.ok).toBe(true);
    expect(reads).toEqual(["FollowUps"]);
    // A record whose ID the first append wrote is refused without a read.
    const again = await port.value.appendRows("FollowUps", [{ FollowUpID: first.ok ? first.value.id : "", CustomerID: sample.FollowUps[0].CustomerID }]);
    expect(again.ok ? [] : again.error.map((i) => i.code)).toEqual(["duplicate-id"]);
    expect(reads).toEqual(["FollowUps"]);
    const read = await port.value.readTable("FollowUps");
    expect(read.ok && read.value.rows.slice(-2).map((r) => r.cells.Summary)).toEqual(["one", "two"]);
  });
});
