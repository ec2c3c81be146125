/**
 * What a failed write means to the user (the record itself is appended by
 * app/append-record.ts).
 */
import type { Issue } from "../../core/contract/issues";

/** What went wrong, in words the user can act on. Keyed by the adapters' issue codes. */
export type WriteProblem = "busy" | "protectedSheet" | "workbookChanged" | "other";

export function classifyWriteIssues(issues: readonly Issue[]): WriteProblem {
  const codes = issues.map((i) => i.code.toLowerCase());
  const any = (...parts: string[]): boolean => codes.some((c) => parts.some((p) => c.includes(p)));
  // Office.js error names arrive as "excel-<Code>" (workbook/office/errors.ts).
  if (any("celleditmode", "busy", "edit-mode")) return "busy";
  if (any("accessdenied", "protect")) return "protectedSheet";
  if (any("invalidreference", "conflict", "itemnotfound", "changed")) return "workbookChanged";
  return "other";
}
