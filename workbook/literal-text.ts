/**
 * Formula injection: a text a user (or a CSV, or a customer's web form)
 * supplies must land in the workbook as that text, never as a formula or a
 * DDE command. Spreadsheet programs take a cell typed as "=…", "+…", "-…" or
 * "@…" as a formula, also after leading blanks and in full-width forms an
 * IME produces. Every adapter asks here whether a text needs its literal
 * guard (exceljs: a string cell; Office.js: a leading apostrophe, which Excel
 * keeps as a quote prefix and does not show).
 */

/** Characters that start a formula when typed into a cell. */
const FORMULA_STARTS = new Set(["=", "+", "-", "@", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20", "\u2212"]);

/** Blanks a program may skip before deciding a cell is a formula. */
const LEADING_BLANKS = /^[\s\u3000\uFEFF\u200B]+/;

/** True when typing this text into a cell could make it a formula. */
export function needsLiteralGuard(text: string): boolean {
  const rest = text.replace(LEADING_BLANKS, "");
  if (rest.length === 0) return false;
  // Compare by code point so surrogate pairs never split.
  const first = String.fromCodePoint(rest.codePointAt(0) ?? 0);
  return FORMULA_STARTS.has(first) || /^[\t\r\n]/.test(text);
}
