/**
 * `tradebook check --fix`: a workbook made by the old templates mended in
 * its package, every other part keeping its bytes: on each sheet holding a
 * table, the data validation and conditional formats below the table (in
 * its columns) are taken off (workbook/xlsx/ooxml/rules-below.ts says why),
 * so Excel takes new rows into the table on every host.
 */
import JSZip from "jszip";
import { concatBytes, plainBytes } from "../stream/bytes";
import { ZipParts, type Inflate } from "../stream/zip-parts";
import { readPackageMap } from "../stream/package-map";
import { keepRulesOffZones, zonesBelow } from "../ooxml/rules-below";
import type { PutPart } from "./put-deflated";

export interface MendedSheet {
  readonly sheet: string;
  readonly tables: readonly string[];
  readonly validations: number;
  readonly conditionalFormats: number;
}

export interface MendOptions {
  readonly inflate?: Inflate;
  /** How a rewritten sheet goes into the package (node: deflate-node.ts putDeflated). */
  readonly put?: PutPart;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8");

/** Where `needle` last occurs in `hay`, -1 when nowhere. */
function lastIndexOf(hay: Uint8Array, needle: string): number {
  const n = encoder.encode(needle);
  outer: for (let i = hay.length - n.length; i >= 0; i--) {
    for (let k = 0; k < n.length; k++) if (hay[i + k] !== n[k]) continue outer;
    return i;
  }
  return -1;
}

/** The package with no rule below any table; `bytes` itself and no sheets when there was nothing to mend. */
export async function mendRulesBelowTables(bytes: Uint8Array, options: MendOptions = {}): Promise<{ readonly bytes: Uint8Array; readonly mended: readonly MendedSheet[] }> {
  const parts = await ZipParts.open(bytes, options.inflate);
  const map = await readPackageMap(parts);
  const rewritten: { path: string; bytes: Uint8Array }[] = [];
  const mended: MendedSheet[] = [];
  for (const sheet of map.sheets) {
    if (sheet.tables.length === 0) continue;
    const xml = await parts.bytes(sheet.path);
    if (!xml) continue;
    // Rules follow the rows: only the text after </sheetData> is read and changed.
    const end = lastIndexOf(xml, "</sheetData>");
    if (end < 0) continue;
    const tail = decoder.decode(xml.subarray(end));
    const result = keepRulesOffZones(tail, zonesBelow(sheet.tables.map((t) => t.ref)));
    if (result.validations + result.conditionalFormats === 0) continue;
    rewritten.push({ path: sheet.path, bytes: concatBytes([xml.subarray(0, end), encoder.encode(result.tail)]) });
    mended.push({ sheet: sheet.name, tables: sheet.tables.map((t) => t.name), validations: result.validations, conditionalFormats: result.conditionalFormats });
  }
  if (rewritten.length === 0) return { bytes, mended };
  const zip = await JSZip.loadAsync(plainBytes(bytes));
  for (const part of rewritten) {
    if (options.put) await options.put(zip, part.path, part.bytes);
    else zip.file(part.path, part.bytes, { createFolders: false });
  }
  const out = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
  return { bytes: out, mended };
}
