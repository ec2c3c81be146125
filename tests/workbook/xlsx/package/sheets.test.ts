/**
 * Which sheet a report becomes in the package (XlsxWorkbook.writeReportSheet's
 * rules): a safe name; a data sheet is never replaced and nothing is written;
 * a report of the same name is replaced where it stands, with its old defined
 * names gone; a new one goes last; several go in order.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Issue } from "../../../../core/contract/issues";
import type { ReportSheet } from "../../../../core/report/sheet";
import { writeReportSheetsIntoPackage } from "../../../../workbook/xlsx/package/report";
import { XlsxWorkbook } from "../../../../workbook/xlsx/exceljs/xlsx-workbook";
import { bytesOf, entries, load, reviewReport, templateBytes, text, weeklyReports } from "./support";

const review = reviewReport("en-US");

async function write(source: Uint8Array, sheets: readonly ReportSheet[]): Promise<Uint8Array> {
  const r = await writeReportSheetsIntoPackage(source, sheets, "book.xlsx");
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** Sheets A, an old "Review 2026-Q3" with a print area and titles, and B with a print area of its own. */
async function withOldReview(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("A").getCell("A1").value = "a";
  const old = wb.addWorksheet("Review 2026-Q3", { pageSetup: { printArea: "A1:C3", printTitlesRow: "1:1" } });
  old.getCell("A1").value = "old review";
  const b = wb.addWorksheet("B", { pageSetup: { printArea: "A1:B2" } });
  b.getCell("A1").value = "b";
  return bytesOf(wb);
}

describe("a report of an existing report's name replaces it where it stands", () => {
  it.each([
    ["one sheet", [review]],
    ["the same sheet twice in one call", [review, review]],
  ])("%s", async (_label, sheets) => {
    const out = await write(await withOldReview(), sheets);
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["A", "Review 2026-Q3", "B"]);
    const ws = wb.getWorksheet("Review 2026-Q3");
    expect(ws?.getCell("A1").value).toBe(review.cells.find((c) => c.row === 1 && c.col === 1)?.value);
    expect(ws?.pageSetup.printArea).toBeUndefined();
    expect(ws?.pageSetup.printTitlesRow).toBe("1:2");
    expect(wb.getWorksheet("B")?.pageSetup.printArea).toBe("A1:B2");
    // B's own name is kept as it was written; the old report's print area and titles are gone.
    const names = (await text(out, "xl/workbook.xml")).match(/<definedName [^>]*>[^<]*/g);
    expect(names).toEqual([`<definedName name="_xlnm.Print_Area" localSheetId="2">&apos;B&apos;!$A1:$B2`, `<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;Review 2026-Q3&apos;!$1:$2`]);
    // The old sheet's part is gone, not left behind.
    expect([...(await entries(out)).keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))).toHaveLength(3);
  });
});

describe("a report of a new name goes last", () => {
  it.each([
    ["a blank template (zh-CN)", () => templateBytes("zh-CN"), 13],
    ["sheets with print areas", withOldReview, 3],
  ])("%s", async (_label, source, count) => {
    const sheet = reviewReport("zh-CN");
    const wb = await load(await write(await source(), [sheet]));
    expect(wb.worksheets).toHaveLength(count + 1);
    expect(wb.worksheets[count].name).toBe(sheet.name);
    expect(wb.worksheets[count].pageSetup.printTitlesRow).toBe("1:2");
  });
});

describe("several reports in one call go in order", () => {
  it.each(["zh-CN", "en-US"] as const)("%s weekly reports", async (lang) => {
    const sheets = weeklyReports(lang);
    const once = await write(await templateBytes(lang), sheets);
    const wb = await load(once);
    expect(wb.worksheets.slice(13).map((w) => w.name)).toEqual(sheets.map((s) => s.name));
    // Each weekly report repeats its key customers' column headers.
    wb.worksheets.slice(13).forEach((ws, i) => expect(ws.pageSetup.printTitlesRow).toBe(`${sheets[i].print.titleRows?.from}:${sheets[i].print.titleRows?.to}`));
    // Writing the same reports again replaces them and adds no styles.
    const twice = await write(once, sheets);
    expect((await load(twice)).worksheets.map((w) => w.name)).toEqual(wb.worksheets.map((w) => w.name));
    expect(await text(twice, "xl/styles.xml")).toBe(await text(once, "xl/styles.xml"));
  });
});

describe("the name is made safe as XlsxWorkbook makes it", () => {
  it.each([
    // Changed or cut, a name is tagged with the original (core/report/sheet.ts), so two such names never meet.
    ["forbidden characters", "Review a/b:c", "Review a-b-c~1skw"],
    ["more than 31 characters", "Weekly Alexandra Konstantinopoulou", "Weekly Alexandra Konstanti~ciz6"],
    ["XML's special characters", `Review R&D's <"Q3">`, `Review R&D's <"Q3">`],
  ])("%s", async (_label, name, safe) => {
    const wb = await load(await write(await templateBytes("en-US"), [{ ...review, name }]));
    expect(wb.worksheets.at(-1)?.name).toBe(safe);
  });
});

/** The issue XlsxWorkbook gives for the same write. */
async function issueOfXlsxWorkbook(source: Uint8Array, sheets: readonly ReportSheet[]): Promise<readonly Issue[]> {
  const opened = await XlsxWorkbook.fromBuffer(source, "book.xlsx");
  if (!opened.ok) throw new Error("unreadable");
  for (const s of sheets) {
    const r = await opened.value.writeReportSheet(s);
    if (!r.ok) return r.error;
  }
  return [];
}

/** A sheet "Clients 2026" holding an Excel table named Customers. */
async function withCustomersTable(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Clients 2026").addTable({ name: "Customers", ref: "A1", columns: [{ name: "CustomerID" }], rows: [["C1"]] });
  return bytesOf(wb);
}

describe("a data sheet is never replaced, and nothing is written", () => {
  it.each<[string, () => Promise<Uint8Array>, (s: ReportSheet) => ReportSheet[], string]>([
    ["a name that is a contract table's (zh)", () => templateBytes("zh-CN"), (s) => [{ ...s, name: "客户" }], "data-sheet"],
    ["a name that is a contract table's, even with no such sheet", withOldReview, (s) => [{ ...s, name: "Customers" }], "data-sheet"],
    ["a sheet holding an Excel table named like a contract table", withCustomersTable, (s) => [{ ...s, name: "Clients 2026" }], "data-sheet"],
    ["a refused sheet after a good one", withCustomersTable, (s) => [s, { ...s, name: "Clients 2026" }], "data-sheet"],
    ["a name that differs from a sheet's only in case", withOldReview, (s) => [{ ...s, name: "REVIEW 2026-q3" }], "report-failed"],
  ])("%s", async (_label, source, sheets, code) => {
    const bytes = await source();
    const r = await writeReportSheetsIntoPackage(bytes, sheets(review), "book.xlsx");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error[0].code).toBe(code);
    // The same issue, word for word, as the exceljs writer gives.
    expect(r.error).toEqual(await issueOfXlsxWorkbook(bytes, sheets(review)));
  });

  it("bytes that are not an .xlsx give an issue naming the file", async () => {
    const r = await writeReportSheetsIntoPackage(new TextEncoder().encode("not a zip"), [review], "book.xlsx");
    expect(r.ok ? [] : r.error.map((i) => [i.code, i.sheet])).toEqual([["unreadable", "book.xlsx"]]);
  });
});

describe("the workbook's date system is kept", () => {
  it.each([false, true])("date1904 %s", async (date1904) => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = date1904;
    const data = wb.addWorksheet("Data");
    data.getCell("A1").value = new Date(Date.UTC(2026, 6, 1));
    const out = await load(await write(await bytesOf(wb), [review]));
    expect(out.properties.date1904 === true).toBe(date1904);
    expect(out.getWorksheet("Data")?.getCell("A1").value).toEqual(new Date(Date.UTC(2026, 6, 1)));
    expect(out.getWorksheet(review.name)?.getCell(1, 1).value).toBe(review.cells[0].value);
  });
});

describe("texts are inline strings; what XML cannot hold is escaped as OOXML says", () => {
  const cellXml = async (value: string): Promise<string> => {
    const out = await write(await templateBytes("en-US"), [{ ...review, name: "Texts", cells: [{ row: 1, col: 1, value }], merges: [], conditional: [], dataBars: [] }]);
    return /<c r="A1"[\s\S]*?<\/c>/.exec(await text(out, "xl/worksheets/sheet14.xml"))?.[0] ?? "";
  };
  // Excel and LibreOffice decode _xHHHH_ in inline strings; exceljs's reader does not, so a carriage return goes as &#13;.
  it.each([
    ["plain text", "Paid CNY", `<t>Paid CNY</t>`],
    ["spaces at the ends are kept", " x ", `<t xml:space="preserve"> x </t>`],
    ["markup characters", `<&>"'`, `<t>&lt;&amp;&gt;&quot;&apos;</t>`],
    ["a carriage return as a character reference", "a\r\nb", `<t xml:space="preserve">a&#13;\nb</t>`],
    ["a control character as its escape", "a\u0001b", `<t>a_x0001_b</t>`],
    ["a literal escape sequence, escaped itself", "_x000D_", `<t>_x005F_x000D_</t>`],
  ])("%s", async (_label, value, expected) => {
    const cell = await cellXml(value);
    expect(cell).toContain(`t="inlineStr"><is>${expected}</is></c>`);
  });

  it("the workbook's shared strings are not touched", async () => {
    const source = await templateBytes("en-US");
    const out = await write(source, [review]);
    expect(await text(out, "xl/sharedStrings.xml")).toBe(await text(source, "xl/sharedStrings.xml"));
    expect(await text(out, "xl/worksheets/sheet14.xml")).not.toContain(`t="s"`);
  });
});
