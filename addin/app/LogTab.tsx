/** Log contact: the follow-up form, with shortcuts to the Samples and Orders forms. */
import { Tab, TabList } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useI18n } from "../i18n/I18n";
import { FollowUpFormView } from "./FollowUpFormView";
import type { LogMode, LogRequest } from "./navigation";
import { OrderFormView } from "./OrderFormView";
import type { PaneProps } from "./pane";
import { SampleFormView } from "./SampleFormView";

export function LogTab(props: PaneProps & { request: LogRequest | null }): JSX.Element {
  const { t } = useI18n();
  const [mode, setMode] = useState<LogMode>(props.request?.mode ?? "contact");
  const [customerId, setCustomerId] = useState(props.request?.customerId ?? "");
  useEffect(() => {
    if (props.request) {
      setMode(props.request.mode);
      setCustomerId(props.request.customerId);
    }
  }, [props.request]);
  return (
    <div className="tb-stack">
      <TabList size="small" selectedValue={mode} onTabSelect={(_, d) => setMode(d.value as LogMode)} aria-label={t("tabLog")}>
        <Tab value="contact">{t("formContact")}</Tab>
        <Tab value="sample">{t("sampleTitle")}</Tab>
        <Tab value="order">{t("orderTitle")}</Tab>
      </TabList>
      {mode === "contact" && <FollowUpFormView {...props} customerId={customerId} onCustomer={setCustomerId} purpose={props.request?.purpose} onShortcut={setMode} />}
      {mode === "sample" && <SampleFormView {...props} customerId={customerId} onCustomer={setCustomerId} />}
      {mode === "order" && <OrderFormView {...props} customerId={customerId} onCustomer={setCustomerId} />}
    </div>
  );
}
