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
import type { CellBlock, CellStyle, NumberFormatKind, ReportSheet } from "../../../core/report/sheet";
import { safeSheetName } from "../../../core/report/sheet";
import { BODY_POINTS } from "../../../core/report/builder";
import { rowHeights } from "../../../core/report/row-heights";
import { headerFooter } from "../../../core/report/header-footer";
import { filePageSetup } from "./page-setup";
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
    size: style.size ?? BODY_POINTS,
    ...(style.color ? { color: { argb: argb(style.color) } } : {}),
  };
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  const vertical = style.valign ?? "top";
  cell.alignment = style.align || style.wrap ? { horizontal: style.align, vertical, wrapText: style.wrap } : { vertical };
  if (style.border === "bottom") cell.border = { bottom: { style: "thin", color: { argb: "FF000000" } } };
  else if (style.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (style.format) cell.numFmt = NUMBER_FORMATS[style.format];
}

export function renderReportSheet(wb: ExcelJS.Workbook, sheet: ReportSheet): ExcelJS.Worksheet {
  const name = safeSheetName(sheet.name);
  const existing = wb.getWorksheet(name);
  if (existing) {
    if (isDataSheet(existing)) throw new ReportSheetConflict(`"${name}" holds a data table; a report never replaces it`);
    wb.removeWorksheet(existing.id);
  }
  const ws = wb.addWorksheet(name, {
    pageSetup: filePageSetup(sheet.print),
    headerFooter: { oddHeader: headerFooter(sheet.print.header), oddFooter: headerFooter(sheet.print.footer) },
    views: sheet.freezeRows ? [{ state: "frozen", ySplit: sheet.freezeRows, xSplit: 0 }] : [],
  });

  sheet.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const c of sheet.cells) {
    const cell = ws.getCell(c.row, c.col);
    cell.value = c.value;
    if (c.style) applyStyle(cell, c.style);
  }
  for (const m of sheet.merges) ws.mergeCells(m.fromRow, m.fromCol, m.toRow, m.toCol);
  for (const [row, points] of rowHeights(sheet, BODY_POINTS)) ws.getRow(row).height = points;
  // exceljs breaks the page below the row it is asked on.
  for (const row of sheet.pageBreaks ?? []) if (row > 1) ws.getRow(row - 1).addPageBreak();

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
