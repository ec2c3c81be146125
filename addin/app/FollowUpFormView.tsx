/**
 * The follow-up form. Keyboard-only: every control is labelled and in tab
 * order; Enter in a one-line field submits, Ctrl+Enter submits from the
 * summary too. Nothing is written until every field is valid, and a port
 * error keeps the form as typed.
 */
import { Button, Caption1 } from "@fluentui/react-components";
import { useEffect } from "react";
import { toISODate } from "../../core/contract/dates";
import type { FollowUpId } from "../../core/contract/model";
import { CHANNELS, DIRECTIONS, PURPOSES, type Purpose } from "../../core/contract/schema";
import { useI18n } from "../i18n/I18n";
import { toDateTimeLocal } from "../state/clock";
import { asksSatisfaction, validateFollowUp, type FollowUpForm } from "../state/forms/follow-up-form";
import { suggestedNextDate } from "../state/suggest";
import { logContact } from "../../app/append-record";
import { CustomerPicker } from "./CustomerPicker";
import { AreaField, ChoiceField, submitOnCtrlEnter, TextField } from "./field-inputs";
import type { LogMode } from "./navigation";
import type { PaneProps } from "./pane";
import { customerById, customerExists, idMaker, salespersonFor } from "./record-context";
import { Notice, WriteError } from "./WriteError";
import { useRecordForm } from "./use-record-form";

export function FollowUpFormView(
  props: PaneProps & { customerId: string; onCustomer: (id: string) => void; purpose?: Purpose; onShortcut: (m: LogMode) => void },
): JSX.Element {
  const { t } = useI18n();
  const { data } = props;
  const blank = (): FollowUpForm => ({
    customerId: props.customerId,
    channel: "Email",
    direction: "Out",
    purpose: props.purpose ?? "",
    dateTime: toDateTimeLocal(data.clock.now),
    summary: "",
    nextStep: "",
    nextDate: "",
    satisfaction: "",
  });
  const { form, setForm, set, errors, failure, notice, busy, submit } = useRecordForm(props, {
    table: "FollowUps",
    blank,
    saved: "logged",
    save: logContact,
    validate: (f: FollowUpForm) =>
      validateFollowUp(f, {
        customerExists: customerExists(data),
        salesperson: salespersonFor(data, props.me, f.customerId),
        newId: idMaker<FollowUpId>(data, "FollowUps"),
      }),
  });

  const suggestion = form.customerId ? suggestedNextDate(data, form.customerId) : null;
  useEffect(() => {
    setForm((f) => ({ ...f, customerId: props.customerId, purpose: props.purpose ?? f.purpose }));
  }, [props.customerId, props.purpose]);
  useEffect(() => {
    // Prefill the suggested next date when a customer is chosen, unless the user typed one.
    if (suggestion !== null) setForm((f) => (f.nextDate === "" ? { ...f, nextDate: toISODate(suggestion) } : f));
  }, [form.customerId]); // only when the customer changes

  return (
    <form
      className="tb-form"
      aria-label={t("logThis")}
      noValidate
      onKeyDown={submitOnCtrlEnter}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Notice text={notice} />
      <WriteError issues={failure} />
      <CustomerPicker
        index={data.search}
        byId={customerById(data)}
        value={form.customerId}
        onChange={(id) => {
          set("customerId")(id);
          props.onCustomer(id);
        }}
        error={errors.customerId}
      />
      <div className="tb-row">
        <ChoiceField name="channel" label={t("channel")} required options={CHANNELS} allowBlank={false} value={form.channel} onChange={set("channel")} error={errors.channel} />
        <ChoiceField name="direction" label={t("direction")} required options={DIRECTIONS} allowBlank={false} value={form.direction} onChange={set("direction")} error={errors.direction} />
      </div>
      <ChoiceField name="purpose" label={t("purpose")} options={PURPOSES} value={form.purpose} onChange={set("purpose")} error={errors.purpose} />
      <TextField name="dateTime" type="datetime-local" label={t("dateTime")} required value={form.dateTime} onChange={set("dateTime")} error={errors.dateTime} />
      <AreaField name="summary" label={t("summary")} value={form.summary} onChange={set("summary")} error={errors.summary} />
      <TextField name="nextStep" label={t("nextStep")} value={form.nextStep} onChange={set("nextStep")} error={errors.nextStep} />
      <TextField
        name="nextDate"
        type="date"
        label={t("nextDate")}
        value={form.nextDate}
        onChange={set("nextDate")}
        error={errors.nextDate}
        hint={suggestion !== null ? t("nextDateSuggested", { date: toISODate(suggestion) }) : undefined}
      />
      {asksSatisfaction(form) && (
        <TextField name="satisfaction" type="number" label={t("satisfaction")} value={form.satisfaction} onChange={set("satisfaction")} error={errors.satisfaction} />
      )}
      <div className="tb-row">
        <Button appearance="primary" type="submit" disabled={busy}>
          {t("submit")}
        </Button>
        <Button type="button" onClick={() => props.onShortcut("sample")}>
          {t("sampleShortcut")}
        </Button>
        <Button type="button" onClick={() => props.onShortcut("order")}>
          {t("orderShortcut")}
        </Button>
      </div>
      <Caption1>{t("submitHint")}</Caption1>
    </form>
  );
}
