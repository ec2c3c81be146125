/**
 * Creating the CRM structure in a workbook that lacks it (the pane's first
 * run). The port creates the missing tables, empty; the reference tables
 * among them then get the rows a new workbook from the template starts with
 * (templates/defaults.ts: the Settings defaults, commission tiers,
 * indicative exchange rates, every country). Without them no customer could
 * be added (a customer's Country must be in Countries) and no foreign order
 * priced. Tables that were already there are never touched.
 */
import { toCells } from "../core/contract/cells";
import { ok, type Result } from "../core/contract/issues";
import type { Lang } from "../core/contract/schema";
import { referenceRows, type ReferenceTable } from "../templates/defaults";
import type { EnsureReport, WorkbookPort } from "../workbook/port";

const REFERENCE_TABLES: readonly ReferenceTable[] = ["Settings", "CommissionTiers", "ExchangeRates", "Countries"];

export async function createStructure(port: WorkbookPort, lang: Lang): Promise<Result<EnsureReport>> {
  const made = await port.ensureStructure(lang);
  if (!made.ok) return made;
  const rows = referenceRows(lang);
  const fill = <T extends ReferenceTable>(table: T) => port.appendRows(table, rows[table].map((r) => toCells(table, r, lang)));
  for (const table of REFERENCE_TABLES) {
    if (!made.value.createdTables.includes(table)) continue;
    const written = await fill(table);
    if (!written.ok) return written;
  }
  return ok(made.value);
}
