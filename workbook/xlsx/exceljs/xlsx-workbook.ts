/**
 * The workbook port over an .xlsx file held in memory by exceljs.
 *
 * Browser-safe (no fs): the CLI opens files through xlsx-file.ts, the task
 * pane hands in the bytes of a file the user picked. Every write first
 * re-reads the table as it is now, plans the whole batch (workbook/write-plan)
 * and only then touches cells, so a bad batch writes nothing.
 */
import ExcelJS from "exceljs";
import { excelJsDateFromSerial } from "../../../core/contract/dates";
import { err, ok, type Issue, type Result } from "../../../core/contract/issues";
import type { CellValue, RawTable } from "../../../core/contract/raw";
import { safeSheetName, type ReportSheet } from "../../../core/report/sheet";
import { type Lang, type TableName } from "../../../core/contract/schema";
import { matchTable } from "../../../core/contract/spellings";
import { columnDef, isBlankRow, issueAt, locateHeaders, type HeaderLayout } from "../../locate";
import type { EnsureReport, UpdateById, WorkbookPort } from "../../port";
import { datesBefore1904, planAppend, planUpdate, rawTableOf, type RowWrite, type TableView } from "../../write-plan";
import { renderReportSheet } from "./report-writer";
import { DATE_FORMAT, DATETIME_FORMAT } from "./structure";
import { ensureXlsxStructure } from "./ensure-structure";
import { findRegion, growTableTo, headerTexts, isDataSheet, rowCells, type Region } from "./sheet-region";
import { copyRowLook, ensureDateFormat, keepRulesWithTable } from "./row-style";
import { withEscapedTexts } from "./escaped-texts";
import { dateColumnPositions, missingTableIssue, readFailureIssue } from "../file-issues";
import { ZipParts } from "../stream/zip-parts";
import { restoreTableFacts } from "./table-fidelity";

type Row = Readonly<Record<string, CellValue>>;

interface Located {
  readonly region: Region;
  readonly view: TableView;
  /** The last body row that holds anything (the header row when none). */
  readonly lastFilled: number;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export class XlsxWorkbook implements WorkbookPort {
  private constructor(
    readonly workbook: ExcelJS.Workbook,
    /** The file name, for messages. */
    readonly name: string,
  ) {}

  /**
   * Reads .xlsx bytes; unreadable bytes give an issue naming the file.
   * exceljs inflates every part whole, so each is first inflated once as
   * a stream and measured (stream/zip-parts.ts limits): a zip bomb is
   * refused in seconds instead of filling memory.
   */
  static async fromBuffer(buf: ArrayBuffer | Uint8Array, name = "workbook.xlsx"): Promise<Result<XlsxWorkbook>> {
    const wb = new ExcelJS.Workbook();
    try {
      const data = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
      await (await ZipParts.open(data)).checkSizes();
      await wb.xlsx.load(data as unknown as Parameters<typeof wb.xlsx.load>[0]);
      await restoreTableFacts(wb, data);
    } catch (e) {
      return err([readFailureIssue(name, e)]);
    }
    return ok(new XlsxWorkbook(wb, name));
  }

  /** Wraps a workbook built in memory (templates, tests). */
  static fromWorkbook(wb: ExcelJS.Workbook, name = "workbook.xlsx"): XlsxWorkbook {
    return new XlsxWorkbook(wb, name);
  }

  async toBuffer(): Promise<Uint8Array> {
    const out: unknown = await withEscapedTexts(this.workbook, () => this.workbook.xlsx.writeBuffer());
    return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
  }

  private get date1904(): boolean {
    return this.workbook.properties?.date1904 === true;
  }

  /** The plan, unless it has dates this workbook's date system cannot hold. */
  private inDateSystem(view: TableView, plan: Result<RowWrite[]>): Result<RowWrite[]> {
    if (!plan.ok || !this.date1904) return plan;
    const issues = datesBefore1904(view, plan.value);
    return issues.length > 0 ? err(issues) : plan;
  }

  private locate(table: TableName): Result<Located> {
    const region = findRegion(this.workbook, table);
    if (!region) return err([missingTableIssue(this.name, table)]);
    const layout = locateHeaders(table, headerTexts(region), region.ws.name);
    const dateCols = this.date1904 ? dateColumnPositions(table, layout) : new Set<number>();
    const rows: { rowNumber: number; cells: CellValue[] }[] = [];
    for (let r = region.headerRow + 1; r <= region.bottom; r++) {
      const cells = rowCells(region, r, dateCols);
      if (!isBlankRow(cells)) rows.push({ rowNumber: r, cells });
    }
    const lastFilled = rows.length > 0 ? rows[rows.length - 1].rowNumber : region.headerRow;
    return ok({ region, view: { sheet: region.ws.name, layout, rows }, lastFilled });
  }

  async readTable(table: TableName, columns?: readonly string[]): Promise<Result<RawTable>> {
    const found = this.locate(table);
    if (!found.ok) return found;
    return rawTableOf(table, found.value.view, columns);
  }

  async appendRows(table: TableName, rows: readonly Row[]): Promise<Result<{ readonly firstRow: number; readonly count: number }>> {
    const found = this.locate(table);
    if (!found.ok) return found;
    const { region, view, lastFilled } = found.value;
    const firstRow = lastFilled + 1;
    if (rows.length === 0) return ok({ firstRow, count: 0 });
    const plan = this.inDateSystem(view, planAppend(view, firstRow, rows));
    if (!plan.ok) return plan;
    const lastRow = firstRow + rows.length - 1;
    const blocked = this.blockedBelow(region, lastRow);
    if (blocked) return err([blocked]);
    if (region.excelTable) keepRulesWithTable(region, firstRow, lastRow);
    copyRowLook(region, firstRow, lastRow);
    this.writeCells(region, view.layout, plan.value);
    growTableTo(region, lastRow);
    return ok({ firstRow, count: rows.length });
  }

  async updateRows(table: TableName, updates: readonly UpdateById[]): Promise<Result<{ readonly count: number }>> {
    const found = this.locate(table);
    if (!found.ok) return found;
    const plan = this.inDateSystem(found.value.view, planUpdate(found.value.view, updates));
    if (!plan.ok) return plan;
    this.writeCells(found.value.region, found.value.view.layout, plan.value);
    return ok({ count: plan.value.length });
  }

  async ensureStructure(lang: Lang): Promise<Result<EnsureReport>> {
    return ensureXlsxStructure(this.workbook, lang, (table) => {
      const found = this.locate(table);
      return found.ok ? { region: found.value.region, layout: found.value.view.layout } : undefined;
    });
  }

  async writeReportSheet(sheet: ReportSheet): Promise<Result<{ readonly name: string }>> {
    const name = safeSheetName(sheet.name);
    const existing = this.workbook.getWorksheet(name);
    // A report named like a contract table would later be read as that table.
    if ((existing && isDataSheet(existing)) || matchTable(name)) {
      return err([issueAt(name, null, null, "data-sheet", `「${name}」是数据表，报表不能覆盖它`, `"${name}" is a data sheet; a report never replaces it`)]);
    }
    if (existing) this.workbook.removeWorksheet(existing.id);
    try {
      renderReportSheet(this.workbook, { ...sheet, name });
    } catch (e) {
      return err([issueAt(name, null, null, "report-failed", `无法写入报表「${name}」（${message(e)}）`, `cannot write the report "${name}" (${message(e)})`)]);
    }
    return ok({ name });
  }

  /** An issue when rows the table must grow into hold something. */
  private blockedBelow(region: Region, lastRow: number): Issue | undefined {
    if (!region.excelTable || lastRow <= region.bottom) return undefined;
    const totals = region.excelTable.totalsRow ? 1 : 0;
    for (let r = region.bottom + 1; r <= lastRow + totals; r++) {
      for (let c = region.firstCol; c <= region.lastCol; c++) {
        const v = region.ws.getCell(r, c).value;
        if (v !== null && v !== undefined && v !== "") {
          return issueAt(region.ws.name, r, null, "blocked", `表格下方第${r}行已有内容，无法追加行（请移开这些单元格或汇总行）`, `row ${r} below the table is in use; cannot append (move those cells or the totals row)`);
        }
      }
    }
    return undefined;
  }

  private writeCells(region: Region, layout: HeaderLayout, writes: readonly RowWrite[]): void {
    for (const w of writes) {
      for (const { position, value } of w.cells) {
        const cell = region.ws.getCell(w.rowNumber, region.firstCol + position);
        const key = [...layout.positions].find(([, i]) => i === position)?.[0];
        const type = key === undefined ? undefined : columnDef(layout.table, key)?.type;
        if ((type === "date" || type === "datetime") && typeof value === "number") {
          // exceljs turns a Date into a serial of the workbook's own date system (1900 or 1904).
          cell.value = excelJsDateFromSerial(value);
          ensureDateFormat(cell, type === "date" ? DATE_FORMAT : DATETIME_FORMAT);
        } else {
          // A JS string becomes a string cell, never a formula, whatever it starts with.
          cell.value = value;
        }
      }
    }
  }
}
