/**
 * Picks one customer by company, contact, email or ID. The list shows at
 * most RESULT_LIMIT matches of the debounced query (state/search.ts), so it
 * stays instant on 50,000 customers.
 */
import { Combobox, Field, Option } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Customer } from "../../core/contract/model";
import { useI18n } from "../i18n/I18n";
import type { FieldMessage } from "../state/forms/field-parsers";
import { searchCustomers, type CustomerSearchIndex } from "../state/search";
import { useFieldMessage } from "./field-inputs";
import { useDebounced } from "./use-debounced";

const RESULT_LIMIT = 20;

export function customerLabel(c: Customer): string {
  return `${c.Company} · ${c.CustomerID}${c.Contact ? ` · ${c.Contact}` : ""}`;
}

export function CustomerPicker(props: {
  index: CustomerSearchIndex;
  byId: (id: string) => Customer | undefined;
  value: string;
  onChange: (customerId: string) => void;
  error?: FieldMessage;
  label?: string;
  required?: boolean;
}): JSX.Element {
  const { t } = useI18n();
  const msg = useFieldMessage();
  const selected = props.value ? props.byId(props.value) : undefined;
  const [text, setText] = useState(selected ? customerLabel(selected) : "");
  /** Set while the user types over a chosen customer, which un-chooses it. */
  const typing = useRef(false);
  /** Open while the user is searching; closed once a customer is chosen. */
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (typing.current) {
      typing.current = false;
      return;
    }
    // A prefill from elsewhere (a due item, a card) or a reset after saving replaces the text.
    setText(selected ? customerLabel(selected) : "");
  }, [selected]);
  const query = useDebounced(text, 120);
  const result = useMemo(() => (selected && text === customerLabel(selected) ? { customers: [selected], more: false } : searchCustomers(props.index, query, RESULT_LIMIT)), [props.index, query, selected, text]);
  const hint = result.more ? t("moreResults", { count: RESULT_LIMIT }) : query.trim() && result.customers.length === 0 ? t("customerNoMatch") : undefined;
  return (
    <Field label={props.label ?? t("customer")} required={props.required ?? true} hint={hint} validationMessage={msg(props.error)} validationState={props.error ? "error" : "none"}>
      <Combobox
        freeform
        name="customer"
        // Fluent names the chevron "Open" in English whatever the language; the
        // list stays inside the pane's main landmark (inlinePopup) for screen readers.
        expandIcon={{ "aria-label": t("showMatches") }}
        inlinePopup
        placeholder={t("customerSearch")}
        value={text}
        open={open && result.customers.length > 0}
        onOpenChange={(_, d) => setOpen(d.open)}
        selectedOptions={props.value ? [props.value] : []}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          if (props.value) {
            typing.current = true;
            props.onChange("");
          }
        }}
        onOptionSelect={(_, d) => {
          const id = d.optionValue ?? "";
          setOpen(false);
          props.onChange(id);
          const c = props.byId(id);
          if (c) setText(customerLabel(c));
        }}
      >
        {result.customers.map((c) => (
          <Option key={c.CustomerID} value={c.CustomerID} text={customerLabel(c)}>
            {customerLabel(c)}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}
