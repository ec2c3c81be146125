/**
 * `tradebook demo FILE [--lang zh-CN|en-US] [--scale N] [--seed S]`: the
 * sample workbook (replacing FILE if present) and a bilingual summary of it,
 * then the last completed quarter's review and last week's weekly reports
 * written into it.
 */
import { resolve } from "node:path";
import { isoWeekKey, previousQuarter, quarterKey, quarterOf, toISODate, type DaySerial } from "../core/contract/dates";
import type { CrmSnapshot } from "../core/contract/model";
import { SCHEMA, TABLE_NAMES } from "../core/contract/schema";
import { buildWorkbook } from "../templates/builder";
import { generateSample } from "../templates/sample";
import { UsageError, parseArgs } from "./args";
import { writeWorkbookAtomically } from "../workbook/node/atomic-write";
import { EXIT, type CliIO } from "./io";
import { issueLine } from "./issue-lines";
import { run as runReview } from "./review";
import { sampleArgs, todayInShanghai } from "./sample-options";
import { run as runWeekly } from "./weekly";

/** What the demo workbook holds, in both languages, one fact a line. */
export function demoSummary(data: CrmSnapshot, asOf: DaySerial): string[] {
  const lines: string[] = [];
  lines.push(`截至 As of: ${toISODate(asOf)}`);
  for (const table of TABLE_NAMES) {
    const def = SCHEMA[table];
    lines.push(`  ${def.sheet.zh} ${def.sheet.en}: ${data[table].length}`);
  }
  const countries = new Set(data.Customers.map((c) => c.Country));
  lines.push(`客户所在国家 Customer countries: ${countries.size} (${[...countries].sort().join(" ")})`);
  lines.push("业务员 Salespeople (入职日期 hired):");
  for (const s of data.Salespeople) lines.push(`  ${s.Name}  ${toISODate(s.HireDate)}`);
  const days = [
    ...data.Customers.map((c) => c.CreatedOn),
    ...data.FollowUps.map((f) => Math.floor(f.Date)),
    ...data.Orders.map((o) => o.OrderDate),
    ...data.Payments.map((p) => p.Date),
  ];
  if (days.length > 0) {
    const from = days.reduce((a, b) => Math.min(a, b));
    const to = days.reduce((a, b) => Math.max(a, b));
    lines.push(`数据日期范围 Date span: ${toISODate(from)} … ${toISODate(to)}`);
  }
  return lines;
}

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { flags: [], values: ["lang", "scale", "seed"] });
  if (args.positionals.length !== 1) throw new UsageError("give exactly one FILE");
  const { lang, scale, seed } = sampleArgs(args);
  const file = resolve(io.cwd, args.positionals[0]);
  const asOf = todayInShanghai();
  const data = generateSample({ seed, scale, asOf, lang });
  const written = await writeWorkbookAtomically(buildWorkbook(lang, data), file, { overwrite: true });
  if (!written.ok) {
    for (const i of written.error) io.err(issueLine(args.positionals[0], i, io));
    return EXIT.problems;
  }
  io.out(`TradeBook 演示工作簿 demo workbook: ${file} (${lang})`);
  for (const line of demoSummary(data, asOf)) io.out(line);

  // The reports a team would print this week: the last completed quarter's
  // review and last week's weekly reports, written into the demo workbook
  // by the same commands a user runs.
  const quarter = quarterKey(previousQuarter(quarterOf(asOf)));
  const week = isoWeekKey(asOf - 7);
  io.out("");
  io.out(`季度考核 Quarterly review ${quarter}:`);
  const reviewed = await runReview([file, "--quarter", quarter], io);
  if (reviewed !== EXIT.ok) return reviewed;
  io.out("");
  io.out(`周报 Weekly reports ${week}:`);
  return runWeekly([file, "--week", week], io);
}
