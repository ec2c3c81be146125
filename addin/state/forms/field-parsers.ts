/**
 * Field parsers shared by the pane's forms. Each turns what the user typed
 * into a typed value or a message for the field; nothing is written until
 * every field of a form parses.
 */
import { parseISODate, parseISODateTime, type DateTimeSerial, type DaySerial } from "../../../core/contract/dates";
import type { MessageKey, Params } from "../../i18n/messages";
import type { ColumnDef } from "../../../core/contract/columns";
import { numberProblem, textProblem } from "../../../core/contract/limits";

export interface FieldMessage {
  readonly key: MessageKey;
  readonly params?: Params;
}

export type FieldResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: FieldMessage };

export type FieldErrors<F extends string> = Partial<Record<F, FieldMessage>>;

export type Validated<R, F extends string> = { readonly ok: true; readonly row: R } | { readonly ok: false; readonly errors: FieldErrors<F> };

const good = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const bad = (key: MessageKey, params?: Params): FieldResult<never> => ({ ok: false, message: { key, params } });

const blank = (s: string): boolean => s.trim() === "";

/**
 * Text is stored exactly as typed (no trimming, no escaping): a formula-like
 * "=1+1" is the customer's words, and adapters write it as text. Only an
 * all-blank entry becomes an empty cell.
 */
export function optionalText(s: string): FieldResult<string | null> {
  if (blank(s)) return good(null);
  const problem = textProblem(s);
  return problem ? bad(problem.key, problem.params) : good(s);
}

export function requiredText(s: string): FieldResult<string> {
  if (blank(s)) return bad("required");
  return optionalText(s) as FieldResult<string>;
}

export function optionalDate(s: string): FieldResult<DaySerial | null> {
  if (blank(s)) return good(null);
  const d = parseISODate(s);
  return d === undefined ? bad("invalidDate") : good(d);
}

export function requiredDate(s: string): FieldResult<DaySerial> {
  if (blank(s)) return bad("required");
  return optionalDate(s) as FieldResult<DaySerial>;
}

/** Accepts "YYYY-MM-DD HH:MM" and the "YYYY-MM-DDTHH:MM" of <input type=datetime-local>. */
export function requiredDateTime(s: string): FieldResult<DateTimeSerial> {
  if (blank(s)) return bad("required");
  const d = parseISODateTime(s);
  return d === undefined ? bad("invalidDateTime") : good(d);
}

/** A number for `column`: whole for an int column, within the limits its definition in the schema sets. */
export function optionalNumber(s: string, column: ColumnDef): FieldResult<number | null> {
  if (blank(s)) return good(null);
  const text = s.trim().replace(/,/g, "");
  const n = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(n)) return bad("invalidNumber");
  const problem = numberProblem(column, n);
  return problem ? bad(problem.key, problem.params) : good(n);
}

export function requiredNumber(s: string, column: ColumnDef): FieldResult<number> {
  if (blank(s)) return bad("required");
  return optionalNumber(s, column) as FieldResult<number>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function optionalEmail(s: string): FieldResult<string | null> {
  if (blank(s)) return good(null);
  return EMAIL.test(s.trim()) ? good(s.trim()) : bad("invalidEmail");
}

/** An enum picked from a list: "" is blank, anything else must be listed. */
export function optionalChoice<V extends string>(s: string, column: ColumnDef): FieldResult<V | null> {
  if (s === "") return good(null);
  return (column.enumValues ?? []).some((a) => a.value === s) ? good(s as V) : bad("required");
}

export function requiredChoice<V extends string>(s: string, column: ColumnDef): FieldResult<V> {
  if (s === "") return bad("required");
  return optionalChoice<V>(s, column) as FieldResult<V>;
}

/**
 * Collects each field's result: the parsed values when all parse, else the
 * message per failing field. Keeps forms declarative.
 */
export class FieldCollector<F extends string> {
  readonly errors: FieldErrors<F> = {};

  take<T>(field: F, r: FieldResult<T>): T {
    if (!r.ok) {
      if (!this.errors[field]) this.errors[field] = r.message;
      return undefined as unknown as T; // never used: the form fails as a whole
    }
    return r.value;
  }

  fail(field: F, key: MessageKey, params?: Params): void {
    if (!this.errors[field]) this.errors[field] = { key, params };
  }

  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }
}
