/**
 * What the fake Excel's ranges carry besides values: formats, conditional
 * formats and data validation (split from fake-excel-range.ts). Public
 * members carry Office.js names only (checked in fake-excel-objects.ts).
 */
import { jsonBytes } from "../../workbook/office/payload";
import { FakeClientObject, type FakeQueue } from "./fake-excel-base";
import type { FakeRange } from "./fake-excel-range";
import { addressOf, assertWritable, FakeOfficeError, type Box, type ChartRecord, type ConditionalRecord, type Rect } from "./fake-excel-state";

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
  set verticalAlignment(v: string) {
    styleCells(this._range, "verticalAlignment", v);
  }
  set rowHeight(points: number) {
    this._set(() => {
      const r = this._range._rect();
      for (let i = r.row; i < r.row + r.rows; i++) r.sheet.rowHeights.set(i, points);
    });
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

/** The boxes left of `boxes` once `cut` is taken out of them. */
export function subtract(boxes: readonly Box[], cut: Box): Box[] {
  const out: Box[] = [];
  for (const b of boxes) {
    const top = Math.max(b.row, cut.row);
    const bottom = Math.min(b.row + b.rows, cut.row + cut.rows);
    const left = Math.max(b.col, cut.col);
    const right = Math.min(b.col + b.cols, cut.col + cut.cols);
    if (top >= bottom || left >= right) {
      out.push({ ...b });
      continue;
    }
    if (b.row < top) out.push({ row: b.row, col: b.col, rows: top - b.row, cols: b.cols });
    if (bottom < b.row + b.rows) out.push({ row: bottom, col: b.col, rows: b.row + b.rows - bottom, cols: b.cols });
    if (b.col < left) out.push({ row: top, col: b.col, rows: bottom - top, cols: left - b.col });
    if (right < b.col + b.cols) out.push({ row: top, col: right, rows: bottom - top, cols: b.col + b.cols - right });
  }
  return out;
}

const boxOf = (r: Rect): Box => ({ row: r.row, col: r.col, rows: r.rows, cols: r.cols });
const meets = (b: Box, r: Rect): boolean => b.row < r.row + r.rows && b.row + b.rows > r.row && b.col < r.col + r.cols && b.col + b.cols > r.col;

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
      r.sheet.conditionalAreas.push({ record, boxes: [boxOf(r)] });
    });
    return recorder(this._q, record, "");
  }
  /** Takes every conditional format off this range's cells (the rest of each format's area keeps it). */
  clearAll(): void {
    this._set(() => {
      const r = this._range._rect();
      assertWritable(r);
      for (const area of r.sheet.conditionalAreas) area.boxes.splice(0, area.boxes.length, ...subtract(area.boxes, r));
    });
  }
  getCount(): { readonly value: number } {
    const count = new FakeClientObject(this._q);
    count._snapshot = (prop) => {
      const r = this._range._rect();
      return prop === "value" ? r.sheet.conditionalAreas.filter((a) => a.boxes.some((b) => meets(b, r))).length : FakeClientObject.prototype._snapshot.call(count, prop);
    };
    count.load("value");
    return Object.defineProperty(count, "value", { get: () => count._read("value") }) as FakeClientObject & { readonly value: number };
  }
}

/** Range.dataValidation (ExcelApi 1.8): the rule on a range's cells, cleared or set. */
export class FakeDataValidation extends FakeClientObject {
  constructor(
    q: FakeQueue,
    readonly _range: FakeRange,
  ) {
    super(q);
  }
  override _snapshot(prop: string): unknown {
    if (prop !== "type") return super._snapshot(prop);
    const r = this._range._rect();
    const rules = r.sheet.validations.filter((v) => v.boxes.some((b) => meets(b, r)));
    if (rules.length === 0) return "None";
    // "Inconsistent" when the cells do not all share one rule (Excel.DataValidationType).
    const uncovered = rules[0].boxes.reduce((left, b) => subtract(left, b), [boxOf(r)]);
    return rules.length === 1 && uncovered.length === 0 ? String((rules[0].rule as { type?: string }).type ?? "Custom") : "Inconsistent";
  }
  get type(): string {
    return this._read("type");
  }
  set rule(rule: unknown) {
    this._set(() => {
      const r = this._range._rect();
      assertWritable(r);
      for (const v of r.sheet.validations) v.boxes.splice(0, v.boxes.length, ...subtract(v.boxes, r));
      r.sheet.validations.push({ rule, boxes: [boxOf(r)] });
    }, jsonBytes(rule));
  }
  clear(): void {
    this._set(() => {
      const r = this._range._rect();
      assertWritable(r);
      for (const v of r.sheet.validations) v.boxes.splice(0, v.boxes.length, ...subtract(v.boxes, r));
    });
  }
}

/** Seeds a validation rule (or a conditional format) over `rect`, as a template or a user put it there. */
export function seedValidation(rect: Rect, rule: { readonly type: string }): void {
  rect.sheet.validations.push({ rule, boxes: [boxOf(rect)] });
}
export function seedConditional(rect: Rect, type: string): void {
  const record: ConditionalRecord = { type, address: addressOf(rect), props: {} };
  rect.sheet.conditionalFormats.push(record);
  rect.sheet.conditionalAreas.push({ record, boxes: [boxOf(rect)] });
}
