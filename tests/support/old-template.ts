/**
 * A workbook as TradeBook's first templates made it: each table's dropdowns
 * and overdue highlight on fixed ranges down to row 2001 (or 1,000 rows past
 * the data), far below the table, which is what `tradebook check --fix` and
 * the Office adapter mend.
 */
import type { CrmSnapshot } from "../../core/contract/model";
import { SCHEMA, TABLE_NAMES, sheetNameOf, type Lang } from "../../core/contract/schema";
import { buildWorkbook } from "../../templates/builder";
import { applyColumnRules } from "../../workbook/xlsx/exceljs/structure";

export async function oldTemplateBytes(lang: Lang, data: Partial<CrmSnapshot> = {}): Promise<Uint8Array> {
  const wb = buildWorkbook(lang, data);
  for (const table of TABLE_NAMES) {
    const ws = wb.getWorksheet(sheetNameOf(SCHEMA[table], lang));
    if (!ws) continue;
    (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model = {};
    (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings = [];
    const rows = Math.max(1, ws.actualRowCount - 1);
    applyColumnRules(ws, table, lang, new Map(SCHEMA[table].columns.map((c, i) => [c.key, i + 1])), 1, 1 + Math.max(2000, rows + 1000));
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
