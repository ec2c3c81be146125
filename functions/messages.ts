/**
 * What the CRM.* functions say when an argument is not usable, in both
 * languages (core/contract/lang.ts: the one mechanism every entry point
 * uses). Excel shows one message to every co-author, so errors.ts puts both
 * languages in it; {arg} is the argument's name, said in each language.
 */
import type { LocalizedText } from "../core/contract/lang";

export const FUNCTION_MESSAGES = {
  argument: { zh: "{arg}：{problem}", en: "{arg}: {problem}" },
  blank: { zh: "空白", en: "a blank" },
  notSingle: { zh: "应为单个值，不能是区域", en: "expects one value, not a range" },
  required: { zh: "不能为空", en: "is required" },
  notNumber: { zh: "必须是数字，收到 {got}", en: "must be a number, got {got}" },
  notFinite: { zh: "必须是有限数字，收到 {got}", en: "must be a finite number, got {got}" },
  belowMin: { zh: "不能小于 {min}，收到 {got}", en: "must be at least {min}, got {got}" },
  notWhole: { zh: "必须是整数，收到 {got}", en: "must be a whole number, got {got}" },
  notText: { zh: "必须是文本，收到 {got}", en: "must be text, got {got}" },
  notDateText: { zh: "必须是日期（YYYY-MM-DD），收到 {got}", en: "must be a date (YYYY-MM-DD), got {got}" },
  notDate: { zh: "必须是日期，收到 {got}", en: "must be a date, got {got}" },
  dateOutOfRange: { zh: "必须是 {first} 至 9999-12-31 之间的日期，收到 {got}", en: "must be a date between {first} and 9999-12-31, got {got}" },
  notYesNo: { zh: "必须是 TRUE/FALSE 或 是/否，收到 {got}", en: "must be TRUE/FALSE or Y/N, got {got}" },
  notCellValue: { zh: "第{row}行含有 {got}，不是单元格值", en: "row {row} holds {got}, not a cell value" },
  tooFewColumns: { zh: "必须是至少 {count} 列的区域（{columns}）", en: "must be a range of at least {count} columns ({columns})" },
  headerLacks: { zh: "标题行缺少 {columns}", en: "the header row lacks {columns}" },
  cellBlank: { zh: "第{row}行「{key}」为空", en: "row {row}, {key} is blank" },
  cellNotNumber: { zh: "第{row}行「{key}」必须是数字，收到 {got}", en: "row {row}, {key} must be a number, got {got}" },
  cellNotText: { zh: "第{row}行「{key}」必须是文本，收到 {got}", en: "row {row}, {key} must be text, got {got}" },
  resultNotFinite: { zh: "不是有限数字（输入是否过大？）", en: "not a finite number (are the inputs too large?)" },
  resultOutsideDates: { zh: "超出 Excel 日期范围（{first} 至 9999-12-31）", en: "falls outside Excel's dates ({first} to 9999-12-31)" },
  badMethod: { zh: "必须是 marginal（超额累进）或 whole（全额累进），收到 {got}", en: 'must be "marginal" or "whole", got {got}' },
  badInquiry: { zh: "必须是 详细询价、统一询价 或 相关产品询价，收到 {got}", en: "must be Detailed, Generic or Related, got {got}" },
  badGrade: { zh: "必须是 KEY、DEAL、A、B、C 或 D，收到 {got}", en: "must be KEY, DEAL, A, B, C or D, got {got}" },
  noLastContact: { zh: "请提供上次联系日期或{createdOn}", en: "give the last contact date or {createdOn}" },
  noNextContact: { zh: "{grade} 等级客户无需安排下次联系", en: "no next contact is required for grade {grade}" },
  unknownZone: { zh: "未知时区 {got}（请用 IANA 名称，如 America/New_York）", en: "unknown time zone {got} (use an IANA name such as America/New_York)" },
  noCallWindow: { zh: "无：{on} 我方与 {zone} 的工作时间没有重叠", en: "none: on {on} our working hours and {zone}'s do not meet" },
  notCurrency: { zh: "{got} 不是 ISO 4217 币种代码", en: "{got} is not an ISO 4217 currency code" },
  rateNotPositive: { zh: "第{row}行汇率必须大于 0，收到 {rate}", en: "row {row}, RateToCNY must be greater than 0, got {rate}" },
  noDateSystem: {
    zh: "无法读取此工作簿的日期系统（{why}）；请重新计算（Ctrl+Alt+F9）再试",
    en: "could not read this workbook's date system ({why}); recalculate (Ctrl+Alt+F9) to try again",
  },
} satisfies Readonly<Record<string, LocalizedText>>;

export type FunctionMessageKey = keyof typeof FUNCTION_MESSAGES;
