/**
 * Ribbon function commands (manifest.xml ExecuteFunction actions). The page
 * is a shared runtime, so these run beside the pane: they show it and ask it
 * for a tab by a window event; if the pane is not mounted yet, the tab waits
 * in sessionStorage and the pane picks it up on start (navigation.ts).
 */
import { PENDING_TAB_KEY, SHOW_TAB_EVENT, type TabKey } from "../app/navigation";

const ACTIONS: Readonly<Record<string, TabKey>> = {
  showToday: "today",
  showLog: "log",
  showCustomers: "customers",
  showReports: "reports",
};

function requestTab(tab: TabKey): void {
  try {
    sessionStorage.setItem(PENDING_TAB_KEY, tab);
  } catch {
    // no storage: the event below is enough when the pane is up
  }
  window.dispatchEvent(new CustomEvent(SHOW_TAB_EVENT, { detail: tab }));
}

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    for (const [action, tab] of Object.entries(ACTIONS)) {
      Office.actions.associate(action, async (event: Office.AddinCommands.Event) => {
        requestTab(tab);
        try {
          await Office.addin.showAsTaskpane();
        } catch {
          // Nowhere to show an error from a ribbon command; the tab request waits in
          // sessionStorage, so the pane opens on it when the user opens it.
        } finally {
          // Office waits for this at the end of every function command, success or not:
          // https://learn.microsoft.com/javascript/api/office/office.addincommands.event
          event.completed();
        }
      });
    }
  });
}
