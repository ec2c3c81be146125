/**
 * The Office.js adapter's public face. The task pane and the custom
 * functions create the port with `excelWorkbook()` once Office is ready, and
 * show `checkRequirements()`'s message instead of the UI when Excel is too old.
 */
import { OfficeWorkbook } from "./office-workbook";
import { officeRequirements, officeRun } from "./run";

export { OfficeWorkbook, type OfficeWorkbookOptions } from "./office-workbook";
export { MINIMUM_EXCEL_API } from "./requirements";
export { RUN_OPTIONS, type ExcelRun, type RequirementSets } from "./run";

/** The port over the Excel this add-in runs in (call after Office.onReady). */
export function excelWorkbook(): OfficeWorkbook {
  return new OfficeWorkbook({ run: officeRun, requirements: officeRequirements() });
}
