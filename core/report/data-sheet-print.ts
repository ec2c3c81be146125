/**
 * How a contract table's sheet prints: A4; portrait when its columns fit
 * the portrait page at 100 %, landscape otherwise; fit to as few pages wide
 * as keep its 11-point text at 8.25 points or more (a 23-column Customers
 * sheet on one page width would print at 3 points), height unlimited; the
 * header row repeated on every page, and the leading column(s) on every page
 * across when it takes more than one; the sheet's name and page numbers in
 * the header and footer.
 */
import { SCHEMA, type Lang, type TableName } from "../contract/schema";
import { localize } from "../contract/schema";
import { MIN_PRINTED_POINTS, pagesAcross, printableWidth, scaleToFit, sheetPoints } from "./page";
import type { PrintSetup } from "./sheet";
import { REPORT_TEXT } from "./builder";

/** The data sheets' text size: Excel's default, which the template keeps. */
export const DATA_SHEET_POINTS = 11;

/** The smallest scale a data sheet prints at: 11 × 0.75 = 8.25 points. */
export const MIN_DATA_SHEET_SCALE = Math.ceil((MIN_PRINTED_POINTS / DATA_SHEET_POINTS) * 100 + 2) / 100;

/** Columns that name a row on every page across: the ID, and for customers their company too. */
const TITLE_COLUMNS: Partial<Record<TableName, number>> = { Customers: 2 };

export function dataSheetPrint(table: TableName, lang: Lang): PrintSetup {
  const widths = SCHEMA[table].columns.map((c) => c.width);
  const orientation = sheetPoints(widths) <= printableWidth("portrait") ? "portrait" : "landscape";
  const across = pagesAcross(widths, orientation, MIN_DATA_SHEET_SCALE);
  const titleColumns = across > 1 ? (TITLE_COLUMNS[table] ?? 1) : 0;
  const fitToWidth = titleColumns > 0 ? pagesAcross(widths, orientation, MIN_DATA_SHEET_SCALE, titleColumns) : across;
  return {
    orientation,
    paper: "A4",
    fitToWidth,
    scale: scaleToFit(widths, orientation, fitToWidth, titleColumns),
    titleRows: { from: 1, to: 1 },
    ...(titleColumns > 0 ? { titleColumns: { from: 1, to: titleColumns } } : {}),
    // &A: the sheet's own name, so a renamed sheet prints its new name.
    header: { center: "&A" },
    footer: { right: localize(REPORT_TEXT.page, lang) },
  };
}
