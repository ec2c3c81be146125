/** The Orders form, prefilled with the customer chosen in Log contact. */
import { Button } from "@fluentui/react-components";
import { useEffect } from "react";
import { toISODate } from "../../core/contract/dates";
import type { OrderId } from "../../core/contract/model";
import { INCOTERMS, ORDER_STATUSES } from "../../core/contract/schema";
import { currencyKey } from "../../core/contract/currency";
import { useI18n } from "../i18n/I18n";
import { validateOrder, type OrderForm } from "../state/forms/order-form";
import { CustomerPicker } from "./CustomerPicker";
import { ChoiceField, submitOnCtrlEnter, TextField } from "./field-inputs";
import type { PaneProps } from "./pane";
import { customerById, customerExists, idMaker, salespersonFor } from "./record-context";
import { Notice, WriteError } from "./WriteError";
import { useRecordForm } from "./use-record-form";

export function OrderFormView(props: PaneProps & { customerId: string; onCustomer: (id: string) => void }): JSX.Element {
  const { t } = useI18n();
  const { data } = props;
  const blank = (): OrderForm => ({ customerId: props.customerId, orderDate: toISODate(data.clock.today), products: "", currency: "USD", amount: "", incoterm: "", paymentTerms: "", status: "Confirmed", dueDate: "" });
  const { form, setForm, set, errors, failure, notice, busy, submit } = useRecordForm(props, {
    table: "Orders",
    blank,
    saved: "orderSaved",
    validate: (f: OrderForm) =>
      validateOrder(f, {
        customerExists: customerExists(data),
        currencyKnown: (code) => data.index.ratesByCurrency.has(currencyKey(code)),
        salesperson: salespersonFor(data, props.me, f.customerId),
        newId: idMaker<OrderId>(data, "Orders"),
      }),
  });
  useEffect(() => setForm((f) => ({ ...f, customerId: props.customerId })), [props.customerId]);

  return (
    <form className="tb-form" aria-label={t("orderTitle")} noValidate onKeyDown={submitOnCtrlEnter} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <Notice text={notice} />
      <WriteError issues={failure} />
      <CustomerPicker index={data.search} byId={customerById(data)} value={form.customerId} onChange={(id) => { set("customerId")(id); props.onCustomer(id); }} error={errors.customerId} />
      <TextField name="orderDate" type="date" label={t("orderDate")} required value={form.orderDate} onChange={set("orderDate")} error={errors.orderDate} />
      <TextField name="products" label={t("products")} value={form.products} onChange={set("products")} error={errors.products} />
      <div className="tb-row">
        <TextField name="currency" label={t("currency")} required value={form.currency} onChange={set("currency")} error={errors.currency} />
        <TextField name="amount" label={t("amount")} required value={form.amount} onChange={set("amount")} error={errors.amount} />
      </div>
      <div className="tb-row">
        <ChoiceField name="incoterm" label={t("incoterm")} options={INCOTERMS} value={form.incoterm} onChange={set("incoterm")} error={errors.incoterm} />
        <ChoiceField name="status" label={t("status")} required options={ORDER_STATUSES} allowBlank={false} value={form.status} onChange={set("status")} error={errors.status} />
      </div>
      <TextField name="paymentTerms" label={t("paymentTerms")} value={form.paymentTerms} onChange={set("paymentTerms")} error={errors.paymentTerms} />
      <TextField name="dueDate" type="date" label={t("dueDate")} value={form.dueDate} onChange={set("dueDate")} error={errors.dueDate} />
      <Button appearance="primary" type="submit" disabled={busy}>{t("submit")}</Button>
    </form>
  );
}
