/**
 * Which language the pane starts in: the user's own earlier choice, else
 * Office's display language, else the browser's. Anything Chinese → zh-CN.
 */
import type { Lang } from "../../core/contract/schema";

export function langFromTag(tag: string | undefined | null): Lang {
  return tag && tag.toLowerCase().startsWith("zh") ? "zh-CN" : "en-US";
}

export function isLang(value: string | null | undefined): value is Lang {
  return value === "zh-CN" || value === "en-US";
}

export function officeDisplayLanguage(): string | undefined {
  // Office.context is undefined in a plain browser (preview mode).
  if (typeof Office === "undefined") return undefined;
  try {
    return Office.context?.displayLanguage;
  } catch {
    return undefined;
  }
}
