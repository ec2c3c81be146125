/**
 * Ranges of the fake Excel. Public members carry Office.js names only
 * (checked in fake-excel-objects.ts); formats, conditional formats and data
 * validation are in fake-excel-format.ts.
 */
import { jsonBytes } from "../../workbook/office/payload";
import { FakeClientObject, type FakeQueue } from "./fake-excel-base";
import { FakeConditionalFormatCollection, FakeDataValidation, FakeRangeFormat } from "./fake-excel-format";
import { addressOf, assertWritable, autoExpand, FakeOfficeError, SHEET_ROWS, type Rect, type Stored } from "./fake-excel-state";

export { FakeBorders, FakeConditionalFormatCollection, FakeDataValidation, FakeRangeFill, FakeRangeFont, FakeRangeFormat, recorder } from "./fake-excel-format";

/**
 * "A range is limited to 5,000,000 cells for read operations"
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization,
 * "Excel add-ins"); Excel answers RangeExceedsLimit.
 */
export const READ_CELL_LIMIT = 5_000_000;

const grid = <T>(rect: Rect, cell: (r: number, c: number) => T): T[][] =>
  Array.from({ length: rect.rows }, (_, i) => Array.from({ length: rect.cols }, (_, j) => cell(rect.row + i, rect.col + j)));

function checkShape(rect: Rect, input: readonly (readonly unknown[])[]): void {
  if (input.length !== rect.rows || input.some((r) => r.length !== rect.cols))
    throw new FakeOfficeError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${addressOf(rect)}).`);
}

export class FakeRange extends FakeClientObject {
  private _where: Rect | null | undefined;
  constructor(
    q: FakeQueue,
    private readonly _find: () => Rect | null,
  ) {
    super(q);
    // Excel resolves a range where its call stands in the batch, and the
    // range keeps that address from then on, whatever moves later.
    q._enqueue(() => void this._resolve());
  }
  /**
   * Where the range is, found when the call that made it runs (in its sync,
   * in queue order) and fixed from then on, as an Excel range object is: the
   * rows below a table stay those rows even after writing into them made the
   * table grow, or after another user inserted, deleted or sorted rows.
   */
  _resolve(): Rect | null {
    if (this._where === undefined) this._where = this._find();
    return this._where;
  }
  _rect(): Rect {
    const r = this._resolve();
    // A range on a sheet someone deleted is gone too.
    if (!r || !this._q._state.sheets.includes(r.sheet)) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    if (r.rows < 1 || r.cols < 1 || r.row < 0 || r.col < 0) throw new FakeOfficeError("InvalidArgument", "The range is outside the sheet.");
    return r;
  }
  override _isNull(): boolean {
    return this._resolve() === null;
  }
  override _snapshot(prop: string): unknown {
    const r = this._rect();
    if ((prop === "values" || prop === "numberFormat" || prop === "formulas") && r.rows * r.cols > READ_CELL_LIMIT)
      throw new FakeOfficeError("RangeExceedsLimit", "The cell count in the range has exceeded the maximum supported number.");
    switch (prop) {
      case "values":
        return grid(r, (i, j) => r.sheet.value(i, j) ?? "");
      case "numberFormat":
        return grid(r, (i, j) => r.sheet.format(i, j));
      case "formulas":
        return grid(r, (i, j) => r.sheet.formula(i, j) ?? r.sheet.value(i, j) ?? "");
      case "rowIndex":
        return r.row;
      case "columnIndex":
        return r.col;
      case "rowCount":
        return r.rows;
      case "columnCount":
        return r.cols;
      case "address":
        return addressOf(r);
    }
    return super._snapshot(prop);
  }
  get values(): unknown[][] {
    return this._read("values");
  }
  set values(input: unknown[][]) {
    this._set(() => {
      const r = this._rect();
      checkShape(r, input);
      assertWritable(r);
      input.forEach((row, i) =>
        row.forEach((v, j) => {
          // null leaves a cell as it is, as in Office.js.
          if (v !== null && v !== undefined) r.sheet.write(r.row + i, r.col + j, v as Stored);
        }),
      );
      autoExpand(this._q._state, r);
    }, jsonBytes(input));
  }
  get numberFormat(): unknown[][] {
    return this._read("numberFormat");
  }
  set numberFormat(input: unknown[][]) {
    this._set(() => {
      const r = this._rect();
      checkShape(r, input);
      assertWritable(r);
      input.forEach((row, i) => row.forEach((f, j) => typeof f === "string" && r.sheet.setFormat(r.row + i, r.col + j, f)));
    }, jsonBytes(input));
  }
  get rowIndex(): number {
    return this._read("rowIndex");
  }
  get columnIndex(): number {
    return this._read("columnIndex");
  }
  get rowCount(): number {
    return this._read("rowCount");
  }
  get columnCount(): number {
    return this._read("columnCount");
  }
  get address(): string {
    return this._read("address");
  }
  private _derive(f: (b: Rect) => Omit<Rect, "sheet">): FakeRange {
    return new FakeRange(this._q, () => {
      const b = this._rect();
      return { sheet: b.sheet, ...f(b) };
    });
  }
  getCell(row: number, column: number): FakeRange {
    return this._derive((b) => ({ row: b.row + row, col: b.col + column, rows: 1, cols: 1 }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this._derive((b) => ({ row: b.row, col: b.col, rows: b.rows + deltaRows, cols: b.cols + deltaColumns }));
  }
  getRowsBelow(count = 1): FakeRange {
    return this._derive((b) => ({ row: b.row + b.rows, col: b.col, rows: count, cols: b.cols }));
  }
  getLastRow(): FakeRange {
    return this._derive((b) => ({ row: b.row + b.rows - 1, col: b.col, rows: 1, cols: b.cols }));
  }
  getRow(row: number): FakeRange {
    return this._derive((b) => ({ row: b.row + row, col: b.col, rows: 1, cols: b.cols }));
  }
  getEntireColumn(): FakeRange {
    return this._derive((b) => ({ row: 0, col: b.col, rows: SHEET_ROWS, cols: b.cols }));
  }
  /** Range.clear: "Contents" empties the cells, "Formats" resets their number formats, "All" both. */
  clear(applyTo: "All" | "Formats" | "Contents" = "All"): void {
    this._set(() => {
      const r = this._rect();
      assertWritable(r);
      for (let i = r.row; i < r.row + r.rows; i++)
        for (let j = r.col; j < r.col + r.cols; j++) {
          if (applyTo !== "Formats") r.sheet.setRaw(i, j, null);
          if (applyTo !== "Contents") r.sheet.setFormat(i, j, "General");
        }
    });
  }
  getColumn(column: number): FakeRange {
    return this._derive((b) => ({ row: b.row, col: b.col + column, rows: b.rows, cols: 1 }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this._derive((b) => ({ row: b.row + rowOffset, col: b.col + columnOffset, rows: b.rows, cols: b.cols }));
  }
  getBoundingRect(other: FakeRange): FakeRange {
    return this._derive((b) => {
      const o = other._rect();
      const row = Math.min(b.row, o.row);
      const col = Math.min(b.col, o.col);
      return { row, col, rows: Math.max(b.row + b.rows, o.row + o.rows) - row, cols: Math.max(b.col + b.cols, o.col + o.cols) - col };
    });
  }
  /** The overlap of two ranges; none throws ItemNotFound (getIntersectionOrNullObject answers a null object instead). */
  getIntersection(other: FakeRange): FakeRange {
    return this._derive((b) => {
      const o = other._rect();
      const row = Math.max(b.row, o.row);
      const col = Math.max(b.col, o.col);
      const rows = Math.min(b.row + b.rows, o.row + o.rows) - row;
      const cols = Math.min(b.col + b.cols, o.col + o.cols) - col;
      if (rows < 1 || cols < 1 || o.sheet !== b.sheet) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
      return { row, col, rows, cols };
    });
  }
  /** The used part of the range; a range with nothing in it throws ItemNotFound (Range.getUsedRange). */
  getUsedRange(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this._q, () => {
      const b = this._rect();
      const used = b.sheet.usedWithin(b.row, b.col, b.rows, b.cols);
      if (!used) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
      return { sheet: b.sheet, ...used };
    });
  }
  /** The first cell, by rows, whose text is `text` (Range.find, ExcelApi 1.9); none throws ItemNotFound. */
  find(text: string, criteria: { completeMatch?: boolean; matchCase?: boolean }): FakeRange {
    return new FakeRange(this._q, () => {
      const found = this._search(text, criteria);
      if (!found) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
      return found;
    });
  }
  findOrNullObject(text: string, criteria: { completeMatch?: boolean; matchCase?: boolean }): FakeRange {
    return new FakeRange(this._q, () => this._search(text, criteria));
  }
  private _search(text: string, criteria: { completeMatch?: boolean; matchCase?: boolean }): Rect | null {
    const b = this._rect();
    const fold = (s: string) => (criteria.matchCase ? s : s.toLowerCase());
    const wanted = fold(text);
    for (let i = b.row; i < b.row + b.rows; i++)
      for (let j = b.col; j < b.col + b.cols; j++) {
        const v = b.sheet.value(i, j);
        if (v === null) continue;
        const cell = fold(String(v));
        if (criteria.completeMatch ? cell === wanted : cell.includes(wanted)) return { sheet: b.sheet, row: i, col: j, rows: 1, cols: 1 };
      }
    return null;
  }
  get dataValidation(): FakeDataValidation {
    return new FakeDataValidation(this._q, this);
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this._q, () => {
      const b = this._rect();
      const used = b.sheet.usedWithin(b.row, b.col, b.rows, b.cols);
      return used ? { sheet: b.sheet, ...used } : null;
    });
  }
  merge(_across?: boolean): void {
    this._set(() => {
      const r = this._rect();
      assertWritable(r);
      r.sheet.merges.push(addressOf(r));
    });
  }
  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this._q, this);
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return new FakeConditionalFormatCollection(this._q, this);
  }
}

