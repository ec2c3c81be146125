/** The Orders form (opened from Log contact's "order" shortcut). */
import type { CurrencyCode, CustomerId, Order, OrderId, SalespersonName } from "../../../core/contract/model";
import { columnOf, type ColumnDef, type Incoterm, type OrderStatus } from "../../../core/contract/schema";
import { FieldCollector, optionalChoice, optionalDate, optionalText, requiredChoice, requiredDate, requiredNumber, type Validated } from "./field-parsers";

/** The Orders column a field fills: its limits and choices are the schema's. */
const column = (key: string): ColumnDef => columnOf("Orders", key);

export interface OrderForm {
  readonly customerId: string;
  readonly orderDate: string;
  readonly products: string;
  readonly currency: string;
  readonly amount: string;
  readonly incoterm: string;
  readonly paymentTerms: string;
  readonly status: string;
  readonly dueDate: string;
}

export type OrderField = keyof OrderForm;

export interface OrderContext {
  readonly customerExists: (id: string) => boolean;
  /** Currencies with a rate (ExchangeRates; CNY always). */
  readonly currencyKnown: (code: string) => boolean;
  readonly salesperson: SalespersonName;
  readonly newId: () => OrderId;
}

export function validateOrder(form: OrderForm, ctx: OrderContext): Validated<Order, OrderField> {
  const c = new FieldCollector<OrderField>();
  if (form.customerId.trim() === "") c.fail("customerId", "required");
  else if (!ctx.customerExists(form.customerId)) c.fail("customerId", "unknownCustomer");
  const orderDate = c.take("orderDate", requiredDate(form.orderDate));
  const products = c.take("products", optionalText(form.products));
  const currency = form.currency.trim().toUpperCase();
  if (currency === "") c.fail("currency", "required");
  else if (!ctx.currencyKnown(currency)) c.fail("currency", "unknownCurrency");
  const amount = c.take("amount", requiredNumber(form.amount, column("Amount")));
  const incoterm = c.take("incoterm", optionalChoice<Incoterm>(form.incoterm, column("Incoterm")));
  const paymentTerms = c.take("paymentTerms", optionalText(form.paymentTerms));
  const status = c.take("status", requiredChoice<OrderStatus>(form.status, column("Status")));
  const dueDate = c.take("dueDate", optionalDate(form.dueDate));
  if (!c.ok) return { ok: false, errors: c.errors };
  return {
    ok: true,
    row: {
      OrderID: ctx.newId(),
      CustomerID: form.customerId as CustomerId,
      Salesperson: ctx.salesperson,
      OrderDate: orderDate,
      Products: products,
      Currency: currency as CurrencyCode,
      Amount: amount,
      Incoterm: incoterm,
      PaymentTerms: paymentTerms,
      Status: status,
      ShipDate: null,
      DueDate: dueDate,
    },
  };
}
