/**
 * ensureStructure for an .xlsx: missing contract tables become new sheets
 * (built by structure.ts like the template's), missing columns are added at
 * the right of the user's table with headers in that sheet's language.
 * Everything is checked first and only then changed, so a blocked column
 * leaves the workbook as it was. User cells are never touched.
 */
import type ExcelJS from "exceljs";
import { err, ok, type Issue, type Result } from "../../../core/contract/issues";
import { SCHEMA, TABLE_NAMES, headerOf, sheetNameOf, type ColumnDef, type Lang, type TableName } from "../../../core/contract/schema";
import { columnDef, issueAt, type HeaderLayout } from "../../locate";
import type { EnsureReport } from "../../port";
import { addTableSheet, applyColumnRules } from "./structure";
import { applyDataSheetPrint } from "./data-sheet-print";
import { widenTable, type Region } from "./sheet-region";

export interface FoundTable {
  readonly region: Region;
  readonly layout: HeaderLayout;
}

type Step = { readonly kind: "create"; readonly table: TableName } | { readonly kind: "columns"; readonly found: FoundTable; readonly columns: readonly ColumnDef[] };

const isEmpty = (v: ExcelJS.CellValue): boolean => v === null || v === undefined || v === "";

/** True when sheet columns `from`..`to` are empty across the table's header and body rows. */
function columnsFree(region: Region, from: number, to: number): boolean {
  for (let r = region.headerRow; r <= Math.max(region.bottom, region.headerRow); r++) {
    for (let c = from; c <= to; c++) if (!isEmpty(region.ws.getCell(r, c).value)) return false;
  }
  return true;
}

function addColumns(found: FoundTable, columns: readonly ColumnDef[]): void {
  let region = found.region;
  const { lang, table } = found.layout;
  for (const column of columns) {
    const at = region.lastCol + 1;
    const header = headerOf(column, lang);
    const cell = region.ws.getCell(region.headerRow, at);
    cell.value = header;
    cell.style = structuredClone(region.ws.getCell(region.headerRow, region.lastCol).style);
    widenTable(region, header);
    region = { ...region, lastCol: at };
    applyColumnRules(region.ws, table, lang, new Map([[column.key, at]]), region.headerRow, Math.max(region.bottom, region.headerRow + 1));
  }
}

export function ensureXlsxStructure(wb: ExcelJS.Workbook, lang: Lang, find: (table: TableName) => FoundTable | undefined): Result<EnsureReport> {
  const steps: Step[] = [];
  const issues: Issue[] = [];
  for (const table of TABLE_NAMES) {
    const found = find(table);
    if (!found) {
      const name = sheetNameOf(SCHEMA[table], lang);
      if (wb.getWorksheet(name)) {
        issues.push(issueAt(name, null, null, "sheet-taken", `已有名为「${name}」的工作表但不是「${table}」表，无法创建`, `a sheet named "${name}" exists but is not the ${table} table; cannot create it`));
      } else steps.push({ kind: "create", table });
      continue;
    }
    const columns = found.layout.missing.map((k) => columnDef(table, k)).filter((c): c is ColumnDef => c !== undefined);
    if (columns.length === 0) continue;
    const { region } = found;
    if (!columnsFree(region, region.lastCol + 1, region.lastCol + columns.length)) {
      issues.push(
        issueAt(
          region.ws.name,
          region.headerRow,
          headerOf(columns[0], found.layout.lang),
          "blocked",
          `表右侧的 ${columns.length} 列已有内容，无法添加缺少的列（请移开这些单元格）`,
          `the ${columns.length} column(s) right of the table are in use; cannot add the missing columns (move those cells)`,
        ),
      );
      continue;
    }
    steps.push({ kind: "columns", found, columns });
  }
  if (issues.length > 0) return err(issues);
  const createdTables: TableName[] = [];
  const addedColumns: { table: TableName; column: string }[] = [];
  for (const step of steps) {
    if (step.kind === "create") {
      applyDataSheetPrint(addTableSheet(wb, step.table, lang, []), step.table, lang);
      createdTables.push(step.table);
    } else {
      addColumns(step.found, step.columns);
      for (const c of step.columns) addedColumns.push({ table: step.found.layout.table, column: c.key });
    }
  }
  return ok({ createdTables, addedColumns });
}
