/**
 * What a column allows, read from its definition in schema.ts (the one
 * source of the contract's limits), and the words for it. The pane's forms
 * check what a user typed with numberProblem() and say LIMIT_MESSAGES; a
 * workbook's data validation (workbook/xlsx/exceljs/structure.ts) tells
 * Excel the same limit with a VALIDATION_PROMPTS tip.
 */
import type { ColumnDef } from "./columns";
import { EXCEL_MAX_CELL_CHARS } from "./excel-limits";
import type { Catalog, LocalizedText, Params } from "./lang";

/** A number column's limit: both bounds, more than 0, or a floor. */
export type NumberLimit =
  | { readonly kind: "between"; readonly min: number; readonly max: number }
  | { readonly kind: "positive" }
  | { readonly kind: "atLeast"; readonly min: number };

/** The limit of a number column (`int` or `number`), as the schema writes it. */
export function numberLimitOf(column: ColumnDef): NumberLimit {
  const min = column.min ?? 0;
  if (column.max !== undefined) return { kind: "between", min, max: column.max };
  if (column.positive) return { kind: "positive" };
  return { kind: "atLeast", min };
}

/** What the pane says about a typed value that breaks its column's limit. */
export const LIMIT_MESSAGES = {
  invalidNumber: { zh: "不是数字。", en: "Not a number." },
  notWhole: { zh: "必须是整数。", en: "Must be a whole number." },
  mustBePositive: { zh: "必须大于 0。", en: "Must be more than 0." },
  outOfRange: { zh: "必须在 {min} 到 {max} 之间。", en: "Must be from {min} to {max}." },
  tooSmall: { zh: "不能小于 {min}。", en: "Must be {min} or more." },
  tooLong: { zh: "太长：最多 {max} 个字符。", en: "Too long: at most {max} characters." },
} satisfies Catalog<string>;

export type LimitMessageKey = keyof typeof LIMIT_MESSAGES;

/** A message of LIMIT_MESSAGES with its values. */
export interface LimitProblem {
  readonly key: LimitMessageKey;
  readonly params?: Params;
}

/** Why `n` does not fit `column` (whole numbers for `int`, then its limit), or null when it fits. */
export function numberProblem(column: ColumnDef, n: number): LimitProblem | null {
  if (column.type === "int" && !Number.isInteger(n)) return { key: "notWhole" };
  const limit = numberLimitOf(column);
  switch (limit.kind) {
    case "positive":
      return n > 0 ? null : { key: "mustBePositive" };
    case "between":
      return n >= limit.min && n <= limit.max ? null : { key: "outOfRange", params: { min: limit.min, max: limit.max } };
    case "atLeast":
      return n >= limit.min ? null : { key: "tooSmall", params: { min: limit.min } };
  }
}

/** Why a text does not fit a cell, or null when it does. */
export function textProblem(text: string): LimitProblem | null {
  return text.length > EXCEL_MAX_CELL_CHARS ? { key: "tooLong", params: { max: EXCEL_MAX_CELL_CHARS } } : null;
}

/** The tip Excel shows when a typed value breaks a column's data validation. */
export const VALIDATION_PROMPTS = {
  chooseFromList: { zh: "请从下拉列表中选择：{labels}", en: "Choose from the list: {labels}" },
  useListed: { zh: "请填写「{sheet}」表中已有的值", en: "Use a value listed on the {sheet} sheet" },
  between: { zh: "请填写 {min} 到 {max} 之间的数", en: "Enter a number from {min} to {max}" },
  positive: { zh: "请填写大于 0 的数", en: "Enter a number greater than 0" },
  atLeast: { zh: "请填写不小于 {min} 的数", en: "Enter a number of at least {min}" },
} satisfies Readonly<Record<string, LocalizedText>>;
