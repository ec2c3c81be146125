/**
 * A failed write from the task pane in words the user can act on
 * (addin/state/writer.ts). Appending the record: tests/app/append-record.test.ts.
 */
import { describe, expect, it } from "vitest";
import type { Issue } from "../../../core/contract/issues";
import { classifyWriteIssues } from "../../../addin/state/writer";

const issue = (code: Issue["code"]): Issue => ({ severity: "error", sheet: "跟进记录", row: null, column: null, code, message: { zh: "x", en: "x" } });

describe("port errors in words", () => {
  it.each([
    ["excel-InvalidOperationInCellEditMode", "busy"],
    ["excel-AccessDenied", "protectedSheet"],
    ["excel-InvalidReference", "workbookChanged"],
    ["excel-InsertDeleteConflict", "workbookChanged"],
    ["excel-ItemNotFound", "workbookChanged"],
    ["missing-table", "other"],
  ] as const)("%s → %s", (code, kind) => {
    expect(classifyWriteIssues([issue(code)])).toBe(kind);
  });
});
