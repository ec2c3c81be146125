/**
 * `tradebook weekly FILE [--week YYYY-Www] [--salesperson NAME] [--out FILE] [--json] [--force]`:
 * the weekly report (rules.md §8), one sheet per salesperson-week, written
 * into FILE (or --out). Without --week: the current ISO week in the work
 * time zone (core/review/period.ts, as the pane). Without --salesperson:
 * every salesperson employed in that week. --json prints { week, reports: [...] }.
 * The reports are made by app/reports.ts, as in the task pane. The file
 * written is locked from before the workbook is read (report-file.ts
 * whileLocked); --force writes although LibreOffice or Excel seems to have
 * it open.
 */
import { WEEKLY } from "../core/contract/projection";
import { parseIsoWeek, toISODate, type IsoWeek } from "../core/contract/dates";
import { workToday } from "../core/review/period";
import { weekKey } from "../core/weekly/weekly";
import { reportMeta, weeklyReports } from "../app/reports";
import { UsageError, parseArgs, stringOption, type ParsedArgs } from "./args";
import { EXIT, type CliIO } from "./io";
import { loadWorkbook, type XlsxFileOptions, textTable, whileLocked, writeSheets } from "./report-file";
import { WEEKLY_HEADS, say } from "./messages";
import { localize } from "../core/contract/lang";

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { flags: ["json", "force"], values: ["week", "salesperson", "out"] });
  const [file] = args.positionals;
  if (!file || args.positionals.length > 1) throw new UsageError("give exactly one workbook FILE");
  const weekText = stringOption(args, "week");
  const asked = weekText === undefined ? undefined : parseIsoWeek(weekText);
  if (weekText !== undefined && !asked) throw new UsageError(`--week "${weekText}" is not an ISO week YYYY-Www (e.g. 2026-W47)`);
  return whileLocked(stringOption(args, "out") ?? file, io, args.options.force === true, (open) => weekly(args, file, asked, io, open));
}

async function weekly(args: ParsedArgs, file: string, asked: IsoWeek | undefined, io: CliIO, open: XlsxFileOptions): Promise<number> {
  const loaded = await loadWorkbook(file, io, open, WEEKLY);
  if (typeof loaded === "number") return loaded;
  const { settings } = loaded.read;
  const now = io.now?.() ?? new Date();
  const today = workToday(now, settings.WorkTimeZone);
  const wanted = stringOption(args, "salesperson");
  const made = weeklyReports(loaded.read, { today, week: asked, salesperson: wanted, meta: reportMeta(loaded.read, now) });
  if (made.kind === "not started") {
    const on = toISODate(made.from);
    io.err(say(io.lang, "notStarted", { period: made.period, on, today: toISODate(today), zone: settings.WorkTimeZone }));
    return EXIT.usage;
  }
  if (made.kind === "unknown salesperson") {
    const known = made.known.join(", ");
    io.err(say(io.lang, "noSalesperson", { file, name: wanted ?? "", known }));
    return EXIT.usage;
  }
  const { week, reports, sheets } = made;
  const out = stringOption(args, "out");
  const code = await writeSheets(loaded, sheets, out, io);
  if (code !== EXIT.ok) return code;

  if (args.options.json) {
    io.out(JSON.stringify({ week: weekKey(week), reports }, null, 2));
    return EXIT.ok;
  }
  const head = WEEKLY_HEADS.map((h) => localize(h, io.lang));
  const rows = reports.map((r) => [
    r.salesperson,
    ...[r.counts.contactsOut, r.counts.contactsIn, r.counts.newCustomers, r.counts.samplesRequested, r.counts.samplesSent, r.counts.quotes, r.counts.orders, r.keyCustomers.length].map(String),
    say(io.lang, r.notes ? "notesWritten" : "notesMissing"),
  ]);
  io.out(say(io.lang, "weeklyTitle", { week: weekKey(week) }));
  io.out(textTable([head, ...rows]));
  for (const s of sheets) io.out(say(io.lang, "wroteSheet", { sheet: s.name, file: out ?? file }));
  return EXIT.ok;
}
