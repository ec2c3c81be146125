/**
 * The typed records of the workbook contract, as the rules see them.
 *
 * Property names are the contract's column keys, so a row read from a sheet
 * and a record in a rule speak one vocabulary. Blank optional cells are null.
 * Dates are serials (core/contract/dates.ts). IDs are branded so that a CustomerID
 * can't be passed where an OrderID is expected.
 */
import type { DateTimeSerial, DaySerial } from "./dates";
import type {
  Channel,
  CreditRating,
  CustomerSize,
  CustomerStatus,
  Direction,
  Grade,
  Incoterm,
  InquiryType,
  OrderStatus,
  Purpose,
  Source,
  TableName,
  YesNo,
} from "./schema";

declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type CustomerId = Brand<string, "CustomerId">;
export type FollowUpId = Brand<string, "FollowUpId">;
export type SampleId = Brand<string, "SampleId">;
export type OrderId = Brand<string, "OrderId">;
export type PaymentId = Brand<string, "PaymentId">;
/** A Salespeople Name: the key other tables refer to. */
export type SalespersonName = Brand<string, "SalespersonName">;
export type CountryCode = Brand<string, "CountryCode">;
export type CurrencyCode = Brand<string, "CurrencyCode">;

export interface Customer {
  CustomerID: CustomerId;
  Company: string;
  Country: CountryCode;
  TimeZone: string | null;
  Address: string | null;
  Website: string | null;
  Source: Source | null;
  Products: string | null;
  Owner: SalespersonName;
  CreatedOn: DaySerial;
  Status: CustomerStatus | null;
  InquiryType: InquiryType | null;
  Size: CustomerSize | null;
  CreditRating: CreditRating | null;
  CreditLimitCNY: number | null;
  Contact: string | null;
  Title: string | null;
  Email: string | null;
  Phone: string | null;
  IM: string | null;
  Birthday: DaySerial | null;
  Grade: Grade | null;
  Notes: string | null;
}

export interface FollowUp {
  FollowUpID: FollowUpId;
  Date: DateTimeSerial;
  CustomerID: CustomerId;
  Salesperson: SalespersonName;
  Channel: Channel;
  Direction: Direction;
  Purpose: Purpose | null;
  Summary: string | null;
  NextStep: string | null;
  NextDate: DaySerial | null;
  Satisfaction: number | null;
}

export interface Sample {
  SampleID: SampleId;
  CustomerID: CustomerId;
  Salesperson: SalespersonName;
  RequestedOn: DaySerial;
  SentOn: DaySerial | null;
  Items: string | null;
  Courier: string | null;
  TrackingNo: string | null;
  FeeCNY: number | null;
  FeePaid: YesNo | null;
  Feedback: string | null;
}

export interface Order {
  OrderID: OrderId;
  CustomerID: CustomerId;
  Salesperson: SalespersonName;
  OrderDate: DaySerial;
  Products: string | null;
  Currency: CurrencyCode;
  Amount: number;
  Incoterm: Incoterm | null;
  PaymentTerms: string | null;
  Status: OrderStatus;
  ShipDate: DaySerial | null;
  DueDate: DaySerial | null;
}

export interface Payment {
  PaymentID: PaymentId;
  OrderID: OrderId;
  Date: DaySerial;
  Currency: CurrencyCode;
  Amount: number;
  RateToCNY: number | null;
}

export interface Salesperson {
  Name: SalespersonName;
  HireDate: DaySerial;
  Manager: string | null;
  BaseSalaryCNY: number | null;
  Active: YesNo | null;
  Email: string | null;
}

export interface Forecast {
  Salesperson: SalespersonName;
  /** "YYYY-MM" */
  Month: string;
  ForecastCNY: number;
}

export interface Score {
  Salesperson: SalespersonName;
  /** "YYYY-Qn" */
  Quarter: string;
  AlibabaScore: number | null;
  AttitudeScore: number | null;
  Comment: string | null;
}

export interface WeeklyNote {
  Salesperson: SalespersonName;
  /** "YYYY-Www" */
  Week: string;
  Review: string | null;
  Problems: string | null;
  Improvements: string | null;
  SupportNeeded: string | null;
  Mindset: string | null;
}

export interface SettingRow {
  Key: string;
  Value: string | null;
  Description: string | null;
}

export interface CommissionTier {
  /** Upper bound of the band, inclusive; null on the last band. */
  UpToCNY: number | null;
  Rate: number;
}

export interface ExchangeRate {
  Currency: CurrencyCode;
  RateToCNY: number;
  AsOf: DaySerial | null;
}

export interface Country {
  Code: CountryCode;
  NameEn: string | null;
  NameZh: string | null;
  Region: string | null;
  TimeZone: string | null;
}

/** The record type of each table. */
export interface RowTypes {
  Customers: Customer;
  FollowUps: FollowUp;
  Samples: Sample;
  Orders: Order;
  Payments: Payment;
  Salespeople: Salesperson;
  Forecasts: Forecast;
  Scores: Score;
  WeeklyNotes: WeeklyNote;
  Settings: SettingRow;
  CommissionTiers: CommissionTier;
  ExchangeRates: ExchangeRate;
  Countries: Country;
}

export type RowOf<T extends TableName> = RowTypes[T];

/** Everything the rules need, read from one workbook. */
export type CrmSnapshot = { readonly [T in TableName]: readonly RowTypes[T][] };
