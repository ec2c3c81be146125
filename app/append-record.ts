/**
 * Appending one record through the port (a contact logged, a customer,
 * sample or order added). IDs are re-checked against the table as it is
 * right before writing (another user may have added rows since the pane
 * read it) and a taken one is drawn again (ids.ts); enums are spelled in
 * the sheet's own language (core/contract/cells.ts); nothing is written
 * unless the row is whole.
 */
import { toCells } from "../core/contract/cells";
import type { DaySerial } from "../core/contract/dates";
import { err, ok, type Result } from "../core/contract/issues";
import type { FollowUp, RowOf } from "../core/contract/model";
import { SCHEMA, type TableName } from "../core/contract/schema";
import type { WorkbookPort } from "../workbook/port";
import { newRecordId } from "./ids";

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
    id = String((row as unknown as Record<string, unknown>)[idColumn]);
    // Looked for, not put in a set: at 250,000 follow-ups a set of every ID took ~100 ms of logging a contact.
    if (current.value.rows.some((r) => String(r.cells[idColumn] ?? "") === id)) {
      // Someone else took this ID since the pane read the table: draw another.
      const taken = new Set(current.value.rows.map((r) => String(r.cells[idColumn] ?? "")));
      id = newRecordId(table, today, taken);
      final = { ...row, [idColumn]: id } as RowOf<T>;
    }
  }
  const written = await port.appendRows(table, [toCells(table, final, current.value.lang)]);
  if (!written.ok) return err(written.error);
  return ok({ id, row: final, sheetRow: written.value.firstRow });
}

/** Logging a contact: a FollowUps row (the pane's log form). */
export function logContact(port: WorkbookPort, row: FollowUp, today: DaySerial): Promise<Result<Appended<"FollowUps">>> {
  return appendRecord(port, "FollowUps", row, today);
}
