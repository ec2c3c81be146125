/**
 * A workbook without the CRM structure: one button creates it
 * (app/structure.ts) and hands on what it created, which the next step
 * shows (TeamSetup.tsx).
 */
import { Body1, Button, Field, Select, Subtitle1 } from "@fluentui/react-components";
import { useState } from "react";
import { createStructure } from "../../app/structure";
import type { Issue } from "../../core/contract/issues";
import type { Lang } from "../../core/contract/schema";
import { isLang } from "../i18n/lang";
import type { Host } from "../host/host";
import { useI18n } from "../i18n/I18n";
import type { CreatedStructure } from "./TeamSetup";
import { WriteError } from "./WriteError";

export function SetupPanel(props: { host: Host; onDone: (created: CreatedStructure) => Promise<void> }): JSX.Element {
  const { t, lang } = useI18n();
  const [headerLang, setHeaderLang] = useState<Lang>(lang);
  const [failure, setFailure] = useState<readonly Issue[] | null>(null);
  const [busy, setBusy] = useState(false);
  const create = async (): Promise<void> => {
    setBusy(true);
    setFailure(null);
    const res = await createStructure(props.host.port, headerLang);
    setBusy(false);
    if (!res.ok) setFailure(res.error);
    else await props.onDone({ report: res.value, lang: headerLang });
  };
  return (
    <section className="tb-stack" aria-labelledby="setup-title">
      <Subtitle1 as="h2" id="setup-title">
        {t("setupTitle")}
      </Subtitle1>
      <Body1>{t("setupBody")}</Body1>
      <Field label={t("setupLang")}>
        <Select name="headerLang" value={headerLang} onChange={(_, d) => setHeaderLang(isLang(d.value) ? d.value : "zh-CN")}>
          <option value="zh-CN">中文 (zh-CN)</option>
          <option value="en-US">English (en-US)</option>
        </Select>
      </Field>
      <WriteError issues={failure} />
      <Button appearance="primary" disabled={busy} onClick={() => void create()}>
        {t("setupButton")}
      </Button>
    </section>
  );
}
