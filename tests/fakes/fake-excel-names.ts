/**
 * Excel's rules for sheet and table names, which Office.js enforces when a
 * sheet is added or a table named (InvalidArgument), and the ones every
 * workbook holds anyway: unique regardless of case.
 *  - Sheets (Excel's rename rules, also enforced by exceljs and LibreOffice):
 *    1 to 31 characters, none of \ / ? * : [ ], not starting or ending with
 *    an apostrophe, and not "History" (reserved by Excel).
 *  - Tables ("Rename an Excel table",
 *    https://support.microsoft.com/office/fbf49a4f-82a3-43eb-8ba2-44d21233b114,
 *    cited by Excel.Table.name in @types/office-js): starts with a letter, an
 *    underscore or a backslash; then letters, digits, periods and underscores;
 *    no spaces; at most 255 characters; not a cell reference (A1, R1C1) nor
 *    "C", "c", "R" or "r".
 */
import { FakeOfficeError, type WorkbookState } from "./fake-excel-state";

const MAX_COLUMN = 16_384;
const MAX_ROW = 1_048_576;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** True for A1 ("XFD1048576") and R1C1 ("R2C3", "R", "C") cell references. */
function isCellReference(name: string): boolean {
  const a1 = /^([A-Za-z]{1,3})(\d{1,7})$/.exec(name);
  if (a1 && columnNumber(a1[1]) <= MAX_COLUMN && Number(a1[2]) >= 1 && Number(a1[2]) <= MAX_ROW) return true;
  return /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name) || /^[Rr]\d+$/.test(name) || /^[Cc]\d+$/.test(name);
}

export function sheetNameProblem(name: string, state: WorkbookState): string | undefined {
  if (name.length === 0 || name.length > 31) return `a sheet name has 1 to 31 characters: "${name}" has ${name.length}`;
  if (/[\\/?*:[\]]/.test(name)) return `a sheet name cannot contain \\ / ? * : [ ]: "${name}"`;
  if (name.startsWith("'") || name.endsWith("'")) return `a sheet name cannot start or end with an apostrophe: "${name}"`;
  if (name.toLowerCase() === "history") return `"History" is reserved by Excel`;
  if (state.sheet(name)) return `a sheet named "${name}" already exists`;
  return undefined;
}

export function tableNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > 255) return `a table name has 1 to 255 characters`;
  if (!/^[\p{L}_\\][\p{L}\p{N}._\\]*$/u.test(name)) return `a table name starts with a letter, "_" or "\\" and holds only letters, digits, "." and "_": "${name}"`;
  if (isCellReference(name)) return `a table name cannot be a cell reference: "${name}"`;
  return undefined;
}

export function assertSheetName(name: string, state: WorkbookState): void {
  const problem = sheetNameProblem(name, state);
  if (problem) throw new FakeOfficeError(state.sheet(name) && name.length > 0 ? "ItemAlreadyExists" : "InvalidArgument", problem);
}

export function assertTableName(name: string): void {
  const problem = tableNameProblem(name);
  if (problem) throw new FakeOfficeError("InvalidArgument", problem);
}
