/**
 * Problems found in a workbook or an input, as values. Every message names
 * where it is (sheet, row, column) and says what is wrong in both languages.
 */
import { localize, say, type Catalog, type Lang, type LocalizedText } from "./lang";

export type Severity = "error" | "warning";

export interface Issue {
  readonly severity: Severity;
  /** Sheet name as the user sees it (localized), or the CSV file name. */
  readonly sheet: string;
  /** 1-based row number in the sheet or file; null when the issue is about the sheet. */
  readonly row: number | null;
  /** The column header as the user sees it; null when the issue is about the row or sheet. */
  readonly column: string | null;
  /** A stable machine code, e.g. "required", "enum", "ref", "duplicate-id". */
  readonly code: string;
  readonly message: LocalizedText;
}

export type Result<T, E = readonly Issue[]> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

/** "Customers!R12 C[Email]: message" in the chosen language. */
export function formatIssue(issue: Issue, lang: Lang): string {
  const where = [issue.sheet, issue.row !== null ? say(WHERE, lang, "row", { row: issue.row }) : null, issue.column !== null ? say(WHERE, lang, "column", { column: issue.column }) : null]
    .filter((x): x is string => x !== null)
    .join(say(WHERE, lang, "separator"));
  return `${where}: ${localize(issue.message, lang)}`;
}

/** How formatIssue says where an issue is. */
const WHERE = {
  row: { zh: "第{row}行", en: "row {row}" },
  column: { zh: "列「{column}」", en: 'column "{column}"' },
  separator: { zh: " ", en: ", " },
} satisfies Catalog<string>;
