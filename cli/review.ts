/**
 * `tradebook review FILE [--quarter YYYY-Qn] [--out FILE] [--json] [--force]`: the
 * quarterly review (rules.md §7) written as a sheet into FILE (or --out);
 * --json prints the review document (contract.md) instead of the summary.
 * Without --quarter: the last completed quarter. A quarter in progress is
 * computed as of today in the work time zone (core/review/period.ts).
 * The file written is locked from before the workbook is read
 * (report-file.ts whileLocked); --force writes although LibreOffice or
 * Excel seems to have it open.
 */
import { parseQuarter, quarterKey, toISODate, type Quarter } from "../core/contract/dates";
import { indexSnapshot } from "../core/index/indexes";
import { quarterlyReview } from "../core/review/review";
import { reviewDocument } from "../core/review/document";
import { reviewPeriod, workToday } from "../core/review/period";
import { STATUS_LABEL, reviewSheet, reviewTitle, stageLabel } from "../core/review/sheet";
import { localize } from "../core/contract/schema";
import { UsageError, parseArgs, stringOption, type ParsedArgs } from "./args";
import { EXIT, type CliIO } from "./io";
import { loadWorkbook, money, reportMeta, textTable, whileLocked, writeSheets } from "./report-file";
import type { WriteOptions } from "../workbook/node/xlsx-file";

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { flags: ["json", "force"], values: ["quarter", "out"] });
  const [file] = args.positionals;
  if (!file || args.positionals.length > 1) throw new UsageError("give exactly one workbook FILE");
  const quarterText = stringOption(args, "quarter");
  const asked = quarterText === undefined ? undefined : parseQuarter(quarterText);
  if (quarterText !== undefined && !asked) throw new UsageError(`--quarter "${quarterText}" is not YYYY-Qn (e.g. 2026-Q3)`);
  return whileLocked(stringOption(args, "out") ?? file, io, args.options.force === true, (lock) => review(args, file, asked, io, { lock, force: args.options.force === true }));
}

async function review(args: ParsedArgs, file: string, asked: Quarter | undefined, io: CliIO, write: WriteOptions): Promise<number> {
  const loaded = await loadWorkbook(file, io);
  if (typeof loaded === "number") return loaded;
  const { snapshot, settings, lang } = loaded.read;
  const now = io.now?.() ?? new Date();
  const today = workToday(now, settings.WorkTimeZone);
  const period = reviewPeriod(today, asked);
  if (period.state === "not started") {
    const q = quarterKey(period.period);
    const on = toISODate(period.range.from);
    io.err(io.lang === "zh-CN" ? `${q} 尚未开始（${on} 开始；今天是 ${toISODate(today)}，${settings.WorkTimeZone}），没有可考核的内容` : `${q} has not started yet (it starts on ${on}; today is ${toISODate(today)} in ${settings.WorkTimeZone}): nothing to review`);
    return EXIT.usage;
  }
  const inProgress = period.state === "in progress";
  const review = quarterlyReview(snapshot, indexSnapshot(snapshot), period.period, settings, period.asOf);
  const sheet = reviewSheet(review, lang, { ...reportMeta(loaded.read, now), inProgress });
  const out = stringOption(args, "out");
  const code = await writeSheets(loaded, [sheet], out, io, write);
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
