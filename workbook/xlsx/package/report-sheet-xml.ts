/**
 * A report's sheet XML, as exceljs wrote it for a workbook of its own, made
 * fit for the workbook it is written into: style indices point into the
 * target's styles.xml, texts are inline strings (so the target's
 * sharedStrings.xml, which can hold a million strings, is never read or
 * rewritten), and the sheet is not selected (a second selected tab makes
 * Excel group the sheets, and edits then go to both). Browser-safe.
 */
import { attr, dropAttr, elements, inner, openTag, setAttr } from "../ooxml/xml-edit";
import type { StyleMaps } from "./styles";

/** A cell, self-closing or with children (<c> holds no other <c>). */
const CELL = /<c(?=[\s/>])[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;

/** The shared strings of exceljs's sharedStrings.xml: each <si>'s content, which an inline <is> holds as it is. */
export function sharedStrings(xml: string): string[] {
  return elements(xml, "si").map((f) => inner(f.text));
}

/**
 * exceljs wrote the texts escaped for shared strings (exceljs/escaped-texts.ts): a
 * carriage return as `_x000D_`. Excel decodes such escapes in inline strings
 * too, but exceljs's reader does not, so a carriage return is written as the
 * character reference XML keeps for it. Escapes are read left to right, as
 * every reader does, so a user's literal "_x005F_x000D_" is left alone.
 * Other control characters have no XML form but the escape, which stays.
 */
function inlineText(escaped: string): string {
  return escaped.replace(/_x([0-9A-Fa-f]{4})_/g, (token, hex: string) => (hex.toUpperCase() === "000D" ? "&#13;" : token));
}

function remapped(map: readonly number[], value: string | undefined, what: string): string {
  const to = map[Number(value)];
  if (to === undefined) throw new Error(`the report refers to ${what} ${value ?? "?"} that its styles do not list`);
  return String(to);
}

function transplantCell(cell: string, strings: readonly string[], maps: StyleMaps): string {
  let open = openTag(cell);
  const s = attr(open, "s");
  if (s !== undefined) open = setAttr(open, "s", remapped(maps.xf, s, "cell format"));
  if (attr(open, "t") !== "s") return open + cell.slice(openTag(cell).length);
  const index = /<v>\s*(\d+)\s*<\/v>/.exec(cell)?.[1];
  const text = index === undefined ? undefined : strings[Number(index)];
  if (text === undefined) throw new Error(`cell ${attr(open, "r") ?? "?"} refers to a shared string the report does not hold`);
  open = setAttr(open, "t", "inlineStr");
  return `${open.replace(/\s*\/>$/, ">")}<is>${inlineText(text)}</is></c>`;
}

/** The report's sheet XML with cells, rows, columns and conditional formats pointing at the target's styles. */
export function transplantSheet(xml: string, strings: readonly string[], maps: StyleMaps): string {
  return xml
    .replace(CELL, (cell) => transplantCell(cell, strings, maps))
    .replace(/<row(?=[\s/>])[^>]*>/g, (row) => (attr(row, "s") === undefined ? row : setAttr(row, "s", remapped(maps.xf, attr(row, "s"), "row format"))))
    .replace(/<col(?=[\s/>])[^>]*>/g, (col) => (attr(col, "style") === undefined ? col : setAttr(col, "style", remapped(maps.xf, attr(col, "style"), "column format"))))
    .replace(/<cfRule(?=[\s/>])[^>]*>/g, (rule) => (attr(rule, "dxfId") === undefined ? rule : setAttr(rule, "dxfId", remapped(maps.dxf, attr(rule, "dxfId"), "conditional format"))))
    .replace(/<sheetView(?=[\s/>])[^>]*>/g, (view) => dropAttr(view, "tabSelected"));
}
