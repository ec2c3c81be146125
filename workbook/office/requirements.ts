/**
 * Which Excel versions can run TradeBook. Each API we call was checked
 * against its requirement set (@types/office-js remarks, learn.microsoft.com):
 *   ExcelApi 1.1  tables, Range.values/numberFormat, charts.add
 *   ExcelApi 1.2  Range.getRowsBelow/getResizedRange/merge, Workbook.functions
 *                 (DATE(1904,1,1) tells the date system: Office.js exposes no
 *                 date1904 property), Worksheet.protection, RangeFormat.columnWidth
 *   ExcelApi 1.3  tables.add with a Range
 *   ExcelApi 1.4  getItemOrNullObject, getUsedRangeOrNullObject, columns.add(name)
 *   ExcelApi 1.6  suspendApiCalculationUntilNextSync, conditional formats
 *   ExcelApi 1.7  freezePanes
 *   ExcelApi 1.9  worksheet.pageLayout (A4, landscape, fit to width, print titles,
 *                 headers and footers)
 *   ExcelApi 1.13 Table.resize (optional: used when present, see append.ts)
 *   delayForCellEdit is a run option with no requirement set of its own.
 * So the floor is ExcelApi 1.9: Excel 2019 / 2021 / 2024, Microsoft 365 and
 * Excel on the web. Excel 2016 (MSI) stops at 1.2.
 */
import { err, ok, type Result } from "../../core/contract/issues";
import type { RequirementSets } from "./run";

export const MINIMUM_EXCEL_API = "1.9";
export const TABLE_RESIZE_API = "1.13";

/** The highest ExcelApi 1.x this host supports (0 when none). */
export function highestExcelApi(sets: RequirementSets, upTo = 20): number {
  let best = 0;
  for (let minor = 1; minor <= upTo; minor++) if (sets.isSetSupported("ExcelApi", `1.${minor}`)) best = minor;
  return best;
}

export function checkRequirements(sets: RequirementSets): Result<void> {
  if (sets.isSetSupported("ExcelApi", MINIMUM_EXCEL_API)) return ok(undefined);
  const has = highestExcelApi(sets);
  const version = has === 0 ? "—" : `1.${has}`;
  return err([
    {
      severity: "error",
      sheet: "",
      row: null,
      column: null,
      code: "excel-too-old",
      message: {
        zh: `此版本的 Excel 太旧（支持 ExcelApi ${version}），TradeBook 需要 ExcelApi ${MINIMUM_EXCEL_API} 及以上：Excel 2019、2021、2024、Microsoft 365 或网页版 Excel。Excel 2016 无法使用本加载项，请升级 Office 或在网页版 Excel 中打开此工作簿。`,
        en: `This Excel is too old (it supports ExcelApi ${version}); TradeBook needs ExcelApi ${MINIMUM_EXCEL_API} or later: Excel 2019, 2021, 2024, Microsoft 365 or Excel on the web. Excel 2016 cannot run the add-in: upgrade Office or open this workbook in Excel on the web.`,
      },
    },
  ]);
}
