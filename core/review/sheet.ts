/**
 * The quarterly review (core/review/review.ts) as a printable sheet: A4 landscape,
 * one page wide, title rows repeated, company and period in the header, page
 * numbers and generation time in the footer. A summary block (team totals,
 * customers by grade) on top; per-salesperson table, then deal customers by
 * region and by product, contacts by channel. Failed requirements are marked
 * red, paid CNY carries data bars, and two charts are described for adapters
 * that can draw them.
 */
import { regionLabel } from "../contract/regions";
import type { ReportCellValue, ReportSheet } from "../report/sheet";
import type { QuarterlyReview, RequirementStatus, SalespersonReview } from "./review";
import { CHANNELS, GRADES, type Lang, type LocalizedText } from "../contract/schema";
import { MARK, REPORT_TEXT, STYLE, SheetLayout, headerFooterText } from "../report/builder";

export interface ReportMeta {
  readonly companyName: string;
  /** When the sheet was generated, as shown in the footer (e.g. "2026-10-08 09:30"). */
  readonly generatedAt: string;
}

export const REVIEW_TITLE: LocalizedText = { zh: "季度考核", en: "Review" };

export const STATUS_LABEL: Readonly<Record<RequirementStatus, LocalizedText>> = {
  passed: { zh: "通过", en: "passed" },
  "in progress": { zh: "进行中", en: "in progress" },
  failed: { zh: "未通过", en: "failed" },
};

export function stageLabel(stage: SalespersonReview["stage"]): LocalizedText {
  if (stage === "established") return { zh: "已转正", en: "established" };
  return stage === 1 ? { zh: "第1阶段（试用期）", en: "1 (probation)" } : { zh: `第${stage}阶段`, en: String(stage) };
}

type Kind = "text" | "wrap" | "int" | "money" | "percent";
interface Column {
  readonly head: LocalizedText;
  readonly width: number;
  readonly kind: Kind;
  readonly value: (s: SalespersonReview, lang: Lang) => ReportCellValue;
}

/** The per-salesperson table, left to right. Column 4 is the requirement status (marked), 6 paid CNY (data bars). */
export const SALESPERSON_COLUMNS: readonly Column[] = [
  { head: { zh: "业务员", en: "Salesperson" }, width: 12, kind: "text", value: (s) => s.name },
  { head: { zh: "阶段", en: "Stage" }, width: 12, kind: "text", value: (s, l) => (l === "zh-CN" ? stageLabel(s.stage).zh : stageLabel(s.stage).en) },
  { head: { zh: "考核期", en: "Window" }, width: 12, kind: "wrap", value: (s) => (s.window ? `${s.window.from} ~ ${s.window.to}` : null) },
  { head: { zh: "阶段要求", en: "Requirement" }, width: 11, kind: "text", value: (s, l) => (s.requirement ? (l === "zh-CN" ? STATUS_LABEL[s.requirement.status].zh : STATUS_LABEL[s.requirement.status].en) : null) },
  { head: { zh: "要求说明", en: "Detail" }, width: 34, kind: "wrap", value: (s, l) => (s.requirement ? (l === "zh-CN" ? s.requirement.detailZh : s.requirement.detail) : null) },
  { head: { zh: "到款(人民币)", en: "Paid CNY" }, width: 14, kind: "money", value: (s) => s.paidCNY },
  { head: { zh: "提成", en: "Commission" }, width: 11, kind: "money", value: (s) => s.commissionCNY },
  { head: { zh: "季度收入", en: "Income" }, width: 11, kind: "money", value: (s) => s.incomeCNY },
  { head: { zh: "订单", en: "Orders" }, width: 7, kind: "int", value: (s) => s.orders },
  { head: { zh: "新客户", en: "New customers" }, width: 9, kind: "int", value: (s) => s.newCustomers },
  { head: { zh: "主动联系", en: "Contacts" }, width: 9, kind: "int", value: (s) => s.contacts },
  { head: { zh: "即时通讯客户", en: "IM customers" }, width: 9, kind: "int", value: (s) => s.imCustomers },
  { head: { zh: "付费样品客户", en: "Paid samples" }, width: 9, kind: "int", value: (s) => s.sampleRequests },
  { head: { zh: "返单客户", en: "Repeat customers" }, width: 9, kind: "int", value: (s) => s.repeatCustomers },
  { head: { zh: "有单月数", en: "Months with order" }, width: 9, kind: "int", value: (s) => s.monthsWithOrder },
  { head: { zh: "预报(人民币)", en: "Forecast CNY" }, width: 13, kind: "money", value: (s) => s.forecastCNY },
  { head: { zh: "预报完成率", en: "Forecast done" }, width: 10, kind: "percent", value: (s) => s.forecastCompletion },
  { head: { zh: "阿里巴巴评分", en: "Alibaba score" }, width: 9, kind: "int", value: (s) => s.scores?.alibaba ?? null },
  { head: { zh: "态度评分", en: "Attitude score" }, width: 9, kind: "int", value: (s) => s.scores?.attitude ?? null },
  { head: { zh: "经理评语", en: "Comment" }, width: 24, kind: "wrap", value: (s) => s.scores?.comment ?? null },
];
export const STATUS_COLUMN = 4;
export const PAID_COLUMN = 6;

const L = {
  asOf: { zh: "截至", en: "as of" },
  ...REPORT_TEXT,
  team: { zh: "团队合计", en: "Team totals" },
  grades: { zh: "客户等级（截至考核日）", en: "Customers by grade (as of the review date)" },
  people: { zh: "业务员考核", en: "Salespeople" },
  region: { zh: "成交客户按地区", en: "Deal customers by region" },
  product: { zh: "成交客户按产品（本季到款）", en: "Deal customers by product (paid this quarter)" },
  channel: { zh: "主动联系按方式", en: "Contacts by channel" },
  paidChart: { zh: "业务员到款（人民币）", en: "Paid CNY by salesperson" },
  regionHead: { zh: "地区", en: "Region" },
  productHead: { zh: "产品", en: "Product" },
  channelHead: { zh: "方式", en: "Channel" },
  customers: { zh: "客户数", en: "Customers" },
  contacts: { zh: "联系次数", en: "Contacts" },
  paid: { zh: "到款(人民币)", en: "Paid CNY" },
  commission: { zh: "提成", en: "Commission" },
  orders: { zh: "订单", en: "Orders" },
  newCustomers: { zh: "新客户", en: "New customers" },
  salesperson: { zh: "业务员", en: "Salesperson" },
} satisfies Record<string, LocalizedText>;

export function reviewSheetName(quarter: string, lang: Lang): string {
  return `${lang === "zh-CN" ? REVIEW_TITLE.zh : REVIEW_TITLE.en} ${quarter}`;
}

export function reviewSheet(review: QuarterlyReview, lang: Lang, meta: ReportMeta): ReportSheet {
  const s = new SheetLayout(lang);
  const span = SALESPERSON_COLUMNS.length;
  SALESPERSON_COLUMNS.forEach((c, i) => s.width(i + 1, c.width));
  const title = reviewSheetName(review.quarter, lang);

  s.line(meta.companyName ? `${title} · ${meta.companyName}` : title, STYLE.title, span);
  s.line(`${s.t(L.asOf)} ${review.asOf} · ${s.t(L.generated)} ${meta.generatedAt}`, STYLE.subtitle, span);
  s.skip();

  // Summary: team totals (columns 1-5) and grades (columns 7-12), label row over value row.
  s.line(`${s.t(L.team)} / ${s.t(L.grades)}`, STYLE.section, span);
  const team: [LocalizedText, number, "money" | "int"][] = [
    [L.paid, review.team.paidCNY, "money"],
    [L.commission, review.team.commissionCNY, "money"],
    [L.orders, review.team.orders, "int"],
    [L.newCustomers, review.team.newCustomers, "int"],
    [L.contacts, review.team.contacts, "int"],
  ];
  const labels = s.row++;
  const values = s.row++;
  team.forEach(([label, value, kind], i) => {
    s.put(labels, i + 1, s.t(label), STYLE.header);
    s.put(values, i + 1, value, STYLE[kind]);
  });
  GRADES.forEach((g, i) => {
    s.put(labels, 7 + i, lang === "zh-CN" ? g.zh : g.value, STYLE.header);
    s.put(values, 7 + i, review.grades[g.value], STYLE.int);
  });
  s.skip();

  // Per salesperson.
  s.line(s.t(L.people), STYLE.section, span);
  const head = s.cellsRow(SALESPERSON_COLUMNS.map((c) => ({ value: s.t(c.head), style: STYLE.header })));
  for (const p of review.salespeople) s.cellsRow(SALESPERSON_COLUMNS.map((c) => ({ value: c.value(p, lang), style: STYLE[c.kind] })));
  const last = head + review.salespeople.length;
  if (review.salespeople.length > 0) {
    const status = s.block(head + 1, STATUS_COLUMN, last, STATUS_COLUMN);
    s.conditional.push({ block: status, equals: s.t(STATUS_LABEL.failed), ...MARK.failed });
    s.conditional.push({ block: status, equals: s.t(STATUS_LABEL["in progress"]), ...MARK.progress });
    s.conditional.push({ block: status, equals: s.t(STATUS_LABEL.passed), ...MARK.passed });
    s.dataBars.push({ block: s.block(head + 1, PAID_COLUMN, last, PAID_COLUMN), color: "5B9BD5" });
  }
  s.skip();

  // Two-column tables below, each with a chart to its right where it helps.
  const table = (heading: LocalizedText, heads: LocalizedText[], rows: [string, number, number?][], kinds: ("int" | "money")[]): { first: number; last: number } => {
    s.line(s.t(heading), STYLE.section, span);
    s.cellsRow(heads.map((h) => ({ value: s.t(h), style: STYLE.header })));
    const first = s.row;
    for (const r of rows) s.cellsRow([{ value: r[0], style: STYLE.text }, ...kinds.map((k, i) => ({ value: r[i + 1] ?? 0, style: STYLE[k] }))]);
    const end = s.row - 1;
    s.skip();
    return { first, last: end };
  };

  const paid = table(L.paidChart, [L.salesperson, L.paid], review.salespeople.map((p) => [p.name, p.paidCNY]), ["money"]);
  if (paid.last >= paid.first) {
    s.dataBars.push({ block: s.block(paid.first, 2, paid.last, 2), color: "70AD47" });
    s.charts.push({ kind: "bar", title: s.t(L.paidChart), data: s.block(paid.first - 1, 1, paid.last, 2), anchor: { row: paid.first - 1, col: 5 } });
  }
  const region = table(L.region, [L.regionHead, L.customers, L.paid], Object.entries(review.byRegion).map(([k, v]) => [regionLabel(k, lang), v.customers, v.paidCNY]), ["int", "money"]);
  if (region.last >= region.first) s.dataBars.push({ block: s.block(region.first, 3, region.last, 3), color: "5B9BD5" });
  const product = table(L.product, [L.productHead, L.customers, L.paid], Object.entries(review.byProduct).map(([k, v]) => [k, v.customers, v.paidCNY]), ["int", "money"]);
  if (product.last >= product.first) s.dataBars.push({ block: s.block(product.first, 3, product.last, 3), color: "5B9BD5" });
  const channelRows = CHANNELS.filter((c) => (review.contactsByChannel[c.value] ?? 0) > 0).map((c): [string, number] => [lang === "zh-CN" ? c.zh : c.en, review.contactsByChannel[c.value] ?? 0]);
  const channel = table(L.channel, [L.channelHead, L.contacts], channelRows, ["int"]);
  if (channel.last >= channel.first) {
    s.dataBars.push({ block: s.block(channel.first, 2, channel.last, 2), color: "ED7D31" });
    s.charts.push({ kind: "pie", title: s.t(L.channel), data: s.block(channel.first - 1, 1, channel.last, 2), anchor: { row: paid.first - 1, col: 12 } });
  }

  const company = headerFooterText(meta.companyName);
  return s.build(
    title,
    {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: 1,
      titleRows: { from: 1, to: 2 },
      header: { left: company, center: headerFooterText(title), right: headerFooterText(`${s.t(L.asOf)} ${review.asOf}`) },
      footer: { left: headerFooterText(`${s.t(L.generated)} ${meta.generatedAt}`), right: s.t(L.page) },
    },
    2,
  );
}
