/**
 * Small builders for typed rows and snapshots in rule tests: each takes the
 * fields a case cares about and fills the rest with plain, valid defaults.
 */
import type {
  CountryCode,
  CrmSnapshot,
  CurrencyCode,
  Customer,
  CustomerId,
  ExchangeRate,
  FollowUp,
  FollowUpId,
  Order,
  OrderId,
  Payment,
  PaymentId,
  Sample,
  SampleId,
  SalespersonName,
} from "../../core/contract/model";

export const cid = (s: string): CustomerId => s as CustomerId;
export const oid = (s: string): OrderId => s as OrderId;
export const person = (s: string): SalespersonName => s as SalespersonName;
export const currency = (s: string): CurrencyCode => s as CurrencyCode;

export function customer(id: string, over: Partial<Customer> = {}): Customer {
  return {
    CustomerID: cid(id),
    Company: `Company ${id}`,
    Country: "US" as CountryCode,
    TimeZone: null,
    Address: null,
    Website: null,
    Source: null,
    Products: null,
    Owner: person("Li Lei"),
    CreatedOn: 45000,
    Status: null,
    InquiryType: null,
    Size: null,
    CreditRating: null,
    CreditLimitCNY: null,
    Contact: null,
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
const next = (prefix: string): string => `${prefix}-${++seq}`;

export function followUp(customerId: string, date: number, over: Partial<FollowUp> = {}): FollowUp {
  return {
    FollowUpID: next("F") as FollowUpId,
    Date: date,
    CustomerID: cid(customerId),
    Salesperson: person("Li Lei"),
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

export function sample(customerId: string, sentOn: number | null, over: Partial<Sample> = {}): Sample {
  return {
    SampleID: next("S") as SampleId,
    CustomerID: cid(customerId),
    Salesperson: person("Li Lei"),
    RequestedOn: sentOn ?? 45000,
    SentOn: sentOn,
    Items: null,
    Courier: null,
    TrackingNo: null,
    FeeCNY: null,
    FeePaid: null,
    Feedback: null,
    ...over,
  };
}

export function order(id: string, customerId: string, over: Partial<Order> = {}): Order {
  return {
    OrderID: oid(id),
    CustomerID: cid(customerId),
    Salesperson: person("Li Lei"),
    OrderDate: 45000,
    Products: null,
    Currency: currency("CNY"),
    Amount: 10_000,
    Incoterm: null,
    PaymentTerms: null,
    Status: "Confirmed",
    ShipDate: null,
    DueDate: null,
    ...over,
  };
}

export function payment(orderId: string, date: number, amount: number, over: Partial<Payment> = {}): Payment {
  return {
    PaymentID: next("P") as PaymentId,
    OrderID: oid(orderId),
    Date: date,
    Currency: currency("CNY"),
    Amount: amount,
    RateToCNY: null,
    ...over,
  };
}

export const rate = (code: string, r: number): ExchangeRate => ({ Currency: currency(code), RateToCNY: r, AsOf: null });

export function snapshot(over: Partial<{ -readonly [K in keyof CrmSnapshot]: CrmSnapshot[K] }> = {}): CrmSnapshot {
  return {
    Customers: [],
    FollowUps: [],
    Samples: [],
    Orders: [],
    Payments: [],
    Salespeople: [],
    Forecasts: [],
    Scores: [],
    WeeklyNotes: [],
    Settings: [],
    CommissionTiers: [],
    ExchangeRates: [],
    Countries: [],
    ...over,
  };
}
