/**
 * A ReportSheet (core/report/sheet.ts) as the SpreadsheetML parts report.ts
 * moves into a workbook: the sheet, its styles and its print titles, written
 * as text. This is what exceljs wrote for it (exceljs/report-writer.ts
 * renders the same sheet into a workbook exceljs holds), without loading
 * exceljs: it is the largest package the command line has, and loading it
 * cost `tradebook review` of a small workbook about a third of its time.
 * tests/workbook/xlsx/package/fidelity.test.ts reads both renderings back
 * and compares them cell by cell, style by style. Browser-safe.
 *
 * Texts go out as shared-string indices with their <si> content, as exceljs
 * wrote them (transplantSheet makes them inline strings); styles are listed
 * once each, in first-use order.
 */
import { BODY_POINTS } from "../../../core/report/builder";
import { headerFooter } from "../../../core/report/header-footer";
import { PAGE_MARGINS } from "../../../core/report/page";
import { rowHeights } from "../../../core/report/row-heights";
import { safeSheetName, type CellStyle, type ReportSheet } from "../../../core/report/sheet";
import { escapeXml } from "../ooxml/xml-edit";
import { escapeXmlText } from "../exceljs/escaped-texts";
import { A4_PAPER_SIZE } from "../exceljs/page-setup";
import { NUMBER_FORMATS, REPORT_FONT, ref } from "../exceljs/report-writer";
import { columnLetter } from "../exceljs/sheet-region";

/** The parts of a report rendered alone. */
export interface RenderedReport {
  readonly sheetXml: string;
  readonly stylesXml: string;
  readonly strings: readonly string[];
  /** Its workbook.xml's <definedName> elements (print titles, print area), all local to sheet 0. */
  readonly definedNames: readonly string[];
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Excel's built-in number formats the report uses (ECMA-376 §18.8.30); others get custom ids from 164. */
const BUILT_IN_FORMATS: Readonly<Record<string, number>> = { "0": 1, "#,##0.00": 4, "@": 49 };
/** The extension exceljs writes in every data bar rule (an empty x14 id), kept so both writers give the same sheet. */
const X14_EXT = '<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:id/></ext></extLst>';
const THIN = '<color rgb="FFBFBFBF"/>';
const argb = (rgb: string): string => `FF${rgb.toUpperCase()}`;

/** A list that numbers each distinct text once, in first-use order. */
class Listing {
  readonly items: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(first: readonly string[] = []) {
    for (const f of first) this.id(f);
  }
  id(text: string): number {
    let n = this.index.get(text);
    if (n === undefined) {
      n = this.items.length;
      this.items.push(text);
      this.index.set(text, n);
    }
    return n;
  }
}

class Styles {
  readonly fonts = new Listing(['<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>']);
  readonly fills = new Listing(['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>']);
  readonly borders = new Listing(["<border><left/><right/><top/><bottom/><diagonal/></border>"]);
  readonly xfs = new Listing(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);
  readonly dxfs = new Listing();
  private readonly formats = new Map<string, number>();

  private numFmt(code: string): number {
    const known = BUILT_IN_FORMATS[code] ?? this.formats.get(code);
    if (known !== undefined) return known;
    const id = 164 + this.formats.size;
    this.formats.set(code, id);
    return id;
  }

  /** The cellXfs index of a cell style, as exceljs/report-writer.ts applyStyle sets it. */
  xf(style: CellStyle): number {
    const font = this.fonts.id(
      `<font>${style.bold ? "<b/>" : ""}${style.italic ? "<i/>" : ""}<sz val="${style.size ?? BODY_POINTS}"/>${style.color ? `<color rgb="${argb(style.color)}"/>` : ""}<name val="${REPORT_FONT}"/></font>`,
    );
    const fill = style.fill ? this.fills.id(`<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/></patternFill></fill>`) : 0;
    const border =
      style.border === "bottom"
        ? this.borders.id('<border><left/><right/><top/><bottom style="thin"><color rgb="FF000000"/></bottom><diagonal/></border>')
        : style.border
          ? this.borders.id(`<border><left style="thin">${THIN}</left><right style="thin">${THIN}</right><top style="thin">${THIN}</top><bottom style="thin">${THIN}</bottom><diagonal/></border>`)
          : 0;
    const format = style.format ? this.numFmt(NUMBER_FORMATS[style.format]) : 0;
    const wrapped = style.align !== undefined || style.wrap === true;
    const alignment = `<alignment${wrapped && style.align ? ` horizontal="${style.align}"` : ""} vertical="${style.valign ?? "top"}"${wrapped && style.wrap ? ' wrapText="1"' : ""}/>`;
    const applies = `${format ? ' applyNumberFormat="1"' : ""} applyFont="1"${fill ? ' applyFill="1"' : ""}${border ? ' applyBorder="1"' : ""} applyAlignment="1"`;
    return this.xfs.id(`<xf numFmtId="${format}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${applies}>${alignment}</xf>`);
  }

  dxf(fill: string, color: string | undefined): number {
    const font = color ? `<font><b/><color rgb="${argb(color)}"/></font>` : "";
    return this.dxfs.id(`<dxf>${font}<fill><patternFill patternType="solid"><bgColor rgb="${argb(fill)}"/></patternFill></fill></dxf>`);
  }

  xml(): string {
    const list = (name: string, items: readonly string[]) => `<${name} count="${items.length}">${items.join("")}</${name}>`;
    const formats = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return (
      `${HEAD}<styleSheet xmlns="${MAIN}">${formats.length > 0 ? list("numFmts", formats) : ""}${list("fonts", this.fonts.items)}${list("fills", this.fills.items)}${list("borders", this.borders.items)}` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>${list("cellXfs", this.xfs.items)}` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>${list("dxfs", this.dxfs.items)}</styleSheet>`
    );
  }
}

/** A text as shared strings hold it: escaped for OOXML (control characters, `_xHHHH_`) and for XML. */
function stringItem(text: string): string {
  const space = text !== text.trim() || /[\n\t]/.test(text) ? ' xml:space="preserve"' : "";
  return `<t${space}>${escapeXml(escapeXmlText(text))}</t>`;
}

interface Cell {
  readonly value: string | number | null;
  readonly xf: number;
}

/** The cells by row then column; a merged range's other cells take its first cell's style, as Excel keeps them. */
function cellGrid(sheet: ReportSheet, styles: Styles): Map<number, Map<number, Cell>> {
  const rows = new Map<number, Map<number, Cell>>();
  const put = (row: number, col: number, cell: Cell) => {
    let r = rows.get(row);
    if (!r) rows.set(row, (r = new Map()));
    r.set(col, cell);
  };
  for (const c of sheet.cells) put(c.row, c.col, { value: c.value, xf: c.style ? styles.xf(c.style) : 0 });
  for (const m of sheet.merges) {
    const master = rows.get(m.fromRow)?.get(m.fromCol);
    for (let r = m.fromRow; r <= m.toRow; r++) for (let c = m.fromCol; c <= m.toCol; c++) if (r !== m.fromRow || c !== m.fromCol) put(r, c, { value: null, xf: master?.xf ?? 0 });
  }
  return rows;
}

function sheetData(grid: Map<number, Map<number, Cell>>, heights: ReadonlyMap<number, number>, strings: Listing): string {
  const numbers = [...new Set([...grid.keys(), ...heights.keys()])].sort((a, b) => a - b);
  let xml = "";
  for (const r of numbers) {
    const height = heights.get(r);
    const cells = [...(grid.get(r) ?? new Map<number, Cell>())].sort((a, b) => a[0] - b[0]);
    xml += `<row r="${r}"${height === undefined ? "" : ` ht="${height}" customHeight="1"`}>`;
    for (const [col, cell] of cells) {
      const at = `${columnLetter(col)}${r}`;
      const s = cell.xf ? ` s="${cell.xf}"` : "";
      if (cell.value === null || (typeof cell.value === "number" && !Number.isFinite(cell.value))) xml += `<c r="${at}"${s}/>`;
      else if (typeof cell.value === "number") xml += `<c r="${at}"${s}><v>${cell.value}</v></c>`;
      else xml += `<c r="${at}"${s} t="s"><v>${strings.id(stringItem(cell.value))}</v></c>`;
    }
    xml += "</row>";
  }
  return `<sheetData>${xml}</sheetData>`;
}

/** The report's parts, as report.ts moves them into a workbook. */
export function renderReportXml(sheet: ReportSheet): RenderedReport {
  const name = safeSheetName(sheet.name);
  const styles = new Styles();
  const strings = new Listing();
  const grid = cellGrid(sheet, styles);
  const heights = rowHeights(sheet, BODY_POINTS);
  const lastRow = Math.max(1, ...grid.keys(), ...heights.keys());
  const lastCol = Math.max(1, sheet.columnWidths.length, ...[...grid.values()].flatMap((r) => [...r.keys()]));
  const freeze = sheet.freezeRows
    ? `<sheetView workbookViewId="0"><pane ySplit="${sheet.freezeRows}" topLeftCell="A${sheet.freezeRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView>`
    : '<sheetView workbookViewId="0"/>';
  const cols = sheet.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("");
  const data = sheetData(grid, heights, strings);
  const merges = sheet.merges.length === 0 ? "" : `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${ref(m)}"/>`).join("")}</mergeCells>`;
  let priority = 1;
  const marks = sheet.conditional
    .map((m) => `<conditionalFormatting sqref="${ref(m.block)}"><cfRule type="cellIs" dxfId="${styles.dxf(m.fill, m.color)}" priority="${priority++}" operator="equal"><formula>${escapeXml(`"${m.equals.replace(/"/g, '""')}"`)}</formula></cfRule></conditionalFormatting>`)
    .join("");
  const bars = sheet.dataBars
    .map((b) => `<conditionalFormatting sqref="${ref(b.block)}"><cfRule type="dataBar" priority="${priority++}"><dataBar><cfvo type="num" val="0"/><cfvo type="max"/><color rgb="${argb(b.color)}"/></dataBar>${X14_EXT}</cfRule></conditionalFormatting>`)
    .join("");
  const p = sheet.print;
  const margins = PAGE_MARGINS;
  const page =
    `<printOptions horizontalCentered="1"/><pageMargins left="${margins.left}" right="${margins.right}" top="${margins.top}" bottom="${margins.bottom}" header="${margins.header}" footer="${margins.footer}"/>` +
    `<pageSetup paperSize="${A4_PAPER_SIZE}" orientation="${p.orientation}" fitToWidth="${p.fitToWidth}" fitToHeight="0"/>` +
    `<headerFooter><oddHeader>${escapeXml(headerFooter(p.header))}</oddHeader><oddFooter>${escapeXml(headerFooter(p.footer))}</oddFooter></headerFooter>`;
  // A break before row r is a break below row r - 1.
  const breaks = (sheet.pageBreaks ?? []).filter((r) => r > 1);
  const rowBreaks = breaks.length === 0 ? "" : `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`).join("")}</rowBreaks>`;
  const sheetXml =
    `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<dimension ref="A1:${columnLetter(lastCol)}${lastRow}"/><sheetViews>${freeze}</sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols === "" ? "" : `<cols>${cols}</cols>`}` +
    `${data}${merges}${marks}${bars}${page}${rowBreaks}</worksheet>`;
  const quoted = `'${name.replace(/'/g, "''")}'`;
  const titles = [
    ...(p.titleColumns ? [`${quoted}!$${columnLetter(p.titleColumns.from)}:$${columnLetter(p.titleColumns.to)}`] : []),
    ...(p.titleRows ? [`${quoted}!$${p.titleRows.from}:$${p.titleRows.to}`] : []),
  ];
  const definedNames = titles.length === 0 ? [] : [`<definedName name="_xlnm.Print_Titles" localSheetId="0">${escapeXml(titles.join(","))}</definedName>`];
  return { sheetXml, stylesXml: styles.xml(), strings: strings.items, definedNames };
}
