/** Small builders for cadence tests: customers and follow-ups with only what a case needs. */
import { parseISODate, parseISODateTime, type DateTimeSerial, type DaySerial } from "../../core/dates";
import type { CrmSnapshot, Customer, CustomerId, FollowUp, FollowUpId, SalespersonName, CountryCode } from "../../core/model";
import { emptySnapshot } from "../../workbook/snapshot";

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
  return {
    CustomerID: id as CustomerId,
    Company: `Company ${id}`,
    Country: "DE" as CountryCode,
    TimeZone: null,
    Address: null,
    Website: null,
    Source: null,
    Products: null,
    Owner: "Li Na" as SalespersonName,
    CreatedOn: day("2026-01-05"),
    Status: null,
    InquiryType: null,
    Size: null,
    CreditRating: null,
    CreditLimitCNY: null,
    Contact: "Anna",
    Title: null,
    Email: null,
    Phone: null,
    IM: null,
    Birthday: null,
    Grade: null,
    Notes: null,
    ...over,
  };
}

let seq = 0;
/** A follow-up at "YYYY-MM-DD[ HH:MM]"; outbound email unless told otherwise. */
export function followUp(customerId: string, when: string, over: Partial<FollowUp> = {}): FollowUp {
  seq += 1;
  return {
    FollowUpID: `F${seq}` as FollowUpId,
    Date: at(when),
    CustomerID: customerId as CustomerId,
    Salesperson: "Li Na" as SalespersonName,
    Channel: "Email",
    Direction: "Out",
    Purpose: null,
    Summary: null,
    NextStep: null,
    NextDate: null,
    Satisfaction: null,
    ...over,
  };
}

export function snapshotOf(customers: readonly Customer[], followUps: readonly FollowUp[]): CrmSnapshot {
  return { ...emptySnapshot(), Customers: customers, FollowUps: followUps };
}
