/**
 * The quarterly review (core/review/review.ts) as a printable sheet, laid
 * out for A4 landscape at 100 % (core/report/page.ts): no column is shrunk,
 * body text is 9 pt. Title rows repeat on every page; company, period and
 * page numbers sit in the header and footer.
 *
 * The first page is the one signed: 1. the assessment (stage requirement,
 * scores, the manager's comment), 2. the quarter's numbers with the team's
 * total, 3. signature and date lines for each salesperson and the manager.
 * A new page then gives the breakdowns: 4. deal customers by region and by
 * product, 5. customers by grade and contacts by channel. Everything sits on
 * one grid of 13 columns, one per number of section 2. Failed requirements are marked red, paid CNY carries data bars;
 * the two charts an adapter may draw sit right of the printed area.
 */
import { regionLabel } from "../contract/regions";
import { reportSheetName, type ReportCellValue, type ReportSheet } from "../report/sheet";
import type { QuarterlyReview, RequirementStatus, SalespersonReview } from "./review";
import { CHANNELS, GRADES, type Lang, type LocalizedText } from "../contract/schema";
import { localize, say } from "../contract/lang";
import { valueLabel } from "../contract/spellings";
import { MARK, REPORT_TEXT, STYLE, SheetLayout, headerFooterText } from "../report/builder";
import { signOff } from "../report/sign-off";

export interface ReportMeta {
  readonly companyName: string;
  /** When the sheet was generated, as shown in the footer (e.g. "2026-10-08 09:30"). */
  readonly generatedAt: string;
  /** The period was still running when generated (core/review/period.ts): the title says so. */
  readonly inProgress?: boolean;
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
export interface Column {
  readonly head: LocalizedText;
  /** Grid columns (1-based, inclusive) the column spans. */
  readonly at: readonly [number, number];
  readonly kind: Kind;
  readonly value: (s: SalespersonReview, lang: Lang) => ReportCellValue;
}

const text = localize;

/**
 * The grid: one column per number of section 2, in characters. Widths fit
 * A4 landscape in the wider reading of column widths (111 × 7 pt of 806) and
 * hold the largest sums in Excel's narrower one (core/report/page.ts).
 */
export const GRID_WIDTHS: readonly number[] = [10, 12, 11, 11, 6, 7, 7, 7, 7, 7, 7, 12, 7];

/** 1. The assessment, per salesperson: what decides the stage. */
export const ASSESSMENT_COLUMNS: readonly Column[] = [
  { head: { zh: "业务员", en: "Salesperson" }, at: [1, 1], kind: "wrap", value: (s) => s.name },
  { head: { zh: "阶段", en: "Stage" }, at: [2, 2], kind: "wrap", value: (s, l) => text(stageLabel(s.stage), l) },
  { head: { zh: "阶段要求", en: "Requirement" }, at: [3, 3], kind: "wrap", value: (s, l) => (s.requirement ? text(STATUS_LABEL[s.requirement.status], l) : null) },
  // The detail names the window it judges ("试用期 2026-04-13..2026-07-12：…").
  { head: { zh: "要求说明（考核期）", en: "Detail (window)" }, at: [4, 9], kind: "wrap", value: (s, l) => (s.requirement ? localize({ zh: s.requirement.detailZh, en: s.requirement.detail }, l) : null) },
  { head: { zh: "阿里巴巴\n评分", en: "Alibaba score" }, at: [10, 10], kind: "int", value: (s) => s.scores?.alibaba ?? null },
  { head: { zh: "态度评分", en: "Attitude score" }, at: [11, 11], kind: "int", value: (s) => s.scores?.attitude ?? null },
  { head: { zh: "经理评语", en: "Manager's comment" }, at: [12, 13], kind: "wrap", value: (s) => s.scores?.comment ?? null },
];

/** 2. The quarter's numbers, per salesperson, one grid column each. */
export const PERFORMANCE_COLUMNS: readonly Column[] = [
  { head: { zh: "业务员", en: "Salesperson" }, at: [1, 1], kind: "wrap", value: (s) => s.name },
  { head: { zh: "到款(人民币)", en: "Paid CNY" }, at: [2, 2], kind: "money", value: (s) => s.paidCNY },
  { head: { zh: "提成", en: "Commission" }, at: [3, 3], kind: "money", value: (s) => s.commissionCNY },
  { head: { zh: "季度收入", en: "Income" }, at: [4, 4], kind: "money", value: (s) => s.incomeCNY },
  { head: { zh: "订单", en: "Orders" }, at: [5, 5], kind: "int", value: (s) => s.orders },
  { head: { zh: "新客户", en: "New clients" }, at: [6, 6], kind: "int", value: (s) => s.newCustomers },
  { head: { zh: "主动联系", en: "Contacts" }, at: [7, 7], kind: "int", value: (s) => s.contacts },
  { head: { zh: "即时通讯\n客户", en: "IM clients" }, at: [8, 8], kind: "int", value: (s) => s.imCustomers },
  { head: { zh: "付费样品\n客户", en: "Paid samples" }, at: [9, 9], kind: "int", value: (s) => s.sampleRequests },
  { head: { zh: "返单客户", en: "Repeat clients" }, at: [10, 10], kind: "int", value: (s) => s.repeatCustomers },
  { head: { zh: "有单月数", en: "Months with order" }, at: [11, 11], kind: "int", value: (s) => s.monthsWithOrder },
  { head: { zh: "预报(人民币)", en: "Forecast CNY" }, at: [12, 12], kind: "money", value: (s) => s.forecastCNY },
  { head: { zh: "预报\n完成率", en: "Forecast done" }, at: [13, 13], kind: "percent", value: (s) => s.forecastCompletion },
];
/** Grid columns of the requirement status (marked) and of paid CNY (data bars). */
export const STATUS_COLUMN = 3;
export const PAID_COLUMN = 2;
const SPAN = GRID_WIDTHS.length;
/** Charts go right of the printed area, past one empty column. */
const CHART_COLUMN = SPAN + 2;
/** Rows a chart takes (workbook/office/report.ts draws it 15 rows tall). */
const CHART_ROWS = 15;

const L = {
  asOf: { zh: "截至", en: "as of" },
  inProgress: { zh: "{name}（进行中，截至 {asOf}）", en: "{name} (in progress, as of {asOf})" },
  ...REPORT_TEXT,
  assessment: { zh: "一、阶段考核", en: "1. Assessment" },
  performance: { zh: "二、本季业绩", en: "2. This quarter's numbers" },
  signOff: { zh: "三、确认签字", en: "3. Sign-off" },
  deals: { zh: "四、成交客户（本季到款）", en: "4. Deal customers (paid this quarter)" },
  base: { zh: "五、客户等级与主动联系（截至考核日）", en: "5. Customers by grade and contacts by channel (as of the review date)" },
  teamTotal: { zh: "团队合计", en: "Team total" },
  paidChart: { zh: "业务员到款（人民币）", en: "Paid CNY by salesperson" },
  channelChart: { zh: "主动联系按方式", en: "Contacts by channel" },
  regionHead: { zh: "地区", en: "Region" },
  productHead: { zh: "产品", en: "Product" },
  channelHead: { zh: "联系方式", en: "Channel" },
  gradeHead: { zh: "客户等级", en: "Grade" },
  customers: { zh: "客户数", en: "Clients" },
  count: { zh: "次数", en: "Count" },
  paid: { zh: "到款(人民币)", en: "Paid CNY" },
} satisfies Record<string, LocalizedText>;

const TOTAL = { money: { ...STYLE.money, bold: true, fill: "F2F2F2" }, int: { ...STYLE.int, bold: true, fill: "F2F2F2" }, label: { ...STYLE.label } } as const;

export function reviewSheetName(quarter: string, lang: Lang): string {
  return reportSheetName(localize(REVIEW_TITLE, lang), quarter);
}

/** A header row and one row per salesperson for `columns`; returns the header's row. */
function personTable(s: SheetLayout, columns: readonly Column[], people: readonly SalespersonReview[]): number {
  const head = s.row++;
  for (const c of columns) s.span(head, c.at[0], c.at[1], s.t(c.head), STYLE.header);
  for (const p of people) {
    const r = s.row++;
    for (const c of columns) s.span(r, c.at[0], c.at[1], c.value(p, s.lang), STYLE[c.kind]);
  }
  return head;
}

interface Table {
  readonly heads: readonly [LocalizedText, readonly [number, number]][];
  readonly kinds: readonly ("text" | "int" | "money")[];
  readonly rows: readonly (readonly (string | number)[])[];
}

/** Small tables side by side from row `top`, each in its own grid columns; returns each one's first and last data row. */
function sideBySide(s: SheetLayout, top: number, tables: readonly Table[]): { first: number; last: number }[] {
  const spans = tables.map((t) => {
    t.heads.forEach(([h, at]) => s.span(top, at[0], at[1], s.t(h), STYLE.header));
    t.rows.forEach((row, i) => row.forEach((v, j) => s.span(top + 1 + i, t.heads[j][1][0], t.heads[j][1][1], v, STYLE[t.kinds[j]])));
    return { first: top + 1, last: top + t.rows.length };
  });
  s.row = top + 1 + Math.max(0, ...tables.map((t) => t.rows.length));
  return spans;
}

/** "季度考核 2026-Q4", or for a quarter in progress "季度考核 2026-Q4（进行中，截至 2026-11-25）". */
export function reviewTitle(review: Pick<QuarterlyReview, "quarter" | "asOf">, lang: Lang, inProgress: boolean): string {
  const name = reviewSheetName(review.quarter, lang);
  if (!inProgress) return name;
  return say(L, lang, "inProgress", { name, asOf: review.asOf });
}

export function reviewSheet(review: QuarterlyReview, lang: Lang, meta: ReportMeta): ReportSheet {
  const s = new SheetLayout(lang);
  GRID_WIDTHS.forEach((w, i) => s.width(i + 1, w));
  const title = reviewTitle(review, lang, meta.inProgress ?? false);
  const people = review.salespeople;

  s.line(meta.companyName ? `${title} · ${meta.companyName}` : title, STYLE.title, SPAN);
  s.line(`${s.t(L.asOf)} ${review.asOf} · ${s.t(L.generated)} ${meta.generatedAt}`, STYLE.subtitle, SPAN);
  s.gap();

  s.line(s.t(L.assessment), STYLE.section, SPAN);
  const assessed = personTable(s, ASSESSMENT_COLUMNS, people);
  if (people.length > 0) {
    const status = s.block(assessed + 1, STATUS_COLUMN, assessed + people.length, STATUS_COLUMN);
    s.conditional.push({ block: status, equals: s.t(STATUS_LABEL.failed), ...MARK.failed });
    s.conditional.push({ block: status, equals: s.t(STATUS_LABEL["in progress"]), ...MARK.progress });
    s.conditional.push({ block: status, equals: s.t(STATUS_LABEL.passed), ...MARK.passed });
  }
  s.gap();

  s.line(s.t(L.performance), STYLE.section, SPAN);
  const numbers = personTable(s, PERFORMANCE_COLUMNS, people);
  const total = s.row++;
  s.put(total, 1, s.t(L.teamTotal), TOTAL.label);
  const team: readonly [number, number, "money" | "int"][] = [
    [2, review.team.paidCNY, "money"],
    [3, review.team.commissionCNY, "money"],
    [5, review.team.orders, "int"],
    [6, review.team.newCustomers, "int"],
    [7, review.team.contacts, "int"],
  ];
  for (let col = 2; col <= SPAN; col++) {
    const t = team.find(([c]) => c === col);
    s.put(total, col, t ? t[1] : null, t ? TOTAL[t[2]] : TOTAL.label);
  }
  if (people.length > 0) {
    s.dataBars.push({ block: s.block(numbers + 1, PAID_COLUMN, numbers + people.length, PAID_COLUMN), color: "5B9BD5" });
    s.charts.push({ kind: "bar", title: s.t(L.paidChart), data: s.block(numbers, 1, numbers + people.length, 2), anchor: { row: assessed, col: CHART_COLUMN } });
  }
  s.gap();

  s.line(s.t(L.signOff), STYLE.section, SPAN);
  signOff(s, people.map((p) => p.name));
  s.gap();

  // The breakdowns start a page of their own: the first page is the one signed.
  s.pageBreak(s.row);
  s.line(s.t(L.deals), STYLE.section, SPAN);
  const [region, product] = sideBySide(s, s.row, [
    {
      heads: [[L.regionHead, [1, 2]], [L.customers, [3, 3]], [L.paid, [4, 5]]],
      kinds: ["text", "int", "money"],
      rows: Object.entries(review.byRegion).map(([k, v]) => [regionLabel(k, lang), v.customers, v.paidCNY]),
    },
    {
      heads: [[L.productHead, [7, 10]], [L.customers, [11, 11]], [L.paid, [12, 13]]],
      kinds: ["text", "int", "money"],
      rows: Object.entries(review.byProduct).map(([k, v]) => [k, v.customers, v.paidCNY]),
    },
  ]);
  if (region.last >= region.first) s.dataBars.push({ block: s.block(region.first, 4, region.last, 4), color: "5B9BD5" });
  if (product.last >= product.first) s.dataBars.push({ block: s.block(product.first, 12, product.last, 12), color: "5B9BD5" });
  s.gap();

  s.line(s.t(L.base), STYLE.section, SPAN);
  const channelRows = CHANNELS.filter((c) => (review.contactsByChannel[c.value] ?? 0) > 0).map((c) => [localize(c, lang), review.contactsByChannel[c.value] ?? 0] as const);
  const [, channel] = sideBySide(s, s.row, [
    { heads: [[L.gradeHead, [1, 1]], [L.customers, [2, 2]]], kinds: ["text", "int"], rows: GRADES.map((g) => [valueLabel(g, lang), review.grades[g.value]]) },
    // Channel and count in two neighbouring single columns: a chart's data block.
    { heads: [[L.channelHead, [4, 4]], [L.count, [5, 5]]], kinds: ["text", "int"], rows: channelRows },
  ]);
  if (channel.last >= channel.first) {
    s.dataBars.push({ block: s.block(channel.first, 5, channel.last, 5), color: "ED7D31" });
    s.charts.push({ kind: "pie", title: s.t(L.channelChart), data: s.block(channel.first - 1, 4, channel.last, 5), anchor: { row: assessed + CHART_ROWS + 1, col: CHART_COLUMN } });
  }
  s.gap();

  const company = headerFooterText(meta.companyName);
  return s.build(
    reviewSheetName(review.quarter, lang),
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
