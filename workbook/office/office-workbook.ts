/**
 * The WorkbookPort over Office.js: the one place the product calls Excel's
 * JavaScript API (everything else talks to the port). Each port call is one
 * Excel.run, so its reads and writes see the same workbook state.
 */
import { err, ok, type Issue, type Result } from "../../core/contract/issues";
import type { CellValue, RawTable } from "../../core/contract/raw";
import type { ReportSheet } from "../../core/report/sheet";
import type { Lang, TableName } from "../../core/contract/schema";
import type { EnsureReport, TableRequest, UpdateById, WorkbookPort } from "../port";
import { appendRowsIn } from "./append";
import { issueFromOfficeError } from "./errors";
import { DEFAULT_LIMITS, type PayloadLimits } from "./payload";
import { readTableIn, readTablesIn } from "./read";
import { writeReportSheetIn } from "./report";
import { checkRequirements, TABLE_RESIZE_API } from "./requirements";
import { RUN_OPTIONS, type ExcelRun, type RequirementSets } from "./run";
import { ensureStructureIn } from "./structure";
import { updateRowsIn } from "./update";
import { watchTables } from "./watch";

export interface OfficeWorkbookOptions {
  /** Excel.run in production; the fake in tests. */
  readonly run: ExcelRun;
  /** Office.context.requirements in production. */
  readonly requirements: RequirementSets;
  readonly limits?: PayloadLimits;
  readonly runOptions?: Excel.RunOptions;
  /** How long the first sync may take before the user is told (FIRST_SYNC_TIMEOUT_MS). */
  readonly firstSyncTimeoutMs?: number;
}

/**
 * The first context.sync of a session can hang on a large workbook in Excel
 * on the web (reported on the office-js issue tracker); Office.js has no
 * timeout of its own. Until Excel has answered once, each call waits this
 * long for that first answer, then says so, and the pane offers a retry.
 */
export const FIRST_SYNC_TIMEOUT_MS = 30_000;

function notAnswering(ms: number): Issue {
  const s = Math.round(ms / 1000);
  return {
    severity: "error",
    sheet: "",
    row: null,
    column: null,
    code: "excel-not-answering",
    message: {
      zh: `Excel 在 ${s} 秒内没有响应。大型工作簿在网页版 Excel 中首次打开时可能很慢：请稍等片刻，然后点「重试」`,
      en: `Excel did not answer within ${s} seconds. A large workbook can be slow to open the first time in Excel on the web: wait a moment, then choose Retry`,
    },
  };
}

export class OfficeWorkbook implements WorkbookPort {
  private readonly run: ExcelRun;
  private readonly requirements: RequirementSets;
  private readonly limits: PayloadLimits;
  private readonly runOptions: Excel.RunOptions;
  private readonly firstSyncTimeoutMs: number;
  /** Set once Excel has answered a sync in this session. */
  private answered = false;

  constructor(options: OfficeWorkbookOptions) {
    this.run = options.run;
    this.requirements = options.requirements;
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.runOptions = options.runOptions ?? RUN_OPTIONS;
    this.firstSyncTimeoutMs = options.firstSyncTimeoutMs ?? FIRST_SYNC_TIMEOUT_MS;
  }

  /** Whether this Excel can run TradeBook; the task pane says why not, in zh and en. */
  checkRequirements(): Result<void> {
    return checkRequirements(this.requirements);
  }

  readTable(table: TableName, columns?: readonly string[]): Promise<Result<RawTable>> {
    return this.excel(table, (ctx) => readTableIn(ctx, table, columns, this.limits));
  }

  /** Several tables in one Excel.run, their openings sharing one sync (read.ts readTablesIn). */
  async readTables(requests: readonly TableRequest[]): Promise<ReadonlyMap<TableName, Result<RawTable>>> {
    const read = await this.excel<ReadonlyMap<TableName, Result<RawTable>>>("", async (ctx) => ok(await readTablesIn(ctx, requests, this.limits)));
    // Excel not answering (or failing the run) is every table's answer.
    return read.ok ? read.value : new Map(requests.map((r) => [r.table, read]));
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

  /** Calls `onChange` after any change to the workbook's tables (a co-author's too); answers a function that stops it. */
  watchChanges(onChange: () => void): Promise<() => Promise<void>> {
    return watchTables(this.run, this.runOptions, onChange);
  }

  /**
   * One Excel.run; an error Excel raises outside our syncs (aborted, cell
   * edit) also comes back as an issue. Until Excel has answered once, the
   * run's first sync must answer within the timeout; later syncs are not
   * timed (a large read may rightly take long).
   */
  private async excel<T>(where: string, batch: (ctx: Excel.RequestContext) => Promise<Result<T>>): Promise<Result<T>> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let answer: () => void = () => undefined;
    const answeredInTime = new Promise<boolean>((resolve) => {
      if (this.answered) return resolve(true);
      answer = () => resolve(true);
      timer = setTimeout(() => resolve(false), this.firstSyncTimeoutMs);
    });
    const work = this.run(this.runOptions, (ctx) => {
      if (!this.answered) {
        // The first answer is noticed where it arrives: this run's own first sync (no extra round trip).
        const sync = ctx.sync.bind(ctx);
        ctx.sync = <V>(passThroughValue?: V): Promise<V> =>
          sync(passThroughValue).then((v: V) => {
            this.answered = true;
            answer();
            return v;
          });
      }
      return batch(ctx);
    }).catch((e: unknown): Result<T> => err([issueFromOfficeError(e, where)]));
    // A run that ends (or fails) before any sync answered is its own answer.
    void work.then(() => answer());
    const inTime = await answeredInTime;
    clearTimeout(timer);
    return inTime ? work : err([notAnswering(this.firstSyncTimeoutMs)]);
  }
}
