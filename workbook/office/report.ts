/**
 * writeReportSheet through Office.js: the sheet is deleted and written anew
 * (never a data sheet), with Excel's own features where exceljs has to make
 * do: native conditional formats, data bars and charts, A4 print setup.
 * One sync to look (two when the sheet exists: its tables are counted),
 * then one sync carrying every change.
 */
import { err, ok, type Result } from "../../core/contract/issues";
import { safeSheetName, type CellBlock, type CellStyle, type NumberFormatKind, type ReportCell, type ReportSheet } from "../../core/report/sheet";
import { TABLES } from "../../core/contract/schema";
import { issueAt } from "../locate";
import { issueFromOfficeError } from "./errors";
import { excelColumnPoints } from "../../core/report/page";
import { BODY_POINTS } from "../../core/report/builder";
import { rowHeights } from "../../core/report/row-heights";
import { applyPageLayout, reportPrintArea } from "./page-layout";

const FORMATS: Readonly<Record<NumberFormatKind, string>> = {
  text: "@",
  int: "#,##0",
  money: "#,##0.00",
  percent: "0.0%",
  date: "yyyy-mm-dd",
  datetime: "yyyy-mm-dd hh:mm",
};

const CHART_TYPES = { bar: "BarClustered", column: "ColumnClustered", pie: "Pie" } as const;
const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;
const ALIGN = { left: "Left", center: "Center", right: "Right" } as const;

/** Rows a chart spans below its anchor, and columns across. */
const CHART_ROWS = 15;
const CHART_COLS = 7;

const hex = (rgb: string): string => `#${rgb.replace(/^#/, "")}`;

function blockRange(sheet: Excel.Worksheet, b: CellBlock): Excel.Range {
  return sheet.getRangeByIndexes(b.fromRow - 1, b.fromCol - 1, b.toRow - b.fromRow + 1, b.toCol - b.fromCol + 1);
}

/** Cells in reading order, cut into runs of neighbours with the same style (one format call each). */
function styleRuns(cells: readonly ReportCell[]): { row: number; col: number; width: number; style: CellStyle }[] {
  const styled = cells.filter((c) => c.style !== undefined).sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: { row: number; col: number; width: number; style: CellStyle; key: string }[] = [];
  for (const c of styled) {
    const style = c.style ?? {};
    const key = JSON.stringify({ ...style, format: undefined });
    const last = runs[runs.length - 1];
    if (last && last.row === c.row && last.col + last.width === c.col && last.key === key) last.width++;
    else runs.push({ row: c.row, col: c.col, width: 1, style, key });
  }
  return runs;
}

function applyStyle(range: Excel.Range, style: CellStyle): void {
  const font = range.format.font;
  font.size = style.size ?? BODY_POINTS;
  if (style.bold !== undefined) font.bold = style.bold;
  if (style.italic !== undefined) font.italic = style.italic;
  if (style.color !== undefined) font.color = hex(style.color);
  if (style.fill !== undefined) range.format.fill.color = hex(style.fill);
  if (style.align !== undefined) range.format.horizontalAlignment = ALIGN[style.align];
  if (style.wrap !== undefined) range.format.wrapText = style.wrap;
  range.format.verticalAlignment = style.valign === "bottom" ? "Bottom" : "Top";
  if (style.border === "bottom") range.format.borders.getItem("EdgeBottom").style = "Continuous";
  else if (style.border) for (const edge of EDGES) range.format.borders.getItem(edge).style = "Continuous";
}

/** Values and number formats of the whole used block in one write each; text cells stay literal. */
function writeCells(sheet: Excel.Worksheet, report: ReportSheet): void {
  if (report.cells.length === 0) return;
  const rows = Math.max(...report.cells.map((c) => c.row));
  const cols = Math.max(...report.cells.map((c) => c.col));
  const values: (string | number)[][] = Array.from({ length: rows }, () => new Array<string | number>(cols).fill(""));
  const formats: string[][] = Array.from({ length: rows }, () => new Array<string>(cols).fill("General"));
  for (const c of report.cells) {
    values[c.row - 1][c.col - 1] = c.value ?? "";
    const kind = c.style?.format ?? (typeof c.value === "string" ? "text" : undefined);
    if (kind) formats[c.row - 1][c.col - 1] = FORMATS[kind];
  }
  const range = sheet.getRangeByIndexes(0, 0, rows, cols);
  range.numberFormat = formats;
  range.values = values;
}

/** Names of the sheets data tables live on, in both languages: a report never replaces one. */
const DATA_SHEETS = new Set(TABLES.flatMap((t) => [t.sheet.zh.toLowerCase(), t.sheet.en.toLowerCase()]));

async function syncOr(ctx: Excel.RequestContext, sheet: string): Promise<Result<void>> {
  try {
    await ctx.sync();
    return ok(undefined);
  } catch (e) {
    return err([issueFromOfficeError(e, sheet)]);
  }
}

export async function writeReportSheetIn(ctx: Excel.RequestContext, report: ReportSheet): Promise<Result<{ readonly name: string }>> {
  // Excel refuses sheet names over 31 characters or holding \ / ? * : [ ] (InvalidArgument), as the file adapters do.
  const name = safeSheetName(report.name);
  const old = ctx.workbook.worksheets.getItemOrNullObject(name).load("isNullObject");
  const looked = await syncOr(ctx, name);
  if (!looked.ok) return looked;
  // Only an existing sheet has tables to count (a null object has nothing to ask).
  const tables = old.isNullObject ? undefined : old.tables.load("items");
  if (tables) {
    try {
      await ctx.sync();
    } catch (e) {
      return err([issueFromOfficeError(e, name)]);
    }
  }
  const tableCount = tables ? tables.items.length : 0;
  if (DATA_SHEETS.has(name.toLowerCase()) || tableCount > 0)
    return err([issueAt(name, null, null, "data-sheet", `「${name}」是数据工作表（含表格），报表不能覆盖它。请换一个报表名称`, `"${name}" is a data sheet (it holds a table); a report never replaces it. Choose another report name`)]);

  if (!old.isNullObject) old.delete();
  const sheet = ctx.workbook.worksheets.add(name);
  ctx.workbook.application.suspendApiCalculationUntilNextSync();
  writeCells(sheet, report);
  for (const run of styleRuns(report.cells)) applyStyle(sheet.getRangeByIndexes(run.row - 1, run.col - 1, 1, run.width), run.style);
  for (const m of report.merges) blockRange(sheet, { fromRow: m.fromRow, fromCol: m.fromCol, toRow: m.toRow, toCol: m.toCol }).merge(false);
  report.columnWidths.forEach((w, i) => {
    if (w > 0) sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = excelColumnPoints(w);
  });
  if (report.freezeRows) sheet.freezePanes.freezeRows(report.freezeRows);
  for (const mark of report.conditional) {
    const cf = blockRange(sheet, mark.block).conditionalFormats.add("CellValue");
    cf.cellValue.rule = { formula1: `="${mark.equals.replace(/"/g, '""')}"`, operator: "EqualTo" };
    cf.cellValue.format.fill.color = hex(mark.fill);
    if (mark.color) cf.cellValue.format.font.color = hex(mark.color);
  }
  for (const bar of report.dataBars) {
    const cf = blockRange(sheet, bar.block).conditionalFormats.add("DataBar");
    cf.dataBar.positiveFormat.fillColor = hex(bar.color);
  }
  for (const spec of report.charts) {
    const chart = sheet.charts.add(CHART_TYPES[spec.kind], blockRange(sheet, spec.data), "Columns");
    chart.title.text = spec.title;
    const { row, col } = spec.anchor;
    chart.setPosition(sheet.getRangeByIndexes(row - 1, col - 1, 1, 1), sheet.getRangeByIndexes(row - 1 + CHART_ROWS, col - 1 + CHART_COLS, 1, 1));
  }
  // "The page break is added above this range" (Worksheet.horizontalPageBreaks, ExcelApi 1.9).
  for (const row of report.pageBreaks ?? []) if (row > 1) sheet.horizontalPageBreaks.add(`A${row}`);
  for (const [row, points] of rowHeights(report, BODY_POINTS)) sheet.getRangeByIndexes(row - 1, 0, 1, 1).format.rowHeight = points;
  // Charts stand right of the report's columns, off the paper.
  const rows = Math.max(0, ...report.cells.map((c) => c.row));
  applyPageLayout(sheet, report.print, reportPrintArea(rows, report.columnWidths.length));
  const written = await syncOr(ctx, name);
  return written.ok ? ok({ name }) : written;
}
