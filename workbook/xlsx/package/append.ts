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
import { rowXml, type NewCell, type SheetCell } from "./row-xml";
import { decodeRange, encodeRange } from "../exceljs/sheet-region";
import { keepRulesOffZones, zonesBelow } from "../ooxml/rules-below";
import type { PackageTableView, XlsxTableReader } from "../stream/table-reader";
import { concatBytes, Utf8Pieces } from "../stream/bytes";
import { collected, type PreparedSheet, type PutPart } from "./put-deflated";
import { splicedSheet, SpliceRefusal, type SheetEnd, type TailRow } from "./sheet-splice";

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
  /** The table's sheet cut after its last filled row and its body deflated while the batch was planned (put-deflated.ts): used when it was cut where the rows go. */
  readonly prepared?: PreparedSheet;
}

const unsupported = (zh: string, en: string): PackageAppend => ({ kind: "unsupported", why: { zh, en } });

/** Days between the 1900 and 1904 date systems' serials. */
const DAYS_1904 = 1462;

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8");

/** What the sheet's end showed (the splice stops with it): the full load is needed. */
class Unsupported extends Error {
  constructor(readonly outcome: PackageAppend) {
    super("unsupported");
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

/** The planned rows as UTF-8 XML in pieces, in the look of the row above; an unsupported outcome when a cell cannot be written so. */
function rowsXmlOf(target: Target, writes: readonly RowWrite[]): Uint8Array[] | PackageAppend {
  const { table, reader, view, firstCol, above, filling } = target;
  const width = view.layout.headers.length;
  const styleAbove = new Map(above.cells.map((c) => [c.col, c.style]));
  const keys = new Map([...view.layout.positions].map(([key, position]) => [position, key]));
  // The XML of a big batch is never one string: each row goes into pieces of UTF-8 as it is made.
  const pieces = new Utf8Pieces();
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
    pieces.add(row);
  }
  return pieces.done();
}

/**
 * The view planned against with the written rows below: what a read of the
 * same columns after the append gives, for the next append to plan against.
 * Its rows are the view's own (not copied: at 500,000 rows a copy of each
 * took 280 ms of a one-row import).
 */
function idsAfter(before: PackageTableView, writes: readonly RowWrite[]): PackageTableView {
  const width = before.view.layout.headers.length;
  const written = writes.map((w) => {
    const cells = new Array<CellValue>(width).fill(null);
    for (const c of w.cells) cells[c.position] = c.value;
    return { rowNumber: w.rowNumber, cells };
  });
  return { ...before, view: { ...before.view, rows: written.length === 0 ? before.view.rows : before.view.rows.concat(written) } };
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
  if (rows.length === 0) return { kind: "written", bytes, firstRow, count: 0, ids: idsAfter(read.value, []) };
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

  const tableRef = region.excelTable ? decodeRange(region.excelTable.ref) : undefined;
  // The sheet's end, once the stream reaches it: the new rows replace the blank rows they fill, before any row below them.
  const end = ({ bytes: sheet, end, rows: tail }: SheetEnd): Uint8Array[] => {
    const replaced = tail.filter((t) => t.r >= firstRow && t.r <= lastRow);
    if (replaced.some((t) => t.cells.some((c) => c.filled))) throw new Unsupported(unsupported("表格下方要写入的行已有内容", "the rows below the table already hold something"));
    const rowsXml = rowsXmlOf({ table, reader, view, firstCol: region.firstCol, above: tail[0], filling: new Map(replaced.map((t) => [t.r, t])) }, plan.value);
    if (!Array.isArray(rowsXml)) throw new Unsupported(rowsXml);
    const below = tail.find((t) => t.r > lastRow);
    const cutFrom = replaced.length > 0 ? replaced[0].from : below ? below.from : end;
    const cutTo = replaced.length > 0 ? replaced[replaced.length - 1].to : cutFrom;
    const carried = carriedDown(decoder.decode(sheet.subarray(end)), lastFilled, lastRow, region.firstCol, lastCol);
    const after = tableRef ? keepRulesOffZones(carried, zonesBelow([encodeRange(tableRef.top, tableRef.left, Math.max(tableRef.bottom, lastRow), tableRef.right)])).tail : carried;
    return [sheet.subarray(0, cutFrom), ...rowsXml, sheet.subarray(cutTo, end), encoder.encode(after)];
  };
  const newHead = (head: string): string => growTag(head, "dimension", lastRow, lastCol);
  const prepared = options.prepared?.path === region.sheet.path && options.prepared.from === lastFilled ? options.prepared : undefined;
  const source = prepared ? undefined : reader.partPieces(region.sheet.path);
  if (!prepared && source === undefined) return unsupported("工作表的行排列方式不常见", "the sheet's rows are laid out in an unusual way");

  const zip = options.inPlace ? reader.package : await JSZip.loadAsync(bytes);
  try {
    if (prepared) {
      // Its body was deflated while the batch was checked: only the head and end are new.
      const ready = await prepared.ready;
      await ready.put(zip, encoder.encode(newHead(decoder.decode(ready.head))), end(ready.held));
    } else if (source) {
      // Streamed (sheet-splice.ts): the sheet (hundreds of MB at 50,000 customers) goes from the inflater to the deflater, never whole; the dimension is in its head.
      const newSheet = splicedSheet(source, lastFilled, newHead, end);
      if (options.put) await options.put(zip, region.sheet.path, newSheet);
      else zip.file(region.sheet.path, concatBytes(await collected(newSheet)), { createFolders: false });
    }
  } catch (e) {
    // Nothing was put: the package is as it was.
    if (e instanceof Unsupported) return e.outcome;
    if (e instanceof SpliceRefusal) return e.reason === "order" ? unsupported("工作表末尾的行未按顺序保存", "the sheet's last rows are stored out of order") : unsupported("工作表的行排列方式不常见", "the sheet's rows are laid out in an unusual way");
    throw e;
  }
  if (tablePart) zip.file(tablePart.path, tablePart.xml, { createFolders: false });
  const out = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
  return { kind: "written", bytes: out, firstRow, count: rows.length, ids: idsAfter(read.value, plan.value) };
}
