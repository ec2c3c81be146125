/**
 * The contract tables of .xlsx bytes, read as a stream: the same RawTable
 * (and the same issues) as XlsxWorkbook.readTable, without exceljs's model
 * of every cell. Only the sheet holding the asked table is inflated, in
 * chunks, and only its region's cells become values; the shared strings are
 * the one part held whole. Browser-safe: node's zlib comes in through
 * `options.inflate` (workbook/xlsx/stream-reader.ts).
 */
import { err, ok, type Result } from "../../../core/issues";
import type { RawTable } from "../../../core/raw";
import type { TableName } from "../../../core/schema";
import { missingTableIssue, unreadableIssue } from "../file-issues";
import { rawTableOf } from "../../write-plan";
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
  readTable(table: TableName, columns?: readonly string[]): Promise<Result<RawTable>>;
}

const unreadable = (name: string, e: unknown) => err([unreadableIssue(name, e)]);

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

  async readTable(table: TableName, columns?: readonly string[]): Promise<Result<RawTable>> {
    const region = findStreamRegion(this.map, table);
    if (!region) return err([missingTableIssue(this.name, table)]);
    let collected: CollectedTable;
    try {
      collected = await this.collect(table, region);
    } catch (e) {
      return unreadable(this.name, e);
    }
    return rawTableOf(table, { sheet: region.sheet.name, layout: collected.layout, rows: collected.rows }, columns);
  }

  private async collect(table: TableName, region: StreamRegion): Promise<CollectedTable> {
    const first = new TableSink(table, region, this.ctx);
    const scan = await scanSheet(this.zip.chunks(region.sheet.path), this.ctx, first);
    const extras = sheetExtras(scan.tail, region.sheet.rels);
    if (!touches(extras)) return first.finish(scan.lastRow);
    // Rare: hyperlinks or merged cells change what some cells show; read the sheet again knowing them.
    const exact = new TableSink(table, region, this.ctx, extras);
    const again = await scanSheet(this.zip.chunks(region.sheet.path), this.ctx, exact);
    return exact.finish(again.lastRow);
  }
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
    const sharedStrings = await readSharedStrings(zip, map.sharedStringsPath);
    return ok(new StreamedTables(name, zip, map, { sharedStrings, dateStyles: map.dateStyles, date1904: map.date1904 }));
  } catch (e) {
    return unreadable(name, e);
  }
}
