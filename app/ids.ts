/**
 * New record IDs, drawn in one place for every writer (the pane's forms,
 * appending a record, `tradebook import`): the table's prefix, today in the
 * work time zone and random characters (core/contract/ids.ts says why not
 * MAX+1), never one of the IDs `taken` nor one given out before.
 */
import type { DaySerial } from "../core/contract/dates";
import { idStem, idWithStem, newUniqueId } from "../core/contract/ids";
import type { TableName } from "../core/contract/schema";

/** One new ID for `table`, not in `taken`. */
export function newRecordId(table: TableName, today: DaySerial, taken: ReadonlySet<string>): string {
  return newUniqueId(table, today, Math.random, taken);
}

/** `count` new IDs for `table`, none in `taken` and no two the same (an imported list without IDs). */
export function newRecordIds(table: TableName, today: DaySerial, taken: ReadonlySet<string>, count: number): string[] {
  // The day's stem once, not per ID (200,000 IDs for an imported list).
  const stem = idStem(table, today);
  const given = new Set<string>();
  while (given.size < count) {
    const id = idWithStem(stem, Math.random);
    if (!taken.has(id)) given.add(id);
  }
  return [...given];
}
