/**
 * Expected failures are said in words, never as a stack, and messages are
 * true (issue: `tradebook due … | head` died with EPIPE; a file with charts
 * suggested an `--out` option `import` does not have; a date serial of -5
 * was reported as "got -6"). Full disks and permissions:
 * file-replace.test.ts.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorkbook } from "../../templates/builder";
import { openXlsxTables } from "../../workbook/node/stream-reader";
import { report } from "./support/figures";
import { CliWorker, hasStack, runBin } from "./support/cli-workers";
import { sampleBytes, tempDir, writeCsv } from "./support/workbooks";

const dir = tempDir("failures");
let worker: CliWorker;
beforeAll(async () => {
  worker = await CliWorker.start();
});
afterAll(() => worker.stop());

describe("a reader that stops reading", () => {
  it("`tradebook due … --json | head -c 1`: no EPIPE crash, no stack, exit 0", async () => {
    const book = join(dir, "big.xlsx");
    // About 95 KB of JSON: more than a pipe holds, so the writes after head has gone fail with EPIPE.
    writeFileSync(book, await sampleBytes(1));
    const r = await runBin(["due", book, "--date", "2026-11-27", "--json"], dir, { pipe: "head -c 1 >/dev/null" });
    expect(r.err).not.toMatch(/EPIPE|Unhandled 'error' event/);
    expect(hasStack(r.err)).toBe(false);
    expect(r.code).toBe(0);
    report("closed pipe", { "exit code": r.code, stack: hasStack(r.err) ? "yes" : "none" });
  });
});

describe("a date serial is reported as the cell holds it", () => {
  it.each([
    [-5, 'expected a date (YYYY-MM-DD), got -5'],
    [0, 'expected a date (YYYY-MM-DD), got 0'],
  ])("a date cell holding %d", async (serial, message) => {
    const zip = await JSZip.loadAsync(await sampleBytes());
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    // Row 2's CreatedOn (column J, a date-formatted cell).
    zip.file("xl/worksheets/sheet1.xml", sheet.replace(/(<c r="J2" s="\d+"><v>)\d+(<\/v>)/, `$1${serial}$2`));
    const book = join(dir, `serial${serial}.xlsx`);
    writeFileSync(book, await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    const r = await worker.run(["check", book], dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`Customers, row 2, column "CreatedOn": ${message}`);
  });

  it("serials 1 to 60 (January and February 1900) read as the serial written, not a day earlier", async () => {
    const zip = await JSZip.loadAsync(await sampleBytes());
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    zip.file("xl/worksheets/sheet1.xml", sheet.replace(/(<c r="J2" s="\d+"><v>)\d+(<\/v>)/, "$130$2"));
    const opened = await openXlsxTables(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }), "b.xlsx");
    const t = opened.ok ? await opened.value.readTable("Customers") : opened;
    expect(t.ok ? t.value.rows[0].cells.CreatedOn : null).toBe(30);
  });
});

describe("messages offer only what exists", () => {
  it("import into a charted workbook it must load whole: refused, no --out suggested (import has none)", async () => {
    const zip = await JSZip.loadAsync(new Uint8Array(await buildWorkbook("en-US").xlsx.writeBuffer()));
    zip.file("xl/charts/chart1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>`);
    const book = join(dir, "charted.xlsx");
    writeFileSync(book, await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    // Salespeople is empty in a new workbook: no row to take the look from, so import loads the workbook whole.
    const r = await worker.run(["import", book, "--table", "Salespeople", writeCsv(dir, "people.csv", "Name,HireDate\nZhao Lei,2026-01-05\n")], dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/charted\.xlsx holds content this tool cannot keep \(charts\); saving over it would lose it, so nothing was written/);
    expect(r.err).not.toContain("--out");
    expect(hasStack(r.err)).toBe(false);
  });
});
