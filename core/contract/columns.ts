/**
 * What a table of the contract and its columns are (the shapes
 * core/contract/schema.ts fills in), and the builder the table definitions
 * are written with: its defaults (minimum 0 for numbers, widths by type) let
 * each column of the contract read as one line there.
 */
import type { EnumValue } from "./enums";
import type { LocalizedText } from "./lang";

export type ColumnType =
  | "text"
  | "int"
  | "number"
  | "date"
  | "datetime"
  | "enum"
  | "yn";

/** Extra shape checks some text columns carry. */
export type TextFormat =
  | "email"
  | "country" // ISO 3166-1 alpha-2, present in Countries
  | "currency" // ISO 4217, present in ExchangeRates (CNY always)
  | "timezone" // IANA name
  | "month" // YYYY-MM
  | "quarter" // YYYY-Qn
  | "isoWeek"; // YYYY-Www


export interface ColumnRef {
  readonly table: TableName;
  readonly column: string;
}

export interface ColumnDef {
  readonly key: string;
  readonly zh: string;
  readonly type: ColumnType;
  readonly required: boolean;
  readonly unique?: boolean;
  readonly enumValues?: readonly EnumValue[];
  /** Values must exist in this other table's column. */
  readonly ref?: ColumnRef;
  readonly format?: TextFormat;
  /** Inclusive bounds for numbers. */
  readonly min?: number;
  readonly max?: number;
  /** Numbers that must be strictly greater than zero. */
  readonly positive?: boolean;
  /** Written by the product, not by users (e.g. Grade). */
  readonly computed?: boolean;
  /** Column width in characters for templates and reports. */
  readonly width: number;
  readonly help: LocalizedText;
}

export const TABLE_NAMES = [
  "Customers",
  "FollowUps",
  "Samples",
  "Orders",
  "Payments",
  "Salespeople",
  "Forecasts",
  "Scores",
  "WeeklyNotes",
  "Settings",
  "CommissionTiers",
  "ExchangeRates",
  "Countries",
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export interface TableDef {
  readonly name: TableName;
  readonly sheet: LocalizedText;
  /** The column that identifies a row for update-by-ID, if any. */
  readonly idColumn: string | null;
  /** Reference tables hold configuration rather than business records. */
  readonly kind: "record" | "reference";
  readonly columns: readonly ColumnDef[];
  readonly help: LocalizedText;
}

interface ColOpts {
  required?: boolean;
  unique?: boolean;
  ref?: ColumnRef;
  format?: TextFormat;
  min?: number;
  max?: number;
  positive?: boolean;
  computed?: boolean;
  width?: number;
  help?: LocalizedText;
}

export function col(key: string, zh: string, type: ColumnType, opts: ColOpts = {}, enumValues?: readonly EnumValue[]): ColumnDef {
  const defaultWidth = type === "date" ? 12 : type === "datetime" ? 17 : type === "text" ? 18 : 11;
  return {
    key,
    zh,
    type,
    required: opts.required ?? false,
    unique: opts.unique,
    enumValues,
    ref: opts.ref,
    format: opts.format,
    min: opts.min ?? (type === "number" || type === "int" ? 0 : undefined),
    max: opts.max,
    positive: opts.positive,
    computed: opts.computed,
    width: opts.width ?? Math.max(defaultWidth, key.length + 2),
    help: opts.help ?? { zh, en: key },
  };
}

export const req = { required: true } as const;
export const customerRef = { table: "Customers", column: "CustomerID" } as const satisfies ColumnRef;
export const salespersonRef = { table: "Salespeople", column: "Name" } as const satisfies ColumnRef;
export const orderRef = { table: "Orders", column: "OrderID" } as const satisfies ColumnRef;
