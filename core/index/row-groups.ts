/**
 * A table's rows grouped by a dense key number (a customer's or an order's
 * slot in core/index/indexes.ts), as flat typed arrays instead of one JS array per
 * key.
 *
 * Why flat: at 500,000 follow-ups the per-customer arrays were 50,000 heap
 * objects holding half a million pointers for the garbage collector to copy
 * and trace, spread over a heap of hundreds of MB, so every pass over them
 * missed the cache and doubling the rows cost 2.5× the time. A counting sort
 * into one Int32Array of row positions is two sequential passes, allocates
 * two buffers whatever the row count, and lets the rules read dates (kept
 * in a Float64Array by row) without touching the rows.
 *
 * The dates travel with the positions, in group order: a pass over the
 * groups (every customer's history, in slot order) then reads `date` in
 * sequence instead of gathering date[row] from all over the table. That
 * gather was one cache miss per row at 50,000 customers and the main reason
 * a doubling cost more than twice the time. The by-row dates are the
 * caller's and are not kept, so the index holds one date column per table,
 * not two (typed arrays count towards V8 starting a full collection).
 */
import * as dates from "../contract/dates";

// Bound once: bundlers and test runners reach imported bindings through getters.
const { dayOf } = dates;

export interface RowGroups {
  /** Group g is positions start[g] .. start[g + 1] - 1 of `at`; length groups + 1. */
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

/** Groups at most this long are sorted by insertion (see sortGroups). */
const SHORT_GROUP = 32;

/**
 * Rows grouped by `groupOf` (row position → group number in [0, groups)),
 * each group sorted by `dateOf` (by row position) when `sorted`, else in
 * sheet order. The counting sort is stable, so a group starts in sheet
 * order and, as sheets are usually appended in date order, is mostly
 * already sorted.
 */
export function groupRows(groupOf: Int32Array, groups: number, dateOf: Float64Array, sorted: boolean): RowGroups {
  const n = groupOf.length;
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < n; i++) start[groupOf[i] + 1]++;
  for (let g = 0; g < groups; g++) start[g + 1] += start[g];
  const at = new Int32Array(n);
  const date = new Float64Array(n);
  // Fill each group from its end, walking the rows backwards: no cursor array.
  const end = start.slice(1);
  for (let i = n - 1; i >= 0; i--) {
    const p = --end[groupOf[i]];
    at[p] = i;
    date[p] = dateOf[i];
  }
  if (sorted) sortGroups(start, at, date);
  return { start, at, date };
}

/**
 * Sorts each group by date, stably, in place (positions and dates move
 * together). A group already in order (the usual case) is only checked. A
 * short, unsorted group of finite dates is sorted by insertion: the same
 * order a stable sort gives, without a comparator call per step. Long
 * groups, or groups with a date that is not a finite number, go through
 * Array.prototype.sort, which is stable and treats a NaN comparison as a
 * tie, as sorting the rows themselves did.
 */
function sortGroups(start: Int32Array, at: Int32Array, date: Float64Array): void {
  const groups = start.length - 1;
  for (let g = 0; g < groups; g++) {
    const lo = start[g];
    const hi = start[g + 1];
    let inOrder = true;
    for (let p = lo + 1; p < hi; p++) {
      if (!(date[p - 1] - date[p] <= 0)) {
        inOrder = false;
        break;
      }
    }
    if (inOrder) continue;
    let finite = hi - lo <= SHORT_GROUP;
    for (let p = lo; p < hi && finite; p++) finite = Number.isFinite(date[p]);
    if (finite) insertionSort(lo, hi, at, date);
    else comparatorSort(lo, hi, at, date);
  }
}

function insertionSort(lo: number, hi: number, at: Int32Array, date: Float64Array): void {
  for (let p = lo + 1; p < hi; p++) {
    const row = at[p];
    const d = date[p];
    let q = p - 1;
    while (q >= lo && date[q] > d) {
      at[q + 1] = at[q];
      date[q + 1] = date[q];
      q--;
    }
    at[q + 1] = row;
    date[q + 1] = d;
  }
}

function comparatorSort(lo: number, hi: number, at: Int32Array, date: Float64Array): void {
  const order = Array.from({ length: hi - lo }, (_, k) => lo + k);
  order.sort((a, b) => date[a] - date[b]);
  const rows = order.map((p) => at[p]);
  const dates = order.map((p) => date[p]);
  at.set(rows, lo);
  date.set(dates, lo);
}

/** The rows of group g, in group order: a new array (for callers outside the hot loops). */
export function rowsOfGroup<T>(groups: RowGroups, g: number, rows: readonly T[]): T[] {
  const out: T[] = [];
  for (let p = groups.start[g]; p < groups.start[g + 1]; p++) out.push(rows[groups.at[p]]);
  return out;
}

/**
 * How many of group g's rows fall on or before day `asOf` by their day,
 * counted from the group's start: a binary search over the dates, which
 * touches no row.
 */
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

/**
 * Position just past the last item whose key is ≤ limit, in a list sorted by
 * key: items [0, result) are on or before the limit. O(log n).
 */
export function countUpTo<T>(sorted: readonly T[], key: (t: T) => number, limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(sorted[mid]) <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
