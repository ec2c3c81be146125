/**
 * Which Excel can run TradeBook, and the check the pane makes before it
 * shows anything.
 *
 * The gate is the shared runtime: manifest.xml requires SharedRuntime 1.1
 * (one runtime for the pane, the ribbon and the CRM.* functions), and Office
 * loads the add-in only where that set is supported. Per Microsoft's table
 * https://learn.microsoft.com/javascript/api/requirement-sets/common/shared-runtime-requirement-sets
 * that is: Excel on the web; Excel on Windows from Microsoft 365 or a retail
 * Office, version 2002 (build 12527.20092) or later; volume-licensed Excel
 * 2021 or later, version 2108; Excel for Mac 16.35 (20030802) or later. Not
 * Excel on iPad, not volume-licensed Excel 2016 or 2019.
 *
 * Each Office.js API we call was checked against its requirement set
 * (@types/office-js remarks, learn.microsoft.com):
 *   ExcelApi 1.1  tables, Range.values/numberFormat, charts.add
 *   ExcelApi 1.2  Range.getRowsBelow/getResizedRange/merge, Workbook.functions
 *                 (DATE(1904,1,1) tells the date system: the released sets
 *                 have no date1904 property), Worksheet.protection,
 *                 RangeFormat.columnWidth
 *   ExcelApi 1.3  tables.add with a Range
 *   ExcelApi 1.4  getItemOrNullObject, getUsedRangeOrNullObject, columns.add(name)
 *   ExcelApi 1.6  suspendApiCalculationUntilNextSync, conditional formats
 *   ExcelApi 1.7  freezePanes
 *   ExcelApi 1.9  worksheet.pageLayout (A4, landscape, fit to width, print titles,
 *                 headers and footers)
 *   ExcelApi 1.13 Table.resize (optional: used when present, see append.ts)
 *   delayForCellEdit is a run option with no requirement set of its own.
 * So the API floor is ExcelApi 1.9, and every host with SharedRuntime 1.1 is
 * above it (ExcelApi 1.10 from Windows version 1907, Mac 16.30:
 * https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets).
 * The check asks for both anyway: it is what stands between a host that
 * loaded the page some other way and an add-in that fails half-way, and its
 * message names the hosts as the requirement sets allow.
 */
import { err, ok, type Result } from "../../core/contract/issues";
import type { RequirementSets } from "./run";

/** The set manifest.xml requires (<Requirements>); Office loads the add-in only where it is supported. */
export const SHARED_RUNTIME_SET = { name: "SharedRuntime", version: "1.1" } as const;
/** The highest ExcelApi set an API we call needs (see above). */
export const MINIMUM_EXCEL_API = "1.9";
export const TABLE_RESIZE_API = "1.13";

/** The highest ExcelApi 1.x this host supports (0 when none). */
export function highestExcelApi(sets: RequirementSets, upTo = 20): number {
  let best = 0;
  for (let minor = 1; minor <= upTo; minor++) if (sets.isSetSupported("ExcelApi", `1.${minor}`)) best = minor;
  return best;
}

/** Where TradeBook runs, as the SharedRuntime 1.1 table allows, in both languages. */
export const SUPPORTED_HOSTS = {
  en: "Excel on the web; Excel on Windows from Microsoft 365 or a retail Office, version 2002 or later; volume-licensed Excel 2021 or 2024; Excel for Mac 16.35 or later",
  zh: "网页版 Excel；Microsoft 365 或零售版 Office 的 Windows 版 Excel（版本 2002 及以上）；批量许可版 Excel 2021 或 2024；Mac 版 Excel 16.35 及以上",
} as const;

export function checkRequirements(sets: RequirementSets): Result<void> {
  const shared = sets.isSetSupported(SHARED_RUNTIME_SET.name, SHARED_RUNTIME_SET.version);
  const api = sets.isSetSupported("ExcelApi", MINIMUM_EXCEL_API);
  if (shared && api) return ok(undefined);
  const has = highestExcelApi(sets);
  const version = has === 0 ? "—" : `1.${has}`;
  const missing = [...(shared ? [] : [`${SHARED_RUNTIME_SET.name} ${SHARED_RUNTIME_SET.version}`]), ...(api ? [] : [`ExcelApi ${MINIMUM_EXCEL_API}`])];
  return err([
    {
      severity: "error",
      sheet: "",
      row: null,
      column: null,
      code: "excel-too-old",
      message: {
        zh: `此 Excel 无法运行 TradeBook：缺少 ${missing.join("、")}（它支持 ExcelApi ${version}）。TradeBook 可在以下版本中使用：${SUPPORTED_HOSTS.zh}。批量许可版 Excel 2016、2019 和 iPad 版 Excel 不支持。请更新 Office，或在网页版 Excel 中打开此工作簿。`,
        en: `This Excel cannot run TradeBook: it lacks ${missing.join(" and ")} (it supports ExcelApi ${version}). TradeBook runs in ${SUPPORTED_HOSTS.en}. Volume-licensed Excel 2016 and 2019 and Excel on iPad cannot run it: update Office or open this workbook in Excel on the web.`,
      },
    },
  ]);
}
