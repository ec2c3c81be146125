/**
 * Cadence cases read better with dates as text: these wrap the shared row
 * builders (support/crm.ts) with "YYYY-MM-DD[ HH:MM]" dates and the cadence
 * tests' own defaults (owner Li Na, a German customer created 2026-01-05).
 */
import { parseISODate, parseISODateTime, type DateTimeSerial, type DaySerial } from "../../../core/contract/dates";
import type { CountryCode, CrmSnapshot, Customer, FollowUp } from "../../../core/contract/model";
import { emptySnapshot } from "../../../app/open-crm";
import * as rows from "../../support/crm";

export const day = (iso: string): DaySerial => {
  const d = parseISODate(iso);
  if (d === undefined) throw new Error(`bad date ${iso}`);
  return d;
};
export const at = (iso: string): DateTimeSerial => {
  const d = parseISODateTime(iso);
  if (d === undefined) throw new Error(`bad date-time ${iso}`);
  return d;
};

export function customer(id: string, over: Partial<Customer> = {}): Customer {
  return rows.customer(id, { Country: "DE" as CountryCode, Owner: rows.person("Li Na"), CreatedOn: day("2026-01-05"), Contact: "Anna", ...over });
}

/** A follow-up at "YYYY-MM-DD[ HH:MM]"; outbound email unless told otherwise. */
export function followUp(customerId: string, when: string, over: Partial<FollowUp> = {}): FollowUp {
  return rows.followUp(customerId, at(when), { Salesperson: rows.person("Li Na"), ...over });
}

export function snapshotOf(customers: readonly Customer[], followUps: readonly FollowUp[]): CrmSnapshot {
  return { ...emptySnapshot(), Customers: customers, FollowUps: followUps };
}
