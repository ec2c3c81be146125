/**
 * The port contract against the package port (workbook/xlsx/package/xlsx-package.ts):
 * the same fixture file as the exceljs adapter's harness, its bytes held in
 * one PackageFile. "Another user" loads those bytes in exceljs, edits and
 * saves them; two writers are two ports over the same file.
 */
import { XlsxPackage, type PackageFile } from "../../../workbook/xlsx/package/xlsx-package";
import { XlsxWorkbook } from "../../../workbook/xlsx/exceljs/xlsx-workbook";
import type { MakeHarness } from "../harness";
import { value as must } from "../../support/result";
import { buildFixtureXlsx, gridOf, rewriteWorksheet } from "./xlsx";

const loaded = async (file: PackageFile): Promise<XlsxWorkbook> => must(await XlsxWorkbook.fromBuffer(file.bytes, "fixture.xlsx"));

export const makeXlsxPackageHarness: MakeHarness = async (fixture) => {
  const file: PackageFile = { bytes: await buildFixtureXlsx(fixture) };
  return {
    port: new XlsxPackage(file, "fixture.xlsx"),
    reopen: async () => new XlsxPackage({ bytes: file.bytes }, "fixture.xlsx"),
    grid: async (sheet) => {
      const ws = (await loaded(file)).workbook.getWorksheet(sheet);
      if (!ws) throw new Error(`no sheet ${sheet}`);
      return gridOf(ws);
    },
    rewriteSheet: async (sheet, rewrite) => {
      // Another user in Excel: rewrites the cells, the table grows with them, and the file is saved.
      const wb = await loaded(file);
      rewriteWorksheet(wb.workbook, sheet, rewrite);
      file.bytes = await wb.toBuffer();
    },
    twoWriters: async () => [new XlsxPackage(file, "shared.xlsx"), new XlsxPackage(file, "shared.xlsx")] as const,
  };
};
