/**
 * workbook.xml edits for a report sheet: its entry in <sheets> (in place of
 * the sheet it replaces, else last) and its defined names (print titles,
 * print area). Local defined names point at a sheet by its position
 * (localSheetId), which replacing in place keeps, so only the replaced
 * sheet's own names change. Browser-safe.
 */
import { parseRels } from "../ooxml/parts";
import { attr, elements, escapeXml, firstElement, inner, openTag, prefixOf, setAttr, splice } from "../ooxml/xml-edit";

const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface ListedSheet {
  readonly name: string;
  /** 0-based tab position. */
  readonly index: number;
  readonly relId: string;
  /** Its part in the zip ("" when the relationship is missing). */
  readonly part: string;
}

/** The <sheet> elements inside <sheets>, with offsets into the whole workbook.xml. */
function sheetElements(xml: string): { readonly list: ReturnType<typeof elements>; readonly sheetsStart: number; readonly sheetsText: string; readonly prefix: string } {
  const sheets = firstElement(xml, "sheets");
  if (!sheets) throw new Error("workbook.xml has no <sheets>");
  const offset = sheets.start + openTag(sheets.text).length;
  const list = elements(inner(sheets.text), "sheet").map((f) => ({ ...f, start: f.start + offset, end: f.end + offset }));
  return { list, sheetsStart: sheets.start, sheetsText: sheets.text, prefix: sheets.prefix };
}

export function listSheets(workbookXml: string, relsXml: string, workbookPart: string): ListedSheet[] {
  const r = prefixOf(workbookXml, RELATIONSHIPS_NS) ?? "r:";
  const rels = parseRels(relsXml, workbookPart);
  return sheetElements(workbookXml).list.map((f, index) => {
    const relId = attr(f.text, `${r}id`) ?? "";
    return { name: attr(f.text, "name") ?? "", index, relId, part: rels.find((x) => x.id === relId)?.part ?? "" };
  });
}

export interface Placement {
  readonly name: string;
  readonly relId: string;
  readonly replacing: ListedSheet | undefined;
  /** The report's <definedName> elements, local to its own sheet 0. */
  readonly definedNames: readonly string[];
}

/** workbook.xml with the report's sheet placed and its defined names set. */
export function placeSheet(workbookXml: string, p: Placement): string {
  let xml = workbookXml;
  let r = prefixOf(xml, RELATIONSHIPS_NS);
  if (r === undefined) {
    const root = firstElement(xml, "workbook");
    if (!root) throw new Error("workbook.xml has no <workbook>");
    xml = splice(xml, root.start, root.start + openTag(root.text).length, setAttr(openTag(root.text), "xmlns:r", RELATIONSHIPS_NS));
    r = "r:";
  }
  const { list, prefix } = sheetElements(xml);
  const sheetId = list.reduce((m, f) => Math.max(m, Number(attr(f.text, "sheetId")) || 0), 0) + 1;
  const element = `<${prefix}sheet name="${escapeXml(p.name)}" sheetId="${sheetId}" ${r}id="${p.relId}"/>`;
  const index = p.replacing ? p.replacing.index : list.length;
  const at = list[index];
  if (p.replacing && at) xml = splice(xml, at.start, at.end, element);
  else {
    const sheets = firstElement(xml, "sheets");
    const close = sheets ? sheets.start + sheets.text.lastIndexOf("</") : -1;
    if (!sheets || close < sheets.start) throw new Error("workbook.xml has an empty <sheets/>");
    xml = splice(xml, close, close, element);
  }
  return setDefinedNames(xml, index, p.replacing !== undefined, p.definedNames.map((d) => withPrefix(setAttr(d, "localSheetId", String(index)), prefix)));
}

function withPrefix(fragment: string, prefix: string): string {
  return prefix === "" ? fragment : fragment.replace(/<(\/?)(?![\w-]+:)([A-Za-z])/g, `<$1${prefix}$2`);
}

/** Drops the names local to `index` when it is replaced, then adds `names`; no <definedNames> is left empty. */
function setDefinedNames(workbookXml: string, index: number, replacing: boolean, names: readonly string[]): string {
  const section = firstElement(workbookXml, "definedNames");
  if (!section) {
    if (names.length === 0) return workbookXml;
    const prefix = firstElement(workbookXml, "sheets")?.prefix ?? "";
    // CT_Workbook: sheets, functionGroups?, externalReferences?, definedNames? …
    const after = firstElement(workbookXml, "externalReferences") ?? firstElement(workbookXml, "functionGroups") ?? firstElement(workbookXml, "sheets");
    const at = after ? after.end : workbookXml.lastIndexOf("</");
    return splice(workbookXml, at, at, `<${prefix}definedNames>${names.join("")}</${prefix}definedNames>`);
  }
  const kept = elements(inner(section.text), "definedName")
    .map((f) => f.text)
    .filter((d) => !(replacing && attr(d, "localSheetId") === String(index)));
  const all = [...kept, ...names];
  const open = openTag(section.text).replace(/\s*\/>$/, ">");
  const text = all.length === 0 ? "" : `${open}${all.join("")}</${section.prefix}definedNames>`;
  return splice(workbookXml, section.start, section.end, text);
}
