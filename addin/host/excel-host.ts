/**
 * The Excel host: the port is the Office.js adapter (workbook/office); user
 * choices ("who am I") go to this browser control's localStorage under
 * Office.context.partitionKey, keyed by the document's URL so two shared
 * workbooks keep separate answers (user-store.ts says why not roaming or
 * document settings). Excel saves (and co-authors) by itself: no save() here.
 */
import { err, ok, type Result } from "../../core/contract/issues";
import { OfficeWorkbook } from "../../workbook/office/office-workbook";
import { officeRequirements, officeRun } from "../../workbook/office/run";
import type { Host } from "./host";
import { browserStorage, storageUserStore } from "./user-store";
import { officePaneVisibility } from "./visibility";

export function openExcelHost(): Result<Host> {
  const port = new OfficeWorkbook({ run: officeRun, requirements: officeRequirements() });
  const supported = port.checkRequirements();
  if (!supported.ok) return err(supported.error);
  const url = Office.context.document?.url ?? "";
  const displayName = url.split(/[\\/]/).pop() || "Excel";
  // Undefined where the host does not partition storage (Windows browser controls).
  const partition: string | undefined = Office.context.partitionKey;
  const store = storageUserStore(browserStorage(), `excel:${url}`, partition);
  return ok({ kind: "excel", port, displayName, store, visibility: officePaneVisibility(), watch: (onChange) => port.watchChanges(onChange) });
}
