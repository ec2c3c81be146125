/**
 * Excel's errors as issues a salesperson can act on, in both languages.
 * Office.js rejects a sync with an OfficeExtension.Error whose `code` is one
 * of Excel.ErrorCodes; we only look at that code (the message text is
 * localized by Excel and not stable).
 */
import type { Issue } from "../../core/contract/issues";

/** Excel's answers to a request too big for it: halve and retry (payload.ts). RangeExceedsLimit: over 5,000,000 cells read at once. */
export const PAYLOAD_CODES: ReadonlySet<string> = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "RangeExceedsLimit"]);

/** The `code` of an Office.js error, or undefined for anything else. */
export function officeErrorCode(e: unknown): string | undefined {
  if (typeof e !== "object" || e === null || !("code" in e)) return undefined;
  return typeof e.code === "string" ? e.code : undefined;
}

export function isPayloadTooLarge(e: unknown): boolean {
  const code = officeErrorCode(e);
  return code !== undefined && PAYLOAD_CODES.has(code);
}

/** True for an issue made from a payload error (issueFromOfficeError), so its caller can halve and retry. */
export function isPayloadIssue(issue: Issue): boolean {
  return issue.code.startsWith("excel-") && PAYLOAD_CODES.has(issue.code.slice("excel-".length));
}

const WORDS: Readonly<Record<string, { zh: string; en: string }>> = {
  InvalidOperationInCellEditMode: {
    zh: "Excel 正处于单元格编辑状态，无法写入。请按 Enter 或 Esc 结束编辑后重试",
    en: "Excel is in cell-edit mode and cannot be written to. Press Enter or Esc to finish editing the cell, then try again",
  },
  AccessDenied: {
    zh: "工作表受保护或工作簿为只读，无法写入。请先撤销工作表保护（审阅 → 撤销工作表保护）或获取编辑权限",
    en: "the sheet is protected or the workbook is read-only. Unprotect the sheet (Review → Unprotect Sheet) or get edit permission first",
  },
  ItemNotFound: {
    zh: "找不到所需的表或工作表：工作簿可能刚被他人修改（删除或重命名）。请刷新后重试，或运行「检查结构」补齐",
    en: "a table or sheet it needs is gone: someone may have just deleted or renamed it. Refresh and try again, or run the structure check to restore it",
  },
  InvalidReference: {
    zh: "工作簿在读取和写入之间被他人修改。请重试",
    en: "the workbook changed between reading and writing. Please try again",
  },
  InsertDeleteConflict: {
    zh: "另一位用户正在插入或删除行，与本次写入冲突。请稍后重试",
    en: "another user is inserting or deleting rows at the same place. Please try again in a moment",
  },
  Conflict: {
    zh: "另一位用户同时修改了相同的单元格。请重试",
    en: "another user changed the same cells at the same time. Please try again",
  },
  RequestPayloadSizeLimitExceeded: {
    zh: "一次发送给 Excel 的数据过多（超过 Excel 的单次请求上限）。请分批操作",
    en: "too much data for one request to Excel (over Excel's request size limit). Please work in smaller batches",
  },
  ResponsePayloadSizeLimitExceeded: {
    zh: "Excel 一次返回的数据过多（超过单次响应上限），即使逐行读取也无法完成",
    en: "Excel's answer is too large for one response (over its size limit), even one row at a time",
  },
  RangeExceedsLimit: {
    zh: "一次读取的单元格超过 Excel 的上限（500 万个），即使逐行读取也无法完成",
    en: "the read covers more cells than Excel allows at once (5,000,000), even one row at a time",
  },
  RequestAborted: {
    zh: "请求被 Excel 中止（可能工作簿已关闭或网络中断）。请重试",
    en: "Excel aborted the request (the workbook may have closed or the connection dropped). Please try again",
  },
};

/** An issue for an error thrown by Excel while working on `sheet`. */
export function issueFromOfficeError(e: unknown, sheet: string): Issue {
  const code = officeErrorCode(e) ?? "Unknown";
  const words = WORDS[code];
  const detail = e instanceof Error ? e.message : String(e);
  return {
    severity: "error",
    sheet,
    row: null,
    column: null,
    code: `excel-${code}`,
    message: words ?? { zh: `Excel 报告错误 ${code}：${detail}`, en: `Excel reported ${code}: ${detail}` },
  };
}
