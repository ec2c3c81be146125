/** Shared bits of the record forms: who the record belongs to and fresh IDs. */
import type { CustomerId, SalespersonName } from "../../core/contract/model";
import { customerOf } from "../../core/index/indexes";
import type { TableName } from "../../core/contract/schema";
import type { PaneData } from "../state/derived";
import { newRecordId } from "../../app/ids";

/**
 * The salesperson a record is written for: the user, or in manager mode the
 * customer's owner (the manager is not necessarily a Salespeople row).
 */
export function salespersonFor(data: PaneData, me: SalespersonName | null, customerId: string): SalespersonName {
  return me ?? customerOf(data.index, customerId as CustomerId)?.Owner ?? ("" as SalespersonName);
}

export function idMaker<B extends string>(data: PaneData, table: TableName): () => B {
  return () => newRecordId(table, data.clock.today, data.taken(table)) as B;
}

export function customerExists(data: PaneData): (id: string) => boolean {
  return (id) => customerOf(data.index, id as CustomerId) !== undefined;
}

export function customerById(data: PaneData): (id: string) => ReturnType<typeof customerOf> {
  return (id) => customerOf(data.index, id as CustomerId);
}
