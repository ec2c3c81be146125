/**
 * What a use case reads of a workbook: which tables, and of each which
 * columns (a projection, tables × columns). The reader
 * (app/open-crm.ts readSnapshot) reads, types and checks only those: a
 * table left out is never inflated, and a column left out is never typed,
 * checked or held in the snapshot's rows.
 *
 * A table the projection leaves out is not read (its rows are empty, a
 * reference table's the contract's defaults); a column it leaves out is
 * null in every row, and is not checked. So a projection lists every column
 * its rules read: tests/core/contract/projection.test.ts runs each use case
 * on rows that throw when a column outside its projection is read.
 */
import { SCHEMA, TABLE_NAMES, type TableName } from "./schema";
import { COMPOSITE_KEYS } from "./validation";

/** Table → the column keys read; a table absent is not read at all. */
export type Projection = { readonly [T in TableName]?: readonly string[] };

const all = (table: TableName): readonly string[] => SCHEMA[table].columns.map((c) => c.key);

/** Every column of the given tables. */
function whole(tables: readonly TableName[]): Projection {
  return Object.fromEntries(tables.map((t) => [t, all(t)])) as Projection;
}

/** The small tables every report reads whole (a few hundred rows at most). */
const SMALL: readonly TableName[] = ["Salespeople", "Forecasts", "Scores", "WeeklyNotes", "Settings", "CommissionTiers", "ExchangeRates", "Countries"];

/** Every table, every column: `tradebook check`, the task pane's first read. */
export const EVERYTHING: Projection = whole(TABLE_NAMES);

/** The quarterly review (rules.md §7: grades, commission, stage requirements, the printed sheet). */
export const REVIEW: Projection = {
  ...whole(SMALL),
  Customers: ["CustomerID", "Owner", "CreatedOn", "Country", "InquiryType"],
  FollowUps: ["CustomerID", "Salesperson", "Date", "Channel", "Direction", "NextDate"],
  Samples: ["CustomerID", "Salesperson", "RequestedOn", "SentOn", "FeePaid"],
  Orders: ["OrderID", "CustomerID", "Salesperson", "OrderDate", "Products", "Status"],
  Payments: ["OrderID", "Date", "Currency", "Amount", "RateToCNY"],
};

/** The due list (rules.md §4) with the grades it depends on, and the next steps it prints. */
export const DUE: Projection = {
  ...whole(SMALL),
  Customers: ["CustomerID", "Company", "Country", "Owner", "CreatedOn", "Status", "InquiryType", "Contact", "Birthday"],
  FollowUps: ["CustomerID", "Salesperson", "Date", "Channel", "Direction", "NextStep", "NextDate"],
  Samples: ["CustomerID", "Salesperson", "RequestedOn", "SentOn"],
  Orders: ["OrderID", "CustomerID", "Salesperson", "OrderDate", "Status"],
  Payments: ["OrderID", "Date", "Currency", "Amount", "RateToCNY"],
};

/** The weekly report (rules.md §8) of one or every salesperson. */
export const WEEKLY: Projection = {
  ...whole(SMALL),
  Customers: ["CustomerID", "Company", "Country", "Address", "Owner", "CreatedOn", "InquiryType", "Contact", "Email", "Phone"],
  FollowUps: ["CustomerID", "Salesperson", "Date", "Channel", "Direction", "Purpose", "Summary", "NextDate"],
  Samples: ["CustomerID", "Salesperson", "RequestedOn", "SentOn"],
  Orders: ["OrderID", "CustomerID", "Salesperson", "OrderDate", "Status"],
  Payments: ["OrderID", "Date", "Currency", "Amount", "RateToCNY"],
};

/**
 * What importing rows into `table` checks them against: the table's keys
 * (unique IDs, composite keys), the columns its references point at, the
 * code tables of its country and currency columns, and the settings (the
 * work time zone dates new IDs). A follow-up's import reads FollowUpID,
 * Customers' CustomerID and Salespeople's Name, and no other cell.
 */
export function importProjection(table: TableName): Projection {
  const out: Partial<Record<TableName, Set<string>>> = { Settings: new Set(all("Settings")) };
  const add = (t: TableName, key: string): void => {
    (out[t] ??= new Set()).add(key);
  };
  const def = SCHEMA[table];
  for (const c of def.columns) if (c.unique) add(table, c.key);
  for (const k of COMPOSITE_KEYS[table] ?? []) add(table, k);
  out[table] ??= new Set();
  for (const c of def.columns) {
    if (c.ref) add(c.ref.table, c.ref.column);
    if (c.format === "country") add("Countries", "Code");
    if (c.format === "currency" && table === "Orders") add("ExchangeRates", "Currency");
  }
  // A payment without its own rate needs the currency's in ExchangeRates.
  if (table === "Payments") add("ExchangeRates", "Currency");
  return Object.fromEntries(Object.entries(out).map(([t, keys]) => [t, [...keys]])) as Projection;
}

/** The union of projections (a command that runs two use cases). */
export function joinProjections(...ps: readonly Projection[]): Projection {
  const out: Partial<Record<TableName, Set<string>>> = {};
  for (const p of ps) for (const t of TABLE_NAMES) for (const k of p[t] ?? []) (out[t] ??= new Set()).add(k);
  return Object.fromEntries(Object.entries(out).map(([t, keys]) => [t, [...keys]])) as Projection;
}
