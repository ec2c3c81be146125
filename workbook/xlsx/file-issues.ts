/**
 * What the .xlsx readers and writers say, and one fact they share, so the
 * exceljs adapter, the streamed reader and the package writer answer alike.
 */
import type { Issue } from "../../core/contract/issues";
import { SCHEMA, type TableName } from "../../core/contract/schema";
import { columnDef, issueAt, type HeaderLayout } from "../locate";

const why = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The bytes are not an .xlsx package (or a part of it is broken). */
export function unreadableIssue(name: string, e: unknown): Issue {
  return issueAt(name, null, null, "unreadable", `无法读取 ${name}：不是有效的 .xlsx 文件（${why(e)}）`, `cannot read ${name}: not a valid .xlsx file (${why(e)})`);
}

/**
 * A package past what a reader takes (workbook/xlsx/stream: a part that
 * inflates too far, a cell longer than Excel's limit, rows past Excel's
 * last): thrown where it is found, and answered as its issue.
 */
export class ReadLimitError extends Error {
  constructor(readonly issue: Issue) {
    super(issue.message.en);
  }
}

/** The issue a reader answers for a failure: the limit's own, else "not a valid .xlsx file". */
export function readFailureIssue(name: string, e: unknown): Issue {
  return e instanceof ReadLimitError ? e.issue : unreadableIssue(name, e);
}

/** The workbook has no such table (app/open-crm.ts relies on the code). */
export function missingTableIssue(name: string, table: TableName): Issue {
  const sheet = SCHEMA[table].sheet;
  return issueAt(`${sheet.zh} / ${sheet.en}`, null, null, "missing-table", `${name} 中找不到「${sheet.zh}」表（可运行 tradebook init 或补齐结构）`, `${name} has no ${sheet.en} table (run tradebook init or add the missing structure)`);
}

/**
 * Positions of the date and datetime columns: in a 1904-system workbook a
 * plain number there is a 1904 serial (readers convert only cells they see
 * a date format on).
 */
export function dateColumnPositions(table: TableName, layout: HeaderLayout): Set<number> {
  const out = new Set<number>();
  for (const [key, i] of layout.positions) {
    const t = columnDef(table, key)?.type;
    if (t === "date" || t === "datetime") out.add(i);
  }
  return out;
}
