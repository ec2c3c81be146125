/** The pane's language as React context: one switch re-renders every word. */
import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Lang } from "../../core/contract/schema";
import { translator, type Translate } from "./messages";

interface I18nValue {
  readonly lang: Lang;
  readonly t: Translate;
  readonly setLang: (lang: Lang) => void;
}

const I18nContext = createContext<I18nValue>({ lang: "en-US", t: translator("en-US"), setLang: () => undefined });

export function I18nProvider(props: { lang: Lang; setLang: (lang: Lang) => void; children: ReactNode }): JSX.Element {
  const { lang, setLang } = props;
  const value = useMemo(() => ({ lang, setLang, t: translator(lang) }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  return useContext(I18nContext);
}
