/**
 * The port contract against the exceljs file adapter. The starting workbook
 * is built with exceljs, saved and opened again, so the adapter always works
 * on a workbook as loaded from a real file; "persisted" means saved to bytes
 * and loaded again. Two writers share one file's bytes and each operation is
 * a full open → change → save, as two people saving the same file in turn.
 */
import ExcelJS from "exceljs";
import { utcDateFromSerial } from "../../../core/contract/dates";
import type { CellValue } from "../../../core/contract/raw";
import { TABLE_NAMES } from "../../../core/contract/schema";
import { matchHeader } from "../../../core/contract/spellings";
import type { WorkbookPort } from "../../../workbook/port";
import { readCell } from "../../../workbook/xlsx/exceljs/read-cell";
import { findRegion, growTableTo } from "../../../workbook/xlsx/exceljs/sheet-region";
import { XlsxWorkbook } from "../../../workbook/xlsx/exceljs/xlsx-workbook";
import { type ContractFixture, type ContractHarness, type FixtureCell, type PersistedGrid, type MakeHarness } from "../harness";
import { value as must } from "../../support/result";

function excelValue(cell: FixtureCell, header: string, table: Parameters<typeof matchHeader>[0]): ExcelJS.CellValue {
  if (cell !== null && typeof cell === "object") return { formula: cell.formula, result: cell.result ?? undefined } as ExcelJS.CellFormulaValue;
  const type = matchHeader(table, header)?.type;
  if ((type === "date" || type === "datetime") && typeof cell === "number") return utcDateFromSerial(cell);
  return cell;
}

export async function buildFixtureXlsx(fixture: ContractFixture): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const t of fixture.tables) {
    const ws = wb.addWorksheet(t.sheet);
    const rows = t.rows.map((r) => r.map((c, i) => excelValue(c, t.headers[i], t.table)));
    if (t.asExcelTable) {
      ws.addTable({ name: t.table, ref: "A1", headerRow: true, columns: t.headers.map((name) => ({ name, filterButton: true })), rows });
    } else {
      ws.addRow([...t.headers]);
      for (const r of rows) ws.addRow(r);
    }
    t.headers.forEach((h, i) => {
      const type = matchHeader(t.table, h)?.type;
      if (type === "date" || type === "datetime") ws.getColumn(i + 1).numFmt = type === "date" ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm";
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export function gridOf(ws: ExcelJS.Worksheet): PersistedGrid {
  const values: CellValue[][] = [];
  const formulas: boolean[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const vs: CellValue[] = [];
    const fs: boolean[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = ws.getCell(r, c);
      vs.push(readCell(cell.value));
      fs.push(cell.type === ExcelJS.ValueType.Formula);
    }
    values.push(vs);
    formulas.push(fs);
  }
  return { values, formulas };
}

/** Another user in Excel: rewrites a sheet's cells, and the table grows with them. */
export function rewriteWorksheet(wb: ExcelJS.Workbook, sheet: string, rewrite: Parameters<ContractHarness["rewriteSheet"]>[1]): void {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const next = rewrite(gridOf(ws).values.map((r) => [...r]));
  next.forEach((row, r) => row.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = v)));
  for (const name of TABLE_NAMES) {
    const region = findRegion(wb, name);
    if (region?.ws === ws) growTableTo(region, next.length);
  }
}

/** One user's session on a shared file: every call opens the current bytes, acts, and saves. */
class SharedFileSession implements WorkbookPort {
  constructor(private readonly file: { bytes: Uint8Array }) {}
  private async act<T>(f: (wb: XlsxWorkbook) => Promise<T>): Promise<T> {
    const wb = must(await XlsxWorkbook.fromBuffer(this.file.bytes, "shared.xlsx"));
    const out = await f(wb);
    this.file.bytes = await wb.toBuffer();
    return out;
  }
  readTable: WorkbookPort["readTable"] = (t, c) => this.act((wb) => wb.readTable(t, c));
  appendRows: WorkbookPort["appendRows"] = (t, r) => this.act((wb) => wb.appendRows(t, r));
  updateRows: WorkbookPort["updateRows"] = (t, u) => this.act((wb) => wb.updateRows(t, u));
  ensureStructure: WorkbookPort["ensureStructure"] = (l) => this.act((wb) => wb.ensureStructure(l));
  writeReportSheet: WorkbookPort["writeReportSheet"] = (s) => this.act((wb) => wb.writeReportSheet(s));
}

export const makeXlsxHarness: MakeHarness = async (fixture) => {
  const port = must(await XlsxWorkbook.fromBuffer(await buildFixtureXlsx(fixture), "fixture.xlsx"));
  const reopened = async (): Promise<XlsxWorkbook> => must(await XlsxWorkbook.fromBuffer(await port.toBuffer(), "fixture.xlsx"));
  return {
    port,
    reopen: reopened,
    grid: async (sheet) => {
      const ws = (await reopened()).workbook.getWorksheet(sheet);
      if (!ws) throw new Error(`no sheet ${sheet}`);
      return gridOf(ws);
    },
    rewriteSheet: async (sheet, rewrite) => rewriteWorksheet(port.workbook, sheet, rewrite),
    twoWriters: async () => {
      const file = { bytes: await port.toBuffer() };
      return [new SharedFileSession(file), new SharedFileSession(file)] as const;
    },
  };
};
