/**
 * A report written into the package looks exactly as one written by
 * XlsxWorkbook.writeReportSheet + save: same source workbook, both read back
 * by exceljs, every cell's value and style, merges, widths, heights,
 * conditional formats (data bars too), page setup, header and footer, print
 * titles and frozen rows compared.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ReportSheet } from "../../../../core/report/sheet";
import { BODY_POINTS } from "../../../../core/report/builder";
import { writeReportSheetsIntoPackage } from "../../../../workbook/xlsx/package/report";
import { XlsxWorkbook } from "../../../../workbook/xlsx/exceljs/xlsx-workbook";
import { bytesOf, conditionalOf, load, reviewReport, sheetLook, streamedBytes, templateBytes, weeklyReports } from "./support";

/** A small sheet of texts XML does not carry as they are (a carriage return), and styles at their edges. */
const ODD_TEXTS: ReportSheet = {
  ...reviewReport("en-US"),
  name: "Odd texts",
  cells: [
    { row: 1, col: 1, value: "a\r\nb\tc", style: { wrap: true } },
    { row: 2, col: 1, value: "_x12_ is no escape", style: { bold: true, fill: "FFEEDD" } },
    { row: 3, col: 1, value: "  <&> ' \" 🙂 空格  " },
    { row: 4, col: 1, value: "=1+1" },
    { row: 5, col: 1, value: 0.125, style: { format: "percent" } },
    { row: 6, col: 1, value: null, style: { border: true } },
    { row: 7, col: 2, value: 46353, style: { format: "date", align: "center" } },
  ],
  merges: [{ fromRow: 7, fromCol: 2, toRow: 7, toCol: 3 }],
  conditional: [{ block: { fromRow: 1, fromCol: 1, toRow: 4, toCol: 1 }, equals: "=1+1", fill: "FFC7CE" }],
  dataBars: [{ block: { fromRow: 5, fromCol: 1, toRow: 5, toCol: 1 }, color: "5B9BD5" }],
};

async function date1904Bytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = true;
  wb.addWorksheet("Data").getCell("A1").value = new Date(Date.UTC(2026, 0, 1));
  return bytesOf(wb);
}

async function viaExcelJs(source: Uint8Array, sheet: ReportSheet): Promise<Uint8Array> {
  const opened = await XlsxWorkbook.fromBuffer(source);
  if (!opened.ok) throw new Error("template unreadable");
  const written = await opened.value.writeReportSheet(sheet);
  expect(written.ok).toBe(true);
  return opened.value.toBuffer();
}

describe("a report written into the package looks as XlsxWorkbook writes it", () => {
  it.each<[string, () => Promise<Uint8Array>, () => ReportSheet]>([
    ["review, zh-CN, into the zh-CN template", () => templateBytes("zh-CN"), () => reviewReport("zh-CN")],
    ["review, en-US, into the en-US template", () => templateBytes("en-US"), () => reviewReport("en-US")],
    ["weekly, zh-CN, into the zh-CN template", () => templateBytes("zh-CN"), () => weeklyReports("zh-CN")[3]],
    ["weekly, en-US, into the en-US template", () => templateBytes("en-US"), () => weeklyReports("en-US")[3]],
    ["review, zh-CN, into a workbook written as the benchmark's are", () => streamedBytes(), () => reviewReport("zh-CN")],
    ["weekly, en-US, into a 1904 workbook", date1904Bytes, () => weeklyReports("en-US")[0]],
    ["texts XML does not hold as they are", () => templateBytes("en-US"), () => ODD_TEXTS],
  ])("%s", async (_label, makeSource, make) => {
    const sheet = make();
    const source = await makeSource();
    const packaged = await writeReportSheetsIntoPackage(source, [sheet], "template.xlsx");
    if (!packaged.ok) throw new Error(JSON.stringify(packaged.error));
    const [mine, theirs] = await Promise.all([load(packaged.value), viaExcelJs(source, sheet).then(load)]);
    const a = mine.getWorksheet(sheet.name);
    const b = theirs.getWorksheet(sheet.name);
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    if (!a || !b) return;
    const look = sheetLook(a);
    expect(look).toEqual(sheetLook(b));
    // The comparison is not vacuous: the report's own look is there.
    expect(look).toMatchObject({
      pageSetup: { orientation: "landscape", paperSize: 9, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${sheet.print.titleRows?.from}:${sheet.print.titleRows?.to}` },
      views: [{ state: "frozen", ySplit: sheet.freezeRows }],
    });
    const first = sheet.cells.find((c) => c.row === 1 && c.col === 1);
    expect(a.getCell(1, 1).value).toBe(first?.value);
    expect(a.getCell(1, 1).font).toMatchObject({ name: "Microsoft YaHei", size: first?.style?.size ?? BODY_POINTS });
    expect(conditionalOf(a)).toHaveLength(sheet.conditional.length + sheet.dataBars.length);
    expect(conditionalOf(a).filter((f) => f.rules.some((r) => r.type === "dataBar"))).toHaveLength(sheet.dataBars.length);
    expect(a.model.merges.length).toBeGreaterThan(0);
  });
});
