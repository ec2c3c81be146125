/**
 * Renders a ReportSheet (core/report/sheet.ts) into an exceljs workbook:
 * values, styles, number formats, merges, widths, conditional marks, data
 * bars, page setup and header/footer. exceljs cannot write charts, so a
 * chart's data keeps its data bars and the chart itself is left to the
 * Office adapter.
 *
 * A sheet of the same name is replaced, unless it holds a contract table:
 * a report never overwrites data.
 */
import type ExcelJS from "exceljs";
import type { CellBlock, CellStyle, NumberFormatKind, PrintSetup, ReportSheet } from "../../../core/report/sheet";
import { safeSheetName } from "../../../core/report/sheet";
import { encodeRange, isDataSheet } from "./sheet-region";

export const NUMBER_FORMATS: Readonly<Record<NumberFormatKind, string>> = {
  text: "@",
  int: "0",
  money: "#,##0.00",
  percent: "0.0%",
  date: "yyyy-mm-dd",
  datetime: "yyyy-mm-dd hh:mm",
};

/** Thrown when the name belongs to a data sheet (XlsxWorkbook.writeReportSheet checks first and returns an issue). */
export class ReportSheetConflict extends Error {}

const argb = (rgb: string): string => `FF${rgb.toUpperCase()}`;

export function ref(b: CellBlock): string {
  return encodeRange(b.fromRow, b.fromCol, b.toRow, b.toCol);
}

/**
 * A sans-serif with Chinese glyphs: Office's standard zh-CN UI font on
 * Windows and macOS; elsewhere (LibreOffice on Linux) fontconfig substitutes
 * a CJK sans such as Noto Sans CJK.
 */
export const REPORT_FONT = "Microsoft YaHei";

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBFBFBF" } };

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  cell.font = {
    name: REPORT_FONT,
    bold: style.bold,
    italic: style.italic,
    size: style.size ?? 10,
    ...(style.color ? { color: { argb: argb(style.color) } } : {}),
  };
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.align || style.wrap) cell.alignment = { horizontal: style.align, vertical: "top", wrapText: style.wrap };
  else cell.alignment = { vertical: "top" };
  if (style.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (style.format) cell.numFmt = NUMBER_FORMATS[style.format];
}

/** "&L…&C…&R…" from the three parts; the texts already carry Excel codes (&P, &N) and doubled literal "&". */
export function headerFooter(part: PrintSetup["header"]): string {
  return [part.left ? `&L${part.left}` : "", part.center ? `&C${part.center}` : "", part.right ? `&R${part.right}` : ""].join("");
}

/**
 * Rows whose wrapped text needs more than one line get a taller row, since
 * neither Excel nor LibreOffice grows a row for merged or pre-laid cells.
 */
function fitRowHeights(ws: ExcelJS.Worksheet, sheet: ReportSheet): void {
  const widthOf = (row: number, col: number): number => {
    const m = sheet.merges.find((x) => x.fromRow === row && x.fromCol === col);
    let w = 0;
    for (let c = col; c <= (m ? m.toCol : col); c++) w += sheet.columnWidths[c - 1] ?? 10;
    return w;
  };
  const lines = new Map<number, number>();
  for (const c of sheet.cells) {
    // Large type (titles) needs a taller row than the default 15 points.
    const size = c.style?.size ?? 10;
    if (size > 11) ws.getRow(c.row).height = Math.max(ws.getRow(c.row).height ?? 0, Math.ceil(size * 1.6));
    if (!c.style?.wrap || typeof c.value !== "string" || c.value === "") continue;
    // A width unit is one "0" of the default 11-point font; our 10-point text fits a little more.
    const w = Math.max(4, Math.floor(widthOf(c.row, c.col) * 1.1) - 1);
    // CJK characters take two columns of width.
    const n = c.value.split("\n").reduce((sum, l) => sum + Math.max(1, Math.ceil([...l].reduce((x, ch) => x + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0) / w)), 0);
    lines.set(c.row, Math.max(lines.get(c.row) ?? 1, n));
  }
  for (const [row, n] of lines) if (n > 1) ws.getRow(row).height = Math.min(409, Math.max(ws.getRow(row).height ?? 0, 14 * n + 4));
}

export function renderReportSheet(wb: ExcelJS.Workbook, sheet: ReportSheet): ExcelJS.Worksheet {
  const name = safeSheetName(sheet.name);
  const existing = wb.getWorksheet(name);
  if (existing) {
    if (isDataSheet(existing)) throw new ReportSheetConflict(`"${name}" holds a data table; a report never replaces it`);
    wb.removeWorksheet(existing.id);
  }
  const print = sheet.print;
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: print.orientation,
      fitToPage: true,
      fitToWidth: print.fitToWidth,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
      ...(print.titleRows ? { printTitlesRow: `${print.titleRows.from}:${print.titleRows.to}` } : {}),
    },
    headerFooter: { oddHeader: headerFooter(print.header), oddFooter: headerFooter(print.footer) },
    views: sheet.freezeRows ? [{ state: "frozen", ySplit: sheet.freezeRows, xSplit: 0 }] : [],
  });

  sheet.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const c of sheet.cells) {
    const cell = ws.getCell(c.row, c.col);
    cell.value = c.value;
    if (c.style) applyStyle(cell, c.style);
  }
  for (const m of sheet.merges) ws.mergeCells(m.fromRow, m.fromCol, m.toRow, m.toCol);
  fitRowHeights(ws, sheet);

  let priority = 1;
  for (const mark of sheet.conditional) {
    ws.addConditionalFormatting({
      ref: ref(mark.block),
      rules: [
        {
          type: "cellIs",
          operator: "equal",
          priority: priority++,
          formulae: [`"${mark.equals.replace(/"/g, '""')}"`],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(mark.fill) } },
            ...(mark.color ? { font: { color: { argb: argb(mark.color) }, bold: true } } : {}),
          },
        },
      ],
    });
  }
  for (const bar of sheet.dataBars) {
    // exceljs's typings omit the bar colour its writer emits.
    const rule: ExcelJS.DataBarRuleType & { color: Partial<ExcelJS.Color> } = {
      type: "dataBar",
      priority: priority++,
      gradient: true,
      cfvo: [{ type: "num", value: 0 }, { type: "max" }],
      color: { argb: argb(bar.color) },
    };
    ws.addConditionalFormatting({ ref: ref(bar.block), rules: [rule] });
  }
  return ws;
}
