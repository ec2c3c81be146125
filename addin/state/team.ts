/**
 * Adding the team to Salespeople from the pane. The names are checked again
 * against the table as it is right before writing (someone may have typed
 * one into the sheet meanwhile), and the rows go in one append: all or none.
 */
import { toCells } from "../../core/contract/cells";
import { err, ok, type Result } from "../../core/contract/issues";
import type { Salesperson } from "../../core/contract/model";
import type { WorkbookPort } from "../../workbook/port";
import { nameKey } from "./forms/team-form";

export async function addSalespeople(port: WorkbookPort, people: readonly Salesperson[]): Promise<Result<{ readonly count: number; readonly sheet: string }>> {
  const current = await port.readTable("Salespeople", ["Name"]);
  if (!current.ok) return err(current.error);
  const { lang, sheet } = current.value;
  const taken = new Set(current.value.rows.map((r) => nameKey(String(r.cells.Name ?? ""))));
  const clash = people.find((p) => taken.has(nameKey(p.Name)));
  if (clash) {
    const column = current.value.headers.Name ?? "Name";
    return err([
      {
        severity: "error",
        sheet,
        row: null,
        column,
        code: "duplicate",
        message: { zh: `「${clash.Name}」已在业务员表中（可能刚被他人添加）；未写入任何一行`, en: `"${clash.Name}" is already in Salespeople (someone may just have added it); no row was written` },
      },
    ]);
  }
  const written = await port.appendRows("Salespeople", people.map((p) => toCells("Salespeople", p, lang)));
  if (!written.ok) return err(written.error);
  return ok({ count: written.value.count, sheet });
}
