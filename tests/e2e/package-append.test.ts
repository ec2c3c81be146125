/**
 * Rows appended straight into the package (workbook/xlsx/package/append.ts)
 * against the full load (XlsxWorkbook.appendRows + save), on real .xlsx
 * files: the same workbook read back, by both readers and by LibreOffice;
 * the new cells look like the row above; every other part keeps its bytes;
 * and what the writer does not handle it says, writing nothing.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { run as importCsv } from "../../cli/import";
import type { CliIO } from "../../cli/io";
import { toCells } from "../../core/contract/cells";
import { serialFromYMD } from "../../core/contract/dates";
import type { CrmSnapshot, Customer, CustomerId, FollowUp, FollowUpId } from "../../core/contract/model";
import type { CellValue } from "../../core/contract/raw";
import { sheetNameOf, SCHEMA, type Lang, type TableName } from "../../core/contract/schema";
import { buildWorkbook } from "../../templates/builder";
import { generateSample } from "../../templates/sample";
import { readSnapshot } from "../../app/open-crm";
import { putDeflated } from "../../workbook/node/deflate";
import { appendRowsIntoPackage, type PackageAppend } from "../../workbook/xlsx/package/append";
import { openXlsxTables } from "../../workbook/node/stream-reader";
import { XlsxPackage } from "../../workbook/xlsx/package/xlsx-package";
import { XlsxWorkbook } from "../../workbook/xlsx/exceljs/xlsx-workbook";

const asOf = serialFromYMD(2026, 11, 27);
const sample = generateSample({ seed: 8, scale: 0.05, asOf });
const dir = mkdtempSync(path.join(tmpdir(), "tb-append-"));

type Cells = Readonly<Record<string, CellValue>>;

/** Texts a spreadsheet must keep as text, and the XML escapes. */
const HOSTILE = ["=SUM(A1:A9)", "+86 138 0000 0000", "-5% off", "@home", "  padded  ", "line one\nline two", "<b>A&amp;B</b> \"q\" 'a'", "客户「深圳」喜欢喝茶", "tab\there"];

function newCustomers(lang: Lang): Cells[] {
  const base = sample.Customers[0];
  return HOSTILE.map((text, i) => toCells("Customers", { ...base, CustomerID: `C-NEW-${i}` as CustomerId, Company: `${text} Co ${i}`, Notes: text } as Customer, lang));
}

function newFollowUps(lang: Lang): Cells[] {
  const base = sample.FollowUps[0];
  return [
    toCells("FollowUps", { ...base, FollowUpID: "F-NEW-1" as FollowUpId, Date: asOf + 0.4375, Summary: "=HYPERLINK(\"x\")", NextDate: asOf + 7 } as FollowUp, lang),
    toCells("FollowUps", { ...base, FollowUpID: "F-NEW-2" as FollowUpId, Date: asOf + 0.75, Summary: null, NextDate: null, Satisfaction: 4 } as FollowUp, lang),
  ];
}

async function workbookBytes(lang: Lang, data: Partial<CrmSnapshot>, edit?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = buildWorkbook(lang, data);
  edit?.(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function direct(bytes: Uint8Array, table: TableName, rows: readonly Cells[]): Promise<PackageAppend> {
  const reader = await openXlsxTables(bytes, "book.xlsx");
  if (!reader.ok) throw new Error("unreadable");
  return appendRowsIntoPackage(reader.value, bytes, table, rows);
}

async function fullLoad(bytes: Uint8Array, table: TableName, rows: readonly Cells[]): Promise<Uint8Array> {
  const wb = await XlsxWorkbook.fromBuffer(bytes);
  if (!wb.ok) throw new Error("unreadable");
  const appended = await wb.value.appendRows(table, rows);
  if (!appended.ok) throw new Error(appended.error.map((i) => i.message.en).join("; "));
  return wb.value.toBuffer();
}

async function streamed(bytes: Uint8Array) {
  const reader = await openXlsxTables(bytes, "book.xlsx");
  if (!reader.ok) throw new Error("unreadable");
  const read = await readSnapshot(reader.value);
  if (!read.ok) throw new Error("unreadable");
  return read.value;
}

async function loaded(bytes: Uint8Array) {
  const wb = await XlsxWorkbook.fromBuffer(bytes);
  if (!wb.ok) throw new Error("unreadable");
  const read = await readSnapshot(wb.value);
  if (!read.ok) throw new Error("unreadable");
  return read.value;
}

function written(outcome: PackageAppend): Uint8Array {
  if (outcome.kind !== "written") throw new Error(`not written: ${JSON.stringify(outcome)}`);
  return outcome.bytes;
}

const cases: [string, Lang, TableName, (lang: Lang) => Cells[], boolean][] = [
  ["customers with texts that look like formulas, zh-CN", "zh-CN", "Customers", newCustomers, false],
  ["customers, en-US", "en-US", "Customers", newCustomers, false],
  ["follow-ups with date-times and days, zh-CN", "zh-CN", "FollowUps", newFollowUps, false],
  ["follow-ups in a 1904 workbook", "en-US", "FollowUps", newFollowUps, true],
];

describe("appending straight into the package gives the workbook the full load gives", () => {
  it.each(cases)("%s", async (_name, lang, table, rows, date1904) => {
    const bytes = await workbookBytes(lang, sample, (wb) => {
      if (date1904) wb.properties.date1904 = true;
    });
    const outcome = await direct(bytes, table, rows(lang));
    const mine = written(outcome);
    const theirs = await fullLoad(bytes, table, rows(lang));
    const [a, b] = await Promise.all([streamed(mine), streamed(theirs)]);
    expect(a.snapshot).toEqual(b.snapshot);
    expect(a.rowNumbers).toEqual(b.rowNumbers);
    expect(a.issues).toEqual(b.issues);
    // exceljs reads the new XML as the streamed reader does.
    expect((await loaded(mine)).snapshot).toEqual(a.snapshot);
    // The rows are really there, after the sheet's rows.
    const before = await streamed(bytes);
    expect(a.snapshot[table].length).toBe(before.snapshot[table].length + rows(lang).length);
    expect(outcome.kind === "written" && outcome.firstRow).toBe(before.rowNumbers[table].at(-1)! + 1);
  });

  it("new cells take the look of the row above: number formats, fonts, fills", async () => {
    const bytes = await workbookBytes("zh-CN", sample);
    const mine = written(await direct(bytes, "FollowUps", newFollowUps("zh-CN")));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(mine as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(sheetNameOf(SCHEMA.FollowUps, "zh-CN"))!;
    const last = ws.rowCount;
    const above = last - 2;
    const width = SCHEMA.FollowUps.columns.length;
    for (let c = 1; c <= width; c++) {
      expect(ws.getCell(last, c).style, `column ${c}`).toEqual(ws.getCell(above, c).style);
      expect(ws.getCell(last - 1, c).style, `column ${c}`).toEqual(ws.getCell(above, c).style);
    }
    // The date-time column shows a date-time, the date column a date.
    expect(ws.getCell(last - 1, 2).numFmt).toMatch(/yyyy/);
    expect(ws.getCell(last - 1, 2).value).toBeInstanceOf(Date);
  });

  it("dropdowns and the overdue highlight reach the new rows, as on the full load", async () => {
    // The template's ranges reach 1,000 rows past the data; here they end at the last row, as after 1,000 appends.
    const lastRow = sample.FollowUps.length + 1;
    const zip = await JSZip.loadAsync(await workbookBytes("zh-CN", sample));
    const part = "xl/worksheets/sheet2.xml";
    const xml = await zip.file(part)!.async("string");
    zip.file(part, xml.replace(/(sqref="[A-Z]+2:[A-Z]+)\d+"/g, `$1${lastRow}"`));
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const rows = newFollowUps("zh-CN");
    const sheet = sheetNameOf(SCHEMA.FollowUps, "zh-CN");
    const look = async (book: Uint8Array) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(book as unknown as ArrayBuffer);
      const ws = wb.getWorksheet(sheet)!;
      const last = ws.rowCount;
      const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } }).dataValidations.model;
      const dropdowns = ["C", "D", "E", "F", "G"].map((col) => model[`${col}${last}`]?.formulae?.[0] ?? null);
      const highlight = (ws as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings.map((c) => c.ref);
      return { last, dropdowns, highlight };
    };
    const before = await look(bytes);
    expect(before.highlight).toEqual([`J2:J${lastRow}`]);
    expect(before.last).toBe(lastRow);
    const mine = await look(written(await direct(bytes, "FollowUps", rows)));
    const theirs = await look(await fullLoad(bytes, "FollowUps", rows));
    expect(mine.last).toBe(theirs.last);
    expect(mine.dropdowns).toEqual(theirs.dropdowns);
    expect(mine.dropdowns.every((f) => f !== null)).toBe(true);
    expect(mine.highlight).toEqual([`J2:J${mine.last}`]);
  });

  it("the table, its filter and the sheet's dimension grow to the new rows", async () => {
    const bytes = await workbookBytes("en-US", sample);
    const mine = written(await direct(bytes, "Customers", newCustomers("en-US")));
    const zip = await JSZip.loadAsync(mine);
    const tableXml = (await zip.file("xl/tables/table1.xml")!.async("string"))!;
    const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const bottom = sample.Customers.length + 1 + HOSTILE.length;
    expect(/<table\b[^>]*\sref="A1:([A-Z]+)(\d+)"/.exec(tableXml)?.[2]).toBe(String(bottom));
    expect(/<autoFilter\b[^>]*\sref="A1:[A-Z]+(\d+)"/.exec(tableXml)?.[1]).toBe(String(bottom));
    expect(/<dimension ref="A1:[A-Z]+(\d+)"/.exec(sheetXml)?.[1]).toBe(String(bottom));
  });

  it("every other part keeps its bytes", async () => {
    const bytes = await workbookBytes("zh-CN", sample);
    const mine = written(await direct(bytes, "Customers", newCustomers("zh-CN")));
    const [before, after] = await Promise.all([JSZip.loadAsync(bytes), JSZip.loadAsync(mine)]);
    const names = Object.keys(before.files).filter((n) => !before.files[n].dir);
    expect(Object.keys(after.files).filter((n) => !after.files[n].dir).sort()).toEqual([...names].sort());
    const changed: string[] = [];
    for (const name of names) {
      const [x, y] = await Promise.all([before.file(name)!.async("uint8array"), after.file(name)!.async("uint8array")]);
      if (Buffer.compare(Buffer.from(x), Buffer.from(y)) !== 0) changed.push(name);
    }
    expect(changed).toEqual(["xl/worksheets/sheet1.xml", "xl/tables/table1.xml"]);
  });
});

// Node only: in a browser bundle `jszip` is JSZip's prebuilt copy, whose internals are not the lib/ modules deflate-node.ts hands it.
describe("a rewritten sheet deflated natively is the same workbook, each part's checksum right", () => {
  it.each([["node's zlib (the CLI)", putDeflated]] as const)("%s", async (_name, put) => {
    const bytes = await workbookBytes("zh-CN", sample);
    const reader = await openXlsxTables(bytes, "book.xlsx");
    if (!reader.ok) throw new Error("unreadable");
    const native = written(await appendRowsIntoPackage(reader.value, bytes, "FollowUps", newFollowUps("zh-CN"), { put }));
    const zip = await JSZip.loadAsync(native, { checkCRC32: true });
    for (const name of Object.keys(zip.files)) await zip.files[name].async("uint8array");
    const jszipOwn = written(await direct(bytes, "FollowUps", newFollowUps("zh-CN")));
    expect((await streamed(native)).snapshot).toEqual((await streamed(jszipOwn)).snapshot);
    expect((await loaded(native)).snapshot).toEqual((await streamed(jszipOwn)).snapshot);
  });
});

describe("what the package writer refuses, and what it leaves to the full load", () => {
  it("a batch that breaks a rule is refused with the full load's issues, and nothing is returned", async () => {
    const bytes = await workbookBytes("en-US", sample);
    const dup = [toCells("Customers", { ...sample.Customers[0] }, "en-US")];
    const outcome = await direct(bytes, "Customers", dup);
    const wb = await XlsxWorkbook.fromBuffer(bytes);
    const theirs = wb.ok ? await wb.value.appendRows("Customers", dup) : undefined;
    expect(outcome.kind).toBe("refused");
    expect(theirs?.ok).toBe(false);
    expect(outcome.kind === "refused" && outcome.issues).toEqual(theirs && !theirs.ok && theirs.error);
    expect(outcome.kind === "refused" && outcome.issues[0].code).toBe("duplicate-id");
  });

  /** Edits the saved package's Customers table part (table1.xml). */
  const tablePart = (edit: (xml: string) => string) => async (bytes: Uint8Array): Promise<Uint8Array> => {
    const zip = await JSZip.loadAsync(bytes);
    zip.file("xl/tables/table1.xml", edit(await zip.file("xl/tables/table1.xml")!.async("string")));
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  };
  const customerDates = (wb: ExcelJS.Workbook): void => {
    const ws = wb.getWorksheet("Customers")!;
    const col = ws.getRow(1).values as unknown[];
    const at = col.indexOf("CreatedOn");
    ws.getColumn(at).eachCell((cell, row) => {
      if (row > 1) cell.numFmt = "0.00";
    });
  };
  const leftToFullLoad: [string, Partial<CrmSnapshot>, (wb: ExcelJS.Workbook) => void, Cells[], RegExp, ((bytes: Uint8Array) => Promise<Uint8Array>)?][] = [
    ["a totals row", sample, () => undefined, newCustomers("en-US"), /totals row/, tablePart((xml) => xml.replace("<table ", '<table totalsRowCount="1" '))],
    ["a calculated column", sample, () => undefined, newCustomers("en-US"), /calculated columns/, tablePart((xml) => xml.replace(/<tableColumn ([^>]*?)\/>/, "<tableColumn $1><calculatedColumnFormula>LEN(A2)</calculatedColumnFormula></tableColumn>"))],
    ["a date column whose cells show no date", sample, customerDates, newCustomers("en-US"), /CreatedOn does not show dates/],
    ["an empty table (no row to take the look from)", { ...sample, Customers: [] }, () => undefined, newCustomers("en-US"), /has no rows yet/],
    ["a text with a control character", sample, () => undefined, [{ ...newCustomers("en-US")[0], Notes: "bell\u0007" }], /characters/],
    ["a text Excel would decode (_xHHHH_)", sample, () => undefined, [{ ...newCustomers("en-US")[0], Notes: "code _x0041_" }], /characters/],
    ["a carriage return", sample, () => undefined, [{ ...newCustomers("en-US")[0], Notes: "a\r\nb" }], /characters/],
    ["merged cells in the sheet", sample, (wb) => wb.getWorksheet("Customers")!.mergeCells("AB2:AC2"), newCustomers("en-US"), /merged/],
    ["a note beside the row to fill", sample, (wb) => (wb.getWorksheet("Customers")!.getCell(sample.Customers.length + 2, 30).value = "memo"), newCustomers("en-US"), /hold something/],
  ];
  it.each(leftToFullLoad)("%s", async (_name, data, edit, rows, why, editPackage) => {
    const built = await workbookBytes("en-US", data, edit);
    const bytes = editPackage ? await editPackage(built) : built;
    const outcome = await direct(bytes, "Customers", rows);
    expect(outcome.kind).toBe("unsupported");
    expect(outcome.kind === "unsupported" && outcome.why.en).toMatch(why);
    expect(outcome.kind === "unsupported" && outcome.why.zh.length).toBeGreaterThan(0);
  });
});

describe("file mode's package port", () => {
  it("runs calls one at a time: appends made at once all land", async () => {
    const file = { bytes: await workbookBytes("zh-CN", sample) };
    const port = await XlsxPackage.open(file, "book.xlsx");
    if (!port.ok) throw new Error("unreadable");
    const [a, b] = newFollowUps("zh-CN");
    const results = await Promise.all([port.value.appendRows("FollowUps", [a]), port.value.appendRows("Customers", newCustomers("zh-CN").slice(0, 1)), port.value.appendRows("FollowUps", [b])]);
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    const after = await streamed(file.bytes);
    expect(after.snapshot.FollowUps.slice(-2).map((f) => f.FollowUpID)).toEqual(["F-NEW-1", "F-NEW-2"]);
    expect(after.snapshot.Customers.at(-1)!.CustomerID).toBe("C-NEW-0");
  });
});

const LO = "/usr/bin/libreoffice";
describe.skipIf(!existsSync(LO))("LibreOffice reads the appended rows", () => {
  it("as the texts and dates they are, no formula among them", async () => {
    const bytes = await workbookBytes("en-US", sample);
    const file = path.join(dir, "lo.xlsx");
    writeFileSync(file, written(await direct(bytes, "Customers", newCustomers("en-US"))));
    const profile = mkdtempSync(path.join(tmpdir(), "lo-profile-"));
    execFileSync(LO, [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", dir, file], { stdio: "ignore", timeout: 120_000 });
    const text = readFileSync(path.join(dir, "lo.csv"), "utf8");
    for (const [i, t] of HOSTILE.entries()) {
      expect(text).toContain(`C-NEW-${i}`);
      // CSV doubles quotes; a formula would have been computed instead.
      expect(text).toContain(t.replace(/"/g, '""'));
    }
  }, 150_000);
});

describe("tradebook import writes into the package", () => {
  const capture = (): { io: CliIO; err: string[]; out: string[] } => {
    const err: string[] = [];
    const out: string[] = [];
    return { io: { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir, lang: "en-US" }, err, out };
  };
  const csv = path.join(dir, "new.csv");
  writeFileSync(csv, `CustomerID,Company,Country,Owner,CreatedOn,Source,Email\nC-CSV-1,=Formula Looking Co,US,${sample.Salespeople[0].Name},2026-11-20,Website,a@csv.com\n`);

  const runs: [string, Partial<CrmSnapshot>, RegExp | null][] = [
    ["a workbook with customers: straight into the package, silently", sample, null],
    ["an empty Customers table: through the full load, saying what happens to the file", { ...sample, Customers: [] }, /: the table has no rows yet, so the whole workbook is saved again to add the rows \(slower for a large file\)$/],
  ];
  it.each(runs)("%s", async (name, data, note) => {
    const file = path.join(dir, `${name.slice(0, 12).replace(/\W/g, "-")}.xlsx`);
    writeFileSync(file, await workbookBytes("en-US", data));
    const c = capture();
    expect(await importCsv([file, "--table", "Customers", csv], c.io)).toBe(0);
    if (note) expect(c.err.some((l) => note.test(l))).toBe(true);
    else expect(c.err).toEqual([]);
    const after = await streamed(new Uint8Array(readFileSync(file)));
    const added = after.snapshot.Customers.at(-1)!;
    expect([added.CustomerID, added.Company]).toEqual(["C-CSV-1", "=Formula Looking Co"]);
    expect(after.snapshot.Customers.length).toBe((data.Customers?.length ?? 0) + 1);
  });

  it("keeps a chart's part byte for byte and writes in place, each part's checksum right (zlib's deflate)", async () => {
    const zip = await JSZip.loadAsync(await workbookBytes("en-US", sample));
    const chart = '<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>';
    zip.file("xl/charts/chart1.xml", chart);
    const file = path.join(dir, "chart.xlsx");
    writeFileSync(file, await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    const c = capture();
    expect(await importCsv([file, "--table", "Customers", csv], c.io)).toBe(0);
    expect(c.err).toEqual([]);
    const after = await JSZip.loadAsync(readFileSync(file), { checkCRC32: true });
    for (const name of Object.keys(after.files)) await after.files[name].async("uint8array");
    expect(await after.file("xl/charts/chart1.xml")!.async("string")).toBe(chart);
    expect((await loaded(new Uint8Array(readFileSync(file)))).snapshot.Customers.at(-1)!.CustomerID).toBe("C-CSV-1");
  });
});
