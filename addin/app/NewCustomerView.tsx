/**
 * The new-customer form. Before saving it runs the duplicate check
 * (core/rules/duplicates.ts) and says whose customer a match is; the user may
 * still save after confirming (two companies can share a name).
 */
import { Button, MessageBar, MessageBarBody, Subtitle1 } from "@fluentui/react-components";
import { useState } from "react";
import type { Issue } from "../../core/contract/issues";
import type { Customer, CustomerId } from "../../core/contract/model";
import { INQUIRY_TYPES, localize, SOURCES } from "../../core/contract/schema";
import { useI18n } from "../i18n/I18n";
import { knownCustomers } from "../state/duplicate-check";
import { EMPTY_CUSTOMER_FORM, validateCustomer, type CustomerField, type CustomerForm } from "../state/forms/customer-form";
import type { FieldErrors } from "../state/forms/field-parsers";
import { addCustomer, type DuplicateMatch } from "../../app/add-customer";
import { ChoiceField, AreaField, submitOnCtrlEnter, TextField } from "./field-inputs";
import type { PaneProps } from "./pane";
import { idMaker } from "./record-context";
import { WriteError } from "./WriteError";

export function NewCustomerView(props: PaneProps & { onDone: (id: string) => void; onCancel: () => void }): JSX.Element {
  const { t, lang } = useI18n();
  const { data } = props;
  const [form, setForm] = useState<CustomerForm>({ ...EMPTY_CUSTOMER_FORM, owner: props.me ?? "" });
  const [errors, setErrors] = useState<FieldErrors<CustomerField>>({});
  const [failure, setFailure] = useState<readonly Issue[] | null>(null);
  const [matches, setMatches] = useState<readonly DuplicateMatch[]>([]);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof CustomerForm>(key: K) => (value: CustomerForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setMatches([]); // an edited form must be checked again
  };

  const validate = () =>
    validateCustomer(form, {
      countryKnown: (code) => data.index.countriesByCode.has(code as Customer["Country"]),
      salespersonKnown: (name) => data.index.salespeopleByName.has(name as Customer["Owner"]),
      today: data.clock.today,
      newId: idMaker<CustomerId>(data, "Customers"),
    });

  const submit = async (confirmed: boolean): Promise<void> => {
    if (busy) return;
    setFailure(null);
    const v = validate();
    if (!v.ok) {
      setErrors(v.errors);
      setMatches([]);
      return;
    }
    setErrors({});
    setBusy(true);
    // The duplicate check first, unless the user saw the matches and confirmed (app/add-customer.ts).
    const res = await addCustomer(props.host.port, v.row, data.clock.today, confirmed ? null : knownCustomers(data));
    setBusy(false);
    if (!res.ok) {
      setFailure(res.error);
      return;
    }
    if (res.value.kind === "duplicates") {
      setMatches(res.value.matches);
      return;
    }
    await props.refresh();
    props.onDone(res.value.appended.id);
  };

  const salespeople = data.ws.snapshot.Salespeople.map((s) => ({ value: s.Name, zh: s.Name, en: s.Name }));
  return (
    <form className="tb-form" aria-labelledby="new-customer-title" noValidate onKeyDown={submitOnCtrlEnter} onSubmit={(e) => { e.preventDefault(); void submit(false); }}>
      <Subtitle1 as="h2" id="new-customer-title">
        {t("newCustomer")}
      </Subtitle1>
      <WriteError issues={failure} />
      <TextField name="company" label={t("company")} required autoFocus value={form.company} onChange={set("company")} error={errors.company} />
      <div className="tb-row">
        <TextField name="country" label={t("country")} required value={form.country} onChange={set("country")} error={errors.country} />
        <TextField name="timeZone" label={t("timeZone")} value={form.timeZone} onChange={set("timeZone")} error={errors.timeZone} />
      </div>
      <div className="tb-row">
        <ChoiceField name="source" label={t("source")} options={SOURCES} value={form.source} onChange={set("source")} error={errors.source} />
        <ChoiceField name="inquiryType" label={t("inquiryType")} options={INQUIRY_TYPES} value={form.inquiryType} onChange={set("inquiryType")} error={errors.inquiryType} />
      </div>
      <ChoiceField name="owner" label={t("owner")} required options={salespeople} value={form.owner} onChange={set("owner")} error={errors.owner} />
      <TextField name="products" label={t("products")} value={form.products} onChange={set("products")} error={errors.products} />
      <div className="tb-row">
        <TextField name="contact" label={t("contact")} value={form.contact} onChange={set("contact")} error={errors.contact} />
        <TextField name="title" label={t("title")} value={form.title} onChange={set("title")} error={errors.title} />
      </div>
      <TextField name="email" type="email" label={t("email")} value={form.email} onChange={set("email")} error={errors.email} />
      <div className="tb-row">
        <TextField name="phone" label={t("phone")} value={form.phone} onChange={set("phone")} error={errors.phone} />
        <TextField name="im" label={t("im")} value={form.im} onChange={set("im")} error={errors.im} />
      </div>
      <div className="tb-row">
        <TextField name="birthday" type="date" label={t("birthday")} value={form.birthday} onChange={set("birthday")} error={errors.birthday} />
        <TextField name="creditLimit" label={t("creditLimit")} value={form.creditLimit} onChange={set("creditLimit")} error={errors.creditLimit} />
      </div>
      <TextField name="website" label={t("website")} value={form.website} onChange={set("website")} error={errors.website} />
      <TextField name="address" label={t("address")} value={form.address} onChange={set("address")} error={errors.address} />
      <AreaField name="notes" label={t("notes")} value={form.notes} onChange={set("notes")} error={errors.notes} />
      {matches.length > 0 && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>
            <ul className="tb-list">
              {matches.map((m) => (
                <li key={m.customerId}>{localize(m.message, lang)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className="tb-row">
        {matches.length > 0 ? (
          <Button appearance="primary" type="button" disabled={busy} onClick={() => void submit(true)}>
            {t("duplicateConfirm")}
          </Button>
        ) : (
          <Button appearance="primary" type="submit" disabled={busy}>
            {t("submit")}
          </Button>
        )}
        <Button type="button" onClick={props.onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
