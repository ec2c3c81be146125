/**
 * What the tradebook command says, in both languages (core/contract/lang.ts:
 * the one mechanism cli, addin and functions share). Placeholders are
 * {name}; {n:one|other} is an English plural. --json output never uses
 * these: its keys and values are the contract's.
 */
import { say as sayIn, type Catalog, type Lang, type LocalizedText, type Params } from "../core/contract/lang";

export const CLI_MESSAGES = {
  // main.ts: usage
  usage: { zh: "用法：tradebook <命令> …", en: "usage: tradebook <command> …" },
  usageWord: { zh: "用法", en: "usage" },
  exitCodes: { zh: "退出码：0 正常，1 发现问题，2 用法错误或文件无法读取。", en: "Exit codes: 0 ok, 1 problems found, 2 bad usage or a file that cannot be read." },
  languageHelp: { zh: "语言：LANG 或 TRADEBOOK_LANG 以 zh 开头时输出中文。", en: "Language: Chinese when LANG or TRADEBOOK_LANG starts with zh (TRADEBOOK_LANG=en-US for English)." },
  unknownCommand: { zh: "tradebook：没有「{name}」这个命令（命令列表见 tradebook --help）", en: 'tradebook: unknown command "{name}" (tradebook --help lists them)' },
  // Every command
  issueError: { zh: "错误", en: "error" },
  issueWarning: { zh: "警告", en: "warning" },
  wroteSheet: { zh: "已写入工作表「{sheet}」：{file}", en: 'wrote sheet "{sheet}" to {file}' },
  notStarted: { zh: "{period} 尚未开始（{on} 开始；今天是 {today}，{zone}）", en: "{period} has not started yet (it starts on {on}; today is {today} in {zone})" },
  noSalesperson: { zh: "{file}：业务员表中没有「{name}」（现有：{known}）", en: '{file}: no salesperson "{name}" in Salespeople (known: {known})' },
  noReport: {
    zh: "{file}：有 {errors} 个错误，未生成报表（请先修正，或运行 tradebook check {file}）",
    en: "{file}: {errors} error{errors:|s}; no report written (fix them first, see tradebook check {file})",
  },
  // init, templates
  exists: { zh: "tradebook init: {file} 已存在，未做任何修改（请换一个文件名）", en: "tradebook init: {file} already exists; nothing was written (choose another name)" },
  created: { zh: "已创建 {file}（{lang}，{what}）", en: "Created {file} ({lang}, {what})" },
  withSample: { zh: "含示例数据：客户 {customers}，跟进记录 {followUps}，订单 {orders}", en: "with sample data: {customers} customers, {followUps} follow-ups, {orders} orders" },
  emptyTemplate: { zh: "空白模板", en: "empty template" },
  wrote: { zh: "已写入 {path}", en: "Wrote {path}" },
  // check
  cannotReadWorkbook: { zh: "{file}: 无法读取工作簿: {why}", en: "{file}: cannot read the workbook: {why}" },
  mended: {
    zh: "{file}：已修复「{sheet}」：移除表格 {tables} 下方的数据验证 {validations} 处、条件格式 {formats} 处（它们会阻止 Excel 将新行纳入表格）",
    en: "{file}: mended sheet {sheet}: took {validations} data validation rule(s) and {formats} conditional format(s) off the cells below table {tables} (they stop Excel taking new rows into the table)",
  },
  checked: { zh: "{file}：{errors} 个错误，{warnings} 个警告", en: "{file}: {errors} error{errors:|s}, {warnings} warning{warnings:|s}" },
  // import
  cannotRead: { zh: "{file}: 无法读取: {why}", en: "{file}: cannot read: {why}" },
  noTable: { zh: "{file}: 没有「{sheet}」表", en: "{file}: has no {table} table" },
  notImported: { zh: "{csv}：{errors} 个错误，{file} 未做任何改动", en: "{csv}: {errors} error{errors:|s}; {file} was not changed" },
  reasonColumn: { zh: "原因", en: "Reason" },
  rejects: { zh: "；{count} 行未导入，原因见 {path}", en: "; {count} left out, the reasons are in {path}" },
  imported: { zh: "{file}：已向「{sheet}」添加 {count} 行{rejects}", en: "{file}: added {count} row{count:|s} to {sheet}{rejects}" },
  savedWhole: {
    zh: "{file}：{why}，将重新保存整个工作簿来添加这些行（文件大时较慢）",
    en: "{file}: {why}, so the whole workbook is saved again to add the rows (slower for a large file)",
  },
  // due
  dueUnknownSalesperson: { zh: "{file}：业务员表中没有「{name}」（现有：{known}）", en: '{file}: no salesperson named "{name}" in Salespeople (known: {known})' },
  noneKnown: { zh: "无", en: "none" },
  dueLeftOut: {
    zh: "{file}：有 {errors} 个错误，相关行未计入待办（详见 tradebook check {file}）",
    en: "{file}: {errors} error{errors:|s}; those rows are left out of the due list (see tradebook check {file})",
  },
  dueHeading: {
    zh: "待办跟进 {day}（{who}）：共 {count} 项（逾期 {late}，今天 {today}，即将 {soon}）",
    en: "Due {day}, {who}: {count} item{count:|s} ({late} overdue, {today} today, {soon} soon)",
  },
  allSalespeople: { zh: "全部业务员", en: "all salespeople" },
  nobodyDue: { zh: "今天没有要跟进的客户。", en: "Nobody to contact today." },
  groupHeading: { zh: "【{rule}】{count} 项（{counts}）", en: "== {rule}: {count} ({counts})" },
  groupLate: { zh: "逾期 {n}", en: "{n} overdue" },
  groupToday: { zh: "今天 {n}", en: "{n} today" },
  groupSoon: { zh: "即将 {n}", en: "{n} soon" },
  countSeparator: { zh: "，", en: ", " },
  more: { zh: "  … 另有 {hidden} 项（不加 --limit 可全部显示）", en: "  … and {hidden} more (leave out --limit to see all)" },
  pushyHeading: { zh: "【{rule}】{count} 位客户本周联系过多", en: "== {rule}: {count} this week" },
  pushyLine: { zh: "本周主动联系 {count} 次，上限 {max}", en: "{count} outbound contacts, at most {max}" },
  overdue: { zh: "逾期 {n} 天", en: "{n} day{n:|s} overdue" },
  dueToday: { zh: "今天", en: "due today" },
  dueIn: { zh: "{n} 天后", en: "in {n} day{n:|s}" },
  // review, weekly
  nothingToReview: { zh: "{notStarted}，没有可考核的内容", en: "{notStarted}: nothing to review" },
  asOf: { zh: "{title} (截至 {date})", en: "{title} (as of {date})" },
  team: { zh: "团队合计", en: "Team" },
  grades: { zh: "客户等级: {grades}", en: "Grades: {grades}" },
  weeklyTitle: { zh: "周报 {week}", en: "Weekly report {week}" },
  notesWritten: { zh: "已填", en: "written" },
  notesMissing: { zh: "未填", en: "missing" },
} satisfies Readonly<Record<string, LocalizedText>>;

export type CliMessageKey = keyof typeof CLI_MESSAGES;

const CATALOG: Catalog<CliMessageKey> = CLI_MESSAGES;

/** The command's message `key` in `lang`, placeholders filled. */
export function say(lang: Lang, key: CliMessageKey, params?: Params): string {
  return sayIn(CATALOG, lang, key, params);
}

/** Column heads of the text tables `review` and `weekly` print. */
export const REVIEW_HEADS: readonly LocalizedText[] = [
  { zh: "业务员", en: "Salesperson" },
  { zh: "阶段", en: "Stage" },
  { zh: "阶段要求", en: "Requirement" },
  { zh: "到款(人民币)", en: "Paid CNY" },
  { zh: "提成", en: "Commission" },
  { zh: "季度收入", en: "Income" },
  { zh: "订单", en: "Orders" },
  { zh: "主动联系", en: "Contacts" },
];

export const WEEKLY_HEADS: readonly LocalizedText[] = [
  { zh: "业务员", en: "Salesperson" },
  { zh: "主动联系", en: "Out" },
  { zh: "收到", en: "In" },
  { zh: "新客户", en: "New" },
  { zh: "样品申请", en: "Samples req." },
  { zh: "样品寄出", en: "Samples sent" },
  { zh: "报价", en: "Quotes" },
  { zh: "订单", en: "Orders" },
  { zh: "重点客户", en: "Key customers" },
  { zh: "周报", en: "Notes" },
];

/** The weekday names the due list's heading shows, Monday first. */
export const WEEKDAYS: readonly LocalizedText[] = [
  { zh: "周一", en: "Mon" },
  { zh: "周二", en: "Tue" },
  { zh: "周三", en: "Wed" },
  { zh: "周四", en: "Thu" },
  { zh: "周五", en: "Fri" },
  { zh: "周六", en: "Sat" },
  { zh: "周日", en: "Sun" },
];
