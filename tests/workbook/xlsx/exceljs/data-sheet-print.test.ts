/**
 * Every data sheet's print setup in an .xlsx file (data-sheet-print.ts), read
 * back from real bytes: the template's sheets, the sheets ensureStructure
 * creates, and that it is kept when a writer mends a sheet (missing columns
 * added), saves through exceljs, or appends rows into the package.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { SCHEMA, TABLE_NAMES, sheetNameOf, type Lang } from "../../../../core/contract/schema";
import { dataSheetPrint } from "../../../../core/report/data-sheet-print";
import { buildWorkbook } from "../../../../templates/builder";
import { XlsxWorkbook } from "../../../../workbook/xlsx/exceljs/xlsx-workbook";
import { applyDataSheetPrint } from "../../../../workbook/xlsx/exceljs/data-sheet-print";
import { XlsxPackage } from "../../../../workbook/xlsx/package/xlsx-package";
import { value } from "../../../support/result";
import { bytesOf, load } from "../package/support";

/** What a data sheet's print setup should read back as. */
function expected(table: (typeof TABLE_NAMES)[number], lang: Lang) {
  const print = dataSheetPrint(table, lang);
  return {
    pageSetup: {
      paperSize: 9,
      orientation: print.orientation,
      fitToPage: true,
      fitToWidth: print.fitToWidth,
      fitToHeight: 0,
      printTitlesRow: "1:1",
      ...(print.titleColumns ? { printTitlesColumn: table === "Customers" ? "A:B" : "A:A" } : {}),
    },
    oddHeader: "&C&A",
    oddFooter: lang === "zh-CN" ? "&R第 &P 页 / 共 &N 页" : "&RPage &P of &N",
  };
}

function expectPrintSetup(wb: ExcelJS.Workbook, table: (typeof TABLE_NAMES)[number], lang: Lang): void {
  const ws = wb.getWorksheet(sheetNameOf(SCHEMA[table], lang));
  const want = expected(table, lang);
  expect(ws?.pageSetup).toMatchObject(want.pageSetup);
  expect(ws?.headerFooter.oddHeader).toBe(want.oddHeader);
  expect(ws?.headerFooter.oddFooter).toBe(want.oddFooter);
}

describe.each(["zh-CN", "en-US"] as const)("the template, %s", (lang) => {
  it.each(TABLE_NAMES)("%s prints on A4, fit to width, header row repeated", async (table) => {
    expectPrintSetup(await load(await bytesOf(buildWorkbook(lang))), table, lang);
  });
});

describe("writers keep it", () => {
  it("ensureStructure gives the sheets it creates the same print setup", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").getCell("A1").value = "mine";
    const x = XlsxWorkbook.fromWorkbook(wb);
    expect(value(await x.ensureStructure("en-US")).createdTables).toEqual([...TABLE_NAMES]);
    const back = await load(new Uint8Array(await x.toBuffer()));
    for (const table of TABLE_NAMES) expectPrintSetup(back, table, "en-US");
    // A sheet that is not a contract table is left as it was.
    expect(back.getWorksheet("Notes")?.pageSetup.paperSize).toBeUndefined();
  });

  it("mending a sheet (missing columns added) and saving through exceljs keeps its print setup", async () => {
    const template = buildWorkbook("zh-CN");
    // An older Salespeople sheet, a plain range without the last column, printed as the template prints it.
    const old = template.getWorksheet("业务员");
    if (old) template.removeWorksheet(old.id);
    const columns = SCHEMA.Salespeople.columns;
    const ws = template.addWorksheet("业务员");
    ws.addRow(columns.slice(0, -1).map((c) => c.zh));
    ws.addRow(["王芳", new Date(Date.UTC(2025, 0, 6))]);
    applyDataSheetPrint(ws, "Salespeople", "zh-CN");
    const x = must(await XlsxWorkbook.fromBuffer(await bytesOf(template)));
    expect(value(await x.ensureStructure("zh-CN")).addedColumns).toEqual([{ table: "Salespeople", column: columns[columns.length - 1].key }]);
    const back = await load(new Uint8Array(await x.toBuffer()));
    expect(back.getWorksheet("业务员")?.getCell(1, columns.length).value).toBe(columns[columns.length - 1].zh);
    for (const table of TABLE_NAMES) expectPrintSetup(back, table, "zh-CN");
  });

  it("rows appended into the package leave the sheet's print setup as it was", async () => {
    const file = { bytes: await bytesOf(buildWorkbook("en-US")) };
    const port = value(await XlsxPackage.open(file, "book.xlsx"));
    value(await port.appendRows("Payments", [{ PaymentID: "P-1", OrderID: "O-1", Date: 46000, Currency: "USD", Amount: 100, RateToCNY: 7.1 }]));
    const back = await load(file.bytes);
    expect(back.getWorksheet("Payments")?.getCell("A2").value).toBe("P-1");
    for (const table of TABLE_NAMES) expectPrintSetup(back, table, "en-US");
  });
});

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}
