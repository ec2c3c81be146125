/**
 * Hearing about changes to the workbook's tables, so the pane stays current:
 * TableCollection.onChanged (ExcelApi 1.7) fires for the user's own edits
 * and for a co-author's (event.source "Remote"):
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events
 * ("Events and coauthoring"). The handler only says "something changed";
 * the caller decides when to read again (debounced, and only while shown).
 */
import type { ExcelRun } from "./run";

/** Registers `onChange` for every table; answers a function that unregisters it. */
export async function watchTables(run: ExcelRun, runOptions: Excel.RunOptions, onChange: () => void): Promise<() => Promise<void>> {
  const handler = await run(runOptions, async (ctx) => {
    const registered = ctx.workbook.tables.onChanged.add(async () => onChange());
    await ctx.sync();
    return registered;
  });
  return async () => {
    handler.remove();
    await handler.context.sync();
  };
}
