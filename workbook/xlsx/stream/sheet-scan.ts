/**
 * A worksheet's <sheetData>, scanned row by row from text chunks: the sheet
 * is never held whole, only the rows of one chunk at a time. Each chunk is
 * cut after its last complete </row>; the rest waits for the next chunk.
 * It runs past 300 lines because it is one tokenizer: the tag, attribute and
 * value readers share the same offsets into the chunk and the same mutable
 * cell, and Excel's size limits are checked where the offsets are known.
 */
import type { CellValue } from "../../../core/contract/raw";
import { EXCEL_MAX_CELL_CHARS, EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS, cellTooLongMessage } from "../../../core/contract/excel-limits";
import { isBlankRow, issueAt } from "../../locate";
import { columnLetter } from "../exceljs/sheet-region";
import { ReadLimitError } from "../file-issues";
import { cellValue, type CellContext, type RawCell } from "./cell-value";
import { Pending } from "./pending";
import { plainNumber } from "./plain-number";
import { attrIn, unescapeOoxml, xmlText } from "../ooxml/xml-decode";

/** Where a scan puts the cells it reads. */
export interface RowSink {
  /** The array to fill with the row's cells, or undefined to skip the row. */
  row(rowNumber: number): CellValue[] | undefined;
  /** The 0-based slot of a 1-based column in that array, or -1 to skip the cell. */
  slotOf(col: number): number;
  /** True when the slot is a date column read as a 1904 serial. */
  date1904At(slot: number): boolean;
  /** The row is complete. */
  done(rowNumber: number, cells: CellValue[]): void;
  /** Hyperlink targets by cell address ("B7"), when known. */
  readonly hyperlinks?: ReadonlyMap<string, string>;
  /** Sees every cell of every row the sink takes, before its slot is looked up (merge masters). */
  readonly cell?: (rowNumber: number, col: number, c: RawCell) => void;
  /** Whether the slot's cells become values (every slot's when absent); a row is scanned again whole when only unread cells hold anything. */
  reads?(slot: number): boolean;
}

export interface ScanResult {
  /** The sheet's last row number (exceljs's rowCount before merges). */
  readonly lastRow: number;
  /** The XML after </sheetData> (hyperlinks, merged cells …). */
  readonly tail: string;
}

interface MutableCell {
  t: string | undefined;
  s: number;
  formula: boolean;
  v: string | undefined;
  n: number | undefined;
  runs: string | undefined;
}

/** The column number of an address like "AB12" (0 when it has none). */
function columnOf(xml: string, start: number, end: number): number {
  let col = 0;
  for (let i = start; i < end; i++) {
    const ch = xml.charCodeAt(i);
    if (ch >= 65 && ch <= 90) col = col * 26 + (ch - 64);
    else if (ch >= 97 && ch <= 122) col = col * 26 + (ch - 96);
    else if (ch !== 36 /* $ */) break;
  }
  return col;
}

/** A tag at exactly lastIndex (sticky): the scan finds the next "<" with indexOf, far faster than a regex search through a long text. */
const TAG = /<(\/?)(?:[A-Za-z_][\w.-]*:)?([A-Za-z]+)([^>]*?)(\/?)>/y;

/** The general case of a cell's content: formulas, inline strings, rich text. */
function parseContent(xml: string, from: number, to: number, out: MutableCell): void {
  let inRun = false;
  let reading: "f" | "v" | "t" | "rt" | undefined;
  let textFrom = 0;
  let f = "";
  let runs: string[] | undefined;
  const append = (raw: string): void => {
    if (raw.length === 0) return;
    const text = xmlText(raw);
    if (reading === "f") f += text;
    else if (reading === "rt") runs![runs!.length - 1] += unescapeOoxml(text);
    else out.v = out.v === undefined ? text : out.v + text;
  };
  for (let at = from; ; ) {
    const lt = xml.indexOf("<", at);
    if (lt < 0 || lt >= to) break;
    TAG.lastIndex = lt;
    const m = TAG.exec(xml);
    if (!m) {
      at = lt + 1;
      continue;
    }
    at = lt + m[0].length;
    const [whole, closing, name, attrs, empty] = m;
    if (reading !== undefined) {
      if (closing && (name === reading || (reading === "rt" && name === "t"))) {
        append(xml.slice(textFrom, m.index));
        reading = undefined;
      }
      continue;
    }
    if (closing) {
      if (name === "r") inRun = false;
      continue;
    }
    if (name === "f") {
      if (/\st\s*=\s*["'][^"']+["']/.test(attrs)) out.formula = true;
      if (!empty) {
        reading = "f";
        textFrom = m.index + whole.length;
      }
    } else if (name === "v" || (name === "t" && !inRun)) {
      if (!empty) {
        reading = name;
        textFrom = m.index + whole.length;
      }
    } else if (name === "r" && !empty) {
      inRun = true;
      (runs ??= []).push("");
    } else if (name === "t" && inRun && !empty) {
      reading = "rt";
      textFrom = m.index + whole.length;
    }
  }
  if (f.length > 0) out.formula = true;
  if (runs) out.runs = runs.join("");
}

/** A <c> tag's attributes, read without allocating for the common ones. */
interface CellTag {
  /** Where the r attribute's value is, -1 without one. */
  rFrom: number;
  rTo: number;
  /** The s attribute as a number, 0 without one. */
  s: number;
  t: string | undefined;
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** Known `t` values, so the common ones are not allocated per cell. */
const TYPES = ["s", "str", "inlineStr", "b", "e", "n", "d"];

function typeAt(xml: string, from: number, to: number): string {
  for (const t of TYPES) if (t.length === to - from && xml.startsWith(t, from)) return t;
  return xml.slice(from, to);
}

/** exceljs's parseInt(s, 10) || 0 over xml[from, to) (digits only; anything else goes through parseInt). */
function intAt(xml: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = xml.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return parseInt(xml.slice(from, to), 10) || 0;
    n = n * 10 + d;
  }
  return n;
}

/** The r, s and t attributes of a <c> tag whose attributes are xml[from, to), in one pass. */
function readCellTag(xml: string, from: number, to: number, out: CellTag): void {
  out.rFrom = out.rTo = -1;
  out.s = 0;
  out.t = undefined;
  let k = from;
  while (k < to) {
    if (isSpace(xml.charCodeAt(k))) {
      k++;
      continue;
    }
    // Plain loops rather than indexOf: names and values are a few characters, and a call per attribute of every cell added up.
    let eq = k;
    while (eq < to && xml.charCodeAt(eq) !== 61 /* = */) eq++;
    if (eq >= to) return;
    let nameEnd = eq;
    while (nameEnd > k && isSpace(xml.charCodeAt(nameEnd - 1))) nameEnd--;
    let q = eq + 1;
    while (isSpace(xml.charCodeAt(q))) q++;
    const quote = xml.charCodeAt(q);
    if (quote !== 34 && quote !== 39) return;
    let end = q + 1;
    while (end < to && xml.charCodeAt(end) !== quote) end++;
    if (end >= to) return;
    if (nameEnd - k === 1) {
      const name = xml.charCodeAt(k);
      if (name === 114 /* r */) {
        out.rFrom = q + 1;
        out.rTo = end;
      } else if (name === 115 /* s */) out.s = end > q + 1 ? intAt(xml, q + 1, end) : 0;
      else if (name === 116 /* t */) out.t = typeAt(xml, q + 1, end);
    }
    k = end + 1;
  }
}

const grouped = (n: number): string => n.toLocaleString("en-US");

/** A row or column past Excel's last, or a cell longer than Excel holds: refused where it is. */
function pastExcel(sheet: string, row: number | null, col: number | null, what: "row" | "column" | "cell", length = 0): ReadLimitError {
  const column = col === null ? null : col > EXCEL_MAX_COLUMNS ? String(col) : columnLetter(col);
  if (what === "cell") return new ReadLimitError(issueAt(sheet, row, column, "cell-too-long", cellTooLongMessage(length).zh, cellTooLongMessage(length).en));
  return what === "row"
    ? new ReadLimitError(issueAt(sheet, row, null, "too-many-rows", `行号超过 Excel 的最后一行 ${grouped(EXCEL_MAX_ROWS)}`, `the row is past Excel's last row, ${grouped(EXCEL_MAX_ROWS)}`))
    : new ReadLimitError(issueAt(sheet, row, column, "too-many-columns", `列超过 Excel 的最后一列 ${grouped(EXCEL_MAX_COLUMNS)}（XFD）`, `the column is past Excel's last column, ${grouped(EXCEL_MAX_COLUMNS)} (XFD)`));
}

/** The cell's text length when it is past Excel's limit (a shared string's as read), else 0. */
function overlong(c: MutableCell, value: CellValue, ctx: CellContext): number {
  if (typeof value === "string") return value.length > EXCEL_MAX_CELL_CHARS ? value.length : 0;
  if (c.t !== "s") return 0;
  const index = c.n ?? (c.v === undefined ? undefined : parseInt(c.v, 10));
  return index === undefined ? 0 : (ctx.tooLongStrings?.get(index) ?? 0);
}

/** The shared-string index of an unread cell's `<v>digits</v>` content xml[from, to), or -1 when it is anything else. */
function plainIndex(xml: string, from: number, to: number): number {
  if (!xml.startsWith("<v>", from) || !xml.startsWith("</v>", to - 4) || to - 4 <= from + 3) return -1;
  let n = 0;
  for (let i = from + 3; i < to - 4; i++) {
    const d = xml.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** A shared string index read plainly, of a string within Excel's cell limit. */
const isShortString = (ctx: CellContext, index: number): boolean => index >= 0 && !ctx.tooLongStrings?.has(index);

/** One scan's state, shared by its rows. */
interface Scan {
  readonly ctx: CellContext;
  readonly sink: RowSink;
  readonly cell: MutableCell;
  readonly tag: CellTag;
  readonly sheet: string;
}

/**
 * The cells of one row, xml[from, rowEnd), into `cells`. With `all` false,
 * a cell the sink does not read (sink.reads) is passed over once its end is
 * found: its content is neither sliced nor decoded, only checked against
 * Excel's cell limit where its length could pass it. Returns whether such
 * a cell held anything (the row may then show something the read cells do
 * not: the caller reads it again whole).
 */
function scanCells(xml: string, from: number, rowEnd: number, rowNumber: number, cells: CellValue[], scan: Scan, all: boolean): boolean {
  const { ctx, sink, cell, tag, sheet } = scan;
  let unread = false;
  let j = from;
  let col = 0;
  for (;;) {
    const cs = xml.indexOf("<c", j);
    if (cs < 0 || cs >= rowEnd) break;
    const next = xml.charCodeAt(cs + 2);
    const ce = xml.indexOf(">", cs);
    if (next !== 32 && next !== 62 && next !== 47) {
      j = ce + 1;
      continue;
    }
    const empty = xml.charCodeAt(ce - 1) === 47;
    readCellTag(xml, cs + 2, empty ? ce - 1 : ce, tag);
    col = tag.rFrom >= 0 ? columnOf(xml, tag.rFrom, tag.rTo) : col + 1;
    if (col > EXCEL_MAX_COLUMNS) throw pastExcel(sheet, rowNumber, col, "column");
    const close = empty ? ce : xml.indexOf("</c>", ce);
    j = empty ? ce + 1 : close + 4;
    const slot = sink.slotOf(col);
    if (!all && sink.cell === undefined && (slot < 0 || (sink.reads !== undefined && !sink.reads(slot)))) {
      if (slot < 0 || empty || close === ce + 1) continue;
      // A shared string's length is known without decoding it; any other text is no longer than its XML.
      const cheap = tag.t === "s" ? isShortString(ctx, plainIndex(xml, ce + 1, close)) : close - ce <= EXCEL_MAX_CELL_CHARS;
      if (cheap) {
        unread = true;
        continue;
      }
    }
    cell.s = tag.s;
    cell.t = tag.t;
    cell.formula = false;
    cell.v = undefined;
    cell.n = undefined;
    cell.runs = undefined;
    if (!empty) {
      // The common case: <c ...><v>text</v></c>; a number or a shared string's index read without slicing it.
      if (xml.startsWith("<v>", ce + 1) && xml.indexOf("<", ce + 4) === close - 4) {
        const n = close - 4 > ce + 4 && (tag.t === undefined || tag.t === "n" || tag.t === "s") ? plainNumber(xml, ce + 4, close - 4, tag.t === "s") : NaN;
        if (n === n) cell.n = n;
        else if (close - 4 > ce + 4) cell.v = xmlText(xml.slice(ce + 4, close - 4));
      } else {
        parseContent(xml, ce + 1, close, cell);
      }
      if (cell.v === "") cell.v = undefined;
    }
    sink.cell?.(rowNumber, col, cell);
    if (slot < 0) continue;
    const link = sink.hyperlinks && tag.rFrom >= 0 ? sink.hyperlinks.get(xml.slice(tag.rFrom, tag.rTo)) : undefined;
    const value = cellValue(cell, ctx, sink.date1904At(slot), link);
    const long = overlong(cell, value, ctx);
    if (long > 0) throw pastExcel(sheet, rowNumber, col, "cell", long);
    if (all || sink.reads === undefined || sink.reads(slot)) cells[slot] = value;
    else if (value !== null) unread = true;
  }
  return unread;
}

/** Scans the rows of xml[from, to), which holds only complete <row> elements. */
function scanRows(xml: string, from: number, to: number, scan: Scan): number {
  let lastRow = 0;
  let i = from;
  const { sink, sheet } = scan;
  for (;;) {
    const rs = xml.indexOf("<row", i);
    if (rs < 0 || rs >= to) break;
    const tagEnd = xml.indexOf(">", rs);
    const rowNumber = parseInt(attrIn(xml, rs, tagEnd, "r") ?? "", 10);
    if (rowNumber > EXCEL_MAX_ROWS) throw pastExcel(sheet, rowNumber, null, "row");
    if (rowNumber > lastRow) lastRow = rowNumber;
    const selfClosing = xml.charCodeAt(tagEnd - 1) === 47;
    const rowEnd = selfClosing ? tagEnd : xml.indexOf("</row>", tagEnd);
    i = selfClosing ? tagEnd + 1 : rowEnd + 6;
    let cells = sink.row(rowNumber);
    if (cells === undefined) continue;
    if (!selfClosing && scanCells(xml, tagEnd + 1, rowEnd, rowNumber, cells, scan, false) && isBlankRow(cells)) {
      // Rare: only cells the sink does not read hold anything; whether they show something decides if the row counts.
      cells = sink.row(rowNumber)!;
      scanCells(xml, tagEnd + 1, rowEnd, rowNumber, cells, scan, true);
    }
    sink.done(rowNumber, cells);
  }
  return lastRow;
}

/** Characters the XML after </sheetData> may hold (hyperlinks, merges, formats: a few MB in a big real sheet). */
const MAX_TAIL_CHARS = 64 << 20;

/**
 * Scans a sheet part's rows into the sink; `sheet` names it in messages.
 * Linear in the part whatever its rows' sizes: a chunk that ends no row
 * waits (pending.ts) instead of being joined and searched again with
 * every chunk after it.
 */
export async function scanSheet(chunks: AsyncIterable<string>, ctx: CellContext, sink: RowSink, sheet = ""): Promise<ScanResult> {
  const scan: Scan = { ctx, sink, cell: { t: undefined, s: 0, formula: false, v: undefined, n: undefined, runs: undefined }, tag: { rFrom: -1, rTo: -1, s: 0, t: undefined }, sheet };
  const pending = new Pending(sheet, ["</row>", "</sheetData>"]);
  let before = "";
  let state: "before" | "rows" | "after" = "before";
  let tail: string[] = [];
  let tailLength = 0;
  let lastRow = 0;
  const after = (text: string): void => {
    tail.push(text);
    tailLength += text.length;
    if (tailLength > MAX_TAIL_CHARS) throw new ReadLimitError(issueAt(sheet, null, null, "too-large", "工作表数据之后的内容过大，拒绝读取", "the sheet holds too much after its rows; refused"));
  };
  for await (const chunk of chunks) {
    if (state === "after") {
      after(chunk);
      continue;
    }
    let text = chunk;
    if (state === "before") {
      const buf = before + chunk;
      const start = buf.search(/<(?:\w+:)?sheetData\b/);
      if (start < 0) {
        // Keep a little, in case the tag is cut between chunks.
        before = buf.slice(-32);
        continue;
      }
      const open = buf.indexOf(">", start);
      if (open < 0) {
        before = buf.slice(start);
        continue;
      }
      state = "rows";
      if (buf.charCodeAt(open - 1) === 47) {
        state = "after";
        after(buf.slice(open + 1));
        continue;
      }
      text = buf.slice(open + 1);
    }
    const buf = pending.take(text);
    if (buf === undefined) continue;
    const endData = buf.indexOf("</sheetData>");
    const cut = endData >= 0 ? endData : buf.lastIndexOf("</row>") + 6;
    if (cut > 5) lastRow = Math.max(lastRow, scanRows(buf, 0, cut, scan));
    if (endData >= 0) {
      state = "after";
      after(buf.slice(endData));
    } else {
      pending.keep(cut > 5 ? buf.slice(cut) : buf);
    }
  }
  return { lastRow, tail: tail.join("") };
}
