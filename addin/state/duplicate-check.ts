/**
 * The customers the new-customer form checks a new one against
 * (app/add-customer.ts, core/rules/duplicates.ts), indexed once per read.
 */
import { duplicateIndex, type DuplicateIndex } from "../../core/rules/duplicates";
import type { PaneData } from "./derived";

const indexes = new WeakMap<PaneData, DuplicateIndex>();

export function knownCustomers(data: PaneData): DuplicateIndex {
  let index = indexes.get(data);
  if (!index) {
    index = duplicateIndex(data.ws.snapshot.Customers);
    indexes.set(data, index);
  }
  return index;
}
