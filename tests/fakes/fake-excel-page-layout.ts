/**
 * Worksheet.pageLayout of the fake Excel, as strict as Microsoft's reference
 * (https://learn.microsoft.com/javascript/api/excel/excel.pagelayout): an
 * orientation or paper size that is not one of Excel.PageOrientation's or
 * Excel.PaperType's values, a zoom that is not a PageLayoutZoomOptions
 * object as documented (scale "between 10 and 400", or a "number of pages"
 * to fit: a whole number of at least one, the two not mixed), print titles
 * that are not whole rows or columns ("The range must span the entire row to
 * be valid"), or a print area that is not an address: InvalidArgument at
 * sync, as Excel answers. What was set is recorded in SheetState.pageLayout.
 */
import { jsonBytes } from "../../workbook/office/payload";
import { FakeClientObject, type FakeQueue } from "./fake-excel-base";
import { FakeOfficeError, type SheetState } from "./fake-excel-state";

/** Excel.PageOrientation's values (checked against @types/office-js in tests/workbook/office/page-layout.test.ts). */
export const PAGE_ORIENTATIONS: readonly `${Excel.PageOrientation}`[] = ["Portrait", "Landscape"];
/** Excel.PaperType's values. */
export const PAPER_TYPES: readonly `${Excel.PaperType}`[] = [
  "Letter", "LetterSmall", "Tabloid", "Ledger", "Legal", "Statement", "Executive", "A3", "A4", "A4Small", "A5", "B4", "B5",
  "Folio", "Quatro", "Paper10x14", "Paper11x17", "Note", "Envelope9", "Envelope10", "Envelope11", "Envelope12", "Envelope14",
  "Csheet", "Dsheet", "Esheet", "EnvelopeDL", "EnvelopeC5", "EnvelopeC3", "EnvelopeC4", "EnvelopeC6", "EnvelopeC65",
  "EnvelopeB4", "EnvelopeB5", "EnvelopeB6", "EnvelopeItaly", "EnvelopeMonarch", "EnvelopePersonal", "FanfoldUS",
  "FanfoldStdGerman", "FanfoldLegalGerman",
];

const invalid = (what: string): FakeOfficeError => new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (${what})`);

const WHOLE_ROWS = /^\$?(\d+):\$?(\d+)$/;
const WHOLE_COLUMNS = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/;
const ADDRESS = /^\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?$/;

function checkZoom(zoom: unknown): void {
  if (typeof zoom !== "object" || zoom === null || Array.isArray(zoom)) throw invalid("zoom must be set as a whole PageLayoutZoomOptions object");
  const entries = Object.entries(zoom as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined);
  if (entries.length === 0) throw invalid("zoom names no scale and no pages");
  for (const [key, v] of entries) {
    if (key === "scale") {
      if (typeof v !== "number" || !Number.isFinite(v) || v < 10 || v > 400) throw invalid(`scale ${String(v)} is not between 10 and 400`);
    } else if (key === "horizontalFitToPages" || key === "verticalFitToPages") {
      if (typeof v !== "number" || !Number.isInteger(v) || v < 1) throw invalid(`${key} ${String(v)} is not a number of pages`);
    } else throw invalid(`zoom has no ${key}`);
  }
  const keys = entries.map(([k]) => k);
  if (keys.includes("scale") && keys.length > 1) throw invalid("zoom mixes a scale with pages to fit");
}

export class FakeHeaderFooter extends FakeClientObject {
  constructor(
    q: FakeQueue,
    readonly _record: (key: string, value: unknown) => void,
  ) {
    super(q);
  }
  private _text(key: string, v: string): void {
    if (typeof v !== "string") throw new TypeError(`${key} takes a string`);
    this._record(`headersFooters.defaultForAllPages.${key}`, v);
  }
  set leftHeader(v: string) {
    this._text("leftHeader", v);
  }
  set centerHeader(v: string) {
    this._text("centerHeader", v);
  }
  set rightHeader(v: string) {
    this._text("rightHeader", v);
  }
  set leftFooter(v: string) {
    this._text("leftFooter", v);
  }
  set centerFooter(v: string) {
    this._text("centerFooter", v);
  }
  set rightFooter(v: string) {
    this._text("rightFooter", v);
  }
}

export class FakeHeaderFooterGroup extends FakeClientObject {
  constructor(
    q: FakeQueue,
    readonly _record: (key: string, value: unknown) => void,
  ) {
    super(q);
  }
  get defaultForAllPages(): FakeHeaderFooter {
    return new FakeHeaderFooter(this._q, this._record);
  }
}

export class FakePageLayout extends FakeClientObject {
  constructor(
    q: FakeQueue,
    readonly _sheet: () => SheetState,
  ) {
    super(q);
  }
  /** Records `value` under `key` at sync, after `check` (which throws as Excel would). */
  _record(key: string, value: unknown, check: () => void = () => undefined): void {
    this._set(() => {
      check();
      this._sheet().pageLayout[key] = value;
    }, jsonBytes(value));
  }
  private _margin(key: string, points: number): void {
    this._record(key, points, () => {
      if (typeof points !== "number" || !Number.isFinite(points) || points < 0) throw invalid(`${key} ${String(points)}`);
    });
  }
  get headersFooters(): FakeHeaderFooterGroup {
    return new FakeHeaderFooterGroup(this._q, (key, value) => this._record(key, value));
  }
  set orientation(v: string) {
    this._record("orientation", v, () => {
      if (!(PAGE_ORIENTATIONS as readonly string[]).includes(v)) throw invalid(`orientation ${v}`);
    });
  }
  set paperSize(v: string) {
    this._record("paperSize", v, () => {
      if (!(PAPER_TYPES as readonly string[]).includes(v)) throw invalid(`paperSize ${v}`);
    });
  }
  set zoom(v: Excel.PageLayoutZoomOptions) {
    // Stored as a copy: Excel takes the object's values when it is set.
    this._record("zoom", { ...v }, () => checkZoom(v));
  }
  set leftMargin(v: number) {
    this._margin("leftMargin", v);
  }
  set rightMargin(v: number) {
    this._margin("rightMargin", v);
  }
  set topMargin(v: number) {
    this._margin("topMargin", v);
  }
  set bottomMargin(v: number) {
    this._margin("bottomMargin", v);
  }
  set headerMargin(v: number) {
    this._margin("headerMargin", v);
  }
  set footerMargin(v: number) {
    this._margin("footerMargin", v);
  }
  set centerHorizontally(v: boolean) {
    this._record("centerHorizontally", v, () => {
      if (typeof v !== "boolean") throw invalid("centerHorizontally");
    });
  }
  setPrintTitleRows(rows: string): void {
    this._record("printTitleRows", rows, () => {
      const m = typeof rows === "string" ? WHOLE_ROWS.exec(rows) : null;
      if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw invalid(`print title rows ${String(rows)} are not whole rows`);
    });
  }
  setPrintTitleColumns(columns: string): void {
    this._record("printTitleColumns", columns, () => {
      if (typeof columns !== "string" || !WHOLE_COLUMNS.test(columns)) throw invalid(`print title columns ${String(columns)} are not whole columns`);
    });
  }
  setPrintArea(area: string): void {
    this._record("printArea", area, () => {
      if (typeof area !== "string" || !ADDRESS.test(area)) throw invalid(`print area ${String(area)}`);
    });
  }
}
