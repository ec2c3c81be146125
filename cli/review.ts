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
import { parseQuarter, toISODate, type Quarter } from "../core/contract/dates";
import { reviewDocument } from "../core/review/document";
import { workToday } from "../core/review/period";
import { STATUS_LABEL, reviewTitle, stageLabel } from "../core/review/sheet";
import { localize } from "../core/contract/schema";
import { reportMeta, reviewReport } from "../app/reports";
import { UsageError, parseArgs, stringOption, type ParsedArgs } from "./args";
import { EXIT, type CliIO } from "./io";
import { loadWorkbook, type XlsxFileOptions, money, textTable, whileLocked, writeSheets } from "./report-file";

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
  const loaded = await loadWorkbook(file, io, open);
  if (typeof loaded === "number") return loaded;
  const { settings } = loaded.read;
  const now = io.now?.() ?? new Date();
  const today = workToday(now, settings.WorkTimeZone);
  const made = reviewReport(loaded.read, { today, quarter: asked, meta: reportMeta(loaded.read, now) });
  if (made.kind === "not started") {
    const on = toISODate(made.from);
    io.err(io.lang === "zh-CN" ? `${made.period} 尚未开始（${on} 开始；今天是 ${toISODate(today)}，${settings.WorkTimeZone}），没有可考核的内容` : `${made.period} has not started yet (it starts on ${on}; today is ${toISODate(today)} in ${settings.WorkTimeZone}): nothing to review`);
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
  const zh = io.lang === "zh-CN";
  const head = zh
    ? ["业务员", "阶段", "阶段要求", "到款(人民币)", "提成", "季度收入", "订单", "主动联系"]
    : ["Salesperson", "Stage", "Requirement", "Paid CNY", "Commission", "Income", "Orders", "Contacts"];
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
  const team = [zh ? "团队合计" : "Team", "", "", money(review.team.paidCNY), money(review.team.commissionCNY), "", String(review.team.orders), String(review.team.contacts)];
  io.out(inProgress ? reviewTitle(review, io.lang, true) : `${reviewTitle(review, io.lang, false)} (${zh ? "截至" : "as of"} ${review.asOf})`);
  io.out(textTable([head, ...rows, team]));
  io.out(`${zh ? "客户等级" : "Grades"}: ${Object.entries(review.grades).map(([g, n]) => `${g} ${n}`).join(", ")}`);
  for (const s of review.salespeople) if (s.requirement?.status === "failed") io.out(`! ${s.name}: ${zh ? s.requirement.detailZh : s.requirement.detail}`);
  io.out(zh ? `已写入工作表「${sheet.name}」：${out ?? file}` : `wrote sheet "${sheet.name}" to ${out ?? file}`);
  return EXIT.ok;
}
