/** Parts of an .xlsx that exceljs would drop are found by looking inside the zip. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { describeRisks, inspectPackage, type RiskKind } from "../../../../workbook/xlsx/exceljs/package-risks";

async function base(): Promise<JSZip> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("客户").getCell("A1").value = "x";
  return JSZip.loadAsync(await wb.xlsx.writeBuffer());
}

describe("what exceljs would drop is found", () => {
  it.each<[string, string, string, RiskKind]>([
    ["a chart part", "xl/charts/chart1.xml", "<c:chartSpace/>", "chart"],
    ["a chart sheet", "xl/chartsheets/sheet1.xml", "<chartsheet/>", "chart"],
    ["a chart frame in a drawing", "xl/drawings/drawing1.xml", "<xdr:wsDr><xdr:graphicFrame macro=''/></xdr:wsDr>", "chart"],
    ["a shape in a drawing", "xl/drawings/drawing2.xml", "<xdr:wsDr><xdr:sp/></xdr:wsDr>", "shape"],
    ["a pivot table", "xl/pivotTables/pivotTable1.xml", "<pivotTableDefinition/>", "pivot"],
    ["a pivot cache", "xl/pivotCache/pivotCacheDefinition1.xml", "<pivotCacheDefinition/>", "pivot"],
    ["a slicer", "xl/slicers/slicer1.xml", "<slicers/>", "slicer"],
    ["a slicer cache", "xl/slicerCaches/slicerCache1.xml", "<slicerCacheDefinition/>", "slicer"],
    ["a timeline", "xl/timelines/timeline1.xml", "<timelines/>", "timeline"],
    ["a VBA project", "xl/vbaProject.bin", "binary", "macro"],
    ["an external link", "xl/externalLinks/externalLink1.xml", "<externalLink/>", "external-link"],
    ["a form control", "xl/ctrlProps/ctrlProp1.xml", "<formControlPr/>", "form-control"],
    ["threaded comments", "xl/threadedComments/threadedComment1.xml", "<ThreadedComments/>", "threaded-comment"],
    ["a query connection", "xl/connections.xml", "<connections/>", "connection"],
    ["an embedded object", "xl/embeddings/oleObject1.bin", "binary", "embedded-object"],
    ["x14 data validations in a sheet", "xl/worksheets/sheet8.xml", "<worksheet><extLst><ext><x14:dataValidations count='1'/></ext></extLst></worksheet>", "extended-validation"],
    ["sparklines in a sheet", "xl/worksheets/sheet9.xml", "<worksheet><extLst><x14:sparklineGroups/></extLst></worksheet>", "sparkline"],
  ])("%s", async (_label, path, content, kind) => {
    const zip = await base();
    zip.file(path, content);
    const risks = await inspectPackage(await zip.generateAsync({ type: "uint8array" }));
    expect(risks.parts).toContainEqual({ kind, path });
  });

  it("a macro-enabled content type is a macro", async () => {
    const zip = await base();
    const types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
    zip.file("[Content_Types].xml", types.replace("</Types>", '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>'));
    const risks = await inspectPackage(await zip.generateAsync({ type: "uint8array" }));
    expect(risks.parts.map((p) => p.kind)).toContain("macro");
  });

  it.each([
    ["a plain exceljs workbook", async () => (await base()).generateAsync({ type: "uint8array" })],
    ["bytes that are not a zip", async () => new TextEncoder().encode("not a zip")],
  ])("nothing is found in %s", async (_label, bytes) => {
    expect((await inspectPackage(await bytes())).parts).toEqual([]);
  });

  it("names each kind once in both languages", () => {
    const text = describeRisks({ parts: [{ kind: "chart", path: "a" }, { kind: "chart", path: "b" }, { kind: "macro", path: "c" }] });
    expect(text).toEqual({ zh: "图表、宏（VBA）", en: "charts, macros (VBA)" });
  });
});
