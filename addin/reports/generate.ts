/**
 * The default report generator of the Reports tab: reads the workbook as it
 * is now and makes the quarterly review or the weekly report the way
 * `tradebook review` / `weekly` do (app/reports.ts: the same periods, rules
 * and sheet layouts), written through the port. A weekly report in manager
 * mode is one sheet per salesperson employed that week.
 */
import { parseIsoWeek, parseQuarter, toISODate } from "../../core/contract/dates";
import { err, ok, type Issue, type Result } from "../../core/contract/issues";
import { readSnapshot } from "../../app/open-crm";
import { reportMeta, reviewReport, weeklyReports, writeReports, type NotStarted } from "../../app/reports";
import type { WorkbookPort } from "../../workbook/port";
import type { ReportGenerator, ReportRequest } from "./ReportsTab";

const badInput = (en: string, zh: string): Issue => ({ severity: "error", sheet: "", row: null, column: null, code: "usage", message: { zh, en } });
const notStarted = (made: NotStarted): Issue => badInput(`${made.period} has not started yet (it starts on ${toISODate(made.from)})`, `${made.period} 尚未开始（${toISODate(made.from)} 开始）`);

export function workbookReportGenerator(port: WorkbookPort): ReportGenerator {
  return async (request: ReportRequest): Promise<Result<{ readonly name: string }>> => {
    const read = await readSnapshot(port);
    if (!read.ok) return read;
    const meta = reportMeta(read.value, new Date());
    let sheets;
    if (request.kind === "quarterly") {
      const quarter = parseQuarter(request.quarter);
      if (!quarter) return err([badInput(`"${request.quarter}" is not YYYY-Qn`, `「${request.quarter}」不是 YYYY-Qn 格式`)]);
      const made = reviewReport(read.value, { today: request.today, quarter, meta });
      if (made.kind === "not started") return err([notStarted(made)]);
      sheets = [made.sheet];
    } else {
      const week = parseIsoWeek(request.week);
      if (!week) return err([badInput(`"${request.week}" is not YYYY-Www`, `「${request.week}」不是 YYYY-Www 格式`)]);
      const made = weeklyReports(read.value, { today: request.today, week, salesperson: request.salesperson ?? undefined, meta });
      if (made.kind === "not started") return err([notStarted(made)]);
      if (made.kind === "unknown salesperson") return err([badInput(`no salesperson "${request.salesperson}" in Salespeople`, `业务员表中没有「${request.salesperson}」`)]);
      sheets = made.sheets;
    }
    const written = await writeReports(port, sheets);
    return written.ok ? ok({ name: written.value.join(", ") }) : written;
  };
}
