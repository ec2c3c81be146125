/**
 * What a package's XML says about its tables and rules: per sheet, each
 * table's ref and every data validation's and conditional format's sqref
 * (main and x14 forms), for tests that hold rules to the tables' own rows.
 */
import { readPackageMap } from "../../workbook/xlsx/stream/package-map";
import { ZipParts } from "../../workbook/xlsx/stream/zip-parts";
import { inflateWithZlib } from "../../workbook/node/inflate";
import { decodeRange } from "../../workbook/xlsx/exceljs/sheet-region";

export interface SheetRules {
  readonly sheet: string;
  readonly tables: readonly { readonly name: string; readonly ref: string }[];
  readonly validations: readonly string[];
  readonly conditionalFormats: readonly string[];
}

function sqrefsOf(xml: string, element: string): string[] {
  const re = new RegExp(`<(\\w+:)?${element}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</\\1?${element}\\s*>)`, "g");
  return [...xml.matchAll(re)].flatMap((m) => {
    const attr = /\ssqref="([^"]*)"/.exec(m[0].slice(0, m[0].indexOf(">") + 1));
    const child = /<(?:\w+:)?sqref>([^<]*)</.exec(m[0]);
    return (attr?.[1] ?? child?.[1] ?? "").split(/\s+/).filter(Boolean);
  });
}

export async function packageRules(bytes: Uint8Array): Promise<SheetRules[]> {
  const zip = await ZipParts.open(bytes, inflateWithZlib);
  const map = await readPackageMap(zip);
  const out: SheetRules[] = [];
  for (const sheet of map.sheets) {
    const xml = (await zip.text(sheet.path)) ?? "";
    out.push({ sheet: sheet.name, tables: sheet.tables.map((t) => ({ name: t.name, ref: t.ref })), validations: sqrefsOf(xml, "dataValidation"), conditionalFormats: sqrefsOf(xml, "conditionalFormatting") });
  }
  return out;
}

/** The rule ranges of a sheet that reach outside its tables' body rows (in a table's columns) or below them: should be none. */
export function rulesOffTables(s: SheetRules): string[] {
  const tables = s.tables.map((t) => decodeRange(t.ref)).filter((t) => t !== undefined);
  return [...s.validations, ...s.conditionalFormats].filter((sqref) => {
    const b = decodeRange(sqref);
    if (!b) return true;
    return !tables.some((t) => b.left >= t.left && b.right <= t.right && b.top > t.top && b.bottom <= t.bottom);
  });
}
