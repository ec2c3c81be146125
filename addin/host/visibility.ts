/**
 * Whether the task pane can be seen. With a shared runtime the pane's page
 * also runs hidden: Excel loads it when a workbook using the CRM.* functions
 * opens, to calculate them, before anyone opens the pane. Reading every
 * table then would cost the user a slow start for nothing, and on the web a
 * large workbook's first sync has been seen to hang. So the pane reads once
 * it is shown: Office.addin.onVisibilityModeChanged (SharedRuntime 1.1,
 * https://learn.microsoft.com/javascript/api/office/office.addin) tells when
 * the task pane is shown or hidden, and the page's own visibilityState
 * covers a start with the pane already open.
 */

export interface PaneVisibility {
  isShown(): boolean;
  /** Calls `listener` whenever the pane is shown or hidden; answers a function that stops it. */
  onChange(listener: (shown: boolean) => void): () => void;
}

/** Outside a shared runtime (a plain browser, the file host): always shown. */
export const ALWAYS_SHOWN: PaneVisibility = { isShown: () => true, onChange: () => () => undefined };

export function officePaneVisibility(doc: Document | undefined = typeof document === "undefined" ? undefined : document): PaneVisibility {
  // Unknown until Office says; the page's visibility stands in meanwhile.
  let mode: "Taskpane" | "Hidden" | undefined;
  const listeners = new Set<(shown: boolean) => void>();
  const isShown = (): boolean => mode !== "Hidden" && doc?.visibilityState !== "hidden";
  const tell = (): void => listeners.forEach((l) => l(isShown()));
  doc?.addEventListener("visibilitychange", tell);
  const addin = typeof Office === "undefined" ? undefined : Office.addin;
  if (addin && typeof addin.onVisibilityModeChanged === "function") {
    void addin
      .onVisibilityModeChanged((message) => {
        mode = message.visibilityMode === Office.VisibilityMode.hidden ? "Hidden" : "Taskpane";
        tell();
      })
      .catch(() => undefined);
  }
  return {
    isShown,
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
