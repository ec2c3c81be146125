/**
 * Everything the screens need, computed once per snapshot read: the indexes,
 * grades as of today, the customer search keys and the IDs already taken.
 * Rules come from core; nothing here re-implements one.
 */
import { gradeAll } from "../../core/rules/grading";
import { indexSnapshot, type CrmIndex } from "../../core/index/indexes";
import type { CustomerId } from "../../core/contract/model";
import type { Grade, TableName } from "../../core/contract/schema";
import { SCHEMA } from "../../core/contract/schema";
import type { WorkbookSnapshot } from "../../app/open-crm";
import { buildSearchIndex, type CustomerSearchIndex } from "./search";
import type { Clock } from "./clock";

export interface PaneData {
  readonly ws: WorkbookSnapshot;
  readonly index: CrmIndex;
  readonly grades: ReadonlyMap<CustomerId, Grade>;
  readonly search: CustomerSearchIndex;
  readonly clock: Clock;
  /** IDs present per record table when read (writers re-check right before writing). */
  readonly taken: (table: TableName) => ReadonlySet<string>;
}

export function derive(ws: WorkbookSnapshot, clock: Clock): PaneData {
  const index = indexSnapshot(ws.snapshot);
  const grades = gradeAll(index, clock.today, ws.settings);
  const cache = new Map<TableName, Set<string>>();
  const taken = (table: TableName): ReadonlySet<string> => {
    let set = cache.get(table);
    if (!set) {
      const idColumn = SCHEMA[table].idColumn;
      const rows = ws.snapshot[table] as readonly object[];
      set = new Set(idColumn ? rows.map((r) => String((r as Record<string, unknown>)[idColumn])) : []);
      cache.set(table, set);
    }
    return set;
  };
  return { ws, index, grades, search: buildSearchIndex(ws.snapshot.Customers), clock, taken };
}
