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
import { CLI_MESSAGES, WEEKDAYS, say } from "./messages";

export const LINE_WIDTH = 100;

/** Rules in the order they are shown: most urgent first, neglect last. */
export const RULE_ORDER: readonly DueRule[] = ["promisedNextContact", "sameDayReply", "newCustomerWeek", "highGradeMonthly", "keyCustomerVisits", "birthday", "neglect"];

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
  return d < 0 ? say(lang, "overdue", { n: -d }) : d === 0 ? say(lang, "dueToday") : say(lang, "dueIn", { n: d });
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
  const late = group.filter((i) => i.deadline < day).length;
  const today = group.filter((i) => i.deadline === day).length;
  const soon = group.length - late - today;
  const parts = [late && say(lang, "groupLate", { n: late }), today && say(lang, "groupToday", { n: today }), soon && say(lang, "groupSoon", { n: soon })];
  const counts = parts.filter(Boolean).join(say(lang, "countSeparator"));
  return say(lang, "groupHeading", { rule: DUE_RULE_NAMES[rule], count: group.length, counts });
}

function moreLine(hidden: number, lang: Lang): string {
  return say(lang, "more", { hidden });
}

/** The readable due list: a heading, one group per rule, then the customers contacted too often. */
export function dueText(date: DaySerial, salesperson: string | null, items: readonly DueItem[], pushy: readonly OverContactItem[], lang: Lang, options: DueTextOptions = {}): string {
  const { limit } = options;
  const day = `${toISODate(date)} ${localize(WEEKDAYS[isoWeekday(date) - 1], lang)}`;
  const late = items.filter((i) => i.deadline < date).length;
  const today = items.filter((i) => i.deadline === date).length;
  const soon = items.length - late - today;
  const lines = [say(lang, "dueHeading", { day, who: salesperson ?? CLI_MESSAGES.allSalespeople, count: items.length, late, today, soon })];
  if (items.length === 0 && pushy.length === 0) lines.push(say(lang, "nobodyDue"));
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
    lines.push("", say(lang, "pushyHeading", { rule: DUE_RULE_NAMES.pushy, count: pushy.length }));
    lines.push(...columns(shown.map((p) => [p.week, p.customerId, p.company, p.owner, say(lang, "pushyLine", { count: p.count, max: p.max })]), [9, 15, 24, 12, LINE_WIDTH]));
    if (shown.length < sorted.length) lines.push(moreLine(sorted.length - shown.length, lang));
  }
  return lines.join("\n");
}
