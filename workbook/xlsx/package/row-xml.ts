/**
 * Worksheet rows as SpreadsheetML text, for rows written straight into a
 * package (package-append.ts): new cells rendered, and the cells of rows
 * already there read back (their column, style and whether they hold
 * anything).
 *
 * A text cell is an inline string (t="inlineStr"): it never becomes a
 * formula whatever it starts with (= + - @), and the shared-strings part,
 * the largest part after the sheets, keeps its bytes. Texts XML cannot
 * carry as they are (control characters, a carriage return a parser would
 * turn into a line feed, an `_xHHHH_` Excel would decode) are refused, and
 * the caller writes through the full load instead.
 */
import type { CellValue } from "../../../core/contract/raw";
import { columnLetter, decodeAddress } from "../exceljs/sheet-region";

/** One cell of a new row: its 1-based column, style index and value (a date already as a serial of the workbook's date system). */
export interface NewCell {
  readonly col: number;
  readonly style: number;
  readonly value: CellValue;
}

/** A cell already in the sheet: its column, style, whether it holds a value, and its XML as written. */
export interface SheetCell {
  readonly col: number;
  readonly style: number;
  readonly filled: boolean;
  readonly xml: string;
}

/** A character XML 1.0 forbids, a CR (parsers read it as LF), or an unpaired surrogate. */
function hasUnsafeChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || c === 0xfffe || c === 0xffff) return true;
    if (c >= 0xdc00 && c <= 0xdfff) return true;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    }
  }
  return false;
}
// Excel reads _xHHHH_ in a text as the character it names.
const OOXML_ESCAPE = /_x[0-9A-Fa-f]{4}_/;

/** True when `text` can be written as an inline string as it is. */
export function inlineSafe(text: string): boolean {
  return !hasUnsafeChar(text) && !OOXML_ESCAPE.test(text);
}

const escapeText = (s: string): string => (/[&<>]/.test(s) ? s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;") : s);

/** Column letters by number, made once each (every new row names its columns). */
const LETTERS: string[] = [];
const letterOf = (col: number): string => (LETTERS[col] ??= columnLetter(col));

/** A cell's XML, or undefined when its text cannot be written as it is (inlineSafe). */
export function cellXml(row: number, cell: NewCell): string | undefined {
  const ref = letterOf(cell.col) + row;
  const s = cell.style !== 0 ? ` s="${cell.style}"` : "";
  const { value } = cell;
  if (value === null) return s === "" ? "" : `<c r="${ref}"${s}/>`;
  if (typeof value === "number") return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : undefined;
  if (typeof value === "boolean") return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (!inlineSafe(value)) return undefined;
  const space = value !== value.trim() || /[\n\t]/.test(value) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${escapeText(value)}</t></is></c>`;
}

/** True when the cells are in column order already (new rows are: they are made left to right). */
function inOrder(cells: readonly { readonly col: number }[]): boolean {
  for (let i = 1; i < cells.length; i++) if (cells[i - 1].col > cells[i].col) return false;
  return true;
}

/** A whole <row> element, or undefined when one of its texts cannot be written as it is. */
export function rowXml(row: number, cells: readonly (NewCell | SheetCell)[]): string | undefined {
  let xml = `<row r="${row}">`;
  for (const c of inOrder(cells) ? cells : [...cells].sort((a, b) => a.col - b.col)) {
    const one = "xml" in c ? c.xml : cellXml(row, c);
    if (one === undefined) return undefined;
    xml += one;
  }
  return `${xml}</row>`;
}

const CELL = /<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g;

/**
 * The cells of a <row> element as written, or undefined when a cell has no
 * `r` (its column would depend on the cells before it).
 */
export function sheetCells(rowElement: string): SheetCell[] | undefined {
  const cells: SheetCell[] = [];
  for (const m of rowElement.matchAll(CELL)) {
    const attrs = m[1];
    const address = decodeAddress(/\sr="([^"]*)"/.exec(attrs)?.[1] ?? "");
    if (address === undefined) return undefined;
    const style = Number(/\ss="(\d+)"/.exec(attrs)?.[1] ?? 0);
    const body = m[3] ?? "";
    cells.push({ col: address.col, style, filled: /<(?:\w+:)?(?:v|f|is)\b/.test(body), xml: m[0] });
  }
  return cells;
}
