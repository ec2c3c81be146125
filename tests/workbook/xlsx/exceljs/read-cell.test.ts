/** A cell reads as what the user sees in it: text, number, yes/no, a date serial, or blank. */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { from1904, serialFromDateTime, serialFromYMD } from "../../../../core/contract/dates";
import type { CellValue } from "../../../../core/contract/raw";
import { readCell, readExcelCell } from "../../../../workbook/xlsx/exceljs/read-cell";

describe("exceljs cell values become plain port values", () => {
  it.each<[string, ExcelJS.CellValue, boolean, CellValue]>([
    ["blank", null, false, null],
    ["undefined", undefined, false, null],
    ["text", "Acme", false, "Acme"],
    ["number", 12.5, false, 12.5],
    ["boolean", true, false, true],
    ["a date becomes its 1900 serial", new Date(Date.UTC(2026, 10, 27)), false, serialFromYMD(2026, 11, 27)],
    ["a date-time keeps its time of day", new Date(Date.UTC(2026, 10, 27, 9, 30)), false, serialFromDateTime(2026, 11, 27, 9, 30)],
    ["a plain number in a 1904 date column is shifted", 45000, true, from1904(45000)],
    ["rich text becomes its text", { richText: [{ text: "Ac" }, { text: "me", font: { bold: true } }] }, false, "Acme"],
    ["a hyperlink becomes its text", { text: "our site", hyperlink: "https://example.com" }, false, "our site"],
    ["a formula becomes its cached result", { formula: "1+1", result: 2 }, false, 2],
    ["a formula's date result becomes a serial", { formula: "TODAY()", result: new Date(Date.UTC(2026, 0, 5)) }, false, serialFromYMD(2026, 1, 5)],
    ["a formula without a result is blank", { formula: "A1" }, false, null],
    ["a shared formula becomes its cached result", { sharedFormula: "B2", result: "x" }, false, "x"],
    ["an error shows as its code", { error: "#N/A" }, false, "#N/A"],
    ["a formula error shows as its code", { formula: "1/0", result: { error: "#DIV/0!" } }, false, "#DIV/0!"],
  ])("%s", (_rule, value, date1904, expected) => {
    expect(readCell(value, date1904)).toEqual(expected);
  });
});

describe("a formula's cached result survives a load, falsy or not", () => {
  // exceljs's value getter drops a cached 0 or FALSE; readExcelCell reads it back.
  it.each<[string, ExcelJS.CellFormulaValue, CellValue]>([
    ["a formula showing 0 reads 0", { formula: "1-1", result: 0 }, 0],
    ["a formula showing FALSE reads FALSE", { formula: "1=2", result: false }, false],
    ["a formula showing 3 reads 3", { formula: "1+2", result: 3 }, 3],
    ["a formula showing an empty text reads blank", { formula: "\"\"", result: "" }, null],
  ])("%s", async (_rule, formula, expected) => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").getCell("A1").value = formula;
    const loaded = new ExcelJS.Workbook();
    await loaded.xlsx.load(await wb.xlsx.writeBuffer());
    expect(readExcelCell(loaded.getWorksheet("S")!.getCell("A1"))).toStrictEqual(expected);
  });
});
