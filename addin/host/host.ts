/**
 * The host the pane runs over: Excel (Office.js) or a file opened in a plain
 * browser. Everything above this line speaks only WorkbookPort, so the same
 * screens work in both and are tested end to end in the browser.
 */
import type { WorkbookPort } from "../../workbook/port";
import type { Result } from "../../core/contract/issues";
import type { UnsavedChanges } from "./unsaved";
import type { UserStore } from "./user-store";
import type { PaneVisibility } from "./visibility";

export type HostKind = "excel" | "file";

export interface SavedFile {
  readonly name: string;
  /** "download" when the browser saved a copy; "handle" when the opened file was overwritten. */
  readonly via: "download" | "handle";
}

export interface Host {
  readonly kind: HostKind;
  readonly port: WorkbookPort;
  /** What the user calls this workbook (file name or document URL). */
  readonly displayName: string;
  /** Remembers per-user choices ("who am I") for this workbook only. */
  readonly store: UserStore;
  /** File host only: writes the edited workbook back. Excel saves itself. */
  save?(): Promise<Result<SavedFile>>;
  /** Whether the pane is shown (Excel's shared runtime also runs it hidden); absent: always shown. */
  readonly visibility?: PaneVisibility;
  /** Excel only: calls `onChange` after the workbook's tables changed (a co-author's edit too); answers a function that stops it. */
  watch?(onChange: () => void): Promise<() => Promise<void>>;
  /** File host only: changes not yet saved (Excel saves by itself). */
  readonly unsaved?: UnsavedChanges;
}
