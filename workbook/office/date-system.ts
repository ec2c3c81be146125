/**
 * Which date system the open workbook counts in, asked of Excel in one sync.
 *
 * Office.js has no released property for it: Workbook.use1904DateSystem
 * appeared only among the preview APIs (ExcelApi BETA) and is in no numbered
 * ExcelApi set (nor in @types/office-js). So we ask Excel's own DATE
 * function through Workbook.functions (ExcelApi 1.2, which every host that
 * loads the add-in has): DATE(1904,1,1) is 0 in a 1904 workbook and 1462 in
 * a 1900 one. https://learn.microsoft.com/javascript/api/excel/excel.functions#excel-excel-functions-date-member(1)
 * The pane learns the same from its first read (table-view.ts); the custom
 * functions call this once per session (functions/date-system.ts).
 */
import { RUN_OPTIONS, type ExcelRun } from "./run";

/** True when the workbook uses the 1904 date system. */
export function readDate1904(run: ExcelRun): Promise<boolean> {
  return run(RUN_OPTIONS, async (context) => {
    const epoch = context.workbook.functions.date(1904, 1, 1).load("value");
    await context.sync();
    return epoch.value < 1;
  });
}
