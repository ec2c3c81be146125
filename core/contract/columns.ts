/**
 * The builder the table definitions of core/contract/schema.ts are written with, and
 * its defaults (minimum 0 for numbers, widths by type), so each column of the
 * contract reads as one line there.
 */
import type { EnumValue } from "./enums";
import type { ColumnDef, ColumnRef, ColumnType, LocalizedText, TextFormat } from "./schema";

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
