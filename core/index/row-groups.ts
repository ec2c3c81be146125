/**
 * A table's rows grouped by a number (a customer's or an order's, from
 * core/index/indexes.ts), as flat arrays: group g is positions
 * start[g] .. start[g + 1] - 1 of `at` (the rows' places in their table)
 * and of `date` (their dates, side by side).
 *
 * Why not an array of rows per customer: the whole-table rules (grading,
 * the due list) walk every customer's history, and at 500,000 follow-ups
 * 50,000 arrays of rows spread over a heap of hundreds of MB made each row
 * read a cache miss. Here a history's dates lie in sequence and a row is
 * read only when the rule needs more than its date. docs/performance.md
 * gives what this buys in ms.
 */
import { dayOf } from "../contract/dates";

export interface RowGroups {
  /** Group g is positions start[g] .. start[g + 1] - 1; length groups + 1. */
  readonly start: Int32Array;
  /** The rows' positions in their table, grouped; within a group by `date`, ties in sheet order. */
  readonly at: Int32Array;
  /** The p-th grouped row's date (the one sorted by): date[p] belongs to row at[p]. */
  readonly date: Float64Array;
}

/** Grouped rows and the table they index (`at` holds positions in `rows`). */
export interface TableGroups<T> extends RowGroups {
  readonly rows: readonly T[];
}

/**
 * Rows grouped by `groupOf` (row position → group number in [0, groups)),
 * each group sorted by `dateOf` (by row position) when `sorted`, else in
 * sheet order: a counting sort, stable, so ties keep sheet order.
 */
export function groupRows(groupOf: Int32Array, groups: number, dateOf: Float64Array, sorted: boolean): RowGroups {
  const n = groupOf.length;
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < n; i++) start[groupOf[i] + 1]++;
  for (let g = 0; g < groups; g++) start[g + 1] += start[g];
  const next = start.slice(0, groups);
  const at = new Int32Array(n);
  const date = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = next[groupOf[i]]++;
    at[p] = i;
    date[p] = dateOf[i];
  }
  if (sorted) for (let g = 0; g < groups; g++) sortGroup(start[g], start[g + 1], at, date);
  return { start, at, date };
}

/** Positions lo .. hi - 1 sorted by date, stably, in place; a group already in order (the usual case: sheets grow by date) is only checked. */
function sortGroup(lo: number, hi: number, at: Int32Array, date: Float64Array): void {
  let inOrder = true;
  for (let p = lo + 1; p < hi && inOrder; p++) inOrder = date[p - 1] <= date[p];
  if (inOrder) return;
  // Array.prototype.sort is stable and takes a NaN comparison as a tie.
  const order = Array.from({ length: hi - lo }, (_, k) => lo + k).sort((a, b) => date[a] - date[b]);
  const rows = order.map((p) => at[p]);
  const dates = order.map((p) => date[p]);
  at.set(rows, lo);
  date.set(dates, lo);
}

/** The rows of group g, in group order: a new array (for callers outside the whole-table rules). */
export function rowsOfGroup<T>(groups: TableGroups<T>, g: number | undefined): T[] {
  const out: T[] = [];
  if (g === undefined) return out;
  for (let p = groups.start[g]; p < groups.start[g + 1]; p++) out.push(groups.rows[groups.at[p]]);
  return out;
}

/** How many of group g's rows fall on or before day `asOf` by their day: a binary search over the dates, counted from the group's start. */
export function countUpToDay(groups: RowGroups, g: number, asOf: number): number {
  const { start, date } = groups;
  const first = start[g];
  let lo = first;
  let hi = start[g + 1];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dayOf(date[mid]) <= asOf) lo = mid + 1;
    else hi = mid;
  }
  return lo - first;
}
