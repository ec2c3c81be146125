/** Where the pane is: which tab, and what the Log contact tab was asked to open. */
import type { Purpose } from "../../core/contract/schema";

export const TAB_KEYS = ["today", "log", "customers", "reports"] as const;
export type TabKey = (typeof TAB_KEYS)[number];

export function isTabKey(s: string | null | undefined): s is TabKey {
  return (TAB_KEYS as readonly string[]).includes(s ?? "");
}

export type LogMode = "contact" | "sample" | "order";

/** A request to open a form prefilled (from a due item, a customer card or a shortcut). */
export interface LogRequest {
  readonly customerId: string;
  readonly mode: LogMode;
  readonly purpose?: Purpose;
  /** Makes two identical requests distinct, so the form re-applies the prefill. */
  readonly nonce: number;
}

/** The ribbon's function commands and the pane share one page: they talk by this event. */
export const SHOW_TAB_EVENT = "tradebook:show-tab";
export const PENDING_TAB_KEY = "tradebook:pending-tab";

export function startupTab(): TabKey {
  if (typeof location === "undefined") return "today";
  const fromQuery = new URLSearchParams(location.search).get("tab");
  if (isTabKey(fromQuery)) return fromQuery;
  try {
    const pending = sessionStorage.getItem(PENDING_TAB_KEY);
    sessionStorage.removeItem(PENDING_TAB_KEY);
    if (isTabKey(pending)) return pending;
  } catch {
    // sessionStorage may be unavailable; the default tab is fine.
  }
  return "today";
}
