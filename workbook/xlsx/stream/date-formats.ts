/**
 * Which number formats make exceljs read a number as a Date: its
 * utils.isDateFmt over the format code, the workbook's own code or else one
 * of exceljs's built-in codes.
 */

/** Built-in format ids whose exceljs code is a date or time (from exceljs 4.4 defaultnumformats; 27-36 have no code there). */
const BUILT_IN_DATES: ReadonlySet<number> = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** exceljs's isDateFmt: y, m, d, h, s or b outside quotes and brackets. */
export function isDateCode(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}

/** `code` is the workbook's own code for `id`, if it has one. */
export function isDateFormat(code: string | undefined, id: number): boolean {
  // exceljs falls back to its built-in code when the workbook's is missing or empty.
  return code ? isDateCode(code) : BUILT_IN_DATES.has(id);
}
