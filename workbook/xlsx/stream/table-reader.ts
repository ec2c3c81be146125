/**
 * The contract tables of .xlsx bytes, read as a stream: the same RawTable
 * (and the same issues) as XlsxWorkbook.readTable, without exceljs's model
 * of every cell. Only the sheet holding the asked table is inflated, in
 * chunks, and only the asked columns' cells become values (the others are
 * passed over); the shared strings' part is the one held whole, as bytes,
 * an entry decoded when a cell first shows it (shared-strings.ts). A table
 * read keeps rows as records of the asked columns, a view (for writers) as
 * cell arrays. Browser-safe: node's zlib comes in through
 * `options.inflate` (workbook/node/stream-reader.ts).
 */
import type JSZip from "jszip";
import { err, ok, type Result } from "../../../core/contract/issues";
import type { CellValue, RawRow, RawTable } from "../../../core/contract/raw";
import { SCHEMA, type TableName } from "../../../core/contract/schema";
import { missingTableIssue, readFailureIssue } from "../file-issues";
import { headerNames, selectColumns } from "../../locate";
import { rawTableOf, type TableView } from "../../write-plan";
import type { CellContext } from "./cell-value";
import { readPackageMap, readSharedStrings, type PackageMap } from "./package-map";
import { findStreamRegion, type StreamRegion } from "./region";
import { sheetExtras, type SheetExtras } from "./sheet-extras";
import { scanSheet } from "./sheet-scan";
import { TableSink, type CollectedTable } from "./table-sink";
import { ZipParts, type Inflate } from "./zip-parts";

export interface XlsxTableReader {
  /** The file name, for messages. */
  readonly name: string;
  readonly date1904: boolean;
  /**
   * The table's rows, with only `columns` (every column when undefined);
   * with `ids`, also its ID column as a writer plans against it (`idView`),
   * made from the same scan: what the task pane keeps of every table.
   */
  readTable(table: TableName, columns?: readonly string[]): Promise<Result<RawTable>>;
  readTable(table: TableName, columns: readonly string[] | undefined, ids: true): Promise<Result<RawTable & { readonly ids?: PackageTableView }>>;
  /**
   * The table as a writer plans against it (workbook/write-plan.ts), with
   * where it lies in the package; `columns` records what the caller will
   * read of it (a kept view serves reads of those columns only).
   */
  readView(table: TableName, columns?: readonly string[]): Promise<Result<PackageTableView>>;
  /** A part's bytes, inflated; undefined when the package lacks it. */
  part(path: string): Promise<Uint8Array | undefined>;
  /** A part's bytes as they are inflated, in pieces (never whole); undefined when the package lacks it. */
  partPieces(path: string): AsyncIterable<Uint8Array> | undefined;
  /** True when cell style `s` (a cellXfs index) shows a date or time. */
  isDateStyle(s: number): boolean;
  /** The loaded package (ZipParts.package), for a writer that changes parts in place. */
  readonly package: JSZip;
  /**
   * A reader of the package after a writer changed data sheets and table
   * parts in it, in place: their map is read again (small parts), the
   * shared strings and styles are kept (such a writer adds neither:
   * new text cells are inline strings, package/row-xml.ts).
   */
  afterRowsWritten(): Promise<XlsxTableReader>;
}

/** See XlsxTableReader.readView. */
export interface PackageTableView {
  readonly region: StreamRegion;
  readonly view: TableView;
  /** The columns read (all when undefined); see XlsxTableReader.readView. */
  readonly columns?: readonly string[];
  /** The sheet has hyperlinks or merged cells that change what some cells show. */
  readonly exact: boolean;
}

const unreadable = (name: string, e: unknown) => err([readFailureIssue(name, e)]);

class StreamedTables implements XlsxTableReader {
  constructor(
    readonly name: string,
    private readonly zip: ZipParts,
    private readonly map: PackageMap,
    private readonly ctx: CellContext,
  ) {}

  get date1904(): boolean {
    return this.map.date1904;
  }

  async readTable(table: TableName, columns?: readonly string[], ids = false): Promise<Result<RawTable & { readonly ids?: PackageTableView }>> {
    const region = findStreamRegion(this.map, table);
    if (!region) return err([missingTableIssue(this.name, table)]);
    let read: { collected: CollectedTable; exact: boolean };
    try {
      read = await this.collect(table, region, columns, true);
    } catch (e) {
      return unreadable(this.name, e);
    }
    const { layout, rows, records } = read.collected;
    const sheet = region.sheet.name;
    // Exact mode kept cell arrays (merged values are put in afterwards).
    if (read.exact) {
      const raw = rawTableOf(table, { sheet, layout, rows }, columns);
      return raw.ok && ids ? ok({ ...raw.value, ids: idView(table, { region, view: { sheet, layout, rows }, exact: true, columns }) }) : raw;
    }
    const { issues } = selectColumns(layout, sheet, columns);
    if (issues.length > 0) return err(issues);
    const raw: RawTable = { table, sheet, lang: layout.lang, headers: headerNames(layout), missingColumns: layout.missing, rows: records };
    return ok(ids ? { ...raw, ids: idsOfRecords(table, region, layout, records, columns) } : raw);
  }

  async readView(table: TableName, columns?: readonly string[]): Promise<Result<PackageTableView>> {
    const region = findStreamRegion(this.map, table);
    if (!region) return err([missingTableIssue(this.name, table)]);
    try {
      const { collected, exact } = await this.collect(table, region, columns);
      return ok({ region, view: { sheet: region.sheet.name, layout: collected.layout, rows: collected.rows }, exact, columns: exact ? undefined : columns });
    } catch (e) {
      return unreadable(this.name, e);
    }
  }

  part(path: string): Promise<Uint8Array | undefined> {
    return this.zip.bytes(path);
  }

  partPieces(path: string): AsyncIterable<Uint8Array> | undefined {
    return this.zip.pieces(path);
  }

  get package(): JSZip {
    return this.zip.package;
  }

  async afterRowsWritten(): Promise<XlsxTableReader> {
    return new StreamedTables(this.name, this.zip, await readPackageMap(this.zip), this.ctx);
  }

  isDateStyle(s: number): boolean {
    return this.ctx.dateStyles.has(s);
  }

  /** The table's rows (as records of `columns` when `records`, except in exact mode). */
  private async collect(table: TableName, region: StreamRegion, columns: readonly string[] | undefined, records = false): Promise<{ collected: CollectedTable; exact: boolean }> {
    const first = new TableSink(table, region, this.ctx, undefined, columns, records);
    const scan = await scanSheet(this.zip.chunks(region.sheet.path), this.ctx, first, region.sheet.name);
    const extras = sheetExtras(scan.tail, region.sheet.rels);
    if (!touches(extras)) return { collected: first.finish(scan.lastRow), exact: false };
    // Rare: hyperlinks or merged cells change what some cells show; read the sheet again knowing them.
    const exact = new TableSink(table, region, this.ctx, extras);
    const again = await scanSheet(this.zip.chunks(region.sheet.path), this.ctx, exact, region.sheet.name);
    return { collected: exact.finish(again.lastRow), exact: true };
  }
}

/**
 * The ID column of a table as read (each row's number and its ID, in its
 * position, the rest dropped): what an append plans against, small enough
 * to keep for every table; undefined for a table without IDs, or a read
 * without them.
 */
export function idView(table: TableName, read: PackageTableView): PackageTableView | undefined {
  const id = idColumnOf(table, read.view.layout, read.columns);
  if (!id) return undefined;
  const rows = read.view.rows.map((r) => ({ rowNumber: r.rowNumber, cells: idCells(id.position, r.cells[id.position]) }));
  return { ...read, columns: [id.key], view: { ...read.view, rows } };
}

/** idView of rows read as records (a table read), which hold the ID by its key. */
function idsOfRecords(table: TableName, region: StreamRegion, layout: TableView["layout"], records: readonly RawRow[], columns: readonly string[] | undefined): PackageTableView | undefined {
  const id = idColumnOf(table, layout, columns);
  if (!id) return undefined;
  const rows = records.map((r) => ({ rowNumber: r.rowNumber, cells: idCells(id.position, r.cells[id.key]) }));
  return { region, view: { sheet: region.sheet.name, layout, rows }, exact: false, columns: [id.key] };
}

/** The table's ID column and its position in the sheet, when it has one and the read took it. */
function idColumnOf(table: TableName, layout: TableView["layout"], columns: readonly string[] | undefined): { readonly key: string; readonly position: number } | undefined {
  const key = SCHEMA[table].idColumn;
  const position = key === null ? undefined : layout.positions.get(key);
  return key === null || position === undefined || (columns !== undefined && !columns.includes(key)) ? undefined : { key, position };
}

function idCells(position: number, id: CellValue | undefined): CellValue[] {
  const cells = new Array<CellValue>(position + 1).fill(null);
  cells[position] = id ?? null;
  return cells;
}

function touches(extras: SheetExtras): boolean {
  return extras.hyperlinks.size > 0 || extras.merges.length > 0;
}

export interface StreamOptions {
  /** How DEFLATE data is inflated; the platform's DecompressionStream unless given (node: stream/inflate-node.ts). */
  readonly inflate?: Inflate;
}

/** Opens .xlsx bytes for reading tables; unreadable bytes give an issue naming the file. */
export async function openXlsxTables(bytes: Uint8Array, name: string, options: StreamOptions = {}): Promise<Result<XlsxTableReader>> {
  try {
    const zip = await ZipParts.open(bytes, options.inflate);
    const map = await readPackageMap(zip);
    const shared = await readSharedStrings(zip, map.sharedStringsPath);
    return ok(new StreamedTables(name, zip, map, { sharedStrings: shared.strings, tooLongStrings: shared.tooLong, dateStyles: map.dateStyles, date1904: map.date1904 }));
  } catch (e) {
    return unreadable(name, e);
  }
}
