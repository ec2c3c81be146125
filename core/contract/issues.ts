/**
 * Problems found in a workbook or an input, as values. Every message names
 * where it is (sheet, row, column) and says what is wrong in both languages.
 */
import type { ColumnType } from "./columns";
import { localize, say, type Catalog, type Lang, type LocalizedText } from "./lang";

export type Severity = "error" | "warning";

/**
 * Every issue's code: stable, machine-readable (`tradebook check --json`
 * prints it), never derived from the words. Grouped by where it is found.
 */
export type IssueCode =
  // A cell against its column (rows.ts): blank but required, or not of the column's type.
  | "required"
  | `invalid-${ColumnType}`
  // A table against the contract (rows.ts, the adapters' readers).
  | "missing-table"
  | "missing-column"
  | "unknown-column"
  | "no-header-row"
  | "no-id-column"
  | "data-sheet"
  | "totals-row"
  | "cells-below-table"
  | "setting"
  // Rows against each other (validation.ts).
  | "duplicate"
  | "duplicate-id"
  | "ref"
  | "unknown-country"
  | "unknown-currency"
  | "no-rate"
  | "unknown-id"
  | "id-immutable"
  // A CSV or a file being read.
  | "field-count"
  | "encoding"
  | "unreadable"
  | "missing-file"
  | "too-large"
  | "too-many-rows"
  | "too-many-columns"
  | "cell-too-long"
  | "date-before-1904"
  // Writing a workbook.
  | "type"
  | "cell"
  | "country"
  | "sheet-taken"
  | "sheet-not-empty"
  | "sheet-full"
  | "report-failed"
  | "append-conflict"
  | "append-partial"
  | "append-changed"
  | "table-not-expanded"
  | "update-conflict"
  | "update-partial"
  | "update-changed"
  | "would-lose-content"
  // Replacing a file on disk under the writers' lock (workbook/node).
  | "not-a-file"
  | "hard-linked"
  | "read-only"
  | "group-not-kept"
  | "lock-lost"
  | "locked"
  | "open-in-office"
  | "unwritable"
  | "unlockable"
  | "blocked"
  | "exists"
  | "changed-on-disk"
  | "save-failed"
  // Excel itself (workbook/office): too old, not answering, or its own error code.
  | "excel-too-old"
  | "excel-not-answering"
  | `excel-${string}`
  // A request the entry point could not take.
  | "usage";

export interface Issue {
  readonly severity: Severity;
  /** Sheet name as the user sees it (localized), or the CSV file name. */
  readonly sheet: string;
  /** 1-based row number in the sheet or file; null when the issue is about the sheet. */
  readonly row: number | null;
  /** The column header as the user sees it; null when the issue is about the row or sheet. */
  readonly column: string | null;
  /** A stable machine code, e.g. "required", "invalid-date", "ref", "duplicate-id". */
  readonly code: IssueCode;
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
