/**
 * The world regions the Countries table assigns, with their Chinese names,
 * so a zh-CN review says 欧洲 where the workbook stores "Europe". A region a
 * user typed themselves is shown as they wrote it.
 */
import { localize, type Lang, type LocalizedText } from "./lang";

export const REGION_NAMES = {
  "East Asia": { zh: "东亚", en: "East Asia" },
  "Southeast Asia": { zh: "东南亚", en: "Southeast Asia" },
  "South Asia": { zh: "南亚", en: "South Asia" },
  "Central Asia": { zh: "中亚", en: "Central Asia" },
  "Middle East": { zh: "中东", en: "Middle East" },
  Europe: { zh: "欧洲", en: "Europe" },
  "North America": { zh: "北美", en: "North America" },
  "Latin America": { zh: "拉丁美洲", en: "Latin America" },
  Africa: { zh: "非洲", en: "Africa" },
  Oceania: { zh: "大洋洲", en: "Oceania" },
  Antarctica: { zh: "南极洲", en: "Antarctica" },
} as const satisfies Record<string, LocalizedText>;

export type Region = keyof typeof REGION_NAMES;
export const REGIONS = Object.keys(REGION_NAMES) as Region[];

export function regionLabel(region: string, lang: Lang): string {
  const known = (REGION_NAMES as Record<string, LocalizedText>)[region];
  return known ? localize(known, lang) : region;
}
