/**
 * Excel tables as Excel wrote them survive an exceljs load and save.
 *
 * Excel leaves out attributes at their defaults; exceljs reads a missing
 * headerRowCount as "no header row" and writes headerRowCount="0" back,
 * which turns the header into data, and it hides every filter button the
 * file did not list. We read each table part's own attributes from the zip
 * and put the loaded models right before anything else touches them.
 */
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { excelTablesOf } from "./sheet-region";

interface TableFacts {
  readonly headerRow: boolean;
  readonly hasAutoFilter: boolean;
  /** 0-based columns whose filter button the file hides. */
  readonly hiddenButtons: ReadonlySet<number>;
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

function factsOf(xml: string): [string, TableFacts] | undefined {
  const open = /<(?:\w+:)?table\b[^>]*>/.exec(xml)?.[0];
  const name = open ? attr(open, "name") : undefined;
  if (!open || !name) return undefined;
  const hidden = new Set<number>();
  for (const m of xml.matchAll(/<(?:\w+:)?filterColumn\b[^>]*>/g)) {
    if (attr(m[0], "hiddenButton") === "1" || attr(m[0], "hiddenButton") === "true") hidden.add(Number(attr(m[0], "colId")));
  }
  return [name, { headerRow: attr(open, "headerRowCount") !== "0", hasAutoFilter: /<(?:\w+:)?autoFilter\b/.test(xml), hiddenButtons: hidden }];
}

/** Puts every loaded table's header row and filter buttons back as the file had them. */
export async function restoreTableFacts(wb: ExcelJS.Workbook, bytes: Uint8Array): Promise<void> {
  const tables = wb.worksheets.flatMap((ws) => excelTablesOf(ws));
  if (tables.length === 0) return;
  const zip = await JSZip.loadAsync(bytes);
  const facts = new Map<string, TableFacts>();
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/tables\/[^/]+\.xml$/i.test(p))) {
    const found = factsOf(await zip.files[path].async("string"));
    if (found) facts.set(found[0], found[1]);
  }
  for (const model of tables) {
    const f = facts.get(model.name);
    if (!f) continue;
    model.headerRow = f.headerRow;
    if (f.hasAutoFilter) model.columns.forEach((c, i) => (c.filterButton = !f.hiddenButtons.has(i)));
  }
}
