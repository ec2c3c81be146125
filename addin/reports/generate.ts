/**
 * The default report generator of the Reports tab: reads the workbook as it
 * is now, builds the quarterly review or the weekly report with core's
 * rules and sheet layouts (the same as `tradebook review` / `weekly`, with
 * the same periods: core/review/period.ts), and writes the sheet through the
 * port. A weekly report in manager mode is one sheet per active salesperson.
 */
import { parseIsoWeek, parseQuarter, serialAtInstant, toISODate, toISODateTime } from "../../core/contract/dates";
import { indexSnapshot } from "../../core/index/indexes";
import { err, ok, type Issue, type Result } from "../../core/contract/issues";
import { reviewPeriod, weeklyPeriod } from "../../core/review/period";
import { quarterlyReview } from "../../core/review/review";
import { reviewSheet, type ReportMeta } from "../../core/review/sheet";
import { weeklyReport } from "../../core/weekly/weekly";
import { weeklySheet } from "../../core/weekly/sheet";
import { distinctSheetNames, type ReportSheet } from "../../core/report/sheet";
import { readSnapshot } from "../../app/open-crm";
import type { WorkbookPort } from "../../workbook/port";
import type { ReportGenerator, ReportRequest } from "./ReportsTab";

const badInput = (en: string, zh: string): Issue => ({ severity: "error", sheet: "", row: null, column: null, code: "usage", message: { zh, en } });
const notStarted = (period: string, from: number): Issue => badInput(`${period} has not started yet (it starts on ${toISODate(from)})`, `${period} 尚未开始（${toISODate(from)} 开始）`);

export function workbookReportGenerator(port: WorkbookPort): ReportGenerator {
  return async (request: ReportRequest): Promise<Result<{ readonly name: string }>> => {
    const read = await readSnapshot(port);
    if (!read.ok) return read;
    const { snapshot, settings, lang } = read.value;
    const index = indexSnapshot(snapshot);
    const meta: ReportMeta = { companyName: settings.CompanyName, generatedAt: toISODateTime(serialAtInstant(new Date(), settings.WorkTimeZone)) };
    const sheets: ReportSheet[] = [];
    if (request.kind === "quarterly") {
      const quarter = parseQuarter(request.quarter);
      if (!quarter) return err([badInput(`"${request.quarter}" is not YYYY-Qn`, `「${request.quarter}」不是 YYYY-Qn 格式`)]);
      const period = reviewPeriod(request.today, quarter);
      if (period.state === "not started") return err([notStarted(request.quarter, period.range.from)]);
      sheets.push(reviewSheet(quarterlyReview(snapshot, index, quarter, settings, period.asOf), lang, { ...meta, inProgress: period.state === "in progress" }));
    } else {
      const week = parseIsoWeek(request.week);
      if (!week) return err([badInput(`"${request.week}" is not YYYY-Www`, `「${request.week}」不是 YYYY-Www 格式`)]);
      const period = weeklyPeriod(request.today, week);
      if (period.state === "not started") return err([notStarted(request.week, period.range.from)]);
      const people = request.salesperson !== null ? [request.salesperson] : snapshot.Salespeople.filter((s) => s.Active !== "N").map((s) => s.Name);
      for (const name of people) sheets.push(weeklySheet(weeklyReport(snapshot, index, name, week, settings), lang, meta));
    }
    const names: string[] = [];
    for (const sheet of distinctSheetNames(sheets)) {
      const written = await port.writeReportSheet(sheet);
      if (!written.ok) return written;
      names.push(written.value.name);
    }
    return ok({ name: names.join(", ") });
  };
}
