/**
 * ensureStructure through Office.js: creates the tables a workbook lacks (on
 * a new sheet, or on an empty sheet of the right name) and appends the
 * contract columns a table lacks at its right end, in that table's own header
 * language. A table is an Excel table named after the contract table or a
 * plain sheet with headers in row 1 (both are read the same way). It never
 * writes into a cell that holds anything: a sheet with data but no usable
 * header row is reported, not overwritten, and nothing at all is written then.
 * It also takes data validation and conditional formats off the cells below
 * each table (the old templates put them there, and Excel then does not take
 * new rows into the table): the pane's structure check mends such workbooks.
 * Three syncs: what exists, what is in it, the changes.
 */
import { err, ok, type Issue, type Result } from "../../core/contract/issues";
import { LANGS, SCHEMA, TABLE_NAMES, headerOf, sheetNameOf, type Lang, type TableName } from "../../core/contract/schema";
import type { EnsureReport } from "../port";
import { headerText, issueAt, locateHeaders } from "../locate";
import { defaultFormat } from "./cell-format";
import { issueFromOfficeError } from "./errors";
import { clearRulesBelow } from "./append-block";
import { cellFromExcel } from "./payload";
import { excelColumnPoints } from "../../core/report/page";
import { dataSheetPrint } from "../../core/report/data-sheet-print";
import { applyPageLayout } from "./page-layout";

/** Excel column width is in points; a character of the default font is about 7 pixels = 5.25 points. */
export const pointsForChars = excelColumnPoints;

async function sync(ctx: Excel.RequestContext): Promise<Result<void>> {
  try {
    await ctx.sync();
    return ok(undefined);
  } catch (e) {
    return err([issueFromOfficeError(e, "")]);
  }
}

const headersOf = (range: Excel.Range): string[] => (range.values[0] ?? []).map((v: unknown) => headerText(cellFromExcel(v)));

/** A new Excel table with the contract's headers at A1 of `sheet`. */
function createTable(ctx: Excel.RequestContext, sheet: Excel.Worksheet, name: TableName, lang: Lang): void {
  const def = SCHEMA[name];
  const header = sheet.getRangeByIndexes(0, 0, 1, def.columns.length);
  header.numberFormat = [def.columns.map(() => "@")];
  header.values = [def.columns.map((c) => headerOf(c, lang))];
  const table = ctx.workbook.tables.add(header, true);
  table.name = def.name;
  table.getDataBodyRange().numberFormat = [def.columns.map((c) => defaultFormat(c))];
  def.columns.forEach((c, i) => {
    sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = pointsForChars(c.width);
  });
  sheet.freezePanes.freezeRows(1);
  applyPageLayout(sheet, dataSheetPrint(name, lang));
}

export async function ensureStructureIn(ctx: Excel.RequestContext, lang: Lang): Promise<Result<EnsureReport>> {
  const probes = TABLE_NAMES.map((name) => {
    const def = SCHEMA[name];
    // The sheet in the asked language first, then in the other.
    const names = [...new Set([lang, ...LANGS].map((l) => sheetNameOf(def, l)))];
    return {
      name,
      table: ctx.workbook.tables.getItemOrNullObject(name).load("isNullObject"),
      sheets: names.map((n) => ctx.workbook.worksheets.getItemOrNullObject(n).load("isNullObject,name")),
    };
  });
  const first = await sync(ctx);
  if (!first.ok) return first;

  // Sync 2: the header row of every table there is, Excel table or plain sheet.
  const looks = probes.map((p) => {
    if (!p.table.isNullObject) {
      const body = p.table.getDataBodyRange();
      const below = body.getRowsBelow(1);
      const rules = { body, validation: below.dataValidation.load("type"), conditional: below.conditionalFormats.getCount() };
      return { name: p.name, kind: "table" as const, table: p.table, sheet: p.table.worksheet.load("name"), header: p.table.getHeaderRowRange().load("values,columnIndex,columnCount,rowIndex"), used: undefined, rules };
    }
    const sheet = p.sheets.find((s) => !s.isNullObject);
    if (!sheet) return { name: p.name, kind: "none" as const, table: undefined, sheet: undefined, header: undefined, used: undefined, rules: undefined };
    const used = sheet.getUsedRange(true).load("rowIndex,rowCount,columnCount");
    return { name: p.name, kind: "sheet" as const, table: undefined, sheet, header: used.getRow(0).load("values,columnIndex,columnCount,rowIndex"), used, rules: undefined };
  });
  const second = await sync(ctx);
  if (!second.ok) return second;

  const issues: Issue[] = [];
  const createdTables: TableName[] = [];
  const addedColumns: { table: TableName; column: string }[] = [];
  const mendedTables: TableName[] = [];
  const changes: (() => void)[] = [];
  for (const look of looks) {
    // Rules below a table (the old templates') stop Excel taking new rows into it: take them off.
    if (look.kind === "table" && (look.rules.validation.type !== "None" || look.rules.conditional.value > 0)) {
      changes.push(() => clearRulesBelow(look.table, look.rules.body, look.header.columnIndex, look.header.columnCount));
      mendedTables.push(look.name);
    }
    if (look.kind === "none") {
      changes.push(() => createTable(ctx, ctx.workbook.worksheets.add(sheetNameOf(SCHEMA[look.name], lang)), look.name, lang));
      createdTables.push(look.name);
      continue;
    }
    const headers = headersOf(look.header);
    const blank = look.used !== undefined && look.used.rowCount === 1 && look.used.columnCount === 1 && headers.every((h) => h === "");
    if (look.kind === "sheet" && blank) {
      changes.push(() => createTable(ctx, look.sheet, look.name, lang));
      createdTables.push(look.name);
      continue;
    }
    const layout = locateHeaders(look.name, headers, look.sheet.name);
    if (look.kind === "sheet" && (look.header.rowIndex !== 0 || layout.positions.size === 0)) {
      issues.push(
        issueAt(look.sheet.name, null, null, "sheet-not-empty", `工作表「${look.sheet.name}」已有内容，但第 1 行不是「${look.name}」的表头。请整理后重试，或重命名该工作表`, `sheet "${look.sheet.name}" has content, but row 1 is not a header row of ${look.name}. Tidy it up and try again, or rename the sheet`),
      );
      continue;
    }
    const missing = SCHEMA[look.name].columns.filter((c) => layout.missing.includes(c.key));
    if (missing.length === 0) continue;
    // New columns speak the table's language, so its headers stay in one language.
    const titles = missing.map((c) => headerOf(c, layout.lang));
    if (look.kind === "table") changes.push(() => titles.forEach((t) => look.table.columns.add(undefined, undefined, t)));
    else
      changes.push(() => {
        // Right of the last used column, so no cell below these headers holds anything.
        const at = look.sheet.getRangeByIndexes(0, look.header.columnIndex + look.header.columnCount, 1, titles.length);
        at.numberFormat = [titles.map(() => "@")];
        at.values = [titles];
      });
    for (const c of missing) addedColumns.push({ table: look.name, column: c.key });
  }
  if (issues.length > 0) return err(issues);
  if (changes.length === 0) return ok({ createdTables, addedColumns });
  for (const change of changes) change();
  const third = await sync(ctx);
  if (!third.ok) return third;
  return ok({ createdTables, addedColumns, ...(mendedTables.length > 0 ? { mendedTables } : {}) });
}
