/**
 * Writing from the task pane (addin/state/writer.ts): enums spelled in the
 * sheet's language, an ID taken meanwhile is drawn again, and port errors
 * become words the user can act on. ("Who am I": tests/addin/host.)
 */
import { describe, expect, it } from "vitest";
import { serialFromDateTime, serialFromYMD } from "../../../core/contract/dates";
import type { Issue } from "../../../core/contract/issues";
import type { CustomerId, FollowUp, FollowUpId, SalespersonName } from "../../../core/contract/model";
import { SCHEMA, headerOf, type Lang } from "../../../core/contract/schema";
import { MemoryWorkbook } from "../../../workbook/memory";
import { appendRecord, classifyWriteIssues } from "../../../addin/state/writer";

function workbookWithFollowUp(lang: Lang, existingId: string): MemoryWorkbook {
  const headers = SCHEMA.FollowUps.columns.map((c) => headerOf(c, lang));
  const row = SCHEMA.FollowUps.columns.map((c) => (c.key === "FollowUpID" ? existingId : c.key === "Date" ? 46000 : c.key === "CustomerID" ? "C-1" : c.key === "Salesperson" ? "张伟" : c.key === "Channel" ? "Email" : c.key === "Direction" ? "Out" : null));
  return MemoryWorkbook.fromTables([{ table: "FollowUps", headers, rows: [row] }]);
}

const row = (id: string): FollowUp => ({
  FollowUpID: id as FollowUpId, Date: serialFromDateTime(2026, 11, 25, 10, 0), CustomerID: "C-1" as CustomerId, Salesperson: "张伟" as SalespersonName,
  Channel: "WeChat", Direction: "In", Purpose: "ReturnVisit", Summary: "=1+1", NextStep: null, NextDate: null, Satisfaction: 5,
});

describe("appending a record from the pane", () => {
  it.each<[Lang, string, string, string]>([
    ["zh-CN", "微信", "收到", "回访"],
    ["en-US", "WeChat", "In", "ReturnVisit"],
  ])("a %s sheet gets enums in its own language", async (lang, channel, direction, purpose) => {
    const wb = workbookWithFollowUp(lang, "F-261101-AAAAAA");
    const res = await appendRecord(wb, "FollowUps", row("F-261125-BBBBBB"), serialFromYMD(2026, 11, 25));
    expect(res.ok).toBe(true);
    const table = await wb.readTable("FollowUps");
    expect(table.ok && table.value.rows.map((r) => [r.cells.FollowUpID, r.cells.Channel, r.cells.Direction, r.cells.Purpose, r.cells.Summary])).toEqual([
      ["F-261101-AAAAAA", "Email", "Out", null, null],
      ["F-261125-BBBBBB", channel, direction, purpose, "=1+1"],
    ]);
  });

  it("an ID someone else took since the snapshot is drawn again", async () => {
    const wb = workbookWithFollowUp("zh-CN", "F-261125-BBBBBB");
    const res = await appendRecord(wb, "FollowUps", row("F-261125-BBBBBB"), serialFromYMD(2026, 11, 25));
    expect(res.ok && res.value.id).toMatch(/^F-261125-[3-9A-Y]{6}$/);
    expect(res.ok && res.value.id).not.toBe("F-261125-BBBBBB");
    const table = await wb.readTable("FollowUps", ["FollowUpID"]);
    expect(table.ok && new Set(table.value.rows.map((r) => r.cells.FollowUpID)).size).toBe(2);
  });

  it("a workbook without the table writes nothing and says so", async () => {
    const wb = MemoryWorkbook.fromTables([]);
    const res = await appendRecord(wb, "FollowUps", row("F-1"), serialFromYMD(2026, 11, 25));
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error[0].code).toBe("missing-table");
  });
});

const issue = (code: string): Issue => ({ severity: "error", sheet: "跟进记录", row: null, column: null, code, message: { zh: "x", en: "x" } });

describe("port errors in words", () => {
  it.each([
    ["excel-InvalidOperationInCellEditMode", "busy"],
    ["excel-AccessDenied", "protectedSheet"],
    ["excel-InvalidReference", "workbookChanged"],
    ["excel-InsertDeleteConflict", "workbookChanged"],
    ["excel-ItemNotFound", "workbookChanged"],
    ["missing-table", "other"],
  ])("%s → %s", (code, kind) => {
    expect(classifyWriteIssues([issue(code)])).toBe(kind);
  });
});
