/**
 * Where a contract table lives, decided from the package map alone, by the
 * rules of workbook/xlsx/exceljs/sheet-region.ts findRegion: an Excel table named
 * after it (any sheet, any position, header row required, totals row
 * excluded), else a sheet named after it in either language that holds no
 * Excel table, with its header in row 1.
 */
import { type TableName } from "../../../core/contract/schema";
import { matchTable } from "../../../core/contract/spellings";
import { decodeRange } from "../exceljs/sheet-region";
import type { ExcelTableFacts, PackageMap, SheetPart } from "./package-map";

export interface StreamRegion {
  readonly sheet: SheetPart;
  readonly excelTable: ExcelTableFacts | null;
  readonly headerRow: number;
  readonly firstCol: number;
  /** Inclusive; undefined on a plain sheet until its row 1 is read. */
  readonly lastCol: number | undefined;
  /** Last body row (totals excluded); undefined on a plain sheet: its last row. */
  readonly bottom: number | undefined;
}

export function findStreamRegion(map: PackageMap, table: TableName): StreamRegion | undefined {
  for (const sheet of map.sheets) {
    for (const t of sheet.tables) {
      if (matchTable(t.name)?.name !== table || !t.headerRow) continue;
      const range = decodeRange(t.ref);
      if (range) {
        return { sheet, excelTable: t, headerRow: range.top, firstCol: range.left, lastCol: range.right, bottom: range.bottom - (t.totalsRow ? 1 : 0) };
      }
    }
  }
  const plain = map.sheets.find((s) => matchTable(s.name)?.name === table && s.tables.length === 0);
  return plain ? { sheet: plain, excelTable: null, headerRow: 1, firstCol: 1, lastCol: undefined, bottom: undefined } : undefined;
}
