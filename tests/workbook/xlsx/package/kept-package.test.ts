/**
 * The package port keeps its package between writes (the task pane's file
 * mode, addin/host/file-host.ts): an append changes the loaded package in
 * place, so the package is not loaded again, every part but the table's
 * sheet and table part keeps its compressed bytes, and what it reads next
 * is what a fresh open of the new bytes reads.
 */
import JSZip from "jszip";
import { afterEach, describe, expect, it, vi } from "vitest";
import { toCells } from "../../../../core/contract/cells";
import { serialFromYMD, type DaySerial } from "../../../../core/contract/dates";
import { buildWorkbook } from "../../../../templates/builder";
import { generateSample } from "../../../../templates/sample";
import { XlsxPackage } from "../../../../workbook/xlsx/package/xlsx-package";
import { crc32, deflateRawNative } from "../../../../workbook/xlsx/package/put-deflated";
import { followUp } from "../../../support/crm";
import { value } from "../../../support/result";
import { bytesOf } from "./support";
import { inflateRawSync, crc32 as zlibCrc32 } from "node:zlib";

const AS_OF = serialFromYMD(2026, 11, 27) as DaySerial;

async function sampleBytes(): Promise<Uint8Array> {
  return bytesOf(buildWorkbook("en-US", generateSample({ seed: 3, scale: 0.3, asOf: AS_OF })));
}

/** Each part's compressed bytes as stored in the package. */
async function stored(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Uint8Array>();
  for (const [name, f] of Object.entries(zip.files)) {
    const data = (f as unknown as { _data?: { compressedContent?: Uint8Array } })._data?.compressedContent;
    if (data) out.set(name, data);
  }
  return out;
}

const contact = (id: string) => toCells("FollowUps", followUp("C-0001", AS_OF + 0.5, { FollowUpID: id as never }), "en-US");

afterEach(() => vi.restoreAllMocks());

describe("the platform's deflate, as zip entries carry it", () => {
  it.each([["empty", ""], ["text", "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>王</t></is></c></row>".repeat(500)]])("%s: inflates back, with zlib's CRC-32", async (_name, text) => {
    const bytes = new TextEncoder().encode(text);
    const deflated = await deflateRawNative(bytes);
    expect(new Uint8Array(inflateRawSync(deflated.compressed))).toEqual(bytes);
    expect(crc32(bytes)).toBe(zlibCrc32(bytes) >>> 0);
    expect(deflated).toMatchObject({ crc: zlibCrc32(bytes) >>> 0, size: bytes.length });
  });
});

describe("appends into the kept package", () => {
  it("load the package once, deflate only the changed parts, and read what a fresh open reads", async () => {
    const bytes = await sampleBytes();
    const file = { bytes };
    const port = value(await XlsxPackage.open(file, "team.xlsx"));
    const ids = value(await port.readTable("FollowUps", ["FollowUpID"]));
    const customers = value(await port.readTable("Customers", ["CustomerID"]));
    const customerId = String(customers.rows[0].cells.CustomerID);
    const loads = vi.spyOn(JSZip, "loadAsync");

    const one = { ...contact("FU-NEW-1"), CustomerID: customerId };
    const first = value(await port.appendRows("FollowUps", [one]));
    expect(first.firstRow).toBe(ids.rows[ids.rows.length - 1].rowNumber + 1);
    const two = { ...contact("FU-NEW-2"), CustomerID: customerId };
    value(await port.appendRows("FollowUps", [two]));
    const after = value(await port.readTable("FollowUps", ["FollowUpID", "CustomerID"]));
    expect(loads).not.toHaveBeenCalled();

    expect(after.rows.slice(-2).map((r) => [r.rowNumber, r.cells.FollowUpID, r.cells.CustomerID])).toEqual([
      [first.firstRow, "FU-NEW-1", customerId],
      [first.firstRow + 1, "FU-NEW-2", customerId],
    ]);
    loads.mockRestore();
    const fresh = value(await XlsxPackage.open({ bytes: file.bytes }, "team.xlsx"));
    expect(value(await fresh.readTable("FollowUps"))).toEqual(value(await port.readTable("FollowUps")));
    expect(value(await fresh.readTable("Customers"))).toEqual(value(await port.readTable("Customers")));

    const before = await stored(bytes);
    const now = await stored(file.bytes);
    const changed = [...now].filter(([name, data]) => {
      const was = before.get(name);
      return !was || was.length !== data.length || was.some((b, i) => b !== data[i]);
    });
    expect(changed.map(([name]) => name).sort()).toEqual(["xl/tables/table2.xml", "xl/worksheets/sheet2.xml"]);
  });

  it("a refused batch changes nothing, and the next append still lands", async () => {
    const file = { bytes: await sampleBytes() };
    const port = value(await XlsxPackage.open(file, "team.xlsx"));
    const existing = value(await port.readTable("FollowUps", ["FollowUpID", "CustomerID"]));
    const taken = String(existing.rows[0].cells.FollowUpID);
    const customerId = String(existing.rows[0].cells.CustomerID);
    const bytes = file.bytes;
    const refused = await port.appendRows("FollowUps", [{ ...contact(taken), CustomerID: customerId }]);
    expect(refused.ok).toBe(false);
    expect(file.bytes).toBe(bytes);
    value(await port.appendRows("FollowUps", [{ ...contact("FU-NEW-3"), CustomerID: customerId }]));
    const fresh = value(await XlsxPackage.open({ bytes: file.bytes }, "team.xlsx"));
    expect(value(await fresh.readTable("FollowUps", ["FollowUpID"])).rows.at(-1)?.cells.FollowUpID).toBe("FU-NEW-3");
  });
});
