/**
 * `tradebook import` reads the target table's sheet once: the view it
 * validates against is the one the package writer appends after.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { run as importCsv } from "../../cli/import";
import type { CliIO } from "../../cli/io";
import { serialFromYMD } from "../../core/dates";
import type { TableName } from "../../core/schema";
import { buildWorkbook } from "../../templates/builder";
import { generateSample } from "../../templates/sample";

const reads = vi.hoisted(() => [] as string[]);

vi.mock("../../workbook/xlsx/stream-reader", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../workbook/xlsx/stream-reader")>();
  return {
    ...real,
    openXlsxTables: async (...args: Parameters<typeof real.openXlsxTables>) => {
      const opened = await real.openXlsxTables(...args);
      if (!opened.ok) return opened;
      const reader = opened.value;
      // Every sheet read goes through readView (readTable included): count them by table.
      const readView = reader.readView.bind(reader);
      reader.readView = async (table: TableName) => {
        reads.push(table);
        return readView(table);
      };
      return opened;
    },
  };
});

describe("tradebook import reads each sheet once", () => {
  it("validates and appends from one read of the target table", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tb-reads-"));
    const sample = generateSample({ seed: 5, scale: 0.05, asOf: serialFromYMD(2026, 11, 27) });
    const file = path.join(dir, "book.xlsx");
    await buildWorkbook("en-US", sample).xlsx.writeFile(file);
    const csv = path.join(dir, "new.csv");
    writeFileSync(csv, `CustomerID,Company,Country,Owner,CreatedOn,Source,Email\nC-ONCE-1,Once Co,US,${sample.Salespeople[0].Name},2026-11-20,Website,o@once.com\n`);
    const err: string[] = [];
    const io: CliIO = { out: () => undefined, err: (t) => err.push(t), cwd: dir, lang: "en-US" };
    expect(await importCsv([file, "--table", "Customers", csv], io)).toBe(0);
    expect(err).toEqual([]);
    expect(reads.filter((t) => t === "Customers")).toHaveLength(1);
    expect(reads.length).toBeGreaterThan(5);
  });
});
