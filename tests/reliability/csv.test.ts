/**
 * CSV import is strict where a silent guess loses data (issue: extra fields
 * dropped; a UTF-8 file with one stray byte decoded entirely as GB18030,
 * 北京贸易有限公司 stored as 鍖椾含璐告槗…; cp1252's Müller stored as M黮ler;
 * 0026-01-02 stored as 1926-01-02). core/contract/csv.ts,
 * workbook/node/csv-decode.ts, core/contract/dates.ts.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseISODate, serialFromYMD, toISODate, ymdOf } from "../../core/contract/dates";
import { buildWorkbook } from "../../templates/builder";
import { generateSample } from "../../templates/sample";
import { decodeCsv } from "../../workbook/node/csv-decode";
import { openXlsxTables } from "../../workbook/node/stream-reader";
import { report } from "./support/figures";
import { CliWorker, hasStack } from "./support/cli-workers";
import { AS_OF, customersCsv, idsIn, sampleBytes, sampleOwner, tempDir, writeCsv } from "./support/workbooks";

const dir = tempDir("csv");
let worker: CliWorker;
let bytes: Uint8Array;
const owner = sampleOwner();
let n = 0;

beforeAll(async () => {
  worker = await CliWorker.start();
  bytes = await sampleBytes();
});
afterAll(() => worker.stop());

function freshBook(): string {
  const path = join(dir, `book-${++n}.xlsx`);
  writeFileSync(path, bytes);
  return path;
}

/** A Customers value of the workbook's row with this ID. */
async function cellOf(book: string, id: string, column: string): Promise<unknown> {
  const opened = await openXlsxTables(readFileSync(book), "book.xlsx");
  if (!opened.ok) throw new Error("unreadable");
  const t = await opened.value.readTable("Customers");
  if (!t.ok) throw new Error("no table");
  return t.value.rows.find((r) => r.cells.CustomerID === id)?.cells[column];
}

describe("a row with more or fewer fields than the header", () => {
  const header = "CustomerID,Company,Country,Owner,CreatedOn,Source,Email";
  const text = [header, `C-F-1,Good Co,US,${owner},2026-11-20,Website,a@good.com`, `C-F-2,Acme, Inc.,US,${owner},2026-11-20,Website,b@acme.com`, `C-F-3,Short Co,US,${owner},2026-11-20`, `C-F-4,Fine Co,US,${owner},2026-11-20,Website,d@fine.com`].join("\n") + "\n";

  it("is an error naming the row; nothing is written", async () => {
    const book = freshBook();
    const before = readFileSync(book);
    const r = await worker.run(["import", book, "--table", "Customers", writeCsv(dir, "fields.csv", text)], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain("fields.csv, row 3: has 8 fields, more than the header's 7 (a stray delimiter or quote?); the row is not imported");
    expect(r.err).toContain("fields.csv, row 4: has 5 fields, fewer than the header's 7");
    expect(r.err).toMatch(/fields\.csv: 2 errors; .*book-\d+\.xlsx was not changed/);
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  it("with --skip-invalid: the good rows are written, the two go to the rejects file with the reason", async () => {
    const book = freshBook();
    const csv = writeCsv(dir, "fields-skip.csv", text);
    const r = await worker.run(["import", book, "--table", "Customers", csv, "--skip-invalid"], dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/added 2 rows to Customers; 2 left out, the reasons are in .*fields-skip\.csv\.rejects\.csv/);
    const ids = await idsIn(book);
    expect(ids).toEqual(expect.arrayContaining(["C-F-1", "C-F-4"]));
    expect(ids).not.toContain("C-F-2");
    const rejects = readFileSync(`${csv}.rejects.csv`, "utf8");
    expect(rejects).toMatch(/C-F-2,Acme," Inc\.",.*has 8 fields/);
    expect(rejects).toMatch(/C-F-3,Short Co,.*has 5 fields/);
  });
});

describe("the encoding is decided honestly", () => {
  const text = "公司名称,国家\r\n北京贸易有限公司,CN\r\n";
  const western = "Company,City\r\nMüller GmbH,Köln\r\nCafé Zürich,Zürich\r\n";
  const cases: [string, Uint8Array, string | undefined, { text: string; encoding: string } | RegExp][] = [
    ["UTF-8", Buffer.from(text), undefined, { text, encoding: "utf-8" }],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), undefined, { text, encoding: "utf-8" }],
    ["GBK (Chinese Excel's CSV)", iconv.encode(text, "gbk"), undefined, { text, encoding: "gb18030" }],
    ["UTF-16 LE with BOM", iconv.encode(text, "utf-16le", { addBOM: true }), undefined, { text, encoding: "utf-16le" }],
    ["UTF-16 BE with BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, "utf-16be")]), undefined, { text, encoding: "utf-16be" }],
    ["UTF-8 with one stray byte", Buffer.concat([Buffer.from("公司名称,国家\r\n北京贸易有限公司"), Buffer.from([0xb1]), Buffer.from(",CN\r\n")]), undefined, /in\.csv is UTF-8 but line 2 holds bytes that are not; nothing was imported\. .*--encoding \(utf-8, gb18030, utf-16, cp1252\)/],
    ["cp1252 (a Western Excel's CSV)", iconv.encode(western, "windows-1252"), undefined, /cannot tell the encoding of in\.csv: it is neither UTF-8 nor plausible GB18030\/GBK \(line 2\); nothing was imported\. .*--encoding/],
    ["cp1252, said with --encoding", iconv.encode(western, "windows-1252"), "cp1252", { text: western, encoding: "cp1252" }],
    ["UTF-16 without a BOM", iconv.encode(text, "utf-16le"), undefined, /NUL bytes \(line 1\): UTF-16 without a BOM\?/],
    ["UTF-16 without a BOM, said with --encoding", iconv.encode(text, "utf-16le"), "utf-16", { text, encoding: "utf-16le" }],
    ["GBK said to be UTF-8", iconv.encode(text, "gbk"), "utf-8", /in\.csv is not valid UTF-8 \(line 1\); nothing was imported/],
  ];
  let refused = 0;
  afterAll(() => report("CSV encodings", { cases: cases.length, decoded: cases.length - refused, "refused with a message": refused }));

  it.each(cases)("%s", (_label, input, forced, expected) => {
    const d = decodeCsv(new Uint8Array(input), "in.csv", forced === undefined ? undefined : (forced as "cp1252" | "utf-16" | "utf-8"));
    if (expected instanceof RegExp) {
      refused++;
      expect(d.ok).toBe(false);
      expect(d.ok ? "" : d.error[0].message.en).toMatch(expected);
    } else {
      expect(d).toEqual({ ok: true, value: expected });
    }
  });

  it("import refuses the damaged UTF-8 file (exit 2, nothing written) and takes a cp1252 one with --encoding cp1252", async () => {
    const book = freshBook();
    const before = readFileSync(book);
    const damaged = Buffer.concat([Buffer.from(customersCsv(["C-ENC-1"], owner).replace("Reliable Co C-ENC-1", "北京贸易有限公司")), Buffer.from([0xb1])]);
    const r = await worker.run(["import", book, "--table", "Customers", writeCsv(dir, "damaged.csv", damaged)], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/damaged\.csv is UTF-8 but line 3 holds bytes that are not/);
    expect(hasStack(r.err)).toBe(false);
    expect(readFileSync(book).equals(before)).toBe(true);

    const cp = iconv.encode("Name,HireDate\r\nJürgen Müller,2026-01-05\r\n", "windows-1252");
    const plain = await worker.run(["import", book, "--table", "Salespeople", writeCsv(dir, "cp.csv", cp)], dir);
    expect(plain.code).toBe(2);
    const told = await worker.run(["import", book, "--table", "Salespeople", writeCsv(dir, "cp.csv", cp), "--encoding", "cp1252"], dir);
    expect(told.code, told.err).toBe(0);
    const people = await openXlsxTables(readFileSync(book), "book.xlsx");
    const names = people.ok ? await people.value.readTable("Salespeople") : people;
    expect(names.ok ? names.value.rows.map((r) => r.cells.Name) : []).toContain("Jürgen Müller");
  });

  it("an --encoding the command does not know is a usage error", async () => {
    const r = await worker.run(["import", freshBook(), "--table", "Customers", writeCsv(dir, "x.csv", "a\n"), "--encoding", "latin9"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--encoding must be utf-8, gb18030, utf-16 or cp1252, not "latin9"/);
  });
});

describe("dates have four-digit years from 1900", () => {
  it.each([
    ["0026-01-02", undefined],
    ["0001-01-01", undefined],
    ["1899-12-31", undefined],
    ["26-01-02", undefined],
    ["1900-01-01", 1],
    ["1900-03-01", 61],
    ["9999-12-31", 2_958_465],
  ])("%s", (text, serial) => {
    expect(parseISODate(text)).toBe(serial);
  });

  it("years 0-99 are those years, not 1900-1999 (Date.UTC's reading)", () => {
    expect(ymdOf(serialFromYMD(26, 1, 2))).toEqual({ year: 26, month: 1, day: 2 });
    expect(toISODate(serialFromYMD(1, 1, 1))).toBe("0001-01-01");
  });

  it("import refuses 0026-01-02 and 0001-01-01, naming row and column; nothing written", async () => {
    const book = freshBook();
    const before = readFileSync(book);
    const csv = customersCsv(["C-D-1", "C-D-2"], owner).replace(/2026-11-20/, "0026-01-02").replace(/2026-11-20/, "0001-01-01");
    const r = await worker.run(["import", book, "--table", "Customers", writeCsv(dir, "dates.csv", csv)], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('dates.csv, row 2, column "CreatedOn": expected a date (YYYY-MM-DD), got "0026-01-02"');
    expect(r.err).toContain('dates.csv, row 3, column "CreatedOn": expected a date (YYYY-MM-DD), got "0001-01-01"');
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  it("a 1904-system workbook: its own range (from 1904-01-01); 1903-12-31 is refused naming sheet, row and column", async () => {
    const data = generateSample({ seed: 3, scale: 0.05, asOf: AS_OF, lang: "en-US" });
    const wb = buildWorkbook("en-US", data);
    wb.properties.date1904 = true;
    const book = join(dir, "mac-1904.xlsx");
    writeFileSync(book, new Uint8Array(await wb.xlsx.writeBuffer()));
    const before = readFileSync(book);
    const early = customersCsv(["C-1904-1"], owner).replace("2026-11-20", "1903-12-31");
    const r = await worker.run(["import", book, "--table", "Customers", writeCsv(dir, "early.csv", early)], dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Customers, row \d+, column "CreatedOn": this workbook uses the 1904 date system and cannot hold dates before 1904-01-01/);
    expect(readFileSync(book).equals(before)).toBe(true);
    const first = customersCsv(["C-1904-2"], owner).replace("2026-11-20", "1904-01-01");
    const ok = await worker.run(["import", book, "--table", "Customers", writeCsv(dir, "first.csv", first)], dir);
    expect(ok.code, ok.err).toBe(0);
    expect(await cellOf(book, "C-1904-2", "CreatedOn")).toBe(serialFromYMD(1904, 1, 1));
  });
});
