/**
 * Writing a report into the package leaves every other part as it was:
 * only the parts a new sheet must be listed in change, charts (which exceljs
 * would drop) keep their bytes, a stale calculation chain goes, and a
 * replaced sheet takes only its own parts with it.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { ReportSheet } from "../../../../core/report/sheet";
import { renderedParts, writeReportSheetsIntoPackage } from "../../../../workbook/xlsx/package/report";
import { transplantSheet } from "../../../../workbook/xlsx/package/report-sheet-xml";
import { mergeStyles } from "../../../../workbook/xlsx/package/styles";
import { listSheets, placeSheet } from "../../../../workbook/xlsx/package/workbook-xml";
import { bytesOf, entries, load, reviewReport, templateBytes, text, weeklyReports } from "../package/support";

/** The only parts a written report may change (besides adding its sheet). */
const EDITED = ["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml"];

async function write(source: Uint8Array, sheets: readonly ReportSheet[]): Promise<Uint8Array> {
  const r = await writeReportSheetsIntoPackage(source, sheets, "book.xlsx");
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const CHART_PARTS = {
  "xl/worksheets/_rels/sheet1.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
  "xl/drawings/drawing1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
  "xl/drawings/_rels/drawing1.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>`,
  "xl/charts/chart1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>Data!$B$1:$B$3</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`,
};

/** Sheet "Data" (sheet1) with a column chart over B1:B3, as Excel links one; `withOld` adds an old report sheet with a chart of its own. */
async function withChart(withOld = false): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet("Data");
  data.addRows([["a", 1], ["b", 2], ["c", 3]]);
  if (withOld) wb.addWorksheet("Review 2026-Q3").getCell("A1").value = "old";
  const zip = await JSZip.loadAsync(await bytesOf(wb));
  const sheets = withOld ? [1, 2] : [1];
  for (const n of sheets) {
    const sheet = (await zip.file(`xl/worksheets/sheet${n}.xml`)?.async("string")) ?? "";
    zip.file(`xl/worksheets/sheet${n}.xml`, sheet.replace("</worksheet>", `<drawing r:id="rId1"/></worksheet>`));
    for (const [path, xml] of Object.entries(CHART_PARTS)) zip.file(path.replace(/sheet1|drawing1|chart1/, (m) => m.replace("1", String(n))), xml.replace(/drawing1|chart1/, (m) => m.replace("1", String(n))));
  }
  let types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  for (const n of sheets) {
    types = types.replace(
      "</Types>",
      `<Override PartName="/xl/drawings/drawing${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/><Override PartName="/xl/charts/chart${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`,
    );
  }
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** A template with a calculation chain, as Excel saves one. */
async function withCalcChain(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await templateBytes("en-US"));
  zip.file("xl/calcChain.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A2" i="1"/></calcChain>`);
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  zip.file("xl/_rels/workbook.xml.rels", rels.replace("</Relationships>", `<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>`));
  const types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  zip.file("[Content_Types].xml", types.replace("</Types>", `<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>`));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

describe("every part but the edited ones keeps its bytes", () => {
  it.each<[string, () => Promise<Uint8Array>, ReportSheet[], string[]]>([
    ["review into a zh-CN template", () => templateBytes("zh-CN"), [reviewReport("zh-CN")], ["xl/worksheets/sheet14.xml"]],
    ["every salesperson's weekly report into an en-US template", () => templateBytes("en-US"), weeklyReports("en-US"), weeklyReports("en-US").map((_, i) => `xl/worksheets/sheet${14 + i}.xml`)],
    ["review into a workbook with a chart", () => withChart(), [reviewReport("en-US")], ["xl/worksheets/sheet2.xml"]],
  ])("%s", async (_label, source, sheets, added) => {
    const bytes = await source();
    const before = await entries(bytes);
    const out = await write(bytes, sheets);
    const after = await entries(out);
    expect([...after.keys()].filter((n) => !before.has(n)).sort()).toEqual([...added].sort());
    expect([...before.keys()].filter((n) => !after.has(n))).toEqual([]);
    const changed = [...before.keys()].filter((n) => Buffer.compare(Buffer.from(before.get(n) ?? []), Buffer.from(after.get(n) ?? [])) !== 0);
    expect(changed.sort()).toEqual([...EDITED].sort());
    await expect(load(out)).resolves.toBeDefined();
  });
});

describe("a stale calculation chain goes, with its relationship and content type", () => {
  it.each([["review", [reviewReport("en-US")]], ["weekly reports", weeklyReports("en-US")]])("%s", async (_label, sheets) => {
    const out = await write(await withCalcChain(), sheets);
    expect((await entries(out)).has("xl/calcChain.xml")).toBe(false);
    expect(await text(out, "xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    expect(await text(out, "[Content_Types].xml")).not.toContain("calcChain");
  });
});

describe("a replaced sheet takes only its own parts with it", () => {
  it("the old report's drawing and chart go; the data sheet's stay byte for byte", async () => {
    const source = await withChart(true);
    const before = await entries(source);
    const out = await write(source, [reviewReport("en-US")]);
    const after = await entries(out);
    for (const part of ["xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels", "xl/charts/chart1.xml", "xl/worksheets/_rels/sheet1.xml.rels"]) expect(after.get(part)).toEqual(before.get(part));
    for (const part of ["xl/worksheets/sheet2.xml", "xl/worksheets/_rels/sheet2.xml.rels", "xl/drawings/drawing2.xml", "xl/charts/chart2.xml"]) expect(after.has(part)).toBe(false);
    const types = await text(out, "[Content_Types].xml");
    expect(types).toContain("/xl/charts/chart1.xml");
    expect(types).not.toContain("/xl/charts/chart2.xml");
    expect((await load(out)).worksheets.map((w) => w.name)).toEqual(["Data", "Review 2026-Q3"]);
  });
});

describe("styles are appended to the target's, and indices remapped", () => {
  const target = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="0.000"/><numFmt numFmtId="170" formatCode="0.0%"/></numFmts><fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="1"><dxf><font><b/></font></dxf></dxfs><tableStyles count="0"/></styleSheet>`;
  const report = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="10"/><name val="Microsoft YaHei"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0"/><xf numFmtId="165" fontId="1" fillId="1" borderId="0" xfId="0"/></cellXfs><dxfs count="1"><dxf><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs></styleSheet>`;
  const merged = mergeStyles(target, report);

  it.each([
    ["a custom format the target has keeps the target's id", `<numFmt numFmtId="170" formatCode="0.0%"/>`, 1],
    ["a new custom format gets a free id", `<numFmt numFmtId="171" formatCode="yyyy-mm-dd"/>`, 1],
    ["identical fills are reused, not added", `<patternFill patternType="gray125"/>`, 1],
    ["a new font is appended", `<name val="Microsoft YaHei"/>`, 1],
    ["cell formats point at the remapped parts", `<xf numFmtId="170" fontId="2" fillId="0" borderId="0" xfId="0"/>`, 1],
    ["… and the gray fill the target already had", `<xf numFmtId="171" fontId="2" fillId="1" borderId="0" xfId="0"/>`, 1],
    ["the target's conditional format stays first", `<dxfs count="2"><dxf><font><b/></font></dxf><dxf><fill>`, 1],
    ["counts follow", `<cellXfs count="4">`, 1],
  ])("%s", (_label, fragment, times) => {
    expect(merged.xml.split(fragment).length - 1).toBe(times);
  });

  it("a target without <dxfs> gets one in schema order; an <x14:dxfs> in its extLst is not it", () => {
    const bare = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><cellXfs count="1"><xf/></cellXfs><extLst><ext><x14:dxfs count="1"><dxf><font><i/></font></dxf></x14:dxfs></ext></extLst></styleSheet>`;
    const out = mergeStyles(bare, report);
    expect(out.xml).toContain(`<dxfs count="1"><dxf><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs><extLst><ext><x14:dxfs count="1"><dxf><font><i/></font></dxf></x14:dxfs></ext></extLst>`);
    expect(out.xml).toContain(`<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/></numFmts><fonts count="3">`);
    expect(out.maps.dxf).toEqual([0]);
  });

  it("maps the report's formats: 0 to the target's default, the others after the target's", () => {
    expect(merged.maps).toEqual({ xf: [0, 2, 3], dxf: [1] });
  });

  it.each([
    ["a shared string becomes an inline string", `<c r="A1" s="1" t="s"><v>0</v></c>`, `<c r="A1" s="2" t="inlineStr"><is><t xml:space="preserve">R&amp;D </t></is></c>`],
    ["a number keeps its value", `<c r="B1" s="2"><v>12.5</v></c>`, `<c r="B1" s="3"><v>12.5</v></c>`],
    ["an empty styled cell", `<c r="C1" s="2"/>`, `<c r="C1" s="3"/>`],
    ["a conditional format points at its dxf", `<cfRule type="cellIs" dxfId="0" priority="1">`, `<cfRule type="cellIs" dxfId="1" priority="1">`],
    ["the sheet is not selected (two selected tabs group sheets)", `<sheetView tabSelected="1" workbookViewId="0">`, `<sheetView workbookViewId="0">`],
  ])("%s", (_label, xml, expected) => {
    expect(transplantSheet(xml, [`<t xml:space="preserve">R&amp;D </t>`], merged.maps)).toBe(expected);
  });
});

describe("parts written with a namespace prefix (x:) get prefixed additions", () => {
  const workbook = `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="Data &amp; more" sheetId="3" rel:id="rId1"/></x:sheets><x:calcPr/></x:workbook>`;
  const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>`;
  const names = [`<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;R&apos;!$1:$2</definedName>`];

  it.each([
    ["sheets are listed with decoded names and resolved parts", () => JSON.stringify(listSheets(workbook, rels, "xl/workbook.xml")), `[{"name":"Data & more","index":0,"relId":"rId1","part":"xl/worksheets/sheet1.xml"}]`],
    [
      "a new sheet goes last, with a free sheetId and its print titles in a new <definedNames>",
      () => placeSheet(workbook, { name: "R", relId: "rId9", replacing: undefined, definedNames: names }),
      `<x:sheets><x:sheet name="Data &amp; more" sheetId="3" rel:id="rId1"/><x:sheet name="R" sheetId="4" rel:id="rId9"/></x:sheets><x:definedNames><x:definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;R&apos;!$1:$2</x:definedName></x:definedNames><x:calcPr/>`,
    ],
    [
      "a replaced sheet keeps its place",
      () => placeSheet(workbook, { name: "Data & more", relId: "rId9", replacing: listSheets(workbook, rels, "xl/workbook.xml")[0], definedNames: [] }),
      `<x:sheets><x:sheet name="Data &amp; more" sheetId="4" rel:id="rId9"/></x:sheets><x:calcPr/>`,
    ],
    ["styles", () => mergeStyles(`<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:fonts count="1"><x:font/></x:fonts></x:styleSheet>`, `<styleSheet><fonts count="1"><font><b/></font></fonts></styleSheet>`).xml, `<x:fonts count="2"><x:font/><x:font><x:b/></x:font></x:fonts>`],
  ])("%s", (_label, make, expected) => {
    expect(make()).toContain(expected);
  });
});

describe("a rendered sheet with parts of its own is refused, not half moved", () => {
  it.each<[string, (ws: ExcelJS.Worksheet) => void, RegExp]>([
    ["a hyperlink", (ws) => (ws.getCell("A1").value = { text: "site", hyperlink: "https://example.com" }), /links to hyperlink/],
    ["a comment", (ws) => (ws.getCell("A1").note = "note"), /links to (comments|vmlDrawing)/],
  ])("%s", async (_label, add, message) => {
    const wb = new ExcelJS.Workbook();
    add(wb.addWorksheet("R"));
    await expect(renderedParts(await bytesOf(wb))).rejects.toThrow(message);
  });

  it("a plain one is taken apart: sheet, styles, strings, print titles", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("R", { pageSetup: { printTitlesRow: "1:2" } });
    ws.getCell("A1").value = "title";
    const parts = await renderedParts(await bytesOf(wb));
    expect(parts.strings).toEqual(["<t>title</t>"]);
    expect(parts.definedNames).toEqual([`<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;R&apos;!$1:$2</definedName>`]);
    expect(parts.sheetXml).toContain(`<c r="A1" t="s"><v>0</v></c>`);
  });
});
