/**
 * A fake Excel for the Office.js adapter (workbook/office): enough of the
 * Excel JavaScript API, behaving like Excel where it matters to us.
 *  - Requests queue and run at context.sync(), in order, stopping at the
 *    first that fails (what ran before stays done); properties read before
 *    load() + sync() throw PropertyNotLoaded.
 *  - A range gets its address when the call that made it runs and keeps it,
 *    whatever rows other users insert, delete or sort later.
 *  - Each sync's request and response are measured as the JSON of the cells
 *    they carry plus what every call and property costs; over the payload
 *    limit the sync fails with Excel's codes RequestPayloadSizeLimitExceeded /
 *    ResponsePayloadSizeLimitExceeded; reading a range of more than 5,000,000
 *    cells fails with RangeExceedsLimit.
 *  - Texts written into non-Text cells become formulas or numbers as typed;
 *    rows written right below a table are taken into it (auto-expansion)
 *    unless data validation sits below the table.
 *  - Sheet and table names follow Excel's rules (fake-excel-names.ts).
 *  - The workbook may be in the 1904 date system; a sheet may be protected;
 *    the user may be in cell-edit mode; another user may edit between syncs
 *    (`coauthor`, `beforeSync`), firing tables' onChanged; a sync may never
 *    answer (`unansweredSyncs`), as a first sync on a large workbook on the
 *    web has been reported to.
 * The adapter sees it as Excel.RequestContext through one cast in `run`.
 */
import type { CellValue } from "../../core/contract/raw";
import { serialFromYMD } from "../../core/contract/dates";
import { CALL_BYTES } from "./fake-excel-base";
import { FakeCoauthor } from "./fake-excel-coauthor";
import { assertSheetName } from "./fake-excel-names";
import { FakeClientObject, FakeClientResult, FakeRange, FakeTable, FakeWorksheet, type FakeQueue } from "./fake-excel-objects";
import { FakeOfficeError, SheetState, TableState, WorkbookState } from "./fake-excel-state";

export { FakeOfficeError };

export interface FakeStats {
  syncs: number;
  /** Bytes of each successful sync's request and response. */
  readonly requests: number[];
  readonly responses: number[];
  /** Syncs refused for their size. */
  rejected: number;
  suspendCalls: number;
  rowsAdd: number;
  /** Syncs that waited for the user to leave cell-edit mode. */
  delayedForCellEdit: number;
  /** Syncs that never answered. */
  unanswered: number;
}

class FakeRequestContext implements FakeQueue {
  private ops: (() => (() => void) | void)[] = [];
  private requestBytes = 0;
  private responseBytes = 0;
  readonly workbook: FakeWorkbook;

  constructor(
    readonly _excel: FakeExcel,
    readonly _options: Excel.RunOptions,
  ) {
    this.workbook = new FakeWorkbook(this);
  }
  get _state(): WorkbookState {
    return this._excel.state;
  }
  _enqueue(op: () => (() => void) | void): void {
    this.ops.push(op);
    this.requestBytes += CALL_BYTES;
  }
  _request(bytes: number): void {
    this.requestBytes += bytes;
  }
  _response(bytes: number): void {
    this.responseBytes += bytes;
  }
  _count(what: "suspendCalls" | "rowsAdd"): void {
    this._excel.stats[what]++;
  }

  async sync(): Promise<void> {
    const excel = this._excel;
    const ops = this.ops;
    const request = this.requestBytes;
    this.ops = [];
    this.requestBytes = 0;
    this.responseBytes = 0;
    await Promise.resolve();
    if (excel.unansweredSyncs > 0) {
      excel.unansweredSyncs--;
      excel.stats.unanswered++;
      return new Promise<void>(() => undefined);
    }
    excel.stats.syncs++;
    excel.beforeSync?.(excel.stats.syncs);
    if (excel.cellEditMode) {
      if (!this._options.delayForCellEdit || excel.ignoresDelayForCellEdit)
        throw new FakeOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.");
      // The batch waits; the user presses Enter.
      excel.stats.delayedForCellEdit++;
      excel.cellEditMode = false;
    }
    const injected = excel.failures.shift();
    if (injected) throw new FakeOfficeError(injected);
    if (request > excel.payloadLimit) {
      excel.stats.rejected++;
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    }
    const commits: (() => void)[] = [];
    for (const op of ops) {
      const commit = op();
      if (commit) commits.push(commit);
    }
    if (this.responseBytes > excel.payloadLimit) {
      excel.stats.rejected++;
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
    }
    excel.stats.requests.push(request);
    excel.stats.responses.push(this.responseBytes);
    for (const commit of commits) commit();
  }
}

class FakeWorkbook extends FakeClientObject {
  constructor(q: FakeQueue) {
    super(q);
  }
  get tables() {
    const q = this._q;
    return {
      getItem: (name: string) =>
        new FakeTable(q, () => {
          const t = q._state.table(name);
          if (!t) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist.`);
          return t;
        }),
      getItemOrNullObject: (name: string) => new FakeTable(q, () => q._state.table(name) ?? null),
      add: (where: FakeRange, hasHeaders: boolean) => {
        let created: TableState | null = null;
        q._enqueue(() => {
          const r = where._rect();
          if (!hasHeaders) throw new FakeOfficeError("InvalidArgument", "the fake only makes tables with headers");
          let n = q._state.tables.length + 1;
          while (q._state.table(`Table${n}`)) n++;
          created = new TableState(`Table${n}`, r.sheet, r.row, r.col, r.cols, Math.max(1, r.rows - 1));
          q._state.tables.push(created);
        });
        return new FakeTable(q, () => created);
      },
      /** Excel.TableCollection.onChanged (ExcelApi 1.7): the handler runs after another user's change. */
      onChanged: {
        add: (handler: (args: { tableId: string; source: string; changeType: string }) => Promise<unknown>) => {
          q._enqueue(() => void q._state.tableChangedHandlers.add(handler));
          return { context: q, remove: () => q._enqueue(() => void q._state.tableChangedHandlers.delete(handler)) };
        },
      },
    };
  }
  get worksheets() {
    const q = this._q;
    return {
      getItemOrNullObject: (name: string) => new FakeWorksheet(q, () => q._state.sheet(name) ?? null),
      getItem: (name: string) =>
        new FakeWorksheet(q, () => {
          const s = q._state.sheet(name);
          if (!s) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
          return s;
        }),
      add: (name: string) => {
        let created: SheetState | null = null;
        q._enqueue(() => {
          assertSheetName(name, q._state);
          created = new SheetState(name);
          q._state.sheets.push(created);
        });
        return new FakeWorksheet(q, () => created);
      },
    };
  }
  get application() {
    return { suspendApiCalculationUntilNextSync: () => this._q._count("suspendCalls") };
  }
  get functions() {
    const q = this._q;
    return {
      date: (year: number, month: number, day: number) => new FakeClientResult(q, () => serialFromYMD(year, month, day) - (q._state.date1904 ? 1462 : 0)),
    };
  }
}

export interface SeedTable {
  readonly sheet: string;
  /** An Excel table of this name over the cells; omitted: a plain sheet. */
  readonly table?: string;
  readonly headers: readonly string[];
  /** Cells in header order; a formula as { formula, result }. */
  readonly rows: readonly (readonly (CellValue | { readonly formula: string; readonly result: CellValue })[])[];
}

export class FakeExcel {
  readonly state = new WorkbookState();
  readonly stats: FakeStats = { syncs: 0, requests: [], responses: [], rejected: 0, suspendCalls: 0, rowsAdd: 0, delayedForCellEdit: 0, unanswered: 0 };
  /** Excel on the web refuses requests and responses over 5 MB. */
  payloadLimit = 5 * 1024 * 1024;
  cellEditMode = false;
  /** An older host that does not know the delayForCellEdit option. */
  ignoresDelayForCellEdit = false;
  /** Error codes the next syncs fail with, in order. */
  readonly failures: string[] = [];
  /** Another user's edits, run before a sync (1-based count of all syncs so far). */
  beforeSync: ((sync: number) => void) | undefined;
  /** The next this many syncs never answer (the first sync of a large workbook on the web, office-js issues). */
  unansweredSyncs = 0;
  /** Another user working in the same workbook: appends, inserts, deletes, sorts. */
  readonly coauthor = new FakeCoauthor(this);

  readonly runOptions: Excel.RunOptions[] = [];

  /** Excel.run(options, batch). The one cast between the fake and the Office types lives here. */
  readonly run = <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.runOptions.push(options);
    const ctx = new FakeRequestContext(this, options);
    return batch(ctx as unknown as Excel.RequestContext);
  };

  get date1904(): boolean {
    return this.state.date1904;
  }
  set date1904(v: boolean) {
    this.state.date1904 = v;
  }

  sheet(name: string): SheetState {
    const s = this.state.sheet(name);
    if (!s) throw new Error(`fake: no sheet ${name}`);
    return s;
  }
  table(name: string): TableState {
    const t = this.state.table(name);
    if (!t) throw new Error(`fake: no table ${name}`);
    return t;
  }
  addSheet(name: string): SheetState {
    const s = new SheetState(name);
    this.state.sheets.push(s);
    return s;
  }

  /** Seeds a sheet with headers in row 1 and rows below, optionally as an Excel table. */
  seed(t: SeedTable): void {
    const s = this.state.sheet(t.sheet) ?? this.addSheet(t.sheet);
    t.headers.forEach((h, c) => s.setRaw(0, c, h));
    t.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell !== null && typeof cell === "object") s.setRaw(r + 1, c, cell.result, `=${cell.formula}`);
        else s.setRaw(r + 1, c, cell);
      }),
    );
    if (t.table) this.state.tables.push(new TableState(t.table, s, 0, 0, t.headers.length, Math.max(1, t.rows.length)));
  }

  /** The sheet's cells from A1 to its last used cell: values and whether each is a formula. */
  grid(name: string): { values: CellValue[][]; formulas: boolean[][] } {
    const s = this.sheet(name);
    const { rows, cols } = s.extent();
    const values: CellValue[][] = [];
    const formulas: boolean[][] = [];
    for (let r = 0; r < rows; r++) {
      values.push(Array.from({ length: cols }, (_, c) => s.value(r, c)));
      formulas.push(Array.from({ length: cols }, (_, c) => s.formula(r, c) !== undefined));
    }
    return { values, formulas };
  }

  /** Another user rewrites a sheet (sorts, inserts rows); tables on it grow or shrink to the new rows. */
  rewrite(name: string, rewrite: (grid: CellValue[][]) => CellValue[][]): void {
    const s = this.sheet(name);
    const before = this.grid(name).values;
    const after = rewrite(before.map((r) => [...r]));
    const cols = Math.max(0, ...before.map((r) => r.length), ...after.map((r) => r.length));
    for (let r = 0; r < Math.max(before.length, after.length); r++) for (let c = 0; c < cols; c++) s.setRaw(r, c, after[r]?.[c] ?? null);
    for (const t of this.state.tables) if (t.sheet === s) t.rows = Math.max(1, after.length - 1 - t.headerRow);
  }
}
