/**
 * A PrintSetup (core/report/sheet.ts) through Office.js: Worksheet.pageLayout,
 * ExcelApi 1.9 (https://learn.microsoft.com/javascript/api/excel/excel.pagelayout),
 * for report sheets and for the data sheets ensureStructure creates.
 *
 * Only documented values are used:
 * - orientation: Excel.PageOrientation, paperSize: Excel.PaperType "A4";
 * - margins in points (leftMargin … footerMargin), centerHorizontally;
 * - print titles with setPrintTitleRows("$1:$1") / setPrintTitleColumns("$A:$B"),
 *   whole rows and columns as the reference requires ("The range must span the
 *   entire row to be valid"); the print area with setPrintArea("A1:M40");
 * - zoom, a PageLayoutZoomOptions object set whole
 *   (https://learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions):
 *   `scale` "can be between 10 and 400"; horizontalFitToPages and
 *   verticalFitToPages are a "number of pages", and 0 ("as many as needed",
 *   which the file format has) is not documented for Office.js.
 *
 * Fit to pages is known not to apply in some hosts: office-js issue #1860
 * (https://github.com/OfficeDev/office-js/issues/1860) reports
 * `zoom = { horizontalFitToPages: 1 }` ignored unless the Page Layout tab is
 * open, while `zoom = { scale: 200 }` is applied. So the zoom set here is
 * the scale that fit comes to, worked out from the column widths
 * (core/report/page.ts scaleToFit), and the reports are laid out to fit the
 * page width at 100 %: a host that applied no zoom at all still prints them
 * whole and at full size. Headers and footers are shortened to the 255
 * characters Excel stores (core/report/header-footer.ts).
 */
import { PAGE_MARGINS, type Orientation } from "../../core/report/page";
import type { PrintSetup } from "../../core/report/sheet";
import { fitHeaderFooter } from "../../core/report/header-footer";

/** Excel.PageOrientation's values (@types/office-js). */
export const ORIENTATION: Readonly<Record<Orientation, `${Excel.PageOrientation}`>> = { portrait: "Portrait", landscape: "Landscape" };
/** Excel.PaperType's value for A4 (@types/office-js). */
export const PAPER: Readonly<Record<PrintSetup["paper"], `${Excel.PaperType}`>> = { A4: "A4" };

const POINTS_PER_INCH = 72;
const points = (inches: number): number => Math.round(inches * POINTS_PER_INCH * 100) / 100;

/** "A", "Z", "AA" … for 1, 26, 27 … */
function letter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** The documented zoom for `print`: a fixed scale (see above). */
export function zoomOf(print: PrintSetup): Excel.PageLayoutZoomOptions {
  return { scale: Math.min(400, Math.max(10, Math.round(print.scale))) };
}

/**
 * Queues the print setup of `sheet` (no sync). `printArea` ("A1:M40")
 * leaves what lies outside it, such as charts beside a report, off the paper.
 */
export function applyPageLayout(sheet: Excel.Worksheet, print: PrintSetup, printArea?: string): void {
  const layout = sheet.pageLayout;
  layout.orientation = ORIENTATION[print.orientation];
  layout.paperSize = PAPER[print.paper];
  layout.zoom = zoomOf(print);
  layout.leftMargin = points(PAGE_MARGINS.left);
  layout.rightMargin = points(PAGE_MARGINS.right);
  layout.topMargin = points(PAGE_MARGINS.top);
  layout.bottomMargin = points(PAGE_MARGINS.bottom);
  layout.headerMargin = points(PAGE_MARGINS.header);
  layout.footerMargin = points(PAGE_MARGINS.footer);
  layout.centerHorizontally = true;
  if (print.titleRows) layout.setPrintTitleRows(`$${print.titleRows.from}:$${print.titleRows.to}`);
  if (print.titleColumns) layout.setPrintTitleColumns(`$${letter(print.titleColumns.from)}:$${letter(print.titleColumns.to)}`);
  if (printArea) layout.setPrintArea(printArea);
  // Header/footer codes (&P, &N, &A, && for "&") as Excel documents them for headers and footers.
  const header = fitHeaderFooter(print.header);
  const footer = fitHeaderFooter(print.footer);
  const hf = layout.headersFooters.defaultForAllPages;
  hf.leftHeader = header.left ?? "";
  hf.centerHeader = header.center ?? "";
  hf.rightHeader = header.right ?? "";
  hf.leftFooter = footer.left ?? "";
  hf.centerFooter = footer.center ?? "";
  hf.rightFooter = footer.right ?? "";
}

/** "A1:M40": the report's cells, its columns' full width. */
export function reportPrintArea(rows: number, columns: number): string {
  return `A1:${letter(Math.max(1, columns))}${Math.max(1, rows)}`;
}
