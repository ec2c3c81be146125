/**
 * New rows look like the rows above them: number formats, fonts, fills,
 * borders and dropdowns are carried down, as Excel does when a table grows.
 */
import type ExcelJS from "exceljs";
import type { Region } from "./sheet-region";

/** exceljs keeps data validations by address on the sheet; its typings omit them. */
interface WithValidations {
  readonly dataValidations: { readonly model: Record<string, ExcelJS.DataValidation | undefined> };
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
