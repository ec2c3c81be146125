/**
 * Appending one record through the port. IDs are re-checked against the
 * table as it is right before writing (another user may have added rows
 * since the snapshot was read), enums are spelled in the sheet's own
 * language (core/contract/cells.ts), and nothing is written unless the row is whole.
 */
import { toCells } from "../../core/contract/cells";
import type { DaySerial } from "../../core/contract/dates";
import { newUniqueId } from "../../core/contract/ids";
import type { Issue, Result } from "../../core/contract/issues";
import { err, ok } from "../../core/contract/issues";
import type { RowOf } from "../../core/contract/model";
import { SCHEMA, type TableName } from "../../core/contract/schema";
import type { WorkbookPort } from "../../workbook/port";

export interface Appended<T extends TableName> {
  readonly id: string;
  readonly row: RowOf<T>;
  readonly sheetRow: number;
}

export async function appendRecord<T extends TableName>(port: WorkbookPort, table: T, row: RowOf<T>, today: DaySerial): Promise<Result<Appended<T>>> {
  const idColumn = SCHEMA[table].idColumn;
  const current = await port.readTable(table, idColumn ? [idColumn] : undefined);
  if (!current.ok) return err(current.error);
  let final = row;
  let id = "";
  if (idColumn) {
    const record = row as unknown as Record<string, unknown>;
    id = String(record[idColumn]);
    const taken = new Set(current.value.rows.map((r) => String(r.cells[idColumn] ?? "")));
    if (taken.has(id)) {
      // Someone else took this ID since we read: draw another.
      id = newUniqueId(table, today, Math.random, taken);
      final = { ...row, [idColumn]: id } as RowOf<T>;
    }
  }
  const written = await port.appendRows(table, [toCells(table, final, current.value.lang)]);
  if (!written.ok) return err(written.error);
  return ok({ id, row: final, sheetRow: written.value.firstRow });
}

/** What went wrong, in words the user can act on. Keyed by the adapters' issue codes. */
export type WriteProblem = "busy" | "protectedSheet" | "workbookChanged" | "other";

export function classifyWriteIssues(issues: readonly Issue[]): WriteProblem {
  const codes = issues.map((i) => i.code.toLowerCase());
  const any = (...parts: string[]): boolean => codes.some((c) => parts.some((p) => c.includes(p)));
  // Office.js error names arrive as "excel-<Code>" (workbook/office/errors.ts).
  if (any("celleditmode", "busy", "edit-mode")) return "busy";
  if (any("accessdenied", "protect")) return "protectedSheet";
  if (any("invalidreference", "conflict", "itemnotfound", "changed")) return "workbookChanged";
  return "other";
}
