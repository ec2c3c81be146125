/**
 * Hostile workbooks are read in time linear in their size and refused with
 * a message naming where, in bounded memory (issue: one 100 MB cell made
 * reading quadratic, over 7 minutes; 1 GB of rows took 4.3 GB and 102 s;
 * nothing capped cells or rows). workbook/xlsx/stream (pending.ts,
 * sheet-scan.ts, package-map.ts, zip-parts.ts).
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import type { Issue } from "../../core/contract/issues";
import { buildWorkbook } from "../../templates/builder";
import { openXlsxTables } from "../../workbook/node/stream-reader";
import { XlsxWorkbook } from "../../workbook/xlsx/exceljs/xlsx-workbook";
import { report } from "./support/figures";
import { withHugePart } from "./support/bombs";
import { TSX, hasStack } from "./support/cli-workers";
import { tempDir } from "./support/workbooks";

const dir = tempDir("hostile");
const SHEET = "xl/worksheets/sheet1.xml"; // Customers in the en-US template
let template: Uint8Array;

beforeAll(async () => {
  template = new Uint8Array(await buildWorkbook("en-US").xlsx.writeBuffer());
});

/** The template with its Customers sheet's XML edited. */
async function editCustomers(edit: (xml: string) => string, strings?: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(template);
  zip.file(SHEET, edit(await zip.file(SHEET)!.async("string")));
  if (strings) zip.file("xl/sharedStrings.xml", strings(await zip.file("xl/sharedStrings.xml")!.async("string")));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** A row 2 after the header row. */
const withRow2 = (row: string) => (xml: string) => xml.replace("</row>", `</row>${row}`);

/** What reading the Customers table answers, and how long it took (best of `runs`). */
async function readCustomers(bytes: Uint8Array, runs = 1): Promise<{ issues: readonly Issue[]; ms: number }> {
  let best = Infinity;
  let issues: readonly Issue[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const opened = await openXlsxTables(bytes, "hostile.xlsx");
    const read = opened.ok ? await opened.value.readTable("Customers") : opened;
    best = Math.min(best, performance.now() - t0);
    issues = read.ok ? [] : read.error;
  }
  return { issues, ms: Math.round(best) };
}

/** `n` random letters: they deflate about as text does (a run of one letter is a zip bomb, refused before it is read). */
function text(n: number): string {
  const letters = Buffer.from("abcdefghijklmnopqrstuvwxyz ");
  const bytes = randomBytes(n);
  for (let i = 0; i < n; i++) bytes[i] = letters[bytes[i] % letters.length];
  return bytes.toString("latin1");
}

/** The shared strings with one more at the end, and its index. */
function addString(sst: string, s: string): { xml: string; index: number } {
  return { xml: sst.replace("</sst>", `<si><t>${s}</t></si></sst>`), index: (sst.match(/<si>/g) ?? []).length };
}

describe("one huge cell: linear time, refused naming sheet, row and column", () => {
  const MB = 1 << 20;
  const huge = { small: text(2 * MB), large: text(16 * MB) };
  const shared = async (s: string): Promise<Uint8Array> => {
    const zip = await JSZip.loadAsync(template);
    const { index } = addString(await zip.file("xl/sharedStrings.xml")!.async("string"), "");
    return editCustomers(withRow2(`<row r="2"><c r="B2" t="s"><v>${index}</v></c></row>`), (sst) => addString(sst, s).xml);
  };
  it.each([
    ["an inline string", (s: string) => editCustomers(withRow2(`<row r="2"><c r="B2" t="inlineStr"><is><t>${s}</t></is></c></row>`))],
    ["a shared string", shared],
  ])("%s of 2 MB and of 16 MB: 8 times the size reads within 20 times the time (linear, not quadratic)", async (label, make) => {
    const [smallBytes, largeBytes] = [await make(huge.small), await make(huge.large)];
    // Interleaved, fastest of four each: a neighbour's load on a shared machine slows both alike.
    let small = await readCustomers(smallBytes);
    let large = await readCustomers(largeBytes);
    for (let i = 0; i < 3; i++) {
      const s = await readCustomers(smallBytes);
      const l = await readCustomers(largeBytes);
      if (s.ms < small.ms) small = s;
      if (l.ms < large.ms) large = l;
    }
    for (const [r, n] of [[small, 2 * MB], [large, 16 * MB]] as const) {
      expect(r.issues.map((i) => [i.code, i.sheet, i.row, i.column])).toEqual([["cell-too-long", "Customers", 2, "B"]]);
      expect(r.issues[0].message.en).toBe(`the text is ${n.toLocaleString("en-US")} characters long, more than the 32,767 a cell of Excel can hold`);
    }
    report(`huge cell (${label})`, { "2 MB ms": small.ms, "16 MB ms": large.ms, ratio: (large.ms / Math.max(1, small.ms)).toFixed(1) });
    // Linear reading gives about 8x, a quadratic one 64x; 20x tells them apart
    // with room for a loaded host (the fastest of four measured 7-9x).
    expect(large.ms).toBeLessThan(20 * Math.max(small.ms, 20));
  });

  it("a cell just over Excel's limit is refused, one at the limit is read", async () => {
    const at = await readCustomers(await editCustomers(withRow2(`<row r="2"><c r="B2" t="inlineStr"><is><t>${"y".repeat(32_767)}</t></is></c></row>`)));
    expect(at.issues).toEqual([]);
    const over = await readCustomers(await editCustomers(withRow2(`<row r="2"><c r="B2" t="inlineStr"><is><t>${"y".repeat(32_768)}</t></is></c></row>`)));
    expect(over.issues.map((i) => i.code)).toEqual(["cell-too-long"]);
  });
});

describe("rows and columns past Excel's last", () => {
  it.each([
    ["row 1,048,577", `<row r="1048577"><c r="A1048577"><v>1</v></c></row>`, "too-many-rows", 1_048_577, null],
    ["column XFE", `<row r="2"><c r="XFE2"><v>1</v></c></row>`, "too-many-columns", 2, "16385"],
  ])("%s: refused naming it", async (_label, row, code, rowNumber, column) => {
    const r = await readCustomers(await editCustomers(withRow2(row)));
    expect(r.issues.map((i) => [i.code, i.sheet, i.row, i.column])).toEqual([[code, "Customers", rowNumber, column]]);
  });
});

describe("a zip bomb", () => {
  let bomb = "";
  let liar = "";
  const GB = 1 << 30;
  beforeAll(async () => {
    const zip = await JSZip.loadAsync(template);
    const xml = await zip.file(SHEET)!.async("string");
    const headEnd = xml.indexOf("</row>") + "</row>".length;
    const row = `<row r="2"><c r="B2" t="inlineStr"><is><t>${"A".repeat(900)}</t></is></c></row>`;
    const block = row.repeat(Math.ceil((1 << 20) / row.length));
    const times = Math.floor(GB / block.length) - 2;
    const parts = [SHEET, xml.slice(0, headEnd), block, times, xml.slice(xml.indexOf("</sheetData>"))] as const;
    bomb = join(dir, "bomb.xlsx");
    writeFileSync(bomb, await withHugePart(template, ...parts));
    // The same, its entry claiming 5 MB: found out as it inflates.
    liar = join(dir, "liar.xlsx");
    writeFileSync(liar, await withHugePart(template, ...parts, 5 << 20));
  });

  it.each([
    ["declaring its size", () => bomb, /this part inflates to more than 100 times its compressed size \(3 MB\): a zip bomb; refused/],
    ["lying about its size", () => liar, /this part inflates to more than the size its entry declares; refused/],
  ])("1 GB of rows, %s: `tradebook check` refuses it in seconds, under 500 MB RSS (measured in a process of its own)", (label, file, message) => {
    const out = execFileSync(process.execPath, [...TSX, join(__dirname, "support", "measure-cli.ts"), "check", file()], { cwd: dir, maxBuffer: 1 << 24 }).toString();
    const r = JSON.parse(out) as { code: number; err: string; ms: number; maxRssMB: number };
    report(`zip bomb (1 GB inflated, ${label})`, { "file KB": Math.round(statSync(file()).size / 1024), "exit code": r.code, ms: r.ms, "peak RSS MB": r.maxRssMB });
    expect(r.code).toBe(2);
    expect(r.err).toContain("xl/worksheets/sheet1.xml: this part inflates");
    expect(r.err).toMatch(message);
    expect(hasStack(r.err)).toBe(false);
    expect(r.ms).toBeLessThan(20_000);
    expect(r.maxRssMB).toBeLessThan(500);
  });

  it("the whole load (exceljs, import's fallback) measures every part first and refuses it too", async () => {
    const t0 = performance.now();
    const opened = await XlsxWorkbook.fromBuffer(new Uint8Array(readFileSync(bomb)), "bomb.xlsx");
    expect(opened.ok).toBe(false);
    expect(opened.ok ? "" : opened.error[0].code).toBe("too-large");
    expect(performance.now() - t0).toBeLessThan(20_000);
  });
});
