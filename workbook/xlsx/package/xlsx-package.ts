/**
 * A .xlsx file's bytes as a WorkbookPort that loads the workbook whole only
 * where it must. Tables are read by the streamed reader (stream/), rows are
 * appended into the package (package-append.ts) and report sheets written
 * into it (package-report.ts), so every other part keeps its bytes and a
 * big workbook fits in memory. Updates by ID, creating the structure, and
 * the appends package-append.ts leaves to the full load go through
 * XlsxWorkbook (exceljs) on the current bytes, and replace them only when
 * they succeed: every call is all or nothing. Browser-safe.
 *
 * The bytes live in a `PackageFile` the caller owns (the file host saves
 * it); two ports over one file act as two users saving the same file in
 * turn, each call starting from what the other wrote.
 */
import { err, ok, type Result } from "../../../core/contract/issues";
import type { LocalizedText } from "../../../core/contract/lang";
import { safeSheetName } from "../../../core/report/sheet";
import type { TableName } from "../../../core/contract/schema";
import type { WorkbookPort } from "../../port";
import { rawTableOf } from "../../write-plan";
import { appendRowsIntoPackage, type AppendOptions } from "./append";
import { writeReportSheetsIntoPackage } from "./report";
import { openXlsxTables, type PackageTableView, type StreamOptions, type XlsxTableReader } from "../stream/table-reader";
import type { XlsxWorkbook } from "../exceljs/xlsx-workbook";
import { readFailureIssue } from "../file-issues";
import { putDeflatedNative, type PreparedSheet } from "./put-deflated";

/** The bytes of the file, replaced by each call that changes it. */
export interface PackageFile {
  bytes: Uint8Array;
}

/** How the package is read (the inflate) and how a rewritten sheet goes into it (package-append.ts). */
export type PackageOptions = StreamOptions &
  Pick<AppendOptions, "put"> & {
    /**
     * Called when a change needs the workbook loaded whole (exceljs), with
     * what made it so where the append says: slower on a big file, and
     * exceljs drops charts and pivot tables, so a caller saving over the
     * file it read must know (workbook/node/xlsx-file-port.ts).
     */
    readonly onFullLoad?: (why: LocalizedText | undefined) => void;
    /**
     * What is kept of the tables read, for appends and reads of IDs after
     * (see kept): by default the ID column of every table read (the pane
     * reads the workbook, then logs a contact: its check of the IDs and the
     * append need no read of the sheet); a table: that one's whole read,
     * whatever is read after it (`tradebook import` reads every table to
     * validate, then appends to this one); null: none, so a command that
     * only reads does not hold a sheet's cells while it reads the next.
     */
    readonly keepRead?: TableName | null;
    /**
     * Starts deflating the kept table's sheet, cut after its last filled
     * row, as soon as it is read (node: workbook/node/deflate.ts
     * prepareSheet): an append right after finds the work done.
     */
    readonly prepare?: (path: string, pieces: AsyncIterable<Uint8Array>, from: number) => PreparedSheet;
  };

/** A table as read from these very bytes. */
interface TableRead {
  readonly bytes: Uint8Array;
  readonly table: TableName;
  readonly view: PackageTableView;
}

export class XlsxPackage implements WorkbookPort {
  /** The reader of the bytes it was opened on: a call on other bytes opens them again. */
  private reader: { readonly bytes: Uint8Array; readonly opened: Promise<Result<XlsxTableReader>> } | undefined;

  constructor(
    readonly file: PackageFile,
    /** The file name, for messages. */
    readonly name: string,
    private readonly options: PackageOptions = {},
  ) {}

  /** A port over `file`, once its bytes open as a package; unreadable bytes give an issue naming the file. */
  static async open(file: PackageFile, name: string, options: PackageOptions = {}): Promise<Result<XlsxPackage>> {
    const port = new XlsxPackage(file, name, options);
    const reader = await port.open();
    return reader.ok ? ok(port) : reader;
  }

  private open(): Promise<Result<XlsxTableReader>> {
    const { bytes } = this.file;
    if (this.reader?.bytes !== bytes) this.reader = { bytes, opened: openXlsxTables(bytes, this.name, this.options) };
    return this.reader.opened;
  }

  /**
   * Calls run one at a time. Each reads the bytes, works for a while (an
   * append at 25,000 customers takes seconds) and replaces them: two calls
   * at once (a contact saved while a report is written) would both start
   * from the same bytes, and the later would drop the earlier's change.
   */
  private queue: Promise<unknown> = Promise.resolve();

  private inTurn<T>(call: () => Promise<T>): Promise<T> {
    const turn = this.queue.then(call, call);
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  readTable(...[table, columns]: Parameters<WorkbookPort["readTable"]>): ReturnType<WorkbookPort["readTable"]> {
    return this.inTurn(() => this.read(table, columns));
  }

  appendRows(...[table, rows]: Parameters<WorkbookPort["appendRows"]>): ReturnType<WorkbookPort["appendRows"]> {
    return this.inTurn(() => this.append(table, rows));
  }

  updateRows(...[table, updates]: Parameters<WorkbookPort["updateRows"]>): ReturnType<WorkbookPort["updateRows"]> {
    return this.inTurn(() => this.loaded((wb) => wb.updateRows(table, updates)));
  }

  ensureStructure(...[lang]: Parameters<WorkbookPort["ensureStructure"]>): ReturnType<WorkbookPort["ensureStructure"]> {
    return this.inTurn(() => this.loaded((wb) => wb.ensureStructure(lang)));
  }

  writeReportSheet(...[sheet]: Parameters<WorkbookPort["writeReportSheet"]>): ReturnType<WorkbookPort["writeReportSheet"]> {
    return this.inTurn(async () => {
      const written = await this.writeReports([sheet]);
      return written.ok ? ok({ name: written.value.names[0] }) : written;
    });
  }

  /** Several report sheets in one rewrite of the package, all or none (a week's reports, one per salesperson). */
  writeReportSheets(...[sheets]: Parameters<NonNullable<WorkbookPort["writeReportSheets"]>>): ReturnType<NonNullable<WorkbookPort["writeReportSheets"]>> {
    return this.inTurn(() => this.writeReports(sheets));
  }

  private async writeReports(sheets: Parameters<NonNullable<WorkbookPort["writeReportSheets"]>>[0]): ReturnType<NonNullable<WorkbookPort["writeReportSheets"]>> {
    this.release();
    const written = await writeReportSheetsIntoPackage(this.file.bytes, sheets, this.name);
    if (!written.ok) return written;
    this.file.bytes = written.value;
    return ok({ names: sheets.map((s) => safeSheetName(s.name)) });
  }

  private async read(...[table, columns]: Parameters<WorkbookPort["readTable"]>): ReturnType<WorkbookPort["readTable"]> {
    const reader = await this.open();
    if (!reader.ok) return reader;
    // The IDs an append just left (or a read just made) serve a read of them without reading the sheet again.
    const last = this.kept.get(table);
    if (last && last.bytes === this.file.bytes && columns && (last.view.columns === undefined || columns.every((k) => last.view.columns?.includes(k)))) {
      return rawTableOf(table, last.view.view, columns);
    }
    const keep = this.options.keepRead;
    // Nothing kept (a command that only reads): rows as records straight from the scan, no view for a writer.
    if (keep === null) return reader.value.readTable(table, columns);
    if (keep === undefined) {
      // The pane: the rows as records, and the table's IDs from the same scan, kept for its next append.
      const bytes = this.file.bytes;
      const read = await reader.value.readTable(table, columns, true);
      if (!read.ok) return read;
      const { ids, ...raw } = read.value;
      if (ids) this.kept.set(table, { bytes, table, view: ids });
      return ok(raw);
    }
    const read = await reader.value.readView(table, columns);
    if (!read.ok) return read;
    if (keep === table) {
      this.kept.set(table, { bytes: this.file.bytes, table, view: read.value });
      this.prepareAppend(reader.value, read.value);
    }
    return rawTableOf(table, read.value.view, columns);
  }

  /**
   * The tables' reads kept (PackageOptions.keepRead), each for the bytes it
   * was read from: an append plans against it instead of reading the sheet
   * again, and a read of its columns is served from it.
   */
  private readonly kept = new Map<TableName, TableRead>();

  /** The kept table's sheet being deflated for an append (PackageOptions.prepare), for the bytes it was read from. */
  private prepared: { readonly bytes: Uint8Array; readonly sheet: PreparedSheet } | undefined;

  private prepareAppend(reader: XlsxTableReader, read: PackageTableView): void {
    this.prepared?.sheet.cancel();
    this.prepared = undefined;
    const { region, view, exact } = read;
    if (!this.options.prepare || exact || region.excelTable?.totalsRow || view.rows.length === 0) return;
    const pieces = reader.partPieces(region.sheet.path);
    if (pieces) this.prepared = { bytes: this.file.bytes, sheet: this.options.prepare(region.sheet.path, pieces, view.rows[view.rows.length - 1].rowNumber) };
  }

  /** Drops what is kept for an append that will not come (an import refused): a sheet being deflated for it stops. */
  release(): void {
    this.kept.clear();
    this.prepared?.sheet.cancel();
    this.prepared = undefined;
  }

  private takeKept(table: TableName): PackageTableView | undefined {
    const last = this.kept.get(table);
    this.kept.delete(table);
    return last && last.bytes === this.file.bytes ? last.view : undefined;
  }

  /**
   * Rows go into the package the reader holds, changed in place: only the
   * table's sheet (deflated natively, put-deflated.ts) and table part are
   * new, every other part keeps its compressed bytes, and the reader stays
   * open on the changed package with its shared strings and styles, so the
   * next call neither loads the package nor parses them again.
   */
  private async append(...[table, rows]: Parameters<WorkbookPort["appendRows"]>): ReturnType<WorkbookPort["appendRows"]> {
    const view = this.takeKept(table);
    const prepared = this.prepared?.bytes === this.file.bytes ? this.prepared.sheet : undefined;
    this.prepared = undefined;
    const reader = await this.open();
    if (!reader.ok) return reader;
    let direct: Awaited<ReturnType<typeof appendRowsIntoPackage>>;
    try {
      direct = await appendRowsIntoPackage(reader.value, this.file.bytes, table, rows, { put: this.options.put ?? putDeflatedNative, view, inPlace: true, prepared });
    } catch (e) {
      prepared?.cancel();
      // The package may be half changed: the next call opens the bytes again.
      this.reader = undefined;
      throw e;
    }
    prepared?.cancel();
    if (direct.kind === "refused") return err(direct.issues);
    if (direct.kind === "unsupported") return this.loaded((wb) => wb.appendRows(table, rows), direct.why);
    const before = this.file.bytes;
    this.file.bytes = direct.bytes;
    // The other tables' sheets kept their bytes: what was kept of them still holds.
    for (const [name, read] of this.kept) if (read.bytes === before) this.kept.set(name, { ...read, bytes: direct.bytes });
    this.kept.set(table, { bytes: direct.bytes, table, view: direct.ids });
    if (direct.bytes !== this.reader?.bytes) this.reader = { bytes: direct.bytes, opened: reader.value.afterRowsWritten().then(ok, (e: unknown) => err([readFailureIssue(this.name, e)])) };
    return ok({ firstRow: direct.firstRow, count: direct.count });
  }

  /** `change` on the workbook loaded whole from the current bytes; they are replaced only when it succeeds. */
  private async loaded<T>(change: (wb: XlsxWorkbook) => Promise<Result<T>>, why?: LocalizedText): Promise<Result<T>> {
    this.release();
    this.options.onFullLoad?.(why);
    // exceljs only when a call loads the workbook whole: reads, appends and reports never need it (CLI start-up, the pane's download).
    const { XlsxWorkbook } = await import(/* webpackChunkName: "exceljs" */ "../exceljs/xlsx-workbook");
    const wb = await XlsxWorkbook.fromBuffer(this.file.bytes, this.name);
    if (!wb.ok) return wb;
    const changed = await change(wb.value);
    if (changed.ok) this.file.bytes = await wb.value.toBuffer();
    return changed;
  }
}
