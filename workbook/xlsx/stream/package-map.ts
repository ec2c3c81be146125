/**
 * What a workbook's package says before any sheet is read: its sheets in
 * order with their parts, the Excel tables on each, the date system, which
 * cell styles show a date (exceljs reads a number in such a cell as a Date),
 * and the shared strings.
 */
import { isDateFormat } from "./date-formats";
import { EXCEL_MAX_CELL_CHARS } from "../../../core/contract/excel-limits";
import { Pending } from "./pending";
import { relsPathOf, resolvePart } from "../ooxml/part-names";
import type { ZipParts } from "./zip-parts";
import { tagsNamed, unescapeOoxml, xmlText } from "../ooxml/xml-decode";
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

/**
 * One shared string as exceljs reads it: the text of its <t>, or its rich
 * text runs joined (what a reader shows); phonetic runs (<rPh>) are not
 * text. null for an entry with neither (exceljs keeps an empty object).
 */
function sharedString(si: string): string | null {
  if (si.startsWith("<si><t>") && si.endsWith("</t></si>") && si.indexOf("<", 7) === si.length - 9) {
    return unescapeOoxml(xmlText(si.slice(7, -9)));
  }
  const body = si.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "");
  const runs = [...body.matchAll(/<(?:\w+:)?r(?=[\s>])[^>]*>([\s\S]*?)<\/(?:\w+:)?r>/g)];
  if (runs.length > 0) return runs.map((m) => tText(m[1]) ?? "").join("");
  return tText(body) ?? null;
}

/** The text of the <t> in xml (undefined without one), decoded as exceljs's TextXform does. */
function tText(xml: string): string | undefined {
  const m = /<(?:\w+:)?t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/.exec(xml);
  if (!m) return undefined;
  return unescapeOoxml(xmlText(m[1] ?? ""));
}

/** The shared strings, with the ones past Excel's cell limit left out (a cell showing one is refused where it is). */
export interface SharedStrings {
  readonly strings: readonly (string | null)[];
  /** Index → length of the strings longer than EXCEL_MAX_CELL_CHARS (their entries are null). */
  readonly tooLong: ReadonlyMap<number, number>;
}

/**
 * The shared string table, read in chunks (it can be tens of MB of XML).
 * Linear whatever the strings' sizes: a chunk without the end of an entry
 * is only set aside (pending), and the pieces are joined once the end
 * comes, so one huge string costs its length once, not once a chunk.
 */
export async function readSharedStrings(zip: ZipParts, path: string | undefined): Promise<SharedStrings> {
  return path === undefined ? { strings: [], tooLong: new Map() } : parseSharedStrings(zip.chunks(path), path);
}

/** The shared strings of a sharedStrings part's text, in chunks cut anywhere; `where` names the part in messages. */
export async function parseSharedStrings(chunks: AsyncIterable<string>, where: string): Promise<SharedStrings> {
  const out: (string | null)[] = [];
  const tooLong = new Map<number, number>();
  const add = (text: string | null): void => {
    if (text !== null && text.length > EXCEL_MAX_CELL_CHARS) {
      tooLong.set(out.length, text.length);
      out.push(null);
    } else out.push(text);
  };
  /** Reads the complete entries of buf; the index where the incomplete rest starts. */
  const entries = (buf: string): number => {
    let i = 0;
    for (;;) {
      const start = buf.indexOf("<si", i);
      if (start < 0 || start + 3 >= buf.length) return start < 0 ? i : start;
      const c = buf.charCodeAt(start + 3);
      if (c !== 62 && c !== 32 && c !== 47) {
        i = start + 3;
        continue;
      }
      const tagEnd = buf.indexOf(">", start);
      if (tagEnd < 0) return start;
      if (buf.charCodeAt(tagEnd - 1) === 47 /* / */) {
        add(null);
        i = tagEnd + 1;
        continue;
      }
      const end = buf.indexOf("</si>", tagEnd);
      if (end < 0) return start;
      add(sharedString(buf.slice(start, end + 5)));
      i = end + 5;
    }
  };
  const pending = new Pending(where, ["</si>", "<si/>"]);
  for await (const chunk of chunks) {
    const buf = pending.take(chunk);
    if (buf !== undefined) pending.keep(buf.slice(entries(buf)));
  }
  const rest = pending.flush();
  if (rest.length > 0) entries(rest);
  return { strings: out, tooLong };
}
