/**
 * Unsaved changes of the file host: the workbook in the browser is a copy,
 * and closing or reloading the page loses whatever was not saved back. The
 * copy's bytes are replaced by every successful write, so "unsaved" is
 * "the bytes are not the ones last saved (or opened)"; writes are watched
 * only to say when to look again.
 */
import type { WorkbookPort } from "../../workbook/port";

export interface UnsavedChanges {
  /** True while the workbook holds changes not yet saved. */
  pending(): boolean;
  /** Calls `listener` whenever pending() may have changed; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

export interface UnsavedTracker {
  readonly changes: UnsavedChanges;
  /** The port, telling the tracker after every write. */
  readonly port: WorkbookPort;
  /** These bytes were saved (a write may have replaced them since the save began). */
  saved(bytes: unknown): void;
}

/** `current` returns the workbook's bytes now (an object replaced, never mutated, by each write). */
export function trackUnsaved(port: WorkbookPort, current: () => unknown): UnsavedTracker {
  let savedAs = current();
  const listeners = new Set<() => void>();
  const changed = (): void => listeners.forEach((l) => l());
  const watched = <A extends unknown[], R>(write: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
    try {
      return await write(...args);
    } finally {
      changed();
    }
  };
  return {
    changes: {
      pending: () => current() !== savedAs,
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    port: {
      readTable: (table, columns) => port.readTable(table, columns),
      appendRows: watched((table, rows) => port.appendRows(table, rows)),
      updateRows: watched((table, updates) => port.updateRows(table, updates)),
      ensureStructure: watched((lang) => port.ensureStructure(lang)),
      writeReportSheet: watched((sheet) => port.writeReportSheet(sheet)),
    },
    saved(bytes) {
      savedAs = bytes;
      changed();
    },
  };
}

/**
 * Asks the browser to confirm leaving the page while changes are unsaved
 * (beforeunload: preventDefault, and returnValue for older browsers; the
 * browser shows its own words, and only after the user interacted with the
 * page). https://developer.mozilla.org/docs/Web/API/Window/beforeunload_event
 */
export function confirmLeavingUnsaved(target: Pick<Window, "addEventListener">, changes: UnsavedChanges): void {
  target.addEventListener("beforeunload", (e: BeforeUnloadEvent) => {
    if (!changes.pending()) return;
    e.preventDefault();
    e.returnValue = "unsaved";
  });
}
