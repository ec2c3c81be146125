/**
 * The reference rows a new workbook starts with (contract.md: Settings,
 * CommissionTiers, ExchangeRates, Countries): the template's, and the tables
 * the pane creates in a workbook that lacks them (app/structure.ts).
 */
import type { ExchangeRate, RowOf, SettingRow } from "../core/contract/model";
import { localize, type Lang } from "../core/contract/schema";
import { DEFAULT_RATES, DEFAULT_TIERS, SETTING_DEFAULTS } from "../core/contract/settings";
import { COUNTRIES } from "./countries";

/** The contract's Settings rows, described in the workbook's language. */
export function defaultSettingRows(lang: Lang): SettingRow[] {
  return SETTING_DEFAULTS.map((s) => ({ Key: s.key, Value: s.value === "" ? null : s.value, Description: localize(s.description, lang) }));
}

/** The indicative exchange rates, without an as-of date: teams date them when they update them. */
export function defaultRates(): ExchangeRate[] {
  return DEFAULT_RATES.map((r) => ({ ...r, AsOf: null }));
}

/** The reference tables a new workbook starts filled (the others start empty). */
export type ReferenceTable = "Settings" | "CommissionTiers" | "ExchangeRates" | "Countries";

/** Their rows: the contract's defaults and every country, Settings described in `lang`. */
export function referenceRows(lang: Lang): { readonly [T in ReferenceTable]: readonly RowOf<T>[] } {
  return { Settings: defaultSettingRows(lang), CommissionTiers: DEFAULT_TIERS, ExchangeRates: defaultRates(), Countries: COUNTRIES };
}
