/**
 * docs/workbook.md, generated from core/contract/schema.ts so the user guide can never
 * disagree with the contract (tests/templates/workbook-doc.test.ts checks it).
 */
import { SCHEMA, TABLE_NAMES, type ColumnDef, type TableDef } from "../core/contract/schema";
import { REGIONS } from "./countries";

const TYPE_TEXT: Readonly<Record<ColumnDef["type"], readonly [string, string]>> = {
  text: ["文本", "text"],
  int: ["整数", "whole number"],
  number: ["数字", "number"],
  date: ["日期", "date"],
  datetime: ["日期时间", "date-time"],
  enum: ["选项", "choice"],
  yn: ["是/否", "Y/N"],
};

const FORMAT_TEXT: Readonly<Record<NonNullable<ColumnDef["format"]>, readonly [string, string]>> = {
  email: ["有效邮箱地址", "a valid email address"],
  country: ["ISO 3166-1 两位国家代码，须在「国家」表中", "ISO 3166-1 alpha-2 code listed in Countries"],
  currency: ["ISO 4217 币种代码，须在「汇率」表中（CNY 总是可用）", "ISO 4217 code listed in ExchangeRates (CNY always works)"],
  timezone: ["IANA 时区名，如 Europe/Berlin", "IANA time zone name, e.g. Europe/Berlin"],
  month: ["月份 YYYY-MM", "month YYYY-MM"],
  quarter: ["季度 YYYY-Qn", "quarter YYYY-Qn"],
  isoWeek: ["ISO 周 YYYY-Www", "ISO week YYYY-Www"],
};

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function rules(c: ColumnDef): [string, string] {
  const zh: string[] = [];
  const en: string[] = [];
  if (c.unique) (zh.push("不可重复"), en.push("unique"));
  if (c.format) (zh.push(FORMAT_TEXT[c.format][0]), en.push(FORMAT_TEXT[c.format][1]));
  if (c.ref) {
    const t = SCHEMA[c.ref.table];
    const col = t.columns.find((x) => x.key === c.ref?.column);
    zh.push(`须为「${t.sheet.zh}」表的${col?.zh ?? c.ref.column}`);
    en.push(`a ${c.ref.table} ${c.ref.column}`);
  }
  if (c.enumValues) {
    zh.push(c.enumValues.map((v) => `${v.zh}（${v.value}）`).join("、"));
    en.push(c.enumValues.map((v) => (v.en === v.value ? v.value : `${v.value} (${v.en})`)).join(", "));
  }
  if (c.positive) (zh.push("大于 0"), en.push("greater than 0"));
  else if (c.max !== undefined) (zh.push(`${c.min ?? 0} 到 ${c.max}`), en.push(`${c.min ?? 0} to ${c.max}`));
  else if (c.type === "number" || c.type === "int") (zh.push(`不小于 ${c.min ?? 0}`), en.push(`at least ${c.min ?? 0}`));
  if (c.computed) (zh.push("由 TradeBook 填写"), en.push("written by TradeBook"));
  return [zh.join("；"), en.join("; ")];
}

function tableSection(t: TableDef): string[] {
  const lines = [
    `## ${t.sheet.zh} · ${t.name}`,
    "",
    `Excel 表名 / table name: \`${t.name}\` · 工作表 / sheet: 「${t.sheet.zh}」 (zh-CN), "${t.sheet.en}" (en-US)`,
    "",
    t.help.zh,
    "",
    t.help.en,
    "",
    "| 列（中文） | Column (English) | 类型 Type | 必填 Required | 规则 | Rules |",
    "|---|---|---|---|---|---|",
  ];
  for (const c of t.columns) {
    const [zh, en] = rules(c);
    const [tz, te] = TYPE_TEXT[c.type];
    lines.push(`| ${cell(c.zh)} | ${cell(c.key)} | ${tz} ${te} | ${c.required ? "是 Yes" : ""} | ${cell(zh)} | ${cell(en)} |`);
  }
  lines.push("");
  return lines;
}

export function workbookDoc(): string {
  const lines = [
    "<!-- Generated from core/contract/schema.ts by scripts/gen-workbook-doc.ts; do not edit by hand. -->",
    "# TradeBook 工作簿 · The TradeBook workbook",
    "",
    "每个表在自己的工作表上，是一个真正的 Excel 表格（表名为下面的英文名）。中文工作簿显示中文列名，英文工作簿显示英文列名；两种列名都能读取。列按列名查找，可以调整列的顺序，也可以加自己的列（TradeBook 不会改动它们）。",
    "",
    "Each table lives on its own sheet as a real Excel table (named as below). A zh-CN workbook shows the Chinese headers, an en-US workbook the English ones; either is accepted. Columns are found by header, so you may reorder them and add your own, which TradeBook leaves alone.",
    "",
    "日期是 Excel 日期（工作时区的当地时间，见「设置」WorkTimeZone）；选项列在中文工作簿里显示中文，英文值同样有效；是/否列接受 Y/N 或 是/否。",
    "",
    "Dates are Excel dates, wall-clock time in the work time zone (Settings WorkTimeZone). Choice columns show Chinese labels in a zh-CN workbook; the English values are accepted too. Y/N columns accept Y/N or 是/否.",
    "",
    `地区 Regions (Countries.Region): ${REGIONS.join(", ")}`,
    "",
  ];
  for (const name of TABLE_NAMES) lines.push(...tableSection(SCHEMA[name]));
  return lines.join("\n");
}
