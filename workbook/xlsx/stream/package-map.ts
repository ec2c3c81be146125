/**
 * What a workbook's package says before any sheet is read: its sheets in
 * order with their parts, the Excel tables on each, the date system, which
 * cell styles show a date (exceljs reads a number in such a cell as a Date),
 * and the shared strings (read as they are asked for: shared-strings.ts).
 */
import { isDateFormat } from "./date-formats";
import { relsPathOf, resolvePart } from "../ooxml/part-names";
import type { ZipParts } from "./zip-parts";
import { tagsNamed } from "../ooxml/xml-decode";
import { sharedStringsOf, type SharedStrings } from "./shared-strings";
import { attr } from "../ooxml/xml-edit";

export interface ExcelTableFacts {
  readonly name: string;
  /** The table part ("xl/tables/table1.xml"). */
  readonly path: string;
  /** "A1:D20" as written, header and totals rows included. */
  readonly ref: string;
  readonly headerRow: boolean;
  readonly totalsRow: boolean;
  readonly columnNames: readonly string[];
}

export interface SheetPart {
  readonly name: string;
  readonly path: string;
  /** The sheet's relationships: Id → Target as written. */
  readonly rels: ReadonlyMap<string, string>;
  readonly tables: readonly ExcelTableFacts[];
}

export interface PackageMap {
  readonly date1904: boolean;
  readonly sheets: readonly SheetPart[];
  /** Style indices (cellXfs) whose number format is a date or time. */
  readonly dateStyles: ReadonlySet<number>;
  readonly sharedStringsPath: string | undefined;
}

interface Rel {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

async function relsOf(zip: ZipParts, part: string): Promise<Rel[]> {
  const xml = (await zip.text(relsPathOf(part))) ?? "";
  return tagsNamed(xml, "Relationship").map((t) => ({ id: attr(t, "Id") ?? "", type: attr(t, "Type") ?? "", target: attr(t, "Target") ?? "" }));
}

function tableFacts(xml: string, path: string): ExcelTableFacts | undefined {
  const open = tagsNamed(xml, "table")[0];
  const name = open ? attr(open, "name") : undefined;
  const ref = open ? attr(open, "ref") : undefined;
  if (!open || name === undefined || ref === undefined) return undefined;
  return {
    name,
    path,
    ref,
    // As workbook/xlsx/exceljs/table-fidelity.ts restores it after exceljs's load.
    headerRow: attr(open, "headerRowCount") !== "0",
    totalsRow: attr(open, "totalsRowCount") === "1",
    columnNames: tagsNamed(xml, "tableColumn").map((t) => attr(t, "name") ?? ""),
  };
}

async function dateStylesOf(zip: ZipParts): Promise<Set<number>> {
  const xml = (await zip.text("xl/styles.xml")) ?? "";
  const formats = new Map<number, string>();
  for (const t of tagsNamed(xml, "numFmt")) {
    // exceljs drops the backslash escapes of a format code.
    formats.set(parseInt(attr(t, "numFmtId") ?? "", 10), (attr(t, "formatCode") ?? "").replace(/[\\](.)/g, "$1"));
  }
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? "";
  const out = new Set<number>();
  tagsNamed(cellXfs, "xf").forEach((t, i) => {
    const id = parseInt(attr(t, "numFmtId") ?? "", 10);
    if (id && isDateFormat(formats.get(id), id)) out.add(i);
  });
  return out;
}

export async function readPackageMap(zip: ZipParts): Promise<PackageMap> {
  const wbPath = "xl/workbook.xml";
  const wbXml = await zip.text(wbPath);
  if (wbXml === undefined) throw new Error("xl/workbook.xml is missing");
  const wbPr = tagsNamed(wbXml, "workbookPr")[0];
  const wbRels = await relsOf(zip, wbPath);
  const relTarget = new Map(wbRels.map((r) => [r.id, resolvePart(wbPath, r.target)]));
  const sheets: SheetPart[] = [];
  for (const tag of tagsNamed(wbXml, "sheet")) {
    const path = relTarget.get(attr(tag, "r:id") ?? "");
    if (path === undefined || !zip.has(path)) continue;
    const rels = await relsOf(zip, path);
    const tables: ExcelTableFacts[] = [];
    for (const r of rels.filter((x) => x.type.endsWith("/table"))) {
      const part = resolvePart(path, r.target);
      const xml = await zip.text(part);
      const facts = xml === undefined ? undefined : tableFacts(xml, part);
      if (facts) tables.push(facts);
    }
    sheets.push({ name: attr(tag, "name") ?? "", path, rels: new Map(rels.map((r) => [r.id, r.target])), tables });
  }
  const sst = wbRels.find((r) => r.type.endsWith("/sharedStrings"));
  return {
    date1904: wbPr !== undefined && attr(wbPr, "date1904") === "1",
    sheets,
    dateStyles: await dateStylesOf(zip),
    sharedStringsPath: sst ? resolvePart(wbPath, sst.target) : undefined,
  };
}

/** The shared strings, read lazily (shared-strings.ts). */
export async function readSharedStrings(zip: ZipParts, path: string | undefined): Promise<SharedStrings> {
  const bytes = path === undefined ? undefined : await zip.bytes(path);
  return sharedStringsOf(bytes ?? new Uint8Array(0));
}
