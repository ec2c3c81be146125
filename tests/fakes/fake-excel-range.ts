/**
 * Ranges of the fake Excel, with their formats and conditional formats.
 * Public members carry Office.js names only (checked in fake-excel-objects.ts).
 */
import { jsonBytes } from "../../workbook/office/payload";
import { FakeClientObject, type FakeQueue } from "./fake-excel-base";
import { addressOf, assertWritable, autoExpand, FakeOfficeError, type ChartRecord, type ConditionalRecord, type Rect, type Stored } from "./fake-excel-state";

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
  }
  /**
   * Where the range is, found the first time a request uses it and fixed from
   * then on, as an Excel range object is: the rows below a table stay those
   * rows even after writing into them made the table grow.
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

/** Cell styles, recorded per cell as "row,col" → properties. */
function styleCells(range: FakeRange, key: string, value: unknown): void {
  range._set(() => {
    const r = range._rect();
    assertWritable(r);
    for (let i = r.row; i < r.row + r.rows; i++)
      for (let j = r.col; j < r.col + r.cols; j++) r.sheet.styles.set(`${i},${j}`, { ...r.sheet.styles.get(`${i},${j}`), [key]: value });
  });
}

export class FakeRangeFormat extends FakeClientObject {
  constructor(
    q: FakeQueue,
    readonly _range: FakeRange,
  ) {
    super(q);
  }
  get font(): FakeRangeFont {
    return new FakeRangeFont(this._q, this._range);
  }
  get fill(): FakeRangeFill {
    return new FakeRangeFill(this._q, this._range);
  }
  get borders(): FakeBorders {
    return new FakeBorders(this._q, this._range);
  }
  set horizontalAlignment(v: string) {
    styleCells(this._range, "horizontalAlignment", v);
  }
  set wrapText(v: boolean) {
    styleCells(this._range, "wrapText", v);
  }
  set columnWidth(points: number) {
    this._set(() => {
      const r = this._range._rect();
      for (let j = r.col; j < r.col + r.cols; j++) r.sheet.columnWidths.set(j, points);
    });
  }
}

export class FakeRangeFont extends FakeClientObject {
  constructor(
    q: FakeQueue,
    readonly _range: FakeRange,
  ) {
    super(q);
  }
  set bold(v: boolean) {
    styleCells(this._range, "bold", v);
  }
  set italic(v: boolean) {
    styleCells(this._range, "italic", v);
  }
  set size(v: number) {
    styleCells(this._range, "size", v);
  }
  set color(v: string) {
    styleCells(this._range, "color", v);
  }
}

export class FakeRangeFill extends FakeClientObject {
  constructor(
    q: FakeQueue,
    readonly _range: FakeRange,
  ) {
    super(q);
  }
  set color(v: string) {
    styleCells(this._range, "fill", v);
  }
}

export class FakeBorders extends FakeClientObject {
  constructor(
    q: FakeQueue,
    readonly _range: FakeRange,
  ) {
    super(q);
  }
  getItem(edge: string): { style: string } {
    const range = this._range;
    return {
      set style(v: string) {
        styleCells(range, `border${edge}`, v);
      },
      get style(): string {
        throw new FakeOfficeError("PropertyNotLoaded");
      },
    };
  }
}

/** Records a conditional format and its settings on its sheet. */
export function recorder(q: FakeQueue, record: ConditionalRecord | ChartRecord, path: string): Record<string, unknown> {
  return new Proxy<Record<string, unknown>>(
    {},
    {
      get: (_t, key) => (typeof key === "string" ? recorder(q, record, `${path}${key}.`) : undefined),
      set: (_t, key, value: unknown) => {
        q._request(jsonBytes(value));
        q._enqueue(() => {
          record.props[`${path}${String(key)}`] = value;
        });
        return true;
      },
    },
  );
}

export class FakeConditionalFormatCollection extends FakeClientObject {
  constructor(
    q: FakeQueue,
    readonly _range: FakeRange,
  ) {
    super(q);
  }
  add(type: string): Record<string, unknown> {
    const record: ConditionalRecord = { type, address: "", props: {} };
    this._set(() => {
      const r = this._range._rect();
      assertWritable(r);
      record.address = addressOf(r);
      r.sheet.conditionalFormats.push(record);
    });
    return recorder(this._q, record, "");
  }
}

