/**
 * New rows look like the rows above them: number formats, fonts, fills,
 * borders and dropdowns are carried down, as Excel does when a table grows;
 * dropdowns and conditional formats on a table column grow with it, and none
 * is left below the table (workbook/xlsx/ooxml/rules-below.ts says why).
 */
import type ExcelJS from "exceljs";
import { trimSqref, zonesBelow } from "../ooxml/rules-below";
import { decodeRange, encodeRange, type Region } from "./sheet-region";

/** exceljs keeps data validations by address on the sheet; its typings omit them. */
interface WithValidations {
  readonly dataValidations: { readonly model: Record<string, ExcelJS.DataValidation | undefined> };
}

/** exceljs keeps conditional formats on the sheet as { ref, rules }. */
interface WithConditionals {
  conditionalFormattings: { ref: string; rules: unknown[] }[];
}

interface Box {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * Validations stored under range keys ("A2:A2001"), as exceljs keeps those
 * added in this session; validations loaded from a file are kept per cell.
 */
function rangeBoxes(model: Record<string, ExcelJS.DataValidation | undefined>, ws: ExcelJS.Worksheet): Box[] {
  const boxes: Box[] = [];
  for (const key of Object.keys(model)) {
    if (!key.includes(":") || model[key] === undefined) continue;
    for (const part of key.split(/\s+/)) {
      const [a, b] = part.split(":");
      if (!b) continue;
      const tl = ws.getCell(a);
      const br = ws.getCell(b);
      boxes.push({ top: Number(tl.row), left: Number(tl.col), bottom: Number(br.row), right: Number(br.col) });
    }
  }
  return boxes;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});

/** A range that ends on the row above the new rows, within the table's columns, grown to `to`. */
function grownRef(ref: string, region: Region, above: number, to: number): string {
  return ref
    .split(/\s+/)
    .map((part) => {
      const b = decodeRange(part);
      if (!b || b.bottom !== above || b.top > above || b.left < region.firstCol || b.right > region.lastCol) return part;
      return encodeRange(b.top, b.left, to, b.right);
    })
    .join(" ");
}

/**
 * The table's rules follow it down to row `to` (its new last row), and
 * nothing of them stays below: range-keyed dropdowns (added in this session)
 * and conditional formats that end on the row above `from` grow to `to`;
 * then whatever lies below the table in its columns is taken off.
 */
export function keepRulesWithTable(region: Region, from: number, to: number): void {
  const { ws } = region;
  const validations = (ws as unknown as WithValidations).dataValidations.model;
  const conditionals = (ws as unknown as WithConditionals).conditionalFormattings ?? [];
  for (const key of Object.keys(validations)) {
    const grown = grownRef(key, region, from - 1, to);
    if (grown !== key) {
      validations[grown] = validations[key];
      delete validations[key];
    }
  }
  for (const cf of conditionals) cf.ref = grownRef(cf.ref, region, from - 1, to);
  const zones = zonesBelow([encodeRange(region.headerRow, region.firstCol, Math.max(region.bottom, to), region.lastCol)]);
  for (const key of Object.keys(validations)) {
    const trimmed = trimSqref(key, zones);
    if (trimmed === undefined) continue;
    const dv = validations[key];
    delete validations[key];
    if (trimmed !== "" && dv) validations[trimmed] = dv;
  }
  (ws as unknown as WithConditionals).conditionalFormattings = conditionals.flatMap((cf) => {
    const trimmed = trimSqref(cf.ref, zones);
    if (trimmed === undefined) return [cf];
    return trimmed === "" ? [] : [{ ...cf, ref: trimmed }];
  });
}

/** Gives rows `from`..`to` the look of the row above each, where that row is a body row. */
export function copyRowLook(region: Region, from: number, to: number): void {
  const { ws } = region;
  const validations = (ws as unknown as WithValidations).dataValidations.model;
  const boxes = rangeBoxes(validations, ws);
  const covered = (row: number, col: number): boolean => boxes.some((b) => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right);
  for (let r = Math.max(from, region.headerRow + 2); r <= to; r++) {
    for (let c = region.firstCol; c <= region.lastCol; c++) {
      const source = ws.getCell(r - 1, c);
      const target = ws.getCell(r, c);
      // A cell that already has a look of its own (beyond its column's) keeps it.
      if (same(target.style, ws.getColumn(c).style) || Object.keys(target.style ?? {}).length === 0) {
        target.style = structuredClone(source.style ?? {});
      }
      const dv = validations[source.address];
      if (dv && validations[target.address] === undefined && !covered(r, c)) validations[target.address] = structuredClone(dv);
    }
  }
}

/** True when a number format shows a date or time. */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "").replace(/\\./g, "");
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare);
}

/** Dates need a date format to show as dates rather than serial numbers. */
export function ensureDateFormat(cell: ExcelJS.Cell, format: string): void {
  if (!isDateFormat(cell.numFmt)) cell.numFmt = format;
}
