/**
 * Generating the printable reports, one pipeline for the command line, the
 * task pane's Reports tab and the README pictures: the workbook as read
 * (open-crm.ts) → the index → the rule (core/review, core/weekly) → the
 * sheet layout → written through the port. Periods as core/review/period.ts
 * says: a review defaults to the last completed quarter, a weekly report to
 * the current ISO week, a period in progress is computed as of today, one
 * not started yet is not computed at all.
 */
import { quarterKey, serialAtInstant, toISODateTime, type DaySerial, type IsoWeek, type Quarter } from "../core/contract/dates";
import { ok, type Result } from "../core/contract/issues";
import { indexSnapshot } from "../core/index/indexes";
import { distinctSheetNames, type ReportSheet } from "../core/report/sheet";
import { reviewPeriod, weeklyPeriod } from "../core/review/period";
import { quarterlyReview, type QuarterlyReview } from "../core/review/review";
import { reviewSheet, type ReportMeta } from "../core/review/sheet";
import { weekKey, weeklyReport, type WeeklyReport } from "../core/weekly/weekly";
import { weeklySheet } from "../core/weekly/sheet";
import type { WorkbookPort } from "../workbook/port";
import type { WorkbookSnapshot } from "./open-crm";

/** The period asked for starts after today: nothing to report. */
export interface NotStarted {
  readonly kind: "not started";
  /** "2026-Q4", "2026-W49". */
  readonly period: string;
  readonly from: DaySerial;
}

/** Company name and "now" in the work time zone, for the sheets' headers and footers. */
export function reportMeta(read: WorkbookSnapshot, now: Date): ReportMeta {
  return { companyName: read.settings.CompanyName, generatedAt: toISODateTime(serialAtInstant(now, read.settings.WorkTimeZone)) };
}

export interface ReviewReport {
  readonly kind: "review";
  readonly review: QuarterlyReview;
  readonly sheet: ReportSheet;
  readonly inProgress: boolean;
}

/** The quarterly review of `quarter` (default: the last completed one) as of `today`, and its sheet. */
export function reviewReport(read: WorkbookSnapshot, request: { readonly today: DaySerial; readonly quarter?: Quarter; readonly meta: ReportMeta }): ReviewReport | NotStarted {
  const period = reviewPeriod(request.today, request.quarter);
  if (period.state === "not started") return { kind: "not started", period: quarterKey(period.period), from: period.range.from };
  const { snapshot, settings, lang } = read;
  const inProgress = period.state === "in progress";
  const review = quarterlyReview(snapshot, indexSnapshot(snapshot), period.period, settings, period.asOf);
  return { kind: "review", review, sheet: reviewSheet(review, lang, { ...request.meta, inProgress }), inProgress };
}

export interface WeeklyReports {
  readonly kind: "weekly";
  readonly week: IsoWeek;
  readonly reports: readonly WeeklyReport[];
  /** One per report, their names made distinct. */
  readonly sheets: readonly ReportSheet[];
}

/** No such salesperson in Salespeople: the names there. */
export interface UnknownSalesperson {
  readonly kind: "unknown salesperson";
  readonly known: readonly string[];
}

/**
 * The weekly reports of `week` (default: the current ISO week): of
 * `salesperson`, or of every salesperson employed in that week (active,
 * hired by its last day).
 */
export function weeklyReports(
  read: WorkbookSnapshot,
  request: { readonly today: DaySerial; readonly week?: IsoWeek; readonly salesperson?: string; readonly meta: ReportMeta },
): WeeklyReports | NotStarted | UnknownSalesperson {
  const period = weeklyPeriod(request.today, request.week);
  if (period.state === "not started") return { kind: "not started", period: weekKey(period.period), from: period.range.from };
  const { snapshot, settings, lang } = read;
  const wanted = request.salesperson?.trim();
  if (wanted !== undefined && !snapshot.Salespeople.some((p) => p.Name === wanted)) return { kind: "unknown salesperson", known: snapshot.Salespeople.map((p) => p.Name) };
  const names = wanted !== undefined ? [wanted] : snapshot.Salespeople.filter((p) => p.Active !== "N" && p.HireDate <= period.range.to).map((p) => p.Name as string);
  const index = indexSnapshot(snapshot);
  const reports = names.map((n) => weeklyReport(snapshot, index, n, period.period, settings));
  return { kind: "weekly", week: period.period, reports, sheets: distinctSheetNames(reports.map((r) => weeklySheet(r, lang, request.meta))) };
}

/** Writes the sheets through the port, in one go where the adapter can (all or none there); the names written. */
export async function writeReports(port: Pick<WorkbookPort, "writeReportSheet" | "writeReportSheets">, sheets: readonly ReportSheet[]): Promise<Result<readonly string[]>> {
  if (port.writeReportSheets) {
    const written = await port.writeReportSheets(sheets);
    return written.ok ? ok(written.value.names) : written;
  }
  const names: string[] = [];
  for (const sheet of sheets) {
    const written = await port.writeReportSheet(sheet);
    if (!written.ok) return written;
    names.push(written.value.name);
  }
  return ok(names);
}
