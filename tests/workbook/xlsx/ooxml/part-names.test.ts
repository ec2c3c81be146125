/**
 * One resolver of part names (workbook/xlsx/ooxml/part-names.ts) for the
 * streamed reader and the package writer: a sheet whose part name needs
 * escaping in its relationship ("sheet%201.xml" for "sheet 1.xml"), or whose
 * target differs in case from its zip entry, is the same part in both paths,
 * and its table reads.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { openXlsxTables } from "../../../../workbook/node/stream-reader";
import { relsPathOf, resolvePart } from "../../../../workbook/xlsx/ooxml/part-names";
import { listSheets } from "../../../../workbook/xlsx/package/workbook-xml";
import { readPackageMap } from "../../../../workbook/xlsx/stream/package-map";
import { ZipParts } from "../../../../workbook/xlsx/stream/zip-parts";
import { value } from "../../../support/result";

describe("a relationship target resolves to one part name", () => {
  it.each([
    ["xl/workbook.xml", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/workbook.xml", "/xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/worksheets/sheet1.xml", "../tables/table1.xml", "xl/tables/table1.xml"],
    ["xl/workbook.xml", "worksheets/sheet%201.xml", "xl/worksheets/sheet 1.xml"],
    ["xl/workbook.xml", "worksheets/%E5%AE%A2%E6%88%B7.xml", "xl/worksheets/客户.xml"],
    ["xl/workbook.xml", "worksheets/100%.xml", "xl/worksheets/100%.xml"],
  ])("%s → %s", (from, target, part) => {
    expect(resolvePart(from, target)).toBe(part);
  });

  it("the relationships part", () => {
    expect(relsPathOf("xl/workbook.xml")).toBe("xl/_rels/workbook.xml.rels");
    expect(relsPathOf("")).toBe("_rels/.rels");
  });
});

/** A one-sheet workbook whose sheet part is renamed to `entry`, its relationship pointing at it as `target`. */
async function renamedSheet(entry: string, target: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Salespeople");
  ws.addRow(["Name", "HireDate", "Manager", "BaseSalaryCNY", "Active", "Email"]);
  ws.addRow(["Li Lei", 45000, null, 8000, "Y", null]);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("uint8array");
  zip.remove("xl/worksheets/sheet1.xml");
  zip.file(entry, sheet);
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  zip.file("xl/_rels/workbook.xml.rels", rels.replace('Target="worksheets/sheet1.xml"', `Target="${target}"`));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

describe("the streamed reader and the package writer find the same sheet part", () => {
  it.each([
    ["an escaped space", "xl/worksheets/sheet 1.xml", "worksheets/sheet%201.xml"],
    ["escaped Chinese", "xl/worksheets/业务员.xml", "worksheets/%E4%B8%9A%E5%8A%A1%E5%91%98.xml"],
    ["another case", "xl/worksheets/Sheet1.xml", "worksheets/sheet1.xml"],
  ])("%s", async (_name, entry, target) => {
    const bytes = await renamedSheet(entry, target);
    const zip = await JSZip.loadAsync(bytes);
    const written = listSheets(await zip.file("xl/workbook.xml")!.async("string"), await zip.file("xl/_rels/workbook.xml.rels")!.async("string"), "xl/workbook.xml");
    const map = await readPackageMap(await ZipParts.open(bytes));
    expect(map.sheets.map((s) => s.path)).toEqual(written.map((s) => s.part));
    expect(map.sheets[0].path.toLowerCase()).toBe(entry.toLowerCase());
    const reader = value(await openXlsxTables(bytes, "book.xlsx"));
    expect(value(await reader.readTable("Salespeople", ["Name"])).rows.map((r) => r.cells.Name)).toEqual(["Li Lei"]);
  });
});
