/**
 * Data validation and conditional formats kept off the cells below a table.
 *
 * Excel takes rows written right below a table into it only when no data
 * validation sits on the cells below, unless it covers the entire column
 * (https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins,
 * "Avoid table row coauthoring conflicts"). TradeBook's first templates put
 * dropdowns and the overdue highlight on fixed ranges down to row 2001, so
 * in Excel 2019 (no Table.resize) the pane's rows landed outside the table.
 * This takes the part of every rule's range that lies below a table, in the
 * table's columns, off that rule; what covers the table's own rows (and any
 * other column) stays, and Excel carries a table column's rules into the
 * rows the table takes in. Entire-column rules are left as they are.
 *
 * Works on the text after </sheetData> (where <dataValidations>,
 * <conditionalFormatting> and the x14 <extLst> versions live), so the rows
 * are never parsed. Browser-safe.
 */
import { columnLetter, decodeRange } from "../exceljs/sheet-region";

/** A block of cells, 1-based and inclusive. */
export interface Block {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

const SHEET_ROWS = 1_048_576;

/** `blocks` with `cut` taken out of them. */
export function subtractBlock(blocks: readonly Block[], cut: Block): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const top = Math.max(b.top, cut.top);
    const bottom = Math.min(b.bottom, cut.bottom);
    const left = Math.max(b.left, cut.left);
    const right = Math.min(b.right, cut.right);
    if (top > bottom || left > right) {
      out.push(b);
      continue;
    }
    if (b.top < top) out.push({ ...b, bottom: top - 1 });
    if (bottom < b.bottom) out.push({ ...b, top: bottom + 1 });
    if (b.left < left) out.push({ top, bottom, left: b.left, right: left - 1 });
    if (right < b.right) out.push({ top, bottom, left: right + 1, right: b.right });
  }
  return out;
}

/**
 * Where no rule may reach, per table: its columns, from the row below it
 * down to the next table in those columns (or the sheet's end). `tables` are
 * the tables' refs on one sheet ("A1:K250"), header and totals included.
 */
export function zonesBelow(tables: readonly string[]): Block[] {
  const boxes = tables.map((ref) => decodeRange(ref)).filter((b): b is Block => b !== undefined);
  return boxes.map((t) => {
    const next = boxes.filter((o) => o !== t && o.top > t.bottom && o.left <= t.right && o.right >= t.left).reduce((m, o) => Math.min(m, o.top - 1), SHEET_ROWS);
    return { top: t.bottom + 1, left: t.left, bottom: next, right: t.right };
  });
}

const encode = (b: Block): string => {
  const from = `${columnLetter(b.left)}${b.top}`;
  const to = `${columnLetter(b.right)}${b.bottom}`;
  return from === to ? from : `${from}:${to}`;
};

/** A sqref ("A2:A2001 C5") without the zones; undefined when it is unchanged. */
export function trimSqref(sqref: string, zones: readonly Block[]): string | undefined {
  let changed = false;
  const parts = sqref.trim().split(/\s+/).flatMap((part) => {
    const b = decodeRange(part);
    // Whole columns are allowed below a table; unreadable parts are left alone.
    if (!b || (b.top === 1 && b.bottom >= SHEET_ROWS)) return [part];
    const left = zones.reduce<Block[]>((acc, z) => subtractBlock(acc, z), [b]);
    if (left.length === 1 && left[0] === b) return [part];
    changed = true;
    return left.map(encode);
  });
  return changed ? parts.join(" ") : undefined;
}

export interface RulesMended {
  readonly tail: string;
  /** Rules whose range was cut (or dropped, when nothing of it was left). */
  readonly validations: number;
  readonly conditionalFormats: number;
}

/** Every element `name` (any prefix; not nesting in itself) with its span. */
function each(xml: string, name: string, f: (element: string) => string): string {
  const re = new RegExp(`<(\\w+:)?${name}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</\\1?${name}\\s*>)`, "g");
  return xml.replace(re, (element) => f(element));
}

/** The element with its sqref (attribute or <xm:sqref> child) trimmed; "" when nothing is left; undefined when untouched. */
function trimElement(element: string, zones: readonly Block[]): string | undefined {
  const attr = /(\ssqref=")([^"]*)(")/.exec(element.slice(0, element.indexOf(">") + 1));
  if (attr) {
    const trimmed = trimSqref(attr[2], zones);
    if (trimmed === undefined) return undefined;
    return trimmed === "" ? "" : element.replace(attr[0], `${attr[1]}${trimmed}${attr[3]}`);
  }
  const child = /(<(\w+:)?sqref>)([^<]*)(<\/\2?sqref>)/.exec(element);
  if (!child) return undefined;
  const trimmed = trimSqref(child[3], zones);
  if (trimmed === undefined) return undefined;
  return trimmed === "" ? "" : element.replace(child[0], `${child[1]}${trimmed}${child[4]}`);
}

/** Wrappers left without children are dropped (the schema wants at least one); a count attribute follows its children. */
function tidy(xml: string, wrapper: string, child: string): string {
  return each(xml, wrapper, (element) => {
    const n = (element.match(new RegExp(`<(\\w+:)?${child}(?=[\\s/>])`, "g")) ?? []).length;
    if (n === 0) return "";
    return element.replace(/^(<[^>]*?\scount=")\d+(")/, `$1${n}$2`);
  });
}

/** The sheet's XML after </sheetData> with every rule kept off the zones below its tables. */
export function keepRulesOffZones(tail: string, zones: readonly Block[]): RulesMended {
  if (zones.length === 0) return { tail, validations: 0, conditionalFormats: 0 };
  let validations = 0;
  let conditionalFormats = 0;
  let out = each(tail, "dataValidation", (element) => {
    const trimmed = trimElement(element, zones);
    if (trimmed === undefined) return element;
    validations++;
    return trimmed;
  });
  out = each(out, "conditionalFormatting", (element) => {
    const trimmed = trimElement(element, zones);
    if (trimmed === undefined) return element;
    conditionalFormats++;
    return trimmed;
  });
  if (validations + conditionalFormats === 0) return { tail, validations: 0, conditionalFormats: 0 };
  out = tidy(out, "dataValidations", "dataValidation");
  out = tidy(out, "conditionalFormattings", "conditionalFormatting");
  // An x14 extension left empty goes, and an <extLst> left empty with it.
  out = out.replace(/<(\w+:)?ext\b[^>]*>\s*<\/\1?ext>/g, "").replace(/<(\w+:)?extLst\b[^>]*>\s*<\/\1?extLst>/g, "");
  return { tail: out, validations, conditionalFormats };
}
