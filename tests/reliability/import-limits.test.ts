/**
 * import stays within Excel (issue: it wrote row 1,048,577 into a table
 * that already reached Excel's last row, which LibreOffice drops on open;
 * cells longer than 32,767 characters were accepted).
 * workbook/write-plan.ts planAppend, core/contract/rows.ts parseCell,
 * workbook/write-cell.ts cellForWrite.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { columnOf } from "../../core/contract/schema";
import { cellForWrite } from "../../workbook/write-cell";
import { report } from "./support/figures";
import { CliWorker, hasStack } from "./support/cli-workers";
import { customersCsv, sampleBytes, sampleOwner, tempDir, writeCsv } from "./support/workbooks";

const dir = tempDir("limits");
let worker: CliWorker;
const owner = sampleOwner();

beforeAll(async () => {
  worker = await CliWorker.start();
});
afterAll(() => worker.stop());

/** The sample workbook with its Customers table's last row moved down to row `last`. */
async function reachingRow(last: number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await sampleBytes());
  const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  const end = sheet.indexOf("</sheetData>");
  const lastRow = sheet.lastIndexOf("<row ", end);
  const n = /<row r="(\d+)"/.exec(sheet.slice(lastRow))![1];
  const moved = sheet
    .slice(lastRow, end)
    .replace(`<row r="${n}"`, `<row r="${last}"`)
    .replace(new RegExp(`r="([A-Z]+)${n}"`, "g"), `r="$1${last}"`);
  zip.file("xl/worksheets/sheet1.xml", (sheet.slice(0, lastRow) + moved + sheet.slice(end)).replace(/<dimension ref="A1:W\d+"\/>/, `<dimension ref="A1:W${last}"/>`));
  const table = await zip.file("xl/tables/table1.xml")!.async("string");
  zip.file("xl/tables/table1.xml", table.replace(/ref="A1:W\d+"/g, `ref="A1:W${last}"`));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

describe("never past row 1,048,576", () => {
  let refused = 0;
  afterAll(() => report("rows past Excel's last", { cases: 2, refused, "rows written past 1,048,576": 0 }));

  it.each([
    ["a table already at the last row, one row more", 1_048_576, 1, "room for 0 more row(s) before Excel's last row (1,048,576), not 1"],
    ["two rows of room, three rows", 1_048_574, 3, "room for 2 more row(s) before Excel's last row (1,048,576), not 3"],
  ])("%s: refused, nothing written", async (_label, last, rows, message) => {
    const book = join(dir, `full-${last}.xlsx`);
    writeFileSync(book, await reachingRow(last));
    const before = readFileSync(book);
    const ids = Array.from({ length: rows }, (_, i) => `C-LAST-${last}-${i}`);
    const r = await worker.run(["import", book, "--table", "Customers", writeCsv(dir, `last-${last}.csv`, customersCsv(ids, owner))], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`Customers, row ${Math.max(last + 1, 1_048_577)}: the sheet has ${message}; nothing was written`);
    expect(hasStack(r.err)).toBe(false);
    expect(readFileSync(book).equals(before)).toBe(true);
    refused++;
  });
});

describe("no cell longer than Excel holds", () => {
  it("a CSV field of 40,000 characters: refused naming the CSV's row and column, nothing written", async () => {
    const book = join(dir, "long.xlsx");
    writeFileSync(book, await sampleBytes());
    const before = readFileSync(book);
    const csv = customersCsv(["C-LONG-1"], owner).replace("Reliable Co C-LONG-1", "L".repeat(40_000));
    const r = await worker.run(["import", book, "--table", "Customers", writeCsv(dir, "long.csv", csv)], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('long.csv, row 2, column "Company": the text is 40,000 characters long, more than the 32,767 a cell of Excel can hold');
    expect(readFileSync(book).equals(before)).toBe(true);
    report("cells over 32,767 characters", { cases: 1, refused: 1 });
  });

  it("every writer's cell check refuses it too (the task pane, updates), and takes 32,767", () => {
    const notes = columnOf("Customers", "Notes");
    expect(cellForWrite(notes, "n".repeat(32_767), "en-US")).toEqual({ ok: true, value: "n".repeat(32_767) });
    expect(cellForWrite(notes, "n".repeat(32_768), "en-US")).toEqual({ ok: false, message: { zh: "文字长 32,768 个字符，超过 Excel 单元格上限 32,767", en: "the text is 32,768 characters long, more than the 32,767 a cell of Excel can hold" } });
    expect(cellForWrite(undefined, "u".repeat(40_000), "en-US").ok).toBe(false);
  });
});
