/**
 * The Excel host: the port is the Office.js adapter (workbook/office), user
 * choices go to roaming settings (they follow the user to other machines)
 * keyed by the document's URL, so two shared workbooks keep separate answers.
 * Excel saves (and co-authors) by itself: no save() here.
 */
import { err, ok, type Result } from "../../core/contract/issues";
import { OfficeWorkbook } from "../../workbook/office/office-workbook";
import { officeRequirements, officeRun } from "../../workbook/office/run";
import type { Host } from "./host";
import { browserStorage, roamingUserStore, storageUserStore } from "./user-store";

export function openExcelHost(): Result<Host> {
  const port = new OfficeWorkbook({ run: officeRun, requirements: officeRequirements() });
  const supported = port.checkRequirements();
  if (!supported.ok) return err(supported.error);
  const url = Office.context.document?.url ?? "";
  const displayName = url.split(/[\\/]/).pop() || "Excel";
  const roaming = Office.context.roamingSettings;
  const store = roaming ? roamingUserStore(roaming, `excel:${url}`) : storageUserStore(browserStorage(), `excel:${url}`);
  return ok({ kind: "excel", port, displayName, store });
}
