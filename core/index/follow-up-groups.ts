/**
 * Follow-ups grouped by customer with, beside each, the bits the
 * whole-table rules ask of it (`kind`): the due list and the review read
 * two typed arrays in sequence and touch only the rows they keep.
 */
import type { FollowUp } from "../contract/model";
import { groupRows, type RowGroups, type TableGroups } from "./row-groups";

/** Bits of FollowUpGroups.kind: what the cadence and review rules ask of a follow-up. */
export const OUTBOUND = 1;
export const BY_EMAIL = 2;
export const BY_VISIT = 4;
/** It carries a NextDate (a promise): the due list reads the row only then. */
export const PROMISED = 8;

/** Follow-ups grouped by customer, with their kinds beside `date` in group order. */
export interface FollowUpGroups extends TableGroups<FollowUp> {
  /** The p-th grouped follow-up's OUTBOUND | BY_EMAIL | BY_VISIT | PROMISED bits (as `date`). */
  readonly kind: Uint8Array;
}

/** A follow-up's OUTBOUND | BY_EMAIL | BY_VISIT | PROMISED bits. */
export function followUpKind(f: FollowUp): number {
  const channel = f.Channel;
  return (
    (f.Direction === "Out" ? OUTBOUND : 0) |
    (channel === "Email" ? BY_EMAIL : channel === "Visit" ? BY_VISIT : 0) |
    (f.NextDate !== null ? PROMISED : 0)
  );
}

/**
 * Follow-ups the index was not built from, grouped by customer as the
 * index groups them (a group per CustomerID, in first-seen order; each in
 * sheet order, not by date).
 */
export function followUpGroups(rows: readonly FollowUp[]): FollowUpGroups {
  const date = new Float64Array(rows.length);
  const kind = new Uint8Array(rows.length);
  const groupOf = new Int32Array(rows.length);
  const groups = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const f = rows[i];
    date[i] = f.Date;
    kind[i] = followUpKind(f);
    let g = groups.get(f.CustomerID);
    if (g === undefined) {
      g = groups.size;
      groups.set(f.CustomerID, g);
    }
    groupOf[i] = g;
  }
  return withKinds(groupRows(groupOf, groups.size, date, false), kind, rows);
}

/** Groups of follow-ups with their kinds moved into group order. */
export function withKinds(groups: RowGroups, kindOf: Uint8Array, rows: readonly FollowUp[]): FollowUpGroups {
  const { at } = groups;
  const kind = new Uint8Array(at.length);
  for (let p = 0; p < at.length; p++) kind[p] = kindOf[at[p]];
  return { ...groups, kind, rows };
}
