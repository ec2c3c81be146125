/**
 * Adding a customer: the duplicate check of rules.md (core/rules/duplicates.ts
 * decides what counts and names the match's owner) before the row is
 * appended. A user who has seen the matches may still add it (two companies
 * can share a name): `known` is then null.
 */
import type { DaySerial } from "../core/contract/dates";
import { ok, type Result } from "../core/contract/issues";
import type { Customer } from "../core/contract/model";
import { findDuplicatesIn, type DuplicateIndex, type DuplicateMatch } from "../core/rules/duplicates";
import type { WorkbookPort } from "../workbook/port";
import { appendRecord, type Appended } from "./append-record";

export type { DuplicateIndex, DuplicateMatch };

export type AddCustomer =
  /** Not written: the customer may be one of these. */
  | { readonly kind: "duplicates"; readonly matches: readonly DuplicateMatch[] }
  | { readonly kind: "added"; readonly appended: Appended<"Customers"> };

/** Checks `row` against `known` (the workbook's customers, core's duplicateIndex; null: the user confirmed after seeing the matches) and appends it when nothing matches. */
export async function addCustomer(port: WorkbookPort, row: Customer, today: DaySerial, known: DuplicateIndex | null): Promise<Result<AddCustomer>> {
  const matches = known ? findDuplicatesIn(known, row) : [];
  if (matches.length > 0) return ok({ kind: "duplicates", matches });
  const appended = await appendRecord(port, "Customers", row, today);
  return appended.ok ? ok({ kind: "added", appended: appended.value }) : appended;
}
