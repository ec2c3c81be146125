/**
 * Checking a workbook (`tradebook check`): every row against the contract
 * and the tables against each other, as the workbook is read for any other
 * use case (open-crm.ts), with the count of errors and warnings. A table
 * that cannot be read at all, or no Customers table, is an error value of
 * its own, not a count.
 */
import { ok, type Issue, type Result } from "../core/contract/issues";
import type { TableReader } from "../workbook/port";
import { readSnapshot } from "./open-crm";

export interface CheckReport {
  /** Errors and warnings, in sheet order. */
  readonly issues: readonly Issue[];
  readonly errors: number;
  readonly warnings: number;
}

export async function checkWorkbook(reader: TableReader): Promise<Result<CheckReport>> {
  const read = await readSnapshot(reader);
  if (!read.ok) return read;
  const { issues } = read.value;
  return ok({ issues, ...countBySeverity(issues) });
}

export function countBySeverity(issues: readonly Issue[]): { readonly errors: number; readonly warnings: number } {
  let errors = 0;
  for (const i of issues) if (i.severity === "error") errors++;
  return { errors, warnings: issues.length - errors };
}
