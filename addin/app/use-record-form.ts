/**
 * The state every "add a record for this customer" form shares (follow-up,
 * order, sample): what is typed, a message per field, the write's failure,
 * the saved notice, and submit — validate, append the row (nothing is
 * written unless every field parses; a failed write keeps the form as typed),
 * then a blank form for the next record.
 */
import { useState } from "react";
import type { DaySerial } from "../../core/contract/dates";
import type { Issue, Result } from "../../core/contract/issues";
import type { RowOf } from "../../core/contract/model";
import type { TableName } from "../../core/contract/schema";
import { useI18n } from "../i18n/I18n";
import type { MessageKey } from "../i18n/messages";
import type { FieldErrors, Validated } from "../state/forms/field-parsers";
import { appendRecord } from "../../app/append-record";
import type { WorkbookPort } from "../../workbook/port";
import type { PaneProps } from "./pane";

export interface RecordFormSpec<F, K extends string, T extends TableName> {
  readonly table: T;
  readonly blank: () => F;
  readonly validate: (form: F) => Validated<RowOf<T>, K>;
  /** The notice once saved; {id} is the new record's ID. */
  readonly saved: MessageKey;
  /** The use case that writes the row (default: app/append-record.ts appendRecord into `table`). */
  readonly save?: (port: WorkbookPort, row: RowOf<T>, today: DaySerial) => Promise<Result<{ readonly id: string }>>;
}

export function useRecordForm<F extends { readonly customerId: string }, K extends string, T extends TableName>(
  props: PaneProps & { readonly onCustomer: (id: string) => void },
  spec: RecordFormSpec<F, K, T>,
) {
  const { t } = useI18n();
  const [form, setForm] = useState<F>(spec.blank);
  const [errors, setErrors] = useState<FieldErrors<K>>({});
  const [failure, setFailure] = useState<readonly Issue[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set =
    <P extends keyof F>(key: P) =>
    (value: F[P]): void =>
      setForm((f) => ({ ...f, [key]: value }));

  const submit = async (): Promise<void> => {
    if (busy) return;
    setNotice(null);
    setFailure(null);
    const v = spec.validate(form);
    if (!v.ok) {
      setErrors(v.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    const save = spec.save ?? ((port: WorkbookPort, row: RowOf<T>, today: DaySerial) => appendRecord(port, spec.table, row, today));
    const res = await save(props.host.port, v.row, props.data.clock.today);
    setBusy(false);
    if (!res.ok) {
      setFailure(res.error);
      return;
    }
    setNotice(t(spec.saved, { id: res.value.id }));
    setForm({ ...spec.blank(), customerId: "" });
    props.onCustomer("");
    await props.refresh();
  };

  return { form, setForm, set, errors, failure, notice, busy, submit };
}
