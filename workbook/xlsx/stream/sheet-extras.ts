/**
 * What follows a sheet's rows and changes what its cells show in exceljs:
 * hyperlinks (a cell whose value is not text shows the link target) and
 * merged ranges (every cell shows the top-left cell's value).
 */
import { decodeRange } from "../exceljs/sheet-region";
import { tagsNamed } from "../ooxml/xml-decode";
import { attr } from "../ooxml/xml-edit";

export interface MergedRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface SheetExtras {
  /** Cell address as written → target, for hyperlinks exceljs keeps (those with a relationship). */
  readonly hyperlinks: ReadonlyMap<string, string>;
  readonly merges: readonly MergedRange[];
}

export function sheetExtras(tail: string, rels: ReadonlyMap<string, string>): SheetExtras {
  const hyperlinks = new Map<string, string>();
  for (const tag of tagsNamed(tail, "hyperlink")) {
    const ref = attr(tag, "ref");
    const target = rels.get(attr(tag, "r:id") ?? "");
    if (ref !== undefined && target !== undefined) hyperlinks.set(ref, target);
  }
  const merges = tagsNamed(tail, "mergeCell")
    .map((t) => decodeRange(attr(t, "ref") ?? ""))
    .filter((r): r is MergedRange => r !== undefined);
  return { hyperlinks, merges };
}
