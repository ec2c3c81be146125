/**
 * Worksheets and tables of the fake Excel. Public members of every proxy
 * carry Office.js names only, checked at the bottom against @types/office-js.
 */
import { FakeClientObject, FakeClientResult, type FakeQueue } from "./fake-excel-base";
import { assertTableName } from "./fake-excel-names";
import { FakeBorders, FakeConditionalFormatCollection, FakeDataValidation, FakeRange, FakeRangeFill, FakeRangeFont, FakeRangeFormat, recorder } from "./fake-excel-range";
import { addressOf, assertWritable, FakeOfficeError, growTable, SheetState, TableState, type ChartRecord, type Rect, type Stored } from "./fake-excel-state";
import { FakeHeaderFooter, FakeHeaderFooterGroup, FakePageLayout } from "./fake-excel-page-layout";

export { FakeClientObject, FakeClientResult, FakeRange, type FakeQueue };

export class FakeWorksheet extends FakeClientObject {
  constructor(
    q: FakeQueue,
    readonly _resolve: () => SheetState | null,
  ) {
    super(q);
  }
  _sheet(): SheetState {
    const s = this._resolve();
    if (!s) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return s;
  }
  override _isNull(): boolean {
    return this._resolve() === null;
  }
  override _snapshot(prop: string): unknown {
    if (prop === "name") return this._sheet().name;
    return super._snapshot(prop);
  }
  get name(): string {
    return this._read("name");
  }
  get protection(): FakeClientObject {
    const protection = new FakeClientObject(this._q);
    protection._snapshot = (prop) => (prop === "protected" ? this._sheet().protected_ : FakeClientObject.prototype._snapshot.call(protection, prop));
    Object.defineProperty(protection, "protected", { get: () => protection._read("protected") });
    return protection;
  }
  get tables(): FakeClientObject & { readonly items: readonly { readonly name: string }[] } {
    const tables = new FakeClientObject(this._q);
    tables._snapshot = (prop) =>
      prop === "items" ? this._q._state.tables.filter((t) => t.sheet === this._sheet()).map((t) => ({ name: t.name })) : FakeClientObject.prototype._snapshot.call(tables, prop);
    return Object.defineProperty(tables, "items", { get: () => tables._read("items") }) as FakeClientObject & { readonly items: readonly { readonly name: string }[] };
  }
  delete(): void {
    this._set(() => {
      const s = this._sheet();
      const state = this._q._state;
      state.sheets.splice(state.sheets.indexOf(s), 1);
      for (let i = state.tables.length - 1; i >= 0; i--) if (state.tables[i].sheet === s) state.tables.splice(i, 1);
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this._q, () => ({ sheet: this._sheet(), row: startRow, col: startColumn, rows: rowCount, cols: columnCount }));
  }
  getUsedRange(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this._q, () => {
      const s = this._sheet();
      const { rows, cols } = s.extent();
      // A blank sheet's used range is A1.
      return { sheet: s, row: 0, col: 0, rows: Math.max(rows, 1), cols: Math.max(cols, 1), ...(s.usedWithin(0, 0, Math.max(rows, 1), Math.max(cols, 1)) ?? {}) };
    });
  }
  get freezePanes(): { freezeRows(count?: number): void } {
    return { freezeRows: (count = 1) => this._set(() => void (this._sheet().frozenRows = count)) };
  }
  get horizontalPageBreaks(): { add(pageBreakRange: string): void } {
    return { add: (at) => this._set(() => void this._sheet().pageBreaks.push(at)) };
  }
  get pageLayout(): FakePageLayout {
    return new FakePageLayout(this._q, () => this._sheet());
  }
  get charts(): { add(type: string, source: FakeRange, seriesBy?: string): Record<string, unknown> } {
    return {
      add: (type, source, seriesBy) => {
        const record: ChartRecord = { type, source: "", props: { seriesBy } };
        this._set(() => {
          const s = this._sheet();
          record.source = addressOf(source._rect());
          s.charts.push(record);
        });
        const chart = recorder(this._q, record, "");
        const withPosition = Object.create(chart) as Record<string, unknown>;
        // Defined, not assigned: assigning would go through the recorder's set trap.
        Object.defineProperty(withPosition, "setPosition", {
          value: (start: FakeRange, end?: FakeRange) =>
            this._set(() => {
              record.props.position = `${addressOf(start._rect())}${end ? `:${addressOf(end._rect())}` : ""}`;
            }),
        });
        return withPosition;
      },
    };
  }
}

export class FakeTable extends FakeClientObject {
  constructor(
    q: FakeQueue,
    readonly _resolve: () => TableState | null,
  ) {
    super(q);
  }
  _table(): TableState {
    const t = this._resolve();
    if (!t) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return t;
  }
  override _isNull(): boolean {
    return this._resolve() === null;
  }
  override _snapshot(prop: string): unknown {
    const t = this._table();
    if (prop === "name") return t.name;
    if (prop === "showTotals") return t.showTotals;
    return super._snapshot(prop);
  }
  get name(): string {
    return this._read("name");
  }
  set name(v: string) {
    this._set(() => {
      const t = this._table();
      assertTableName(v);
      const other = this._q._state.table(v);
      if (other && other !== t) throw new FakeOfficeError("ItemAlreadyExists", `A table named ${v} already exists.`);
      t.name = v;
    });
  }
  get showTotals(): boolean {
    return this._read("showTotals");
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this._q, () => this._table().sheet);
  }
  private _range(f: (t: TableState) => Omit<Rect, "sheet">): FakeRange {
    return new FakeRange(this._q, () => {
      const t = this._table();
      return { sheet: t.sheet, ...f(t) };
    });
  }
  getHeaderRowRange(): FakeRange {
    return this._range((t) => ({ row: t.headerRow, col: t.col, rows: 1, cols: t.cols }));
  }
  getDataBodyRange(): FakeRange {
    return this._range((t) => ({ row: t.headerRow + 1, col: t.col, rows: t.rows, cols: t.cols }));
  }
  getRange(): FakeRange {
    return this._range((t) => ({ row: t.headerRow, col: t.col, rows: t.rows + 1, cols: t.cols }));
  }
  get columns(): { add(index?: number, values?: unknown, name?: string): void } {
    return {
      add: (_index, _values, name) =>
        this._set(() => {
          const t = this._table();
          assertWritable({ sheet: t.sheet, row: t.headerRow, col: t.col, rows: 1, cols: t.cols + 1 });
          t.sheet.setRaw(t.headerRow, t.col + t.cols, name ?? `Column${t.cols + 1}`);
          t.cols++;
        }),
    };
  }
  /** Present so tests can prove the adapter never inserts rows (co-authoring guidance). */
  get rows(): { add(index?: number, values?: unknown[][]): void } {
    return {
      add: (_index, values) => {
        this._q._count("rowsAdd");
        this._set(() => {
          const t = this._table();
          (values ?? [[]]).forEach((row, i) => row.forEach((v, j) => t.sheet.write(t.headerRow + t.rows + 1 + i, t.col + j, v as Stored)));
          t.rows += (values ?? [[]]).length;
        });
      },
    };
  }
  resize(range: FakeRange): void {
    this._set(() => {
      const t = this._table();
      const r = range._rect();
      if (r.sheet !== t.sheet || r.row !== t.headerRow || r.col !== t.col) throw new FakeOfficeError("InvalidArgument", "The table's header row must stay where it is.");
      t.cols = r.cols;
      growTable(t, Math.max(1, r.rows - 1));
    });
  }
}

// Every public member of a proxy is an Office.js member of the class it stands for.
type Extra<F, E> = Exclude<keyof F, keyof E | `_${string}`>;
type AssertNone<T extends never> = T;
export type FakeMembersAreReal = [
  AssertNone<Extra<FakeRange, Excel.Range>>,
  AssertNone<Extra<FakeRangeFormat, Excel.RangeFormat>>,
  AssertNone<Extra<FakeRangeFont, Excel.RangeFont>>,
  AssertNone<Extra<FakeRangeFill, Excel.RangeFill>>,
  AssertNone<Extra<FakeBorders, Excel.RangeBorderCollection>>,
  AssertNone<Extra<FakeConditionalFormatCollection, Excel.ConditionalFormatCollection>>,
  AssertNone<Extra<FakeDataValidation, Excel.DataValidation>>,
  AssertNone<Extra<FakeWorksheet, Excel.Worksheet>>,
  AssertNone<Extra<FakePageLayout, Excel.PageLayout>>,
  AssertNone<Extra<FakeHeaderFooterGroup, Excel.HeaderFooterGroup>>,
  AssertNone<Extra<FakeHeaderFooter, Excel.HeaderFooter>>,
  AssertNone<Extra<FakeTable, Excel.Table>>,
  AssertNone<Extra<FakeClientResult<number>, Excel.FunctionResult<number>>>,
];
