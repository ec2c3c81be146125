/**
 * The package plumbing of an .xlsx (Open Packaging Conventions): where parts
 * are, how relationships point at them, their content types, and which parts
 * become unreachable when a sheet is replaced. Relationship parts are small,
 * so reading all of them costs nothing next to the sheets. Browser-safe.
 */
import type JSZip from "jszip";
import { relsPathOf, resolvePart } from "./part-names";
import { attr, elements, escapeXml, firstElement, splice } from "./xml-edit";

export { relsPathOf, resolvePart };

export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
} as const;

export const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
export const CONTENT_TYPES = "[Content_Types].xml";

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The target part's name in the zip (no leading "/"), or the raw target when external. */
  readonly part: string;
  readonly external: boolean;
}

/** The zip entry, found case-insensitively as OPC part names are. */
export function entry(zip: JSZip, part: string): JSZip.JSZipObject | undefined {
  const exact = zip.file(part);
  if (exact) return exact;
  const lower = part.toLowerCase();
  const name = Object.keys(zip.files).find((n) => n.toLowerCase() === lower && !zip.files[n].dir);
  return name ? zip.files[name] : undefined;
}

export async function readText(zip: JSZip, part: string): Promise<string | undefined> {
  return entry(zip, part)?.async("string");
}

export function parseRels(xml: string, from: string): Relationship[] {
  return elements(xml, "Relationship").map((f) => {
    const external = attr(f.text, "TargetMode") === "External";
    const target = attr(f.text, "Target") ?? "";
    return { id: attr(f.text, "Id") ?? "", type: attr(f.text, "Type") ?? "", part: external ? target : resolvePart(from, target), external };
  });
}

export async function relsOf(zip: JSZip, part: string): Promise<Relationship[]> {
  const xml = await readText(zip, relsPathOf(part));
  return xml === undefined ? [] : parseRels(xml, part);
}

/** The workbook part (usually xl/workbook.xml), from the package relationships. */
export async function workbookPart(zip: JSZip): Promise<string | undefined> {
  return (await relsOf(zip, "")).find((r) => r.type === REL.officeDocument)?.part;
}

/** A new relationship appended to a .rels text; returns the text and the id. */
export function addRelationship(xml: string, type: string, target: string): { readonly xml: string; readonly id: string } {
  const used = new Set(elements(xml, "Relationship").map((f) => attr(f.text, "Id")));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const root = firstElement(xml, "Relationships");
  const prefix = root?.prefix ?? "";
  const close = xml.lastIndexOf(`</${prefix}Relationships`);
  const text = `<${prefix}Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  if (close >= 0) return { xml: splice(xml, close, close, text), id };
  // A self-closing <Relationships/> (no relationships yet).
  const selfClosing = root?.text ?? "";
  return { xml: xml.replace(selfClosing, `${selfClosing.replace(/\s*\/>$/, ">")}${text}</${prefix}Relationships>`), id };
}

/** A .rels text without the relationships `drop` picks. */
export function dropRelationships(xml: string, drop: (id: string) => boolean): string {
  let out = xml;
  for (const f of elements(xml, "Relationship").reverse()) if (drop(attr(f.text, "Id") ?? "")) out = splice(out, f.start, f.end, "");
  return out;
}

/** [Content_Types].xml with an Override for `part` (replacing any it had). */
export function setOverride(xml: string, part: string, contentType: string): string {
  const without = dropOverrides(xml, new Set([part]));
  const prefix = firstElement(without, "Types")?.prefix ?? "";
  const close = without.lastIndexOf(`</${prefix}Types`);
  return splice(without, close, close, `<${prefix}Override PartName="/${escapeXml(part)}" ContentType="${contentType}"/>`);
}

/** [Content_Types].xml without the Overrides of these parts. */
export function dropOverrides(xml: string, parts: ReadonlySet<string>): string {
  const lower = new Set([...parts].map((p) => `/${p}`.toLowerCase()));
  let out = xml;
  for (const f of elements(xml, "Override").reverse()) if (lower.has((attr(f.text, "PartName") ?? "").toLowerCase())) out = splice(out, f.start, f.end, "");
  return out;
}

/** Every part reachable from the package relationships through internal relationships (lower-cased names). */
export async function reachableParts(zip: JSZip): Promise<Set<string>> {
  const seen = new Set<string>();
  const queue: string[] = [""];
  while (queue.length > 0) {
    const from = queue.pop() ?? "";
    for (const r of await relsOf(zip, from)) {
      if (r.external) continue;
      const key = r.part.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      queue.push(r.part);
    }
  }
  return seen;
}

/** A free part name like xl/worksheets/sheet7.xml. */
export function freePart(zip: JSZip, dir: string, stem: string, ext: string): string {
  const taken = new Set(Object.keys(zip.files).map((n) => n.toLowerCase()));
  let n = 1;
  while (taken.has(`${dir}${stem}${n}.${ext}`.toLowerCase())) n++;
  return `${dir}${stem}${n}.${ext}`;
}
