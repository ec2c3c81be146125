/**
 * A new TradeBook workbook: every contract table on its own sheet, in
 * contract order, with the reference tables (Settings, CommissionTiers,
 * ExchangeRates, Countries) filled with the contract defaults unless the
 * caller brings its own rows.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { toCells } from "../core/contract/cells";
import type { CrmSnapshot, RowOf } from "../core/contract/model";
import { SCHEMA, TABLE_NAMES, sheetNameOf, type Lang, type TableName } from "../core/contract/schema";
import { localize, type Catalog } from "../core/contract/lang";
import { addTableSheet } from "../workbook/xlsx/exceljs/structure";
import { applyDataSheetPrint } from "../workbook/xlsx/exceljs/data-sheet-print";
import { referenceRows } from "./defaults";

export { defaultSettingRows } from "./defaults";

/** The defined name that marks a workbook as a TradeBook workbook. */
export const MARKER_NAME = "TradeBook";
export const CREATOR = "TradeBook";

export const TEMPLATE_FILES: Readonly<Record<Lang, string>> = {
  "zh-CN": "TradeBook.xlsx",
  "en-US": "TradeBook.en-US.xlsx",
};

/** The rows each table starts with: the caller's, else the contract defaults for reference tables. */
export function initialRows(lang: Lang, data: Partial<CrmSnapshot>): { readonly [T in TableName]: readonly RowOf<T>[] } {
  const reference = referenceRows(lang);
  return {
    Customers: data.Customers ?? [],
    FollowUps: data.FollowUps ?? [],
    Samples: data.Samples ?? [],
    Orders: data.Orders ?? [],
    Payments: data.Payments ?? [],
    Salespeople: data.Salespeople ?? [],
    Forecasts: data.Forecasts ?? [],
    Scores: data.Scores ?? [],
    WeeklyNotes: data.WeeklyNotes ?? [],
    Settings: data.Settings ?? reference.Settings,
    CommissionTiers: data.CommissionTiers ?? reference.CommissionTiers,
    ExchangeRates: data.ExchangeRates ?? reference.ExchangeRates,
    Countries: data.Countries ?? reference.Countries,
  };
}

function addSheet<T extends TableName>(wb: ExcelJS.Workbook, table: T, rows: readonly RowOf<T>[], lang: Lang): void {
  const ws = addTableSheet(wb, table, lang, rows.map((r) => toCells(table, r, lang)));
  applyDataSheetPrint(ws, table, lang);
}

/** The file's document properties (File > Info in Excel). */
const PROPERTIES = {
  title: { zh: "TradeBook 外贸客户管理", en: "TradeBook export CRM" },
  description: { zh: "TradeBook 工作簿（表结构见 docs/workbook.md）", en: "A TradeBook workbook (tables: docs/workbook.md)" },
} satisfies Catalog<string>;

export function buildWorkbook(lang: Lang, data: Partial<CrmSnapshot> = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = CREATOR;
  wb.lastModifiedBy = CREATOR;
  wb.title = localize(PROPERTIES.title, lang);
  wb.subject = "TradeBook";
  wb.category = "TradeBook";
  wb.keywords = `TradeBook lang=${lang}`;
  wb.description = localize(PROPERTIES.description, lang);
  wb.created = new Date();
  wb.modified = wb.created;
  const rows = initialRows(lang, data);
  for (const table of TABLE_NAMES) addSheet(wb, table, rows[table] as readonly RowOf<typeof table>[], lang);
  // A defined name survives edits in Excel and is cheap for every reader to check.
  const settingsSheet = sheetNameOf(SCHEMA.Settings, lang);
  wb.definedNames.add(`'${settingsSheet}'!$A$1`, MARKER_NAME);
  return wb;
}

/** Writes TradeBook.xlsx (zh-CN) and TradeBook.en-US.xlsx into `dir`; returns their paths. */
export async function writeTemplates(dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const lang of ["zh-CN", "en-US"] as const) {
    const path = join(dir, TEMPLATE_FILES[lang]);
    await buildWorkbook(lang).xlsx.writeFile(path);
    written.push(path);
  }
  return written;
}
