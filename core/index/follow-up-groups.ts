/**
 * Follow-ups grouped by customer (core/index/row-groups.ts) with, beside
 * each one's date, the bits the due list and grading ask of every
 * follow-up (`kind`): a customer's whole history is then read from two
 * typed arrays in sequence, and a row only when a rule needs its text or
 * its promise.
 */
import type { FollowUp } from "../contract/model";
import type { RowGroups, TableGroups } from "./row-groups";

/** Bits of FollowUpGroups.kind. */
export const OUTBOUND = 1;
export const BY_EMAIL = 2;
export const BY_VISIT = 4;
/** It carries a NextDate (a promise). */
export const PROMISED = 8;

/** Follow-ups grouped by customer, with their kinds beside `date` in group order. */
export interface FollowUpGroups extends TableGroups<FollowUp> {
  /** The p-th grouped follow-up's OUTBOUND | BY_EMAIL | BY_VISIT | PROMISED bits (as `date`). */
  readonly kind: Uint8Array;
}

/** A follow-up's OUTBOUND | BY_EMAIL | BY_VISIT | PROMISED bits. */
export function followUpKind(f: FollowUp): number {
  return (
    (f.Direction === "Out" ? OUTBOUND : 0) |
    (f.Channel === "Email" ? BY_EMAIL : f.Channel === "Visit" ? BY_VISIT : 0) |
    (f.NextDate !== null ? PROMISED : 0)
  );
}

/** The groups of `rows` with each follow-up's kind (`kindOfRow`, by row position) moved beside its date. */
export function withKinds(groups: RowGroups, kindOfRow: Uint8Array, rows: readonly FollowUp[]): FollowUpGroups {
  const { at } = groups;
  const kind = new Uint8Array(at.length);
  for (let p = 0; p < at.length; p++) kind[p] = kindOfRow[at[p]];
  return { ...groups, kind, rows };
}
