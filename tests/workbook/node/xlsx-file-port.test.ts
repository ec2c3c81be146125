/**
 * An .xlsx file on disk as the one file port (workbook/node/xlsx-file-port.ts):
 * changes stay in memory until save(); save keeps the file's mode, writes
 * under the caller's lock when it is that file's, refuses over a save made
 * by someone else since the read, and refuses to save over a file whose
 * parts the full load (exceljs) would drop.
 */
import { chmodSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lockForWriting } from "../../../workbook/node/xlsx-file";
import { openXlsxFilePort, type XlsxFilePort } from "../../../workbook/node/xlsx-file-port";
import { idsIn, sampleBytes, tempDir } from "../../reliability/support/workbooks";

let dir = "";
let bytes: Uint8Array;

beforeAll(async () => {
  dir = tempDir("file-port");
  bytes = await sampleBytes();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NEW_CUSTOMER = { CustomerID: "C-261127-AAAAAA", Company: "Port Test Co", Country: "US", Owner: null, CreatedOn: 46000, Source: "Website" };

async function opened(path: string, options: Parameters<typeof openXlsxFilePort>[1] = {}): Promise<XlsxFilePort> {
  const res = await openXlsxFilePort(path, options);
  if (!res.ok) throw new Error(res.error[0].message.en);
  return res.value;
}

async function ownerOfSample(path: string): Promise<string> {
  const file = await opened(path);
  const people = await file.port.readTable("Salespeople", ["Name"]);
  if (!people.ok) throw new Error("no Salespeople");
  return String(people.value.rows[0].cells.Name);
}

describe("the file port over a file on disk", () => {
  it("appends into the package and saves in place, keeping the file's mode", async () => {
    const path = join(dir, "append.xlsx");
    writeFileSync(path, bytes);
    chmodSync(path, 0o640);
    const owner = await ownerOfSample(path);
    const file = await opened(path);
    expect(file.changed()).toBe(false);
    const written = await file.port.appendRows("Customers", [{ ...NEW_CUSTOMER, Owner: owner }]);
    expect(written.ok).toBe(true);
    expect(file.changed()).toBe(true);
    // Nothing on disk until save().
    expect(await idsIn(path)).not.toContain(NEW_CUSTOMER.CustomerID);
    const saved = await file.save();
    expect(saved.ok).toBe(true);
    expect(await idsIn(path)).toContain(NEW_CUSTOMER.CustomerID);
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  it("saves under the lock the caller holds for that file, and to another file (--out) leaving the source as it was", async () => {
    const path = join(dir, "locked.xlsx");
    const out = join(dir, "out.xlsx");
    writeFileSync(path, bytes);
    const held = await lockForWriting(out);
    if (!held.ok) throw new Error("no lock");
    try {
      const owner = await ownerOfSample(path);
      const file = await opened(path, { lock: held.value });
      expect((await file.port.appendRows("Customers", [{ ...NEW_CUSTOMER, Owner: owner }])).ok).toBe(true);
      // The lock is the out file's: writing there does not wait for it.
      expect((await file.save(out)).ok).toBe(true);
    } finally {
      await held.value.release();
    }
    expect(await idsIn(out)).toContain(NEW_CUSTOMER.CustomerID);
    expect(readFileSync(path).equals(Buffer.from(bytes))).toBe(true);
  });

  it("does not overwrite a save someone made since the file was read", async () => {
    const path = join(dir, "shared.xlsx");
    writeFileSync(path, bytes);
    const owner = await ownerOfSample(path);
    const file = await opened(path);
    expect((await file.port.appendRows("Customers", [{ ...NEW_CUSTOMER, Owner: owner }])).ok).toBe(true);
    const theirs = Buffer.concat([Buffer.from(bytes), Buffer.from("\n")]);
    writeFileSync(path, theirs);
    const saved = await file.save();
    expect(!saved.ok && saved.error[0].code).toBe("changed-on-disk");
    expect(readFileSync(path).equals(theirs)).toBe(true);
  });

  it("refuses to save over a file with a chart once a change needed the full load; another file may take it", async () => {
    const zip = await JSZip.loadAsync(bytes);
    zip.file("xl/charts/chart1.xml", `<?xml version="1.0" encoding="UTF-8"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>`);
    const charted = await zip.generateAsync({ type: "uint8array" });
    const path = join(dir, "charted.xlsx");
    writeFileSync(path, charted);
    const [first] = await idsIn(path);
    let fullLoads = 0;
    const file = await opened(path, { onFullLoad: () => fullLoads++ });
    // An update by ID goes through the whole workbook (exceljs).
    const updated = await file.port.updateRows("Customers", [{ id: first, values: { Notes: "called back" } }]);
    expect(updated.ok).toBe(true);
    expect(fullLoads).toBe(1);
    const saved = await file.save();
    expect(!saved.ok && saved.error[0].code).toBe("would-lose-content");
    expect(readFileSync(path).equals(Buffer.from(charted))).toBe(true);
    expect((await file.save(join(dir, "charted-copy.xlsx"))).ok).toBe(true);
  });

  it("an unreadable file is an issue naming it", async () => {
    const path = join(dir, "broken.xlsx");
    writeFileSync(path, "not a zip");
    const res = await openXlsxFilePort(path);
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error[0].sheet).toContain("broken.xlsx");
  });
});
