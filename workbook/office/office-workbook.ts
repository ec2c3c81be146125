/**
 * The WorkbookPort over Office.js: the one place the product calls Excel's
 * JavaScript API (everything else talks to the port). Each port call is one
 * Excel.run, so its reads and writes see the same workbook state.
 */
import { err, type Result } from "../../core/contract/issues";
import type { CellValue, RawTable } from "../../core/contract/raw";
import type { ReportSheet } from "../../core/report/sheet";
import type { Lang, TableName } from "../../core/contract/schema";
import type { EnsureReport, UpdateById, WorkbookPort } from "../port";
import { appendRowsIn } from "./append";
import { issueFromOfficeError } from "./errors";
import { DEFAULT_LIMITS, type PayloadLimits } from "./payload";
import { readTableIn } from "./read";
import { writeReportSheetIn } from "./report";
import { checkRequirements, TABLE_RESIZE_API } from "./requirements";
import { RUN_OPTIONS, type ExcelRun, type RequirementSets } from "./run";
import { ensureStructureIn } from "./structure";
import { updateRowsIn } from "./update";

export interface OfficeWorkbookOptions {
  /** Excel.run in production; the fake in tests. */
  readonly run: ExcelRun;
  /** Office.context.requirements in production. */
  readonly requirements: RequirementSets;
  readonly limits?: PayloadLimits;
  readonly runOptions?: Excel.RunOptions;
}

export class OfficeWorkbook implements WorkbookPort {
  private readonly run: ExcelRun;
  private readonly requirements: RequirementSets;
  private readonly limits: PayloadLimits;
  private readonly runOptions: Excel.RunOptions;

  constructor(options: OfficeWorkbookOptions) {
    this.run = options.run;
    this.requirements = options.requirements;
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.runOptions = options.runOptions ?? RUN_OPTIONS;
  }

  /** Whether this Excel can run TradeBook; the task pane says why not, in zh and en. */
  checkRequirements(): Result<void> {
    return checkRequirements(this.requirements);
  }

  readTable(table: TableName, columns?: readonly string[]): Promise<Result<RawTable>> {
    return this.excel(table, (ctx) => readTableIn(ctx, table, columns, this.limits));
  }

  appendRows(table: TableName, rows: readonly Readonly<Record<string, CellValue>>[]): Promise<Result<{ readonly firstRow: number; readonly count: number }>> {
    const canResize = this.requirements.isSetSupported("ExcelApi", TABLE_RESIZE_API);
    return this.excel(table, (ctx) => appendRowsIn(ctx, table, rows, { limits: this.limits, canResize }));
  }

  updateRows(table: TableName, updates: readonly UpdateById[]): Promise<Result<{ readonly count: number }>> {
    return this.excel(table, (ctx) => updateRowsIn(ctx, table, updates, this.limits));
  }

  ensureStructure(lang: Lang): Promise<Result<EnsureReport>> {
    return this.excel("", (ctx) => ensureStructureIn(ctx, lang));
  }

  writeReportSheet(sheet: ReportSheet): Promise<Result<{ readonly name: string }>> {
    return this.excel(sheet.name, (ctx) => writeReportSheetIn(ctx, sheet));
  }

  /** One Excel.run; an error Excel raises outside our syncs (aborted, cell edit) also comes back as an issue. */
  private async excel<T>(where: string, batch: (ctx: Excel.RequestContext) => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await this.run(this.runOptions, batch);
    } catch (e) {
      return err([issueFromOfficeError(e, where)]);
    }
  }
}
