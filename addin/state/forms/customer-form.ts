/** The new-customer form: typed input → a Customers row, or messages per field. */
import type { CountryCode, Customer, CustomerId, SalespersonName } from "../../../core/contract/model";
import type { DaySerial } from "../../../core/contract/dates";
import { columnOf, type ColumnDef, type InquiryType, type Source } from "../../../core/contract/schema";
import { isValidTimeZone } from "../../../core/contract/settings";
import { FieldCollector, optionalChoice, optionalDate, optionalEmail, optionalNumber, optionalText, requiredText, type Validated } from "./field-parsers";

/** The Customers column a field fills: its limits and choices are the schema's. */
const column = (key: string): ColumnDef => columnOf("Customers", key);

export interface CustomerForm {
  readonly company: string;
  readonly country: string;
  readonly timeZone: string;
  readonly source: string;
  readonly inquiryType: string;
  readonly products: string;
  readonly owner: string;
  readonly contact: string;
  readonly title: string;
  readonly email: string;
  readonly phone: string;
  readonly im: string;
  readonly birthday: string;
  readonly website: string;
  readonly address: string;
  readonly creditLimit: string;
  readonly notes: string;
}

export type CustomerField = keyof CustomerForm;

export interface CustomerContext {
  readonly countryKnown: (code: string) => boolean;
  readonly salespersonKnown: (name: string) => boolean;
  readonly today: DaySerial;
  readonly newId: () => CustomerId;
}

export const EMPTY_CUSTOMER_FORM: CustomerForm = {
  company: "", country: "", timeZone: "", source: "", inquiryType: "", products: "", owner: "", contact: "", title: "",
  email: "", phone: "", im: "", birthday: "", website: "", address: "", creditLimit: "", notes: "",
};

export function validateCustomer(form: CustomerForm, ctx: CustomerContext): Validated<Customer, CustomerField> {
  const c = new FieldCollector<CustomerField>();
  const company = c.take("company", requiredText(form.company));
  const country = form.country.trim().toUpperCase();
  if (country === "") c.fail("country", "required");
  else if (!ctx.countryKnown(country)) c.fail("country", "invalidCountry");
  const tz = form.timeZone.trim();
  if (tz !== "" && !isValidTimeZone(tz)) c.fail("timeZone", "invalidTimeZone");
  const source = c.take("source", optionalChoice<Source>(form.source, column("Source")));
  const inquiryType = c.take("inquiryType", optionalChoice<InquiryType>(form.inquiryType, column("InquiryType")));
  if (form.owner.trim() === "") c.fail("owner", "required");
  else if (!ctx.salespersonKnown(form.owner)) c.fail("owner", "required");
  const products = c.take("products", optionalText(form.products));
  const contact = c.take("contact", optionalText(form.contact));
  const title = c.take("title", optionalText(form.title));
  const email = c.take("email", optionalEmail(form.email));
  const phone = c.take("phone", optionalText(form.phone));
  const im = c.take("im", optionalText(form.im));
  const birthday = c.take("birthday", optionalDate(form.birthday));
  const website = c.take("website", optionalText(form.website));
  const address = c.take("address", optionalText(form.address));
  const creditLimit = c.take("creditLimit", optionalNumber(form.creditLimit, column("CreditLimitCNY")));
  const notes = c.take("notes", optionalText(form.notes));
  if (!c.ok) return { ok: false, errors: c.errors };
  return {
    ok: true,
    row: {
      CustomerID: ctx.newId(),
      Company: company,
      Country: country as CountryCode,
      TimeZone: tz === "" ? null : tz,
      Address: address,
      Website: website,
      Source: source,
      Products: products,
      Owner: form.owner as SalespersonName,
      CreatedOn: ctx.today,
      Status: "Active",
      InquiryType: inquiryType,
      Size: null,
      CreditRating: null,
      CreditLimitCNY: creditLimit,
      Contact: contact,
      Title: title,
      Email: email,
      Phone: phone,
      IM: im,
      Birthday: birthday,
      Grade: null,
      Notes: notes,
    },
  };
}
