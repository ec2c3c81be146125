/** The Samples form, prefilled with the customer chosen in Log contact. */
import { Button } from "@fluentui/react-components";
import { useEffect } from "react";
import { toISODate } from "../../core/contract/dates";
import type { SampleId } from "../../core/contract/model";
import { YES_NO } from "../../core/contract/schema";
import { useI18n } from "../i18n/I18n";
import { validateSample, type SampleForm } from "../state/forms/sample-form";
import { CustomerPicker } from "./CustomerPicker";
import { ChoiceField, submitOnCtrlEnter, TextField } from "./field-inputs";
import type { PaneProps } from "./pane";
import { customerById, customerExists, idMaker, salespersonFor } from "./record-context";
import { Notice, WriteError } from "./WriteError";
import { useRecordForm } from "./use-record-form";

export function SampleFormView(props: PaneProps & { customerId: string; onCustomer: (id: string) => void }): JSX.Element {
  const { t } = useI18n();
  const { data } = props;
  const blank = (): SampleForm => ({ customerId: props.customerId, requestedOn: toISODate(data.clock.today), sentOn: "", items: "", courier: "", trackingNo: "", feeCNY: "", feePaid: "" });
  const { form, setForm, set, errors, failure, notice, busy, submit } = useRecordForm(props, {
    table: "Samples",
    blank,
    saved: "sampleSaved",
    validate: (f: SampleForm) => validateSample(f, { customerExists: customerExists(data), salesperson: salespersonFor(data, props.me, f.customerId), newId: idMaker<SampleId>(data, "Samples") }),
  });
  useEffect(() => setForm((f) => ({ ...f, customerId: props.customerId })), [props.customerId]);

  return (
    <form className="tb-form" aria-label={t("sampleTitle")} noValidate onKeyDown={submitOnCtrlEnter} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <Notice text={notice} />
      <WriteError issues={failure} />
      <CustomerPicker index={data.search} byId={customerById(data)} value={form.customerId} onChange={(id) => { set("customerId")(id); props.onCustomer(id); }} error={errors.customerId} />
      <div className="tb-row">
        <TextField name="requestedOn" type="date" label={t("requestedOn")} required value={form.requestedOn} onChange={set("requestedOn")} error={errors.requestedOn} />
        <TextField name="sentOn" type="date" label={t("sentOn")} value={form.sentOn} onChange={set("sentOn")} error={errors.sentOn} />
      </div>
      <TextField name="items" label={t("items")} value={form.items} onChange={set("items")} error={errors.items} />
      <div className="tb-row">
        <TextField name="courier" label={t("courier")} value={form.courier} onChange={set("courier")} error={errors.courier} />
        <TextField name="trackingNo" label={t("trackingNo")} value={form.trackingNo} onChange={set("trackingNo")} error={errors.trackingNo} />
      </div>
      <div className="tb-row">
        <TextField name="feeCNY" label={t("feeCNY")} value={form.feeCNY} onChange={set("feeCNY")} error={errors.feeCNY} />
        <ChoiceField name="feePaid" label={t("feePaid")} options={YES_NO} value={form.feePaid} onChange={set("feePaid")} error={errors.feePaid} />
      </div>
      <Button appearance="primary" type="submit" disabled={busy}>{t("submit")}</Button>
    </form>
  );
}
