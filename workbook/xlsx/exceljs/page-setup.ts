/**
 * A PrintSetup (core/report/sheet.ts) as an .xlsx file stores it: A4
 * (paperSize 9), the orientation, "fit to N pages wide by automatic tall"
 * (fitToPage with fitToHeight 0, which Excel and LibreOffice both honour when
 * they open the file), the narrow margins of core/report/page.ts, and the
 * rows and columns repeated on every page (print titles). Used for report
 * sheets and for the data sheets of the template and of ensureStructure.
 */
import type ExcelJS from "exceljs";
import { PAGE_MARGINS } from "../../../core/report/page";
import type { PrintSetup } from "../../../core/report/sheet";
import { columnLetter } from "./structure";

/** exceljs's paperSize for A4 (the OOXML ST_PaperSize code). */
export const A4_PAPER_SIZE = 9;

export function filePageSetup(print: PrintSetup): Partial<ExcelJS.PageSetup> {
  const rows = print.titleRows;
  const columns = print.titleColumns;
  return {
    paperSize: A4_PAPER_SIZE,
    orientation: print.orientation,
    fitToPage: true,
    fitToWidth: print.fitToWidth,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { ...PAGE_MARGINS },
    ...(rows ? { printTitlesRow: `${rows.from}:${rows.to}` } : {}),
    ...(columns ? { printTitlesColumn: `${columnLetter(columns.from)}:${columnLetter(columns.to)}` } : {}),
  };
}
