/**
 * Rows appended to a contract table by editing the package, not by loading
 * the workbook.
 *
 * XlsxWorkbook.appendRows + save re-serialises every cell through exceljs:
 * at 25,000 customers (250,000 follow-ups) adding one row took 3½ minutes
 * and 4.4 GB, and a larger workbook runs out of memory; charts and pivot
 * tables would be lost, so such a file is refused. Here the table's sheet
 * is read by the streamed reader, the batch is planned by the same rules
 * (workbook/write-plan.ts planAppend: all or nothing, duplicate IDs
 * refused), and the new rows are spliced in just after the last row that
 * holds anything; the table part's range and the sheet's dimension grow to
 * match. Every other part keeps its bytes.
 *
 * New cells take the look of the row above (the table's last filled row),
 * unless a blank row being filled has a style of its own, as
 * row-style.ts copyRowLook does. What this writer does not handle it says
 * (`unsupported`), and the caller uses the full load, which does: an empty
 * table (no row above to take the look from), a totals row, merged cells or
 * hyperlinks in the sheet, calculated columns, cells in the rows to fill,
 * a date column whose style shows no date, a text XML cannot carry as it
 * is. Dropdowns (data validations) and conditional formats whose ranges
 * reach the last filled row are carried down to the new rows, and none is
 * left below the table (workbook/xlsx/ooxml/rules-below.ts says why).
 */
import JSZip from "jszip";
import { ok, type Issue } from "../../../core/contract/issues";
import type { LocalizedText } from "../../../core/contract/schema";
import type { CellValue } from "../../../core/contract/raw";
import { SCHEMA, type TableName } from "../../../core/contract/schema";
import { columnDef } from "../../locate";
import { datesBefore1904, planAppend, type RowWrite, type TableView } from "../../write-plan";
import { rowXml, sheetCells, type NewCell, type SheetCell } from "./row-xml";
import { decodeRange, encodeRange } from "../exceljs/sheet-region";
import { keepRulesOffZones, zonesBelow } from "../ooxml/rules-below";
import type { PackageTableView, XlsxTableReader } from "../stream/table-reader";
import { concatBytes } from "../stream/zip-parts";
import type { PutPart } from "./put-deflated";

type Row = Readonly<Record<string, CellValue>>;

export type PackageAppend =
  /** The package with the rows in it. */
  /** `ids`: the table's IDs after the append (the view planned against, the new rows below), for the next append to plan against. */
  | { readonly kind: "written"; readonly bytes: Uint8Array; readonly firstRow: number; readonly count: number; readonly ids: PackageTableView }
  /** The batch breaks a rule (planAppend): nothing is written. */
  | { readonly kind: "refused"; readonly issues: readonly Issue[] }
  /** The workbook needs what only the full load does; `why` says what. */
  | { readonly kind: "unsupported"; readonly why: LocalizedText };

export interface AppendOptions {
  /** How the rewritten sheet goes into the package; JSZip compresses it unless given (node: deflate-node.ts putDeflated). */
  readonly put?: PutPart;
  /**
   * The table as `reader` read it from these very bytes (`tradebook import`
   * validates against it): the sheet is then not read a second time. Used
   * when it holds the table's ID column.
   */
  readonly view?: PackageTableView;
  /**
   * Change the reader's own loaded package (XlsxTableReader.package) in
   * place instead of loading the bytes again: the task pane's file mode
   * keeps it between writes (xlsx-package.ts).
   */
  readonly inPlace?: boolean;
}

const unsupported = (zh: string, en: string): PackageAppend => ({ kind: "unsupported", why: { zh, en } });

/** Days between the 1900 and 1904 date systems' serials. */
const DAYS_1904 = 1462;

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8");

/** Where `needle` first occurs in `hay` at or after `from`, -1 when nowhere. */
function indexOf(hay: Uint8Array, needle: string, from: number): number {
  const n = encoder.encode(needle);
  outer: for (let i = from; i <= hay.length - n.length; i++) {
    for (let k = 0; k < n.length; k++) if (hay[i + k] !== n[k]) continue outer;
    return i;
  }
  return -1;
}

/** Where `needle` last occurs in `hay` at or before `from`, -1 when nowhere. */
function lastIndexOf(hay: Uint8Array, needle: string, from: number): number {
  const n = encoder.encode(needle);
  outer: for (let i = Math.min(from, hay.length - n.length); i >= 0; i--) {
    for (let k = 0; k < n.length; k++) if (hay[i + k] !== n[k]) continue outer;
    return i;
  }
  return -1;
}

/** A <row> element found at the end of <sheetData>: its number, its bytes' span, its cells. */
interface TailRow {
  readonly r: number;
  readonly from: number;
  readonly to: number;
  readonly cells: SheetCell[];
}

/**
 * The rows from number `from` on, walking back from </sheetData> (at `end`);
 * undefined when they are not what this writer handles (no row `from`, rows
 * out of order, a row or cell without its number).
 */
function tailRows(sheet: Uint8Array, end: number, from: number): TailRow[] | undefined {
  const rows: TailRow[] = [];
  let to = end;
  for (;;) {
    const at = lastIndexOf(sheet, "<row", to - 1);
    if (at < 0) return undefined;
    const next = sheet[at + 4];
    if (next !== 0x20 && next !== 0x3e && next !== 0x09 && next !== 0x0a && next !== 0x0d) return undefined;
    const element = decoder.decode(sheet.subarray(at, to));
    const r = Number(/^<row\b[^>]*?\sr="(\d+)"/.exec(element)?.[1] ?? NaN);
    const cells = sheetCells(element);
    if (!Number.isInteger(r) || cells === undefined) return undefined;
    if (rows.length > 0 && r >= rows[rows.length - 1].r) return undefined;
    rows.push({ r, from: at, to, cells });
    if (r <= from) return r === from ? rows.reverse() : undefined;
    to = at;
  }
}

/** `ref` grown to reach row `bottom` and column `right` (never shrunk). */
function grown(ref: string, bottom: number, right: number): string | undefined {
  const range = decodeRange(ref);
  return range && encodeRange(range.top, range.left, Math.max(range.bottom, bottom), Math.max(range.right, right));
}

/** The first `<name …>` tag in `xml` with its ref attribute grown to row `bottom` and column `right`. */
function growTag(xml: string, name: string, bottom: number, right: number): string {
  const grow = (tag: string): string => tag.replace(/(\sref=")([^"]*)(")/, (_m, a: string, ref: string, b: string) => a + (grown(ref, bottom, right) ?? ref) + b);
  return xml.replace(new RegExp(`<(?:\\w+:)?${name}\\b[^>]*>`), grow);
}

/** The table part with its range and its filter's grown to the new rows; an unsupported outcome for calculated columns. */
function grownTablePart(xml: string, lastRow: number, lastCol: number): string | PackageAppend {
  if (/<(?:\w+:)?calculatedColumnFormula\b/.test(xml)) return unsupported("表格有计算列", "the table has calculated columns");
  return growTag(growTag(xml, "table", lastRow, lastCol), "autoFilter", lastRow, lastCol);
}

/**
 * The sheet's XML after </sheetData> with the data validations (dropdowns)
 * and conditional formats that reach the last filled row carried down to
 * the new rows, as the row above's dropdowns are by the exceljs path
 * (row-style.ts copyRowLook). A range beside or across the table's columns
 * is left as it is.
 */
function carriedDown(tail: string, lastFilled: number, lastRow: number, firstCol: number, lastCol: number): string {
  const carry = (ref: string): string => {
    const range = decodeRange(ref);
    if (!range || range.left < firstCol || range.right > lastCol || range.top > lastFilled || range.bottom < lastFilled || range.bottom >= lastRow) return ref;
    return encodeRange(range.top, range.left, lastRow, range.right);
  };
  return tail.replace(/(<(?:\w+:)?(?:dataValidation|conditionalFormatting)\b[^>]*?\ssqref=")([^"]*)(")/g, (_m, open: string, sqref: string, close: string) => open + sqref.split(" ").map(carry).join(" ") + close);
}

/** What the new rows are written from: the table as read, and the rows at the end of its sheet. */
interface Target {
  readonly table: TableName;
  readonly reader: XlsxTableReader;
  readonly view: TableView;
  readonly firstCol: number;
  /** The last filled row, whose look the new rows take. */
  readonly above: TailRow;
  /** The blank rows the new rows fill, by number. */
  readonly filling: ReadonlyMap<number, TailRow>;
}

/** Rows encoded at a time: the XML of a big batch is never one string. */
const ROWS_A_PIECE = 2000;

/** The planned rows as UTF-8 XML in pieces, in the look of the row above; an unsupported outcome when a cell cannot be written so. */
function rowsXmlOf(target: Target, writes: readonly RowWrite[]): Uint8Array[] | PackageAppend {
  const { table, reader, view, firstCol, above, filling } = target;
  const width = view.layout.headers.length;
  const styleAbove = new Map(above.cells.map((c) => [c.col, c.style]));
  const keys = new Map([...view.layout.positions].map(([key, position]) => [position, key]));
  const pieces: Uint8Array[] = [];
  let xml = "";
  let inPiece = 0;
  for (const write of writes) {
    const values = new Map(write.cells.map((c) => [c.position, c.value]));
    const own = filling.get(write.rowNumber)?.cells ?? [];
    const ownStyle = new Map(own.map((c) => [c.col, c.style]));
    // Cells the row already has beside the table stay as they are.
    const cells: (NewCell | SheetCell)[] = own.filter((c) => c.col < firstCol || c.col >= firstCol + width);
    for (let position = 0; position < width; position++) {
      const col = firstCol + position;
      const style = ownStyle.get(col) || styleAbove.get(col) || 0;
      let value = values.get(position) ?? null;
      const key = keys.get(position);
      const type = key === undefined ? undefined : columnDef(table, key)?.type;
      if ((type === "date" || type === "datetime") && typeof value === "number") {
        if (!reader.isDateStyle(style)) return unsupported(`「${view.layout.headers[position]}」列的格式不显示日期`, `column ${view.layout.headers[position]} does not show dates`);
        if (reader.date1904) value -= DAYS_1904;
      }
      cells.push({ col, style, value });
    }
    const row = rowXml(write.rowNumber, cells);
    if (row === undefined) return unsupported("要写入的文字含控制字符或 _x0000_ 形式的代码", "a text to add holds control characters or _x0000_-style codes");
    xml += row;
    if (++inPiece === ROWS_A_PIECE) {
      pieces.push(encoder.encode(xml));
      xml = "";
      inPiece = 0;
    }
  }
  pieces.push(encoder.encode(xml));
  return pieces;
}

/** The view's ID column (only) with the written rows below: what a read of the IDs after the append gives. */
function idsAfter(before: PackageTableView, keys: readonly string[], writes: readonly RowWrite[]): PackageTableView {
  const { layout } = before.view;
  const at = keys.map((k) => layout.positions.get(k)).filter((p): p is number => p !== undefined);
  const width = layout.headers.length;
  const only = (cells: readonly CellValue[]): CellValue[] => {
    const out = new Array<CellValue>(width).fill(null);
    for (const p of at) out[p] = cells[p] ?? null;
    return out;
  };
  const written = writes.map((w) => {
    const cells = new Array<CellValue>(width).fill(null);
    for (const c of w.cells) cells[c.position] = c.value;
    return { rowNumber: w.rowNumber, cells: only(cells) };
  });
  return { ...before, columns: keys, view: { ...before.view, rows: [...before.view.rows.map((r) => ({ rowNumber: r.rowNumber, cells: only(r.cells) })), ...written] } };
}

/**
 * `rows` appended to `table` in the package `bytes` (which `reader` reads),
 * after its last filled row. The rows are cells by column key, as
 * WorkbookPort.appendRows takes them.
 */
export async function appendRowsIntoPackage(reader: XlsxTableReader, bytes: Uint8Array, table: TableName, rows: readonly Row[], options: AppendOptions = {}): Promise<PackageAppend> {
  // Planning needs the rows' numbers and IDs (write-plan.ts planAppend): of the sheet's cells only the IDs become values.
  const idColumn = SCHEMA[table].idColumn;
  const planned = idColumn === null ? [] : [idColumn];
  const given = options.view && (options.view.columns === undefined || planned.every((k) => options.view?.columns?.includes(k))) ? options.view : undefined;
  const read = given ? ok(given) : await reader.readView(table, planned);
  if (!read.ok) return { kind: "refused", issues: read.error };
  const { region, view, exact } = read.value;
  if (exact) return unsupported("工作表有合并单元格或超链接", "the sheet has merged cells or hyperlinks");
  if (region.excelTable?.totalsRow) return unsupported("表格有汇总行", "the table has a totals row");
  const lastFilled = view.rows.length > 0 ? view.rows[view.rows.length - 1].rowNumber : region.headerRow;
  if (lastFilled === region.headerRow) return unsupported("表格还没有数据行", "the table has no rows yet");
  const firstRow = lastFilled + 1;
  const plan = planAppend(view, firstRow, rows);
  if (!plan.ok) return { kind: "refused", issues: plan.error };
  const early = reader.date1904 ? datesBefore1904(view, plan.value) : [];
  if (early.length > 0) return { kind: "refused", issues: early };
  if (rows.length === 0) return { kind: "written", bytes, firstRow, count: 0, ids: idsAfter(read.value, planned, []) };
  const lastRow = firstRow + rows.length - 1;
  const lastCol = region.firstCol + view.layout.headers.length - 1;

  let tablePart: { readonly path: string; readonly xml: string } | undefined;
  if (region.excelTable) {
    const part = await reader.part(region.excelTable.path);
    if (part === undefined) return unsupported("文件中缺少该表格的定义", "the file lacks the table's definition");
    const xml = grownTablePart(decoder.decode(part), lastRow, lastCol);
    if (typeof xml !== "string") return xml;
    tablePart = { path: region.excelTable.path, xml };
  }

  const sheet = await reader.part(region.sheet.path);
  const end = sheet === undefined ? -1 : lastIndexOf(sheet, "</sheetData>", sheet.length);
  const dataAt = sheet === undefined ? -1 : indexOf(sheet, "<sheetData", 0);
  if (sheet === undefined || end < 0 || dataAt < 0) return unsupported("工作表的行排列方式不常见", "the sheet's rows are laid out in an unusual way");
  const tail = tailRows(sheet, end, lastFilled);
  if (tail === undefined || tail[0].from < dataAt) return unsupported("工作表末尾的行未按顺序保存", "the sheet's last rows are stored out of order");
  const replaced = tail.filter((t) => t.r >= firstRow && t.r <= lastRow);
  if (replaced.some((t) => t.cells.some((c) => c.filled))) return unsupported("表格下方要写入的行已有内容", "the rows below the table already hold something");
  const rowsXml = rowsXmlOf({ table, reader, view, firstCol: region.firstCol, above: tail[0], filling: new Map(replaced.map((t) => [t.r, t])) }, plan.value);
  if (!Array.isArray(rowsXml)) return rowsXml;

  // The new rows replace the blank rows they fill, before any row below them.
  const below = tail.find((t) => t.r > lastRow);
  const cutFrom = replaced.length > 0 ? replaced[0].from : below ? below.from : end;
  const cutTo = replaced.length > 0 ? replaced[replaced.length - 1].to : cutFrom;
  // The dimension is in the sheet's head, the few hundred bytes before <sheetData>.
  const head = growTag(decoder.decode(sheet.subarray(0, dataAt)), "dimension", lastRow, lastCol);
  const carried = carriedDown(decoder.decode(sheet.subarray(end)), lastFilled, lastRow, region.firstCol, lastCol);
  const tableRef = region.excelTable ? decodeRange(region.excelTable.ref) : undefined;
  const after = tableRef ? keepRulesOffZones(carried, zonesBelow([encodeRange(tableRef.top, tableRef.left, Math.max(tableRef.bottom, lastRow), tableRef.right)])).tail : carried;
  // In pieces: the sheet (hundreds of MB at 50,000 customers) is not copied whole to splice the rows in.
  const newSheet = [encoder.encode(head), sheet.subarray(dataAt, cutFrom), ...rowsXml, sheet.subarray(cutTo, end), encoder.encode(after)];

  const zip = options.inPlace ? reader.package : await JSZip.loadAsync(bytes);
  if (options.put) await options.put(zip, region.sheet.path, newSheet);
  else zip.file(region.sheet.path, concatBytes(newSheet), { createFolders: false });
  if (tablePart) zip.file(tablePart.path, tablePart.xml, { createFolders: false });
  const out = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
  return { kind: "written", bytes: out, firstRow, count: rows.length, ids: idsAfter(read.value, planned, plan.value) };
}
