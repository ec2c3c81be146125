/**
 * The duplicate check of the new-customer form: core/rules/duplicates.ts decides
 * what counts as a duplicate and says why, naming the match's owner.
 */
import { duplicateIndex, findDuplicatesIn, type DuplicateIndex, type DuplicateMatch } from "../../core/rules/duplicates";
import type { Customer } from "../../core/contract/model";
import type { PaneData } from "./derived";

export type { DuplicateMatch };

/** The duplicate index is built once per snapshot, on first use. */
const indexes = new WeakMap<PaneData, DuplicateIndex>();

export function checkDuplicates(data: PaneData, candidate: Customer): DuplicateMatch[] {
  let index = indexes.get(data);
  if (!index) {
    index = duplicateIndex(data.ws.snapshot.Customers);
    indexes.set(data, index);
  }
  return findDuplicatesIn(index, candidate);
}
