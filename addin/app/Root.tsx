/** The pane's top: theme, language switch, and which workbook host is open. */
import { FluentProvider, Select, Title3, webLightTheme } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import type { Lang } from "../../core/contract/schema";
import type { Host } from "../host/host";
import { I18nProvider, useI18n } from "../i18n/I18n";
import { isLang, langFromTag, officeDisplayLanguage } from "../i18n/lang";
import type { ReportGenerator } from "../reports/ReportsTab";
import type { TabKey } from "./navigation";
import { OpenWorkbook } from "./OpenWorkbook";
import { Workspace } from "./Workspace";

const LANG_KEY = "tradebook:lang";

function initialLang(): Lang {
  try {
    const stored = localStorage.getItem(LANG_KEY);
    if (isLang(stored)) return stored;
  } catch {
    // no storage: fall through to Office's language
  }
  return langFromTag(officeDisplayLanguage() ?? (typeof navigator === "undefined" ? undefined : navigator.language));
}

export function Root(props: { host: Host | null; reports?: ReportGenerator; initialTab: TabKey; demoUrl: string | null }): JSX.Element {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const [host, setHost] = useState<Host | null>(props.host);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      localStorage.setItem(LANG_KEY, l);
    } catch {
      // the choice lasts for this session only
    }
  }, []);
  useEffect(() => {
    // Screen readers pick their voice from the page language.
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <I18nProvider lang={lang} setLang={setLang}>
      <FluentProvider theme={webLightTheme} lang={lang} className="tb-root">
        <Header />
        {/* Everything below the header is the page's one main landmark (axe: landmark-one-main, region). */}
        <main>{host ? <Workspace key={host.displayName} host={host} reports={props.reports} initialTab={props.initialTab} /> : <OpenWorkbook onOpen={setHost} demoUrl={props.demoUrl} />}</main>
      </FluentProvider>
    </I18nProvider>
  );
}

function Header(): JSX.Element {
  const { t, lang, setLang } = useI18n();
  return (
    <header className="tb-row tb-header">
      <Title3 as="h1" className="tb-grow">
        {t("appTitle")}
      </Title3>
      {/* Labelled for screen readers only: "中文 / English" says what it is, and a visible label would not fit 320 px. */}
      <Select name="language" aria-label={t("language")} className="tb-lang" value={lang} onChange={(_, d) => setLang(isLang(d.value) ? d.value : "en-US")}>
        <option value="zh-CN">中文</option>
        <option value="en-US">English</option>
      </Select>
    </header>
  );
}
