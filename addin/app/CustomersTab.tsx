/** Customers: search, a customer's card, and the new-customer form. */
import { Button, Caption1, Field, Input, Text } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import type { CustomerId } from "../../core/contract/model";
import { customerOf } from "../../core/index/indexes";
import { useI18n } from "../i18n/I18n";
import { searchCustomers } from "../state/search";
import { CustomerCard } from "./CustomerCard";
import { NewCustomerView } from "./NewCustomerView";
import type { PaneProps } from "./pane";
import { useDebounced } from "./use-debounced";

const LIMIT = 20;

export function CustomersTab(props: PaneProps): JSX.Element {
  const { t } = useI18n();
  const [query, setQuery] = useState("");
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const settled = useDebounced(query, 120);
  const result = useMemo(() => searchCustomers(props.data.search, settled, LIMIT), [props.data.search, settled]);
  const customer = selected ? customerOf(props.data.index, selected as CustomerId) : undefined;
  const card = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The card sits below up to 20 results: bring it into view when one is picked.
    if (selected) card.current?.scrollIntoView?.({ block: "start" });
  }, [selected]);

  if (creating) {
    return (
      <NewCustomerView
        {...props}
        onDone={(id) => {
          setCreating(false);
          setSelected(id);
        }}
        onCancel={() => setCreating(false)}
      />
    );
  }
  return (
    <div className="tb-stack">
      <div className="tb-row">
        <Field label={t("customerSearch")} className="tb-grow" hint={result.more ? t("moreResults", { count: LIMIT }) : settled.trim() && result.customers.length === 0 ? t("customerNoMatch") : undefined}>
          <Input type="search" name="customerSearch" value={query} onChange={(_, d) => setQuery(d.value)} />
        </Field>
        <Button appearance="primary" onClick={() => setCreating(true)}>
          {t("newCustomer")}
        </Button>
      </div>
      {result.customers.length > 0 && (
        <ul className="tb-results" aria-label={t("customersTitle")}>
          {result.customers.map((c) => (
            <li key={c.CustomerID}>
              {/* A plain button, left-aligned and wrapping like the list it is; the ID never breaks. */}
              <button type="button" className="tb-result" aria-current={c.CustomerID === selected ? "true" : undefined} onClick={() => setSelected(c.CustomerID)}>
                <Text weight="semibold" block>
                  {c.Company}
                </Text>
                <Caption1 block>
                  <span className="tb-nowrap">{c.CustomerID}</span>
                  {[c.Contact, c.Country, c.Owner].filter(Boolean).map((part) => ` · ${part}`).join("")}
                </Caption1>
              </button>
            </li>
          ))}
        </ul>
      )}
      {/* Nothing under an empty search: the field's label already says what to type. */}
      <div ref={card}>{customer && <CustomerCard {...props} customer={customer} />}</div>
    </div>
  );
}
