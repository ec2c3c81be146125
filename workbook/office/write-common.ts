/**
 * What appends and updates share: the table as seen right before writing
 * (the ID column freshly read in the same Excel.run), refusing before the
 * first write when the sheet is protected, and dates moved into a 1904
 * workbook's system.
 */
import { err, ok, type Issue, type Result } from "../../core/contract/issues";
import type { CellValue } from "../../core/contract/raw";
import { SCHEMA } from "../../core/contract/schema";
import { columnDef, issueAt } from "../locate";
import type { RowWrite, TableView } from "../write-plan";
import { dateForWorkbook } from "./cell-format";
import { issueFromOfficeError } from "./errors";
import type { PayloadLimits } from "./payload";
import { isDateColumn } from "./read";
import { columnRuns, readColumns, type OpenedTable } from "./table-view";

/** The table with its ID column as it is now; other cells are left out (not needed to plan). */
export async function viewForWrite(ctx: Excel.RequestContext, opened: OpenedTable, limits: PayloadLimits): Promise<Result<TableView>> {
  const idColumn = SCHEMA[opened.name].idColumn;
  const position = idColumn === null ? undefined : opened.layout.positions.get(idColumn);
  if (position === undefined) return ok({ sheet: opened.sheet, layout: opened.layout, rows: [] });
  const ids = await readColumns(ctx, opened, columnRuns([position]), limits);
  if (!ids.ok) return ids;
  const rows = ids.value.flatMap(([id], i) => {
    if (id === null || id === undefined) return [];
    const cells: CellValue[] = new Array<CellValue>(opened.columnCount).fill(null);
    cells[position] = id;
    return [{ rowNumber: opened.bodyRowIndex + i + 1, cells }];
  });
  return ok({ sheet: opened.sheet, layout: opened.layout, rows });
}

/** Protected sheets refuse writes: say so before writing anything. */
export function refuseProtected(opened: OpenedTable): Result<void> {
  if (!opened.sheetProtected) return ok(undefined);
  return err([issueFromOfficeError({ code: "AccessDenied" }, opened.sheet)]);
}

/** The writes with date cells in the workbook's date system, or issues for dates it cannot hold. */
export function inWorkbookDates(opened: OpenedTable, writes: readonly RowWrite[]): Result<RowWrite[]> {
  const issues: Issue[] = [];
  const dated = new Set(
    [...opened.layout.positions].filter(([key]) => isDateColumn(opened.name, key)).map(([, position]) => position),
  );
  const converted = writes.map((w) => ({
    rowNumber: w.rowNumber,
    cells: w.cells.map((c) => {
      if (!dated.has(c.position) || typeof c.value !== "number") return c;
      const value = dateForWorkbook(c.value, opened.date1904);
      if (value === undefined) {
        issues.push(
          issueAt(opened.sheet, w.rowNumber, opened.layout.headers[c.position], "date-before-1904", "此工作簿使用 1904 日期系统，无法保存 1904-01-01 之前的日期", "this workbook uses the 1904 date system and cannot hold dates before 1904-01-01"),
        );
        return c;
      }
      return { position: c.position, value };
    }),
  }));
  return issues.length > 0 ? err(issues) : ok(converted);
}

/** The contract column at a position, if it is one. */
export function columnAt(opened: OpenedTable, position: number) {
  for (const [key, p] of opened.layout.positions) if (p === position) return columnDef(opened.name, key);
  return undefined;
}
