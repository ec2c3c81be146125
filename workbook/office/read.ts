/**
 * readTable through Office.js: one sync for the headers and a first slice,
 * then only the asked-for columns in payload-sized blocks (table-view.ts).
 * Cells leave as port values: blanks as null, dates as 1900-system serials
 * whatever the workbook's own date system.
 */
import { from1904 } from "../../core/contract/dates";
import { err, ok, type Result } from "../../core/contract/issues";
import { fieldsRecord, type CellValue, type RawRow, type RawTable } from "../../core/contract/raw";
import type { TableName } from "../../core/contract/schema";
import type { TableRequest } from "../port";
import { columnDef, headerNames, isBlankRow, selectColumns } from "../locate";
import type { PayloadLimits } from "./payload";
import { columnRuns, openTable, queueOpenTable, readColumns, type OpenedTable } from "./table-view";

/** True for contract columns holding Excel dates (converted between date systems). */
export function isDateColumn(table: TableName, key: string): boolean {
  const type = columnDef(table, key)?.type;
  return type === "date" || type === "datetime";
}

/** A date cell read from a 1904 workbook, as the 1900 serial every rule uses. */
function readDate(value: CellValue, date1904: boolean): CellValue {
  return date1904 && typeof value === "number" ? from1904(value) : value;
}

export async function readTableIn(ctx: Excel.RequestContext, name: TableName, columns: readonly string[] | undefined, limits: PayloadLimits): Promise<Result<RawTable>> {
  const opening = await openTable(ctx, name, () => undefined);
  if (!opening.ok) return opening;
  const { opened } = opening.value;
  const { keys, issues } = selectColumns(opened.layout, opened.sheet, columns);
  if (issues.length > 0) return err(issues);
  return rawTableOf(ctx, opened, keys, limits);
}

/**
 * Several tables (their asked columns, all when not said) in one
 * Excel.run: all of them opened in one sync (headers, sizes and a first
 * slice of rows each), then each table's remaining rows in payload-sized
 * blocks. The task pane reads the whole CRM this way when it is shown: ten
 * tables one after another cost at least twenty round trips, each tens of
 * milliseconds on Excel on the web. When the shared sync fails (a table
 * missing, a plain sheet instead of a table, an answer too large) each
 * table is read on its own as readTableIn does, which knows how to handle
 * each of these.
 */
export async function readTablesIn(ctx: Excel.RequestContext, requests: readonly TableRequest[], limits: PayloadLimits): Promise<ReadonlyMap<TableName, Result<RawTable>>> {
  const queued = requests.map((r) => queueOpenTable(ctx, r.table));
  let together = true;
  try {
    await ctx.sync();
  } catch {
    together = false;
  }
  const out = new Map<TableName, Result<RawTable>>();
  for (const [i, { table, columns }] of requests.entries()) {
    if (!together) {
      out.set(table, await readTableIn(ctx, table, columns, limits));
      continue;
    }
    const opened = queued[i].opened();
    const { keys, issues } = selectColumns(opened.layout, opened.sheet, columns);
    out.set(table, issues.length > 0 ? err(issues) : await rawTableOf(ctx, opened, keys, limits));
  }
  return out;
}

async function rawTableOf(ctx: Excel.RequestContext, opened: OpenedTable, keys: readonly string[], limits: PayloadLimits): Promise<Result<RawTable>> {
  // Sheet order of the asked columns, so adjacent ones are read as one range.
  const ordered = keys.map((key) => ({ key, position: opened.layout.positions.get(key) ?? -1 })).sort((a, b) => a.position - b.position);
  const runs = columnRuns(ordered.map((c) => c.position));
  const read = await readColumns(ctx, opened, runs, limits);
  if (!read.ok) return read;
  const dates = ordered.map((c) => isDateColumn(opened.name, c.key));
  // A copy of a blank row per data row (core/contract/raw.ts fieldsRecord says why).
  const blank: Readonly<Record<string, CellValue>> = fieldsRecord(ordered.map((c) => c.key));
  const rows: RawRow[] = [];
  read.value.forEach((cells, i) => {
    // A row blank in every column read holds nothing for the caller (a fresh table's empty row, a cleared row).
    if (isBlankRow(cells)) return;
    const record: Record<string, CellValue> = { ...blank };
    for (let j = 0; j < ordered.length; j++) record[ordered[j].key] = dates[j] ? readDate(cells[j], opened.date1904) : cells[j];
    rows.push({ rowNumber: opened.bodyRowIndex + i + 1, cells: record });
  });
  const names = headerNames(opened.layout);
  return ok({
    table: opened.name,
    sheet: opened.sheet,
    lang: opened.layout.lang,
    headers: names,
    missingColumns: opened.layout.missing,
    rows,
  });
}
