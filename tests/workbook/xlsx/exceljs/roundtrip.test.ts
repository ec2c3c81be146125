/**
 * A user's own workbook survives TradeBook: open → append → save → reopen
 * keeps every sheet, column, formula, note, merge, style, number format and
 * defined name exceljs can carry; a file holding parts exceljs would drop is
 * never saved over; saves are atomic.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { serialFromYMD, utcDateFromSerial } from "../../../../core/contract/dates";
import type { CellValue } from "../../../../core/contract/raw";
import { openXlsx, saveXlsx } from "../../../../workbook/node/xlsx-file";
import { XlsxWorkbook } from "../../../../workbook/xlsx/exceljs/xlsx-workbook";
import { value as must } from "../../../support/result";

const run = promisify(execFile);
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tradebook-h4-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };

/** A workbook as a team keeps it: our table plus their own sheets, columns, formulas, notes and looks. */
async function userWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("客户");
  ws.addTable({
    name: "Customers",
    ref: "A1",
    headerRow: true,
    columns: ["客户编号", "公司名称", "国家", "业务员", "建档日期", "信用额度", "我的评分", "评分翻倍"].map((name) => ({ name, filterButton: true })),
    rows: [
      ["C-260105-K3QXA", "Acme Trading", "US", "王芳", utcDateFromSerial(serialFromYMD(2026, 1, 5)), 50000, 4, { formula: "G2*2", result: 8 }],
      ["C-260212-M4PRT", "Bremen Tools", "DE", "李雷", utcDateFromSerial(serialFromYMD(2026, 2, 12)), 120000, 3, { formula: "G3*2", result: 6 }],
    ],
  });
  for (let r = 2; r <= 3; r++) {
    ws.getCell(r, 5).numFmt = "yyyy/mm/dd";
    ws.getCell(r, 6).numFmt = "#,##0.00";
    ws.getCell(r, 2).font = { name: "Arial", bold: true, color: { argb: "FF1F4E78" } };
    ws.getCell(r, 7).fill = FILL;
    ws.getCell(r, 3).dataValidation = { type: "list", allowBlank: true, formulae: ['"US,DE,FR,CN"'] };
  }
  ws.getCell("B2").note = "大客户，注意回款";
  ws.getColumn(2).width = 33;
  const notes = wb.addWorksheet("说明");
  notes.mergeCells("A1:D1");
  notes.getCell("A1").value = "团队说明";
  notes.getCell("A1").font = { size: 16, italic: true };
  notes.getCell("A3").value = { formula: "COUNTA('客户'!A:A)-1", result: 2 };
  notes.getCell("B5").value = 0.125;
  notes.getCell("B5").numFmt = "0.0%";
  wb.definedNames.add("'说明'!$B$5", "TargetShare");
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function openSaved(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(path)) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

const NEW_ROWS: readonly Readonly<Record<string, CellValue>>[] = [
  { CustomerID: "C-261127-AAAAA", Company: "Casablanca Foods", Country: "MA", Owner: "王芳", CreatedOn: serialFromYMD(2026, 11, 27), CreditLimitCNY: 30000 },
  { CustomerID: "C-261127-CCCCC", Company: "Dhaka Textiles", Country: "BD", Owner: "李雷", CreatedOn: serialFromYMD(2026, 11, 27) },
];

describe("a user's workbook comes back intact from open → append → save → reopen", () => {
  let saved: ExcelJS.Workbook;
  let path: string;
  beforeAll(async () => {
    path = join(dir, "team.xlsx");
    await writeFile(path, await userWorkbook());
    const wb = must(await openXlsx(path));
    expect(must(await wb.appendRows("Customers", NEW_ROWS))).toEqual({ firstRow: 4, count: 2 });
    must(await saveXlsx(wb, path));
    saved = await openSaved(path);
  });

  it.each([
    ["extra sheets are kept", () => saved.worksheets.map((w) => w.name), ["客户", "说明"]],
    ["merged cells are kept", () => saved.getWorksheet("说明")?.model.merges, ["A1:D1"]],
    ["a note is kept", () => saved.getWorksheet("客户")?.getCell("B2").note, "大客户，注意回款"],
    ["formulas in the user's column are kept", () => [2, 3].map((r) => saved.getWorksheet("客户")?.getCell(r, 8).formula), ["G2*2", "G3*2"]],
    ["formulas on other sheets are kept", () => saved.getWorksheet("说明")?.getCell("A3").formula, "COUNTA('客户'!A:A)-1"],
    ["the user's column values are kept", () => [2, 3].map((r) => saved.getWorksheet("客户")?.getCell(r, 7).value), [4, 3]],
    ["fonts are kept", () => saved.getWorksheet("客户")?.getCell("B2").font?.name, "Arial"],
    ["fills are kept", () => (saved.getWorksheet("客户")?.getCell("G2").fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb, "FFFFF2CC"],
    ["number formats are kept", () => [saved.getWorksheet("客户")?.getCell("E2").numFmt, saved.getWorksheet("说明")?.getCell("B5").numFmt], ["yyyy/mm/dd", "0.0%"]],
    ["defined names are kept", () => saved.definedNames.getRanges("TargetShare").ranges, ["'说明'!$B$5"]],
    ["column widths are kept", () => saved.getWorksheet("客户")?.getColumn(2).width, 33],
    ["the table grows over the new rows", () => (saved.getWorksheet("客户")?.getTables()[0] as unknown as { table: { tableRef: string } }).table.tableRef, "A1:H5"],
    ["new rows take the number format of the row above", () => [4, 5].map((r) => saved.getWorksheet("客户")?.getCell(r, 5).numFmt), ["yyyy/mm/dd", "yyyy/mm/dd"]],
    ["new rows take the font and fill of the row above", () => [saved.getWorksheet("客户")?.getCell("B5").font?.bold, (saved.getWorksheet("客户")?.getCell("G4").fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb], [true, "FFFFF2CC"]],
    ["new rows take the dropdown of the row above", () => saved.getWorksheet("客户")?.getCell("C5").dataValidation?.formulae, ['"US,DE,FR,CN"']],
  ])("%s", (_rule, actual, expected) => {
    expect(actual()).toEqual(expected);
  });

  it("reads back the appended rows as written", async () => {
    const t = must(await must(await openXlsx(path)).readTable("Customers"));
    expect(t.rows.map((r) => r.cells.CustomerID)).toEqual(["C-260105-K3QXA", "C-260212-M4PRT", "C-261127-AAAAA", "C-261127-CCCCC"]);
    expect(t.rows[2].cells).toMatchObject({ Company: "Casablanca Foods", CreatedOn: serialFromYMD(2026, 11, 27), CreditLimitCNY: 30000 });
  });

  it("LibreOffice opens the saved file and sees the table over the new rows", async () => {
    const out = join(dir, "lo");
    await mkdir(out, { recursive: true });
    await run("libreoffice", [`-env:UserInstallation=file://${join(dir, "lo-profile")}`, "--headless", "--convert-to", "xlsx", "--outdir", out, path], { timeout: 120_000 });
    const zip = await JSZip.loadAsync(await readFile(join(out, "team.xlsx")));
    const tableXml = await zip.file("xl/tables/table1.xml")?.async("string");
    expect(tableXml).toMatch(/name="Customers"[^>]*ref="A1:H5"/);
    const lo = await openSaved(join(out, "team.xlsx"));
    expect(lo.getWorksheet("客户")?.getCell("B5").value).toBe("Dhaka Textiles");
  }, 150_000);
});

describe("dates in a 1904-system workbook", () => {
  it("read and write as 1900-system serials", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("Salespeople");
    ws.addRow(["Name", "HireDate"]);
    ws.addRow(["王芳", utcDateFromSerial(serialFromYMD(2026, 3, 2))]);
    ws.getCell("B2").numFmt = "yyyy-mm-dd";
    const x = must(await XlsxWorkbook.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer())));
    must(await x.appendRows("Salespeople", [{ Name: "李雷", HireDate: serialFromYMD(2026, 9, 1) }]));
    const again = must(await XlsxWorkbook.fromBuffer(await x.toBuffer()));
    const rows = must(await again.readTable("Salespeople")).rows;
    expect(rows.map((r) => r.cells.HireDate)).toEqual([serialFromYMD(2026, 3, 2), serialFromYMD(2026, 9, 1)]);
    expect(again.workbook.getWorksheet("Salespeople")?.getCell("B3").value).toEqual(new Date(Date.UTC(2026, 8, 1)));
  });
});

/** An exceljs file with a chart added the way Excel stores one: chart part, drawing with a chart frame, rels, content types. */
async function withChart(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file(
    "xl/charts/chart1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'客户'!$F$2:$F$3</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`,
  );
  zip.file(
    "xl/drawings/drawing1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><xdr:twoCellAnchor><xdr:from><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>15</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
  );
  zip.file(
    "xl/drawings/_rels/drawing1.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>`,
  );
  const types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      `<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`,
    ),
  );
  return zip.generateAsync({ type: "uint8array" });
}

describe("a file with parts exceljs would drop is never saved over", () => {
  it("refuses to save a charted workbook in place, with a bilingual message, and the file stays as it was", async () => {
    const path = join(dir, "charted.xlsx");
    const original = await withChart(await userWorkbook());
    await writeFile(path, original);
    const wb = must(await openXlsx(path));
    must(await wb.appendRows("Customers", NEW_ROWS));
    const refused = await saveXlsx(wb, path);
    expect(refused.ok).toBe(false);
    const issue = refused.ok ? undefined : refused.error[0];
    expect(issue?.code).toBe("would-lose-content");
    // No option is suggested: `import`, the only command that saves this way, has no --out.
    expect(issue?.message.zh).toMatch(/图表.*未写入任何内容/);
    expect(issue?.message.en).toMatch(/charts.*nothing was written/);
    expect(`${issue?.message.zh} ${issue?.message.en}`).not.toMatch(/--out/);
    expect(new Uint8Array(await readFile(path))).toEqual(original);

    const other = join(dir, "charted-out.xlsx");
    must(await saveXlsx(wb, other));
    const t = must(await must(await openXlsx(other)).readTable("Customers"));
    expect(t.rows).toHaveLength(4);
  });

  it("saves a plain workbook in place", async () => {
    const path = join(dir, "plain.xlsx");
    await writeFile(path, await userWorkbook());
    const wb = must(await openXlsx(path));
    must(await wb.appendRows("Customers", NEW_ROWS));
    must(await saveXlsx(wb, path));
    expect(must(await must(await openXlsx(path)).readTable("Customers")).rows).toHaveLength(4);
  });
});

describe("saving over a file another user saved meanwhile", () => {
  it("is refused, so their rows are not lost", async () => {
    const path = join(dir, "shared.xlsx");
    await writeFile(path, await userWorkbook());
    const mine = must(await openXlsx(path));
    const theirs = must(await openXlsx(path));
    must(await theirs.appendRows("Customers", [NEW_ROWS[0]]));
    must(await saveXlsx(theirs, path));
    must(await mine.appendRows("Customers", [NEW_ROWS[1]]));
    const refused = await saveXlsx(mine, path);
    expect(refused.ok ? "" : refused.error[0].code).toBe("changed-on-disk");
    const rows = must(await must(await openXlsx(path)).readTable("Customers", ["CustomerID"])).rows;
    expect(rows.map((r) => r.cells.CustomerID)).toContain(NEW_ROWS[0].CustomerID);
  });
});

describe("saving is atomic", () => {
  const temps = async (d: string): Promise<string[]> => (await readdir(d)).filter((n) => n.endsWith(".tmp"));

  it("leaves no temporary file after a save", async () => {
    const d = join(dir, "atomic-ok");
    await mkdir(d);
    await writeFile(join(d, "a.xlsx"), await userWorkbook());
    const wb = must(await openXlsx(join(d, "a.xlsx")));
    must(await saveXlsx(wb, join(d, "a.xlsx")));
    expect(await temps(d)).toEqual([]);
  });

  it.each([
    ["the workbook cannot be serialized", "serialize"],
    ["the target cannot be replaced (it is a directory)", "rename"],
  ])("keeps the original and leaves no temporary file when %s", async (_label, failure) => {
    const d = join(dir, `atomic-${failure}`);
    await mkdir(d);
    const original = await userWorkbook();
    await writeFile(join(d, "a.xlsx"), original);
    const wb = must(await openXlsx(join(d, "a.xlsx")));
    must(await wb.appendRows("Customers", NEW_ROWS));
    let target = join(d, "a.xlsx");
    if (failure === "serialize") vi.spyOn(wb, "toBuffer").mockRejectedValueOnce(new Error("disk full"));
    else {
      target = join(d, "taken");
      await mkdir(target);
    }
    const result = await saveXlsx(wb, target);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.error[0].message.en).toMatch(failure === "serialize" ? /cannot save .*original is unchanged/ : /not a regular file; nothing was written/);
    expect(new Uint8Array(await readFile(join(d, "a.xlsx")))).toEqual(original);
    expect(await temps(d)).toEqual([]);
  });
});

describe("opening names the file when it cannot be read", () => {
  it.each([
    ["a missing file", "nope.xlsx", null, "missing-file"],
    ["a file that is not a workbook", "garbage.xlsx", "just text, not a zip", "unreadable"],
  ])("%s", async (_label, name, content, code) => {
    const path = join(dir, name);
    if (content !== null) await writeFile(path, content);
    const opened = await openXlsx(path);
    expect(opened.ok).toBe(false);
    const issue = opened.ok ? undefined : opened.error[0];
    expect(issue?.code).toBe(code);
    expect(`${issue?.sheet} ${issue?.message.en}`).toContain(name);
  });
});

describe("a table wherever it sits on its sheet", () => {
  async function offsetTable(noteBelow: boolean): Promise<XlsxWorkbook> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("我的汇率");
    ws.getCell("A1").value = "汇率表（每月更新）";
    ws.addTable({ name: "ExchangeRates", ref: "B3", headerRow: true, columns: [{ name: "币种" }, { name: "兑人民币汇率" }], rows: [["USD", 7.1], ["EUR", 7.7]] });
    if (noteBelow) ws.getCell("C6").value = "来源：中国银行";
    return must(await XlsxWorkbook.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer())));
  }

  it("is found by its Excel table name and grows below its last row", async () => {
    const x = await offsetTable(false);
    expect(must(await x.readTable("ExchangeRates")).rows.map((r) => [r.rowNumber, r.cells.Currency])).toEqual([[4, "USD"], [5, "EUR"]]);
    expect(must(await x.appendRows("ExchangeRates", [{ Currency: "JPY", RateToCNY: 0.047 }]))).toEqual({ firstRow: 6, count: 1 });
    const again = must(await XlsxWorkbook.fromBuffer(await x.toBuffer()));
    expect((again.workbook.getWorksheet("我的汇率")?.getTables()[0] as unknown as { table: { tableRef: string } }).table.tableRef).toBe("B3:C6");
    expect(again.workbook.getWorksheet("我的汇率")?.getCell("A1").value).toBe("汇率表（每月更新）");
  });

  it("is not grown over the user's cells below it: an issue, nothing written", async () => {
    const x = await offsetTable(true);
    const appended = await x.appendRows("ExchangeRates", [{ Currency: "JPY", RateToCNY: 0.047 }]);
    expect(appended.ok ? "" : appended.error[0]).toMatchObject({ code: "blocked", sheet: "我的汇率", row: 6 });
    expect(x.workbook.getWorksheet("我的汇率")?.getCell("C6").value).toBe("来源：中国银行");
    expect(x.workbook.getWorksheet("我的汇率")?.getCell("B6").value ?? null).toBeNull();
  });
});

describe("ensureStructure on a user's workbook", () => {
  it("widens their table with the missing columns and adds the missing tables; Excel's rules hold in LibreOffice", async () => {
    const path = join(dir, "ensure.xlsx");
    await writeFile(path, await userWorkbook());
    const wb = must(await openXlsx(path));
    const report = must(await wb.ensureStructure("zh-CN"));
    expect(report.addedColumns.filter((c) => c.table === "Customers")).toHaveLength(17);
    expect(report.createdTables).toHaveLength(12);
    must(await saveXlsx(wb, path));
    const reopened = must(await openXlsx(path));
    const customers = must(await reopened.readTable("Customers"));
    expect(customers.missingColumns).toEqual([]);
    expect(customers.headers.Email).toBe("邮箱");
    expect(customers.rows.map((r) => r.cells.Company)).toEqual(["Acme Trading", "Bremen Tools"]);
    const ws = reopened.workbook.getWorksheet("客户");
    expect([ws?.getCell("G2").value, ws?.getCell("H3").formula]).toEqual([4, "G3*2"]);

    const out = join(dir, "lo-ensure");
    await mkdir(out, { recursive: true });
    await run("libreoffice", [`-env:UserInstallation=file://${join(dir, "lo-profile")}`, "--headless", "--convert-to", "xlsx", "--outdir", out, path], { timeout: 120_000 });
    const lo = await openSaved(join(out, "ensure.xlsx"));
    expect(lo.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["客户", "说明", "跟进记录", "设置", "国家"]));
    const loTables = lo.worksheets.flatMap((w) => w.getTables().map((t) => (t as unknown as { table: { name: string; tableRef: string } }).table));
    expect(loTables.find((t) => t.name === "Customers")?.tableRef).toBe("A1:Y3");
    expect(loTables.map((t) => t.name)).toEqual(expect.arrayContaining(["Payments", "Settings", "Countries"]));
  }, 150_000);
});

describe("an Excel table as Excel writes it keeps its header row and filter buttons", () => {
  it("a table part without headerRowCount (Excel's default) is saved with its header row and visible filters", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("客户").addTable({ name: "Customers", ref: "A1", headerRow: true, columns: [{ name: "客户编号", filterButton: true }, { name: "公司名称", filterButton: true }], rows: [["C-1", "Acme"]] });
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    // Rewrite the part the way Excel does: default attributes left out, no filterColumn entries.
    const excelStyle = ((await zip.file("xl/tables/table1.xml")?.async("string")) ?? "").replace(/ headerRowCount="1"/, "").replace(/<filterColumn[^>]*\/>/g, "");
    zip.file("xl/tables/table1.xml", excelStyle);
    const x = must(await XlsxWorkbook.fromBuffer(await zip.generateAsync({ type: "uint8array" })));
    must(await x.appendRows("Customers", [{ CustomerID: "C-2", Company: "Beta" }]));
    const saved = await (await JSZip.loadAsync(await x.toBuffer())).file("xl/tables/table1.xml")?.async("string");
    expect(saved).toMatch(/headerRowCount="1"/);
    expect(saved).not.toMatch(/hiddenButton="1"/);
    expect(saved).toMatch(/ref="A1:B3"/);
  });
});
