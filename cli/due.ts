/**
 * `tradebook due FILE [--date YYYY-MM-DD] [--salesperson NAME] [--json]`:
 * the due list of rules.md §4 (core/rules/cadence.ts) as of a day, grouped by
 * severity, then the customers contacted too often this week.
 *
 * The date defaults to today in the workbook's work time zone. Rows with
 * errors are left out of the snapshot (core/contract/rows.ts); the list is still
 * worth having, so they only earn a note on stderr pointing to `check`.
 * Exit codes: 0 the list was computed (whatever it holds), 2 bad usage or
 * an unreadable workbook.
 */
import { dueAndOverContact, DUE_RULE_NAMES, DUE_SEVERITIES, DUE_SEVERITY_NAMES, type DueItem, type DueSeverity, type OverContactItem } from "../core/rules/cadence";
import { dayOf, isoWeekday, parseISODate, serialAtInstant, toISODate, type DaySerial } from "../core/contract/dates";
import { gradeAll } from "../core/rules/grading";
import { indexSnapshot } from "../core/index/indexes";
import type { SalespersonName } from "../core/contract/model";
import { localize, type Lang } from "../core/contract/schema";
import { UsageError, parseArgs, stringOption } from "./args";
import { EXIT, type CliIO } from "./io";
import { countBySeverity } from "./report";
import { openWorkbook, textTable } from "./report-file";

const WEEKDAYS: Readonly<Record<Lang, readonly string[]>> = {
  "zh-CN": ["周一", "周二", "周三", "周四", "周五", "周六", "周日"],
  "en-US": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
};

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { flags: ["json"], values: ["date", "salesperson"] });
  const [file] = args.positionals;
  if (!file || args.positionals.length > 1) throw new UsageError("give exactly one workbook FILE");
  const dateText = stringOption(args, "date");
  const asked = dateText === undefined ? undefined : parseISODate(dateText);
  if (dateText !== undefined && asked === undefined) throw new UsageError(`--date "${dateText}" is not a date YYYY-MM-DD`);
  const zh = io.lang === "zh-CN";

  const loaded = await openWorkbook(file, io);
  if (typeof loaded === "number") return loaded;
  const { snapshot, settings, issues } = loaded.read;

  const salespersonText = stringOption(args, "salesperson")?.trim();
  let salesperson: SalespersonName | undefined;
  if (salespersonText !== undefined) {
    const known = snapshot.Salespeople.map((s) => s.Name);
    salesperson = known.find((n) => n === salespersonText);
    if (!salesperson) {
      io.err(
        zh
          ? `${file}：业务员表中没有「${salespersonText}」（现有：${known.join("、") || "无"}）`
          : `${file}: no salesperson named "${salespersonText}" in Salespeople (known: ${known.join(", ") || "none"})`,
      );
      return EXIT.usage;
    }
  }

  const { errors } = countBySeverity(issues);
  if (errors > 0) {
    io.err(
      zh
        ? `${file}：有 ${errors} 个错误，相关行未计入待办（详见 tradebook check ${file}）`
        : `${file}: ${errors} error${errors === 1 ? "" : "s"}; those rows are left out of the due list (see tradebook check ${file})`,
    );
  }

  const date: DaySerial = asked ?? dayOf(serialAtInstant(new Date(), settings.WorkTimeZone));
  const index = indexSnapshot(snapshot);
  const grades = gradeAll(snapshot, index, date, settings);
  const opts = salesperson ? { salesperson } : undefined;
  // One pass over each customer's history for both lists.
  const { items, pushy } = dueAndOverContact(snapshot, index, date, settings, grades, opts);

  if (args.options.json) io.out(JSON.stringify(dueDocument(date, salesperson ?? null, items, pushy, errors, io.lang), null, 2));
  else io.out(dueText(date, salesperson ?? null, items, pushy, io.lang));
  return EXIT.ok;
}

function countsOf(items: readonly DueItem[]): Record<DueSeverity, number> {
  const counts: Record<DueSeverity, number> = { overdue: 0, today: 0, soon: 0 };
  for (const i of items) counts[i.severity]++;
  return counts;
}

/** The --json document: stable keys, texts in the chosen language, dates as YYYY-MM-DD. */
export function dueDocument(date: DaySerial, salesperson: string | null, items: readonly DueItem[], pushy: readonly OverContactItem[], workbookErrors: number, lang: Lang) {
  return {
    date: toISODate(date),
    salesperson,
    workbookErrors,
    counts: { ...countsOf(items), pushy: pushy.length },
    items: items.map((i) => ({
      severity: i.severity,
      deadline: toISODate(i.deadline),
      rule: i.rule,
      ruleName: localize(DUE_RULE_NAMES[i.rule], lang),
      customerId: i.customerId,
      company: i.company,
      owner: i.owner,
      grade: i.grade,
      progress: { done: i.progress.done, required: i.progress.required, text: localize(i.progress.text, lang) },
      detail: localize(i.detail, lang),
    })),
    pushy: pushy.map((p) => ({
      customerId: p.customerId,
      company: p.company,
      owner: p.owner,
      week: p.week,
      count: p.count,
      max: p.max,
      detail: localize(p.detail, lang),
    })),
  };
}

/** The readable list: a heading, one table per severity, then the pushy warnings. */
export function dueText(date: DaySerial, salesperson: string | null, items: readonly DueItem[], pushy: readonly OverContactItem[], lang: Lang): string {
  const zh = lang === "zh-CN";
  const counts = countsOf(items);
  const day = `${toISODate(date)} ${WEEKDAYS[lang][isoWeekday(date) - 1]}`;
  const who = salesperson ?? (zh ? "全部" : "all");
  const summary = DUE_SEVERITIES.map((s) => `${localize(DUE_SEVERITY_NAMES[s], lang)} ${counts[s]}`).join(zh ? "，" : ", ");
  const lines = [zh ? `待办跟进 ${day}（业务员：${who}）— 共 ${items.length} 项：${summary}` : `Due list for ${day} (salesperson: ${who}): ${items.length} item${items.length === 1 ? "" : "s"}: ${summary}`];
  if (items.length === 0) lines.push(zh ? "没有待办事项。" : "Nothing due.");
  const head = zh ? ["截止日期", "客户编号", "公司", "业务员", "等级", "规则", "进度", "说明"] : ["Deadline", "Customer", "Company", "Owner", "Grade", "Rule", "Progress", "Detail"];
  for (const severity of DUE_SEVERITIES) {
    const group = items.filter((i) => i.severity === severity);
    if (group.length === 0) continue;
    lines.push("", `== ${localize(DUE_SEVERITY_NAMES[severity], lang)} (${group.length}) ==`);
    const rows = group.map((i) => [toISODate(i.deadline), i.customerId, i.company, i.owner, i.grade ?? "-", localize(DUE_RULE_NAMES[i.rule], lang), localize(i.progress.text, lang), localize(i.detail, lang)]);
    lines.push(textTable([head, ...rows]));
  }
  if (pushy.length > 0) {
    lines.push("", `== ${localize(DUE_RULE_NAMES.pushy, lang)} (${pushy.length}) ==`);
    const pushyHead = zh ? ["周", "客户编号", "公司", "业务员", "主动联系", "说明"] : ["Week", "Customer", "Company", "Owner", "Outbound", "Detail"];
    lines.push(textTable([pushyHead, ...pushy.map((p) => [p.week, p.customerId, p.company, p.owner, `${p.count}/${p.max}`, localize(p.detail, lang)])]));
  }
  return lines.join("\n");
}
