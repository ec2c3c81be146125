/**
 * A workbook whose sheet cannot be read gives exit 2 and its own message
 * from every command (issue: `due` printed "Nothing due" and exited 0;
 * `import` said "no Customers table", hiding the cause).
 * app/open-crm.ts isUnreadable.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import CompressedObject from "jszip/lib/compressedObject";
import { DEFLATE } from "jszip/lib/compressions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { report } from "./support/figures";
import { CliWorker, hasStack } from "./support/cli-workers";
import { customersCsv, sampleBytes, sampleOwner, tempDir, writeCsv } from "./support/workbooks";

const dir = tempDir("unreadable");
let worker: CliWorker;
let book = "";
const owner = sampleOwner();

beforeAll(async () => {
  worker = await CliWorker.start();
  // The Customers sheet's deflated bytes replaced by bytes that are not DEFLATE data.
  const zip = await JSZip.loadAsync(await sampleBytes());
  const junk = new Uint8Array(4096).map((_, i) => (i * 37 + 255) % 256);
  zip.file("xl/worksheets/sheet1.xml", new CompressedObject(junk.length, 100_000, 0, DEFLATE, junk) as unknown as Uint8Array, { createFolders: false });
  book = join(dir, "broken.xlsx");
  writeFileSync(book, await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
});
afterAll(() => worker.stop());

describe("a sheet that cannot be inflated", () => {
  let commands = 0;
  let clean = 0;
  afterAll(() => report("unreadable sheet", { commands, "exit 2 with their own message": clean }));

  it.each([
    ["check", () => ["check", book]],
    ["due", () => ["due", book, "--date", "2026-11-27"]],
    ["import", () => ["import", book, "--table", "Customers", writeCsv(dir, "in.csv", customersCsv(["C-UNR-1"], owner))]],
    ["review", () => ["review", book, "--quarter", "2026-Q3"]],
    ["weekly", () => ["weekly", book, "--week", "2026-W47"]],
  ])("%s: exit 2, says the file cannot be read, nothing else", async (_name, argv) => {
    commands++;
    const r = await worker.run(argv(), dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/broken\.xlsx: error: broken\.xlsx: cannot read broken\.xlsx: not a valid \.xlsx file \(.+\)/);
    expect(r.out).not.toMatch(/Nothing due|no Customers table/);
    expect(r.err).not.toMatch(/no Customers table/);
    expect(hasStack(r.err)).toBe(false);
    clean++;
  });
});
