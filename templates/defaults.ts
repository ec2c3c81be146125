/** The reference rows a new workbook starts with (contract.md: Settings, ExchangeRates). */
import type { ExchangeRate, SettingRow } from "../core/contract/model";
import { localize, type Lang } from "../core/contract/schema";
import { DEFAULT_RATES, SETTING_DEFAULTS } from "../core/contract/settings";

/** The contract's Settings rows, described in the workbook's language. */
export function defaultSettingRows(lang: Lang): SettingRow[] {
  return SETTING_DEFAULTS.map((s) => ({ Key: s.key, Value: s.value === "" ? null : s.value, Description: localize(s.description, lang) }));
}

/** The indicative exchange rates, without an as-of date: teams date them when they update them. */
export function defaultRates(): ExchangeRate[] {
  return DEFAULT_RATES.map((r) => ({ ...r, AsOf: null }));
}
