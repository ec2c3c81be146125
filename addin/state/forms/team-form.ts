/**
 * The first run's team form: one row per salesperson (contract.md
 * Salespeople: Name, HireDate, Email, optionally Manager; the other columns
 * stay blank, which means their defaults). Wholly blank rows are skipped;
 * names must be new to the team, however they are capitalised, because
 * every sheet refers to a salesperson by name.
 */
import type { Salesperson, SalespersonName } from "../../../core/contract/model";
import { FieldCollector, optionalEmail, optionalText, requiredDate, requiredText, type FieldErrors } from "./field-parsers";

export interface TeamRowForm {
  readonly name: string;
  readonly hireDate: string;
  readonly email: string;
  readonly manager: string;
}

export type TeamField = keyof TeamRowForm;

export const EMPTY_TEAM_ROW: TeamRowForm = { name: "", hireDate: "", email: "", manager: "" };

export type ValidatedTeam = { readonly ok: true; readonly rows: readonly Salesperson[] } | { readonly ok: false; readonly errors: readonly FieldErrors<TeamField>[] };

/** How names are compared: "Tom", " tom " and "TOM" are one person. */
export const nameKey = (name: string): string => name.trim().toLowerCase();

const isBlank = (r: TeamRowForm): boolean => Object.values(r).every((v) => v.trim() === "");

/** `taken`: the names already in Salespeople, as nameKey gives them. */
export function validateTeam(rows: readonly TeamRowForm[], taken: ReadonlySet<string>): ValidatedTeam {
  const seen = new Set(taken);
  const people: Salesperson[] = [];
  const errors = rows.map((form): FieldErrors<TeamField> => {
    if (isBlank(form)) return {};
    const c = new FieldCollector<TeamField>();
    const name = c.take("name", requiredText(form.name.trim()));
    if (c.ok && seen.has(nameKey(name))) c.fail("name", "duplicateName");
    if (c.ok) seen.add(nameKey(name));
    const hireDate = c.take("hireDate", requiredDate(form.hireDate));
    const email = c.take("email", optionalEmail(form.email));
    const manager = c.take("manager", optionalText(form.manager.trim()));
    if (c.ok) people.push({ Name: name as SalespersonName, HireDate: hireDate, Manager: manager, BaseSalaryCNY: null, Active: null, Email: email });
    return c.errors;
  });
  if (errors.some((e) => Object.keys(e).length > 0)) return { ok: false, errors };
  // A team needs someone: all rows blank asks for the first name.
  if (people.length === 0) return { ok: false, errors: rows.map((_, i) => (i === 0 ? { name: { key: "required" } } : {})) };
  return { ok: true, rows: people };
}
