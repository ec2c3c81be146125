/**
 * Every customer's follow-ups, oldest first (ties in sheet order), as
 * columns: the one place where the index trades plain objects for speed.
 *
 * Why: the due list reads every follow-up of every customer in date order,
 * grading each customer's last contact, and a workbook holds ten follow-ups
 * per customer (500,000 at the benchmark's largest size). Kept as an array
 * of rows per customer, each of those reads goes to a row somewhere in a
 * heap of hundreds of MB: a cache miss per row. Here a customer's follow-ups
 * are a range of positions whose dates and kinds lie side by side in typed
 * arrays, read in sequence; a row is read only for what only the row has
 * (a promise's NextDate, a due item's texts). docs/performance.md gives
 * what this buys in ms.
 */
import type { CustomerId, FollowUp } from "../contract/model";

/** Bits of FollowUpHistories.kind: what the cadence rules ask of every follow-up. */
export const OUTBOUND = 1;
export const BY_EMAIL = 2;
export const BY_VISIT = 4;
/** It carries a NextDate (a promise). */
export const PROMISED = 8;

export function followUpKind(f: FollowUp): number {
  return (
    (f.Direction === "Out" ? OUTBOUND : 0) |
    (f.Channel === "Email" ? BY_EMAIL : f.Channel === "Visit" ? BY_VISIT : 0) |
    (f.NextDate !== null ? PROMISED : 0)
  );
}

export interface FollowUpHistories {
  /** The number of each customer's history (every CustomerID the follow-ups name). */
  readonly historyOf: ReadonlyMap<CustomerId, number>;
  /** History h is positions start[h] .. start[h + 1] - 1. */
  readonly start: Int32Array;
  /** Per position: the follow-up's place in `rows`, its Date and its kind bits. */
  readonly at: Int32Array;
  readonly date: Float64Array;
  readonly kind: Uint8Array;
  readonly rows: readonly FollowUp[];
}

/** Positions lo .. hi - 1 of one history, sorted by date in place (stably; dates and kinds move with them). */
function sortRange(lo: number, hi: number, at: Int32Array, date: Float64Array, kind: Uint8Array): void {
  const order = Array.from({ length: hi - lo }, (_, k) => lo + k).sort((a, b) => date[a] - date[b]);
  const rows = order.map((p) => at[p]);
  const dates = order.map((p) => date[p]);
  const kinds = order.map((p) => kind[p]);
  at.set(rows, lo);
  date.set(dates, lo);
  kind.set(kinds, lo);
}

export function followUpHistories(rows: readonly FollowUp[]): FollowUpHistories {
  const n = rows.length;
  const historyOf = new Map<CustomerId, number>();
  const historyOfRow = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const id = rows[i].CustomerID;
    let h = historyOf.get(id);
    if (h === undefined) {
      h = historyOf.size;
      historyOf.set(id, h);
    }
    historyOfRow[i] = h;
  }
  // A counting sort by history: sizes, then starts, then each row into its
  // place, in sheet order within each history.
  const histories = historyOf.size;
  const start = new Int32Array(histories + 1);
  for (let i = 0; i < n; i++) start[historyOfRow[i] + 1]++;
  for (let h = 0; h < histories; h++) start[h + 1] += start[h];
  const next = start.slice(0, histories);
  const at = new Int32Array(n);
  const date = new Float64Array(n);
  const kind = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = next[historyOfRow[i]]++;
    const f = rows[i];
    at[p] = i;
    date[p] = f.Date;
    kind[p] = followUpKind(f);
  }
  // Sheets are usually kept in date order: most histories are sorted already.
  for (let h = 0; h < histories; h++) {
    const lo = start[h];
    const hi = start[h + 1];
    for (let p = lo + 1; p < hi; p++) {
      if (date[p - 1] > date[p]) {
        sortRange(lo, hi, at, date, kind);
        break;
      }
    }
  }
  return { historyOf, start, at, date, kind, rows };
}

/** The follow-ups of a customer, oldest first: a new array (for callers outside the whole-table rules). */
export function followUpRowsOf(histories: FollowUpHistories, id: CustomerId): FollowUp[] {
  const h = histories.historyOf.get(id);
  const out: FollowUp[] = [];
  if (h === undefined) return out;
  for (let p = histories.start[h]; p < histories.start[h + 1]; p++) out.push(histories.rows[histories.at[p]]);
  return out;
}
