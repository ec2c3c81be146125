/**
 * The weekly report (core/weekly/weekly.ts) as a printable sheet, one per
 * salesperson-week: A4 landscape at 100 % (9-point text), the key
 * customers' column headers repeated on every page. 1. the week's work in
 * numbers; 2. key customers, each with how to reach them and what happened
 * this week; 3. the salesperson's own notes.
 */
import { reportSheetName, type ReportSheet } from "../report/sheet";
import type { WeeklyReport, WeeklyEvent } from "./weekly";
import { columnOf, GRADES, type Lang, type LocalizedText } from "../contract/schema";
import { enumLabel, valueLabel } from "../contract/spellings";
import { localize } from "../contract/lang";
import { REPORT_TEXT, STYLE, SheetLayout, headerFooterText } from "../report/builder";
import type { ReportMeta } from "../review/sheet";

export const WEEKLY_TITLE: LocalizedText = { zh: "周报", en: "Weekly" };

const L = {
  ...REPORT_TEXT,
  work: { zh: "一、本周工作", en: "1. This week's work" },
  customers: { zh: "二、重点客户开发与跟进", en: "2. Key customers developed or followed" },
  notes: { zh: "三、总结与问题", en: "3. Review and problems" },
  none: { zh: "（本周无）", en: "(none this week)" },
  noNotes: { zh: "（业务员尚未填写本周周报）", en: "(the salesperson has not written this week's notes)" },
  isNew: { zh: "新开发", en: "new" },
  followed: { zh: "跟进", en: "followed" },
} satisfies Record<string, LocalizedText>;

const COUNTS: readonly [keyof WeeklyReport["counts"], LocalizedText][] = [
  ["contactsOut", { zh: "主动联系", en: "Contacts out" }],
  ["contactsIn", { zh: "客户来信/\n来电", en: "Contacts in" }],
  ["newCustomers", { zh: "新客户", en: "New customers" }],
  ["samplesRequested", { zh: "样品申请", en: "Samples requested" }],
  ["samplesSent", { zh: "样品寄出", en: "Samples sent" }],
  ["quotes", { zh: "报价", en: "Quotes" }],
  ["orders", { zh: "订单", en: "Orders" }],
];

/**
 * The key customers' table, in characters: A4 landscape at 100 % in the
 * wider reading of column widths (110 × 7 pt of 806, core/report/page.ts).
 * Its header row repeats on every printed page.
 */
const CUSTOMER_HEADS: readonly [LocalizedText, number][] = [
  [{ zh: "公司名称", en: "Company" }, 16],
  [{ zh: "等级 /\n开发跟进", en: "Grade / new or followed" }, 8],
  [{ zh: "地址", en: "Address" }, 14],
  [{ zh: "联系人", en: "Contact" }, 10],
  [{ zh: "电话", en: "Phone" }, 12],
  [{ zh: "邮箱", en: "Email" }, 14],
  [{ zh: "本周情况", en: "What happened" }, 36],
];

const NOTES: readonly [keyof NonNullable<WeeklyReport["notes"]>, LocalizedText][] = [
  ["review", { zh: "本周总结", en: "Review" }],
  ["problems", { zh: "发现的问题", en: "Problems found" }],
  ["improvements", { zh: "改进措施", en: "Improvements" }],
  ["supportNeeded", { zh: "需要的支持", en: "Support needed" }],
  ["mindset", { zh: "心态", en: "State of mind" }],
];

/** The sheet's name: the week whole, the salesperson's name shortened and tagged when it must be (core/report/sheet.ts). */
export function weeklySheetName(salesperson: string, week: string, lang: Lang): string {
  return reportSheetName(localize(WEEKLY_TITLE, lang), week, salesperson);
}

/** One follow-up as a line: "11-17 09:30 Email Out Quotation: summary". */
function eventLine(e: WeeklyEvent, lang: Lang): string {
  const label = (col: string, v: string): string => enumLabel(columnOf("FollowUps", col), v, lang);
  const parts = [e.date.slice(5), label("Channel", e.channel), label("Direction", e.direction), e.purpose ? label("Purpose", e.purpose) : null].filter((x): x is string => x !== null);
  return `${parts.join(" ")}${e.summary ? `: ${e.summary}` : ""}`;
}

export function weeklySheet(report: WeeklyReport, lang: Lang, meta: ReportMeta): ReportSheet {
  const s = new SheetLayout(lang);
  const span = CUSTOMER_HEADS.length;
  CUSTOMER_HEADS.forEach(([, w], i) => s.width(i + 1, w));
  const name = weeklySheetName(report.salesperson, report.week, lang);
  const title = `${localize(WEEKLY_TITLE, lang)} ${report.salesperson} ${report.week} (${report.from} ~ ${report.to})`;

  s.line(meta.companyName ? `${title} · ${meta.companyName}` : title, STYLE.title, span);
  s.line(`${s.t(L.generated)} ${meta.generatedAt}`, STYLE.subtitle, span);
  s.gap();

  s.line(s.t(L.work), STYLE.section, span);
  const labels = s.row++;
  const values = s.row++;
  COUNTS.forEach(([key, label], i) => {
    s.put(labels, i + 1, s.t(label), STYLE.header);
    s.put(values, i + 1, report.counts[key], STYLE.int);
  });
  s.gap();

  s.line(s.t(L.customers), STYLE.section, span);
  const head = s.cellsRow(CUSTOMER_HEADS.map(([h]) => ({ value: s.t(h), style: STYLE.header })));
  if (report.keyCustomers.length === 0) s.line(s.t(L.none), STYLE.wrap, span);
  for (const c of report.keyCustomers) {
    const grade = c.grade ? GRADES.find((g) => g.value === c.grade) : undefined;
    s.cellsRow([
      { value: c.company, style: STYLE.wrap },
      { value: [grade ? valueLabel(grade, lang) : "", s.t(c.isNew ? L.isNew : L.followed)].filter((x) => x !== "").join("\n"), style: STYLE.wrap },
      { value: c.address, style: STYLE.wrap },
      { value: c.contact, style: STYLE.wrap },
      { value: c.phone, style: STYLE.wrap },
      { value: c.email, style: STYLE.wrap },
      { value: c.events.map((e) => eventLine(e, lang)).join("\n"), style: STYLE.wrap },
    ]);
  }
  s.gap();

  s.line(s.t(L.notes), STYLE.section, span);
  if (!report.notes) s.line(s.t(L.noNotes), STYLE.wrap, span);
  else {
    const notes = report.notes;
    for (const [key, label] of NOTES) {
      const r = s.row++;
      s.put(r, 1, s.t(label), STYLE.label);
      s.put(r, 2, notes[key] ?? "", STYLE.wrap);
      s.merge(r, 2, r, span);
    }
  }

  return s.build(name, {
    orientation: "landscape",
    paper: "A4",
    fitToWidth: 1,
    // The table's column headers on every page (the report's name is in the page header).
    titleRows: { from: head, to: head },
    header: { left: headerFooterText(meta.companyName), center: headerFooterText(name), right: headerFooterText(`${report.from} ~ ${report.to}`) },
    footer: { left: headerFooterText(`${s.t(L.generated)} ${meta.generatedAt}`), right: s.t(L.page) },
  }, 2);
}
