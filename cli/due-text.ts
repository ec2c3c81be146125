/**
 * The due list as a person reads it in a terminal 100 columns wide:
 * grouped by rule, the rules in order of urgency (promises made to a
 * customer first, customers to release to the shared pool last), each group
 * most overdue first, one customer a line. A line never passes 100 columns
 * (Chinese characters count two): long company names and notes are cut
 * with "…". `limit` keeps the most urgent N lines of each rule.
 */
import { DUE_RULE_NAMES, type DueItem, type DueRule, type OverContactItem } from "../core/rules/cadence";
import { isoWeekday, toISODate, type DaySerial } from "../core/contract/dates";
import { localize, type Lang } from "../core/contract/schema";

export const LINE_WIDTH = 100;

/** Rules in the order they are shown: most urgent first, neglect last. */
export const RULE_ORDER: readonly DueRule[] = ["promisedNextContact", "sameDayReply", "newCustomerWeek", "highGradeMonthly", "keyCustomerVisits", "birthday", "neglect"];

const WEEKDAYS: Readonly<Record<Lang, readonly string[]>> = {
  "zh-CN": ["周一", "周二", "周三", "周四", "周五", "周六", "周日"],
  "en-US": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
};

/** Columns a character takes in a terminal: East Asian wide and fullwidth ones take two. */
function charWidth(code: number): number {
  if (code < 0x1100) return 1;
  const wide =
    code <= 0x115f ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd);
  return wide ? 2 : 1;
}

export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch.codePointAt(0) ?? 0);
  return w;
}

/** The text cut to at most `width` columns, ending in "…" when cut. */
export function fitWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = "";
  let w = 0;
  for (const ch of text) {
    const cw = charWidth(ch.codePointAt(0) ?? 0);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return out + "…";
}

const pad = (text: string, width: number): string => text + " ".repeat(Math.max(0, width - displayWidth(text)));

/**
 * Rows as aligned columns within LINE_WIDTH: every column but the last at
 * its widest cell, capped at `caps`; the last takes what is left.
 */
function columns(rows: readonly (readonly string[])[], caps: readonly number[], indent = "  "): string[] {
  const n = caps.length;
  const widths = caps.map((cap, c) => Math.min(cap, Math.max(0, ...rows.map((r) => displayWidth(r[c] ?? "")))));
  const used = indent.length + widths.slice(0, n - 1).reduce((a, b) => a + b + 2, 0);
  widths[n - 1] = Math.max(8, LINE_WIDTH - used);
  return rows.map((r) => (indent + r.map((cell, c) => (c === n - 1 ? fitWidth(cell, widths[c]) : pad(fitWidth(cell, widths[c]), widths[c]))).join("  ")).trimEnd());
}

/** "12 days overdue", "due today", "in 3 days" (逾期 12 天 / 今天 / 3 天后). */
export function whenText(deadline: DaySerial, day: DaySerial, lang: Lang): string {
  const d = deadline - day;
  if (lang === "zh-CN") return d < 0 ? `逾期 ${-d} 天` : d === 0 ? "今天" : `${d} 天后`;
  if (d === 0) return "due today";
  const n = Math.abs(d);
  return d < 0 ? `${n} day${n === 1 ? "" : "s"} overdue` : `in ${n} day${n === 1 ? "" : "s"}`;
}

export interface DueTextOptions {
  /** At most this many lines per rule, the most urgent. */
  readonly limit?: number;
  /** The next step written with each listed promise, by customer (the follow-up that made it). */
  readonly nextSteps?: ReadonlyMap<string, string>;
}

/** What the line says: a promise's next step, the greeting, else how far the customer is along the rule. */
function noteOf(item: DueItem, lang: Lang, options: DueTextOptions): string {
  if (item.rule === "promisedNextContact") return options.nextSteps?.get(item.customerId) ?? localize(item.progress.text, lang);
  return localize(item.rule === "birthday" ? item.detail : item.progress.text, lang);
}

function groupHeading(rule: DueRule, group: readonly DueItem[], day: DaySerial, lang: Lang): string {
  const zh = lang === "zh-CN";
  const late = group.filter((i) => i.deadline < day).length;
  const today = group.filter((i) => i.deadline === day).length;
  const soon = group.length - late - today;
  const parts = zh
    ? [late && `逾期 ${late}`, today && `今天 ${today}`, soon && `即将 ${soon}`]
    : [late && `${late} overdue`, today && `${today} today`, soon && `${soon} soon`];
  const counts = parts.filter(Boolean).join(zh ? "，" : ", ");
  return zh ? `【${localize(DUE_RULE_NAMES[rule], lang)}】${group.length} 项（${counts}）` : `== ${localize(DUE_RULE_NAMES[rule], lang)}: ${group.length} (${counts})`;
}

function moreLine(hidden: number, lang: Lang): string {
  return lang === "zh-CN" ? `  … 另有 ${hidden} 项（不加 --limit 可全部显示）` : `  … and ${hidden} more (leave out --limit to see all)`;
}

/** The readable due list: a heading, one group per rule, then the customers contacted too often. */
export function dueText(date: DaySerial, salesperson: string | null, items: readonly DueItem[], pushy: readonly OverContactItem[], lang: Lang, options: DueTextOptions = {}): string {
  const { limit } = options;
  const zh = lang === "zh-CN";
  const day = `${toISODate(date)} ${WEEKDAYS[lang][isoWeekday(date) - 1]}`;
  const late = items.filter((i) => i.deadline < date).length;
  const today = items.filter((i) => i.deadline === date).length;
  const soon = items.length - late - today;
  const lines = [
    zh
      ? `待办跟进 ${day}（${salesperson ?? "全部业务员"}）：共 ${items.length} 项（逾期 ${late}，今天 ${today}，即将 ${soon}）`
      : `Due ${day}, ${salesperson ?? "all salespeople"}: ${items.length} item${items.length === 1 ? "" : "s"} (${late} overdue, ${today} today, ${soon} soon)`,
  ];
  if (items.length === 0 && pushy.length === 0) lines.push(zh ? "今天没有要跟进的客户。" : "Nobody to contact today.");
  for (const rule of RULE_ORDER) {
    const group = items.filter((i) => i.rule === rule).sort((a, b) => a.deadline - b.deadline || a.company.localeCompare(b.company));
    if (group.length === 0) continue;
    const shown = limit === undefined ? group : group.slice(0, limit);
    lines.push("", groupHeading(rule, group, date, lang));
    lines.push(...columns(shown.map((i) => [whenText(i.deadline, date, lang), i.customerId, i.company, i.owner, i.grade ?? "-", noteOf(i, lang, options)]), [16, 15, 24, 12, 4, LINE_WIDTH]));
    if (shown.length < group.length) lines.push(moreLine(group.length - shown.length, lang));
  }
  if (pushy.length > 0) {
    const sorted = [...pushy].sort((a, b) => b.count - a.count || a.company.localeCompare(b.company));
    const shown = limit === undefined ? sorted : sorted.slice(0, limit);
    lines.push("", zh ? `【${localize(DUE_RULE_NAMES.pushy, lang)}】${pushy.length} 位客户本周联系过多` : `== ${localize(DUE_RULE_NAMES.pushy, lang)}: ${pushy.length} this week`);
    lines.push(...columns(shown.map((p) => [p.week, p.customerId, p.company, p.owner, zh ? `本周主动联系 ${p.count} 次，上限 ${p.max}` : `${p.count} outbound contacts, at most ${p.max}`]), [9, 15, 24, 12, LINE_WIDTH]));
    if (shown.length < sorted.length) lines.push(moreLine(sorted.length - shown.length, lang));
  }
  return lines.join("\n");
}
