/**
 * Collects one contract table's header and rows from a sheet scan: the
 * header row fixes the columns (and, on a plain sheet, how far they reach),
 * body rows that hold anything are kept as plain cell arrays.
 */
import type { CellValue, RawRow } from "../../../core/contract/raw";
import type { TableName } from "../../../core/contract/schema";
import { cellsOf, isBlankRow, locateHeaders, selectColumns, type HeaderLayout } from "../../locate";
import { dateColumnPositions } from "../file-issues";
import { columnLetter } from "../exceljs/sheet-region";
import type { CellContext, RawCell } from "./cell-value";
import { cellValue } from "./cell-value";
import type { StreamRegion } from "./region";
import type { MergedRange, SheetExtras } from "./sheet-extras";
import type { RowSink } from "./sheet-scan";

export interface CollectedTable {
  readonly layout: HeaderLayout;
  readonly rows: { readonly rowNumber: number; readonly cells: CellValue[] }[];
  /** The rows as records of the asked columns, when the sink made them (TableSink's `records`); `rows` is then empty. */
  readonly records: RawRow[];
}

interface Master {
  readonly cell: RawCell;
  readonly link: string | undefined;
}

export class TableSink implements RowSink {
  private readonly firstCol: number;
  private lastCol: number | undefined;
  private header: CellValue[] | undefined;
  private layout: HeaderLayout | undefined;
  private dateSlots: boolean[] = [];
  private readingHeader = false;
  /** Exact mode (hyperlinks or merges present): every row in reach is kept, blank or not, until merges are applied. */
  private readonly all = new Map<number, CellValue[]>();
  private readonly masters = new Map<string, Master>();
  /** Row → columns of the merged ranges' top-left cells. */
  private readonly masterCols = new Map<number, Set<number>>();
  readonly rows: { rowNumber: number; cells: CellValue[] }[] = [];
  private lastNumber = 0;
  /** A row came after a higher-numbered one (writers keep rows in order; exceljs files them by number). */
  private disordered = false;
  readonly hyperlinks?: ReadonlyMap<string, string>;
  /** Sees the cells of merged ranges' top-left corners (exact mode). */
  readonly cell?: (rowNumber: number, col: number, c: RawCell) => void;
  /** Per slot, whether its cells become values (the projection; every slot when undefined). */
  private readSlots: boolean[] | undefined;

  constructor(
    private readonly table: TableName,
    private readonly region: StreamRegion,
    private readonly ctx: CellContext,
    private readonly extras?: SheetExtras,
    /** The column keys read (every column when undefined); exact mode reads every column. */
    private readonly columns?: readonly string[],
    /**
     * Keep the rows as records of those columns (RawRow, what a table read
     * returns) rather than cell arrays: the scan then fills one array again
     * and again, and a row costs one record instead of an array and a
     * record (500,000 follow-ups: 500,000 arrays less for the GC to move).
     */
    records = false,
  ) {
    this.firstCol = region.firstCol;
    this.lastCol = region.lastCol;
    if (extras && extras.hyperlinks.size > 0) this.hyperlinks = extras.hyperlinks;
    for (const m of extras?.merges ?? []) {
      const cols = this.masterCols.get(m.top) ?? new Set<number>();
      cols.add(m.left);
      this.masterCols.set(m.top, cols);
    }
    if (this.masterCols.size > 0) this.cell = (rowNumber, col, c) => this.keepMaster(rowNumber, col, c);
    this.asRecords = records && !extras;
  }

  private readonly asRecords: boolean;
  /** The array each body row is scanned into, in records mode. */
  private scratch: CellValue[] | undefined;
  private toRecord: ((row: readonly CellValue[]) => Record<string, CellValue>) | undefined;
  readonly records: RawRow[] = [];

  private get width(): number {
    return (this.lastCol ?? this.firstCol) - this.firstCol + 1;
  }

  private nulls(n: number): CellValue[] {
    return new Array<CellValue>(n).fill(null);
  }

  row(rowNumber: number): CellValue[] | undefined {
    const { headerRow, bottom } = this.region;
    this.readingHeader = rowNumber === headerRow;
    if (this.readingHeader) return this.lastCol === undefined ? [] : this.nulls(this.width);
    if (rowNumber < headerRow || (bottom !== undefined && rowNumber > bottom)) return this.masterCols.has(rowNumber) ? this.nulls(0) : undefined;
    this.finishHeader();
    if (this.scratch) return this.scratch.fill(null);
    return this.nulls(this.width);
  }

  slotOf(col: number): number {
    if (this.readingHeader && this.lastCol === undefined) return col - 1;
    return col >= this.firstCol && col <= (this.lastCol ?? 0) ? col - this.firstCol : -1;
  }

  date1904At(slot: number): boolean {
    return !this.readingHeader && this.dateSlots[slot] === true;
  }

  /**
   * Whether the slot's cells become values: the header row's all do, a body
   * row's those of the asked columns. The scan passes over the others'
   * content (a review reads 6 of FollowUps' 12 columns, and none of its
   * long texts), judging only whether they hold anything.
   */
  reads(slot: number): boolean {
    return this.readingHeader || this.readSlots === undefined || this.readSlots[slot] === true;
  }

  private keepMaster(rowNumber: number, col: number, c: RawCell): void {
    if (!this.masterCols.get(rowNumber)?.has(col)) return;
    this.masters.set(`${rowNumber}:${col}`, { cell: { ...c }, link: this.hyperlinks?.get(addressOf(rowNumber, col)) });
  }

  done(rowNumber: number, cells: CellValue[]): void {
    if (rowNumber === this.region.headerRow) {
      this.header = cells;
      return;
    }
    if (cells.length === 0) return;
    if (rowNumber <= this.lastNumber) this.disordered = true;
    this.lastNumber = rowNumber;
    if (this.extras) this.all.set(rowNumber, cells);
    else if (isBlankRow(cells)) return;
    else if (this.toRecord) this.records.push({ rowNumber, cells: this.toRecord(cells) });
    else this.rows.push({ rowNumber, cells });
  }

  /** Fixes the columns from the header row (called once the header row is passed, or at the end). */
  private finishHeader(): void {
    if (this.layout) return;
    let header = this.header ?? [];
    if (this.extras) header = this.merged(this.region.headerRow, header, true);
    if (this.lastCol === undefined) {
      // A plain sheet reaches to the last header cell that holds anything (read-cell's null, so "" counts).
      let last = 0;
      header.forEach((v, i) => {
        if (v !== null && v !== undefined) last = i + 1;
      });
      this.lastCol = Math.max(1, last);
      header = header.slice(0, this.lastCol);
    }
    const texts: string[] = [];
    for (let i = 0; i < this.width; i++) {
      const v = header[i] ?? null;
      const fallback = this.region.excelTable?.columnNames[i] ?? "";
      texts.push(v === null ? fallback.trim() : String(v).trim());
    }
    this.layout = locateHeaders(this.table, texts, this.region.sheet.name);
    this.dateSlots = this.nulls(this.width).map(() => false);
    if (this.ctx.date1904) for (const i of dateColumnPositions(this.table, this.layout)) this.dateSlots[i] = true;
    if (this.asRecords) {
      this.scratch = this.nulls(this.width);
      this.toRecord = cellsOf(this.layout, selectColumns(this.layout, this.region.sheet.name, this.columns).keys);
    }
    if (this.columns && !this.extras) {
      this.readSlots = this.nulls(this.width).map(() => false);
      for (const key of this.columns) {
        const at = this.layout.positions.get(key);
        if (at !== undefined) this.readSlots[at] = true;
      }
    }
  }

  /** A row with the merged ranges' values put in (exact mode). */
  private merged(rowNumber: number, cells: CellValue[], header: boolean): CellValue[] {
    const out = cells.slice();
    for (const m of this.extras!.merges) {
      if (rowNumber < m.top || rowNumber > m.bottom) continue;
      for (let c = m.left; c <= m.right; c++) {
        if (rowNumber === m.top && c === m.left) continue;
        const slot = this.lastCol === undefined ? c - 1 : c - this.firstCol;
        if (slot < 0 || (this.lastCol !== undefined && c > this.lastCol)) continue;
        out[slot] = this.masterValue(m, header ? false : this.dateSlots[slot] === true);
      }
    }
    for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = null;
    return out;
  }

  private masterValue(m: MergedRange, asDate1904: boolean): CellValue {
    const master = this.masters.get(`${m.top}:${m.left}`);
    return master ? cellValue(master.cell, this.ctx, asDate1904, master.link) : null;
  }

  /** The table once the scan is over: `lastRow` is the sheet's last row number. */
  finish(lastRow: number): CollectedTable {
    this.finishHeader();
    if (this.extras) {
      // exceljs creates the rows a merged range covers, so they count towards the sheet's last row.
      const reach = Math.max(lastRow, ...this.extras.merges.map((m) => m.bottom));
      const bottom = this.region.bottom ?? reach;
      const numbers = new Set(this.all.keys());
      for (const m of this.extras.merges) for (let r = Math.max(m.top, this.region.headerRow + 1); r <= Math.min(m.bottom, bottom); r++) numbers.add(r);
      for (const r of [...numbers].sort((a, b) => a - b)) {
        if (r <= this.region.headerRow || r > bottom) continue;
        const cells = this.merged(r, this.all.get(r) ?? this.nulls(this.width), false);
        if (!isBlankRow(cells)) this.rows.push({ rowNumber: r, cells });
      }
    }
    return { layout: this.layout!, rows: this.disordered ? inOrder(this.rows) : this.rows, records: this.disordered ? inOrder(this.records) : this.records };
  }
}

/** Rows by number, the later of two with the same number winning (as exceljs's load). */
function inOrder<R extends { readonly rowNumber: number }>(rows: readonly R[]): R[] {
  const byNumber = new Map<number, R>();
  for (const r of rows) byNumber.set(r.rowNumber, r);
  return [...byNumber.values()].sort((a, b) => a.rowNumber - b.rowNumber);
}

const addressOf = (row: number, col: number): string => `${columnLetter(col)}${row}`;
