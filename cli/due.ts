/**
 * `tradebook due FILE [--date YYYY-MM-DD] [--salesperson NAME] [--limit N] [--json]`:
 * the due list of rules.md §4 (app/due.ts) as of a day, grouped by
 * rule, most urgent first, then the customers contacted too often this week
 * (cli/due-text.ts); --limit N keeps the N most urgent lines of each rule.
 *
 * The date defaults to today in the workbook's work time zone. Rows with
 * errors are left out of the snapshot (core/contract/rows.ts); the list is still
 * worth having, so they only earn a note on stderr pointing to `check`.
 * Exit codes: 0 the list was computed (whatever it holds), 2 bad usage or
 * an unreadable workbook.
 */
import { DUE } from "../core/contract/projection";
import { DUE_RULE_NAMES, type DueItem, type DueSeverity, type OverContactItem } from "../core/rules/cadence";
import { dayOf, parseISODate, serialAtInstant, toISODate, type DaySerial } from "../core/contract/dates";
import type { SalespersonName } from "../core/contract/model";
import { countBySeverity } from "../app/check";
import { dueList } from "../app/due";
import { localize, type Lang } from "../core/contract/schema";
import { UsageError, parseArgs, stringOption } from "./args";
import { EXIT, type CliIO } from "./io";
import { openWorkbook } from "./report-file";
import { dueText } from "./due-text";
import { CLI_MESSAGES, say } from "./messages";
import { listOf } from "../core/contract/lang";

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { flags: ["json"], values: ["date", "salesperson", "limit"] });
  const [file] = args.positionals;
  if (!file || args.positionals.length > 1) throw new UsageError("give exactly one workbook FILE");
  const dateText = stringOption(args, "date");
  const asked = dateText === undefined ? undefined : parseISODate(dateText);
  if (dateText !== undefined && asked === undefined) throw new UsageError(`--date "${dateText}" is not a date YYYY-MM-DD`);
  const limitText = stringOption(args, "limit");
  const limit = limitText === undefined ? undefined : Number(limitText);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new UsageError(`--limit "${limitText}" is not a whole number above 0`);

  const loaded = await openWorkbook(file, io, {}, DUE);
  if (typeof loaded === "number") return loaded;
  const { snapshot, settings, issues } = loaded.read;

  const salespersonText = stringOption(args, "salesperson")?.trim();
  let salesperson: SalespersonName | undefined;
  if (salespersonText !== undefined) {
    const known = snapshot.Salespeople.map((s) => s.Name);
    salesperson = known.find((n) => n === salespersonText);
    if (!salesperson) {
      io.err(say(io.lang, "dueUnknownSalesperson", { file, name: salespersonText, known: known.length > 0 ? listOf(known) : CLI_MESSAGES.noneKnown }));
      return EXIT.usage;
    }
  }

  const { errors } = countBySeverity(issues);
  if (errors > 0) {
    io.err(say(io.lang, "dueLeftOut", { file, errors }));
  }

  const date: DaySerial = asked ?? dayOf(serialAtInstant(new Date(), settings.WorkTimeZone));
  const { items, pushy, nextSteps } = dueList(loaded.read, date, salesperson);

  if (args.options.json) io.out(JSON.stringify(dueDocument(date, salesperson ?? null, items, pushy, errors, io.lang), null, 2));
  else io.out(dueText(date, salesperson ?? null, items, pushy, io.lang, { limit, nextSteps }));
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
