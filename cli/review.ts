/**
 * `tradebook review FILE [--quarter YYYY-Qn] [--out FILE] [--json] [--force]`: the
 * quarterly review (rules.md §7) written as a sheet into FILE (or --out);
 * --json prints the review document (contract.md) instead of the summary.
 * Without --quarter: the last completed quarter. A quarter in progress is
 * computed as of today in the work time zone (core/review/period.ts).
 * The review is made by app/reports.ts, as in the task pane. The file
 * written is locked from before the workbook is read (report-file.ts
 * whileLocked); --force writes although LibreOffice or Excel seems to have
 * it open.
 */
import { REVIEW } from "../core/contract/projection";
import { parseQuarter, toISODate, type Quarter } from "../core/contract/dates";
import { reviewDocument } from "../core/review/document";
import { workToday } from "../core/review/period";
import { STATUS_LABEL, reviewTitle, stageLabel } from "../core/review/sheet";
import { localize } from "../core/contract/schema";
import { reportMeta, reviewReport } from "../app/reports";
import { UsageError, parseArgs, stringOption, type ParsedArgs } from "./args";
import { EXIT, type CliIO } from "./io";
import { loadWorkbook, type XlsxFileOptions, money, textTable, whileLocked, writeSheets } from "./report-file";
import { REVIEW_HEADS, say } from "./messages";

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { flags: ["json", "force"], values: ["quarter", "out"] });
  const [file] = args.positionals;
  if (!file || args.positionals.length > 1) throw new UsageError("give exactly one workbook FILE");
  const quarterText = stringOption(args, "quarter");
  const asked = quarterText === undefined ? undefined : parseQuarter(quarterText);
  if (quarterText !== undefined && !asked) throw new UsageError(`--quarter "${quarterText}" is not YYYY-Qn (e.g. 2026-Q3)`);
  return whileLocked(stringOption(args, "out") ?? file, io, args.options.force === true, (open) => review(args, file, asked, io, open));
}

async function review(args: ParsedArgs, file: string, asked: Quarter | undefined, io: CliIO, open: XlsxFileOptions): Promise<number> {
  const loaded = await loadWorkbook(file, io, open, REVIEW);
  if (typeof loaded === "number") return loaded;
  const { settings } = loaded.read;
  const now = io.now?.() ?? new Date();
  const today = workToday(now, settings.WorkTimeZone);
  const made = reviewReport(loaded.read, { today, quarter: asked, meta: reportMeta(loaded.read, now) });
  if (made.kind === "not started") {
    const on = toISODate(made.from);
    const notStarted = say(io.lang, "notStarted", { period: made.period, on, today: toISODate(today), zone: settings.WorkTimeZone });
    io.err(say(io.lang, "nothingToReview", { notStarted }));
    return EXIT.usage;
  }
  const { review, sheet, inProgress } = made;
  const out = stringOption(args, "out");
  const code = await writeSheets(loaded, [sheet], out, io);
  if (code !== EXIT.ok) return code;

  if (args.options.json) {
    // Exactly the document of contract.md; the sheet shows more.
    io.out(JSON.stringify(reviewDocument(review), null, 2));
    return EXIT.ok;
  }
  const head = REVIEW_HEADS.map((h) => localize(h, io.lang));
  const rows = review.salespeople.map((s) => [
    s.name,
    localize(stageLabel(s.stage), io.lang),
    s.requirement ? localize(STATUS_LABEL[s.requirement.status], io.lang) : "-",
    money(s.paidCNY),
    money(s.commissionCNY),
    money(s.incomeCNY),
    String(s.orders),
    String(s.contacts),
  ]);
  const team = [say(io.lang, "team"), "", "", money(review.team.paidCNY), money(review.team.commissionCNY), "", String(review.team.orders), String(review.team.contacts)];
  io.out(inProgress ? reviewTitle(review, io.lang, true) : say(io.lang, "asOf", { title: reviewTitle(review, io.lang, false), date: review.asOf }));
  io.out(textTable([head, ...rows, team]));
  io.out(say(io.lang, "grades", { grades: Object.entries(review.grades).map(([g, n]) => `${g} ${n}`).join(", ") }));
  for (const s of review.salespeople) if (s.requirement?.status === "failed") io.out(`! ${s.name}: ${localize({ zh: s.requirement.detailZh, en: s.requirement.detail }, io.lang)}`);
  io.out(say(io.lang, "wroteSheet", { sheet: sheet.name, file: out ?? file }));
  return EXIT.ok;
}
