/**
 * A report sheet's styles, appended to the styles.xml of the workbook it is
 * written into.
 *
 * The report is rendered by exceljs into a workbook of its own; its
 * styles.xml lists the fonts, fills, borders, number formats, cell formats
 * (cellXfs) and conditional formats (dxfs) the sheet uses by index. Those are
 * added to the target's lists and the indices remapped. A style the target
 * already lists with the same text is reused, so writing the weekly reports
 * every week does not grow styles.xml without end (Excel caps cell formats
 * at about 64,000). Custom number formats (id 164 and up) are matched by
 * their format code or given a free id. Browser-safe.
 */
import { attr, elements, escapeXml, firstElement, inner, openTag, setAttr, splice, type Found } from "../ooxml/xml-edit";

/** Where each of the report's style indices went in the target. */
export interface StyleMaps {
  /** Report cellXfs index → target cellXfs index. */
  readonly xf: readonly number[];
  /** Report dxfs index → target dxfs index. */
  readonly dxf: readonly number[];
}

/** styles.xml sections in schema order (CT_Stylesheet is a sequence). */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"] as const;
type Section = (typeof ORDER)[number];
/** The child element each list section holds. */
const CHILD: Partial<Record<Section, string>> = { numFmts: "numFmt", fonts: "font", fills: "fill", borders: "border", cellXfs: "xf", dxfs: "dxf" };

/** First custom number format id; lower ones are Excel's built-in formats. */
const FIRST_CUSTOM_FORMAT = 164;

/** A direct child of <styleSheet>, not a namesake nested in another section. */
function section(xml: string, name: Section): Found | undefined {
  const root = firstElement(xml, "styleSheet");
  if (!root) return undefined;
  const body = inner(root.text);
  const offset = root.start + openTag(root.text).length;
  // Blank out (keeping offsets) what may nest a section's name: extLst can hold an <x14:dxfs>.
  let topLevel = body;
  for (const outer of ["dxfs", "extLst"] as const) {
    if (outer === name) continue;
    for (const f of elements(topLevel, outer)) topLevel = splice(topLevel, f.start, f.end, " ".repeat(f.end - f.start));
  }
  const found = firstElement(topLevel, name);
  return found ? { ...found, start: found.start + offset, end: found.end + offset, text: xml.slice(found.start + offset, found.end + offset) } : undefined;
}

function children(xml: string, name: Section): string[] {
  const s = section(xml, name);
  const child = CHILD[name];
  return s && child ? elements(inner(s.text), child).map((f) => f.text) : [];
}

/**
 * The target's styles.xml with `added` appended to section `name` (created in
 * schema order when missing) and its count set.
 */
function appendTo(xml: string, name: Section, added: readonly string[], prefix: string): string {
  if (added.length === 0) return xml;
  const s = section(xml, name);
  const child = CHILD[name] ?? "";
  if (s) {
    const count = elements(inner(s.text), child).length + added.length;
    const open = openTag(s.text);
    const body = inner(s.text);
    const close = open.endsWith("/>") ? `</${s.prefix}${name}>` : s.text.slice(open.length + body.length);
    const newOpen = setAttr(open.endsWith("/>") ? open.replace(/\s*\/>$/, ">") : open, "count", String(count));
    return splice(xml, s.start, s.end, newOpen + body + added.join("") + close);
  }
  const text = `<${prefix}${name} count="${added.length}">${added.join("")}</${prefix}${name}>`;
  for (const later of ORDER.slice(ORDER.indexOf(name) + 1)) {
    const next = section(xml, later);
    if (next) return splice(xml, next.start, next.start, text);
  }
  const close = xml.lastIndexOf(`</${prefix}styleSheet`);
  return splice(xml, close, close, text);
}

/** Report elements added to a target list: reusing an identical one, else appended. Returns each one's target index. */
function place(existing: readonly string[], report: readonly string[], added: string[]): number[] {
  const index = new Map<string, number>();
  existing.forEach((t, i) => index.has(t) || index.set(t, i));
  return report.map((t) => {
    const known = index.get(t);
    if (known !== undefined) return known;
    const at = existing.length + added.length;
    added.push(t);
    index.set(t, at);
    return at;
  });
}

/** Prefixes every element of a fragment written without one (exceljs) with the target's prefix. */
function withPrefix(fragment: string, prefix: string): string {
  return prefix === "" ? fragment : fragment.replace(/<(\/?)(?![\w-]+:)([A-Za-z])/g, `<$1${prefix}$2`);
}

/**
 * Appends the styles of `report` (an exceljs styles.xml) to `target`.
 * Report cell format 0 is the default format and maps to the target's own
 * default (0), as an unstyled cell does in any workbook.
 */
export function mergeStyles(target: string, report: string): { readonly xml: string; readonly maps: StyleMaps } {
  const root = firstElement(target, "styleSheet");
  if (!root) throw new Error("styles.xml has no styleSheet");
  const prefix = root.prefix;
  let xml = target;

  // Number formats: the same code reuses the target's id, else a free id from 164.
  const targetFormats = children(target, "numFmts");
  const byCode = new Map<string, number>();
  let nextId = FIRST_CUSTOM_FORMAT;
  for (const f of targetFormats) {
    const id = Number(attr(f, "numFmtId"));
    const code = attr(f, "formatCode") ?? "";
    if (!byCode.has(code)) byCode.set(code, id);
    if (Number.isFinite(id) && id >= nextId) nextId = id + 1;
  }
  const formatMap = new Map<number, number>();
  const addedFormats: string[] = [];
  for (const f of children(report, "numFmts")) {
    const id = Number(attr(f, "numFmtId"));
    const code = attr(f, "formatCode") ?? "";
    let to = byCode.get(code);
    if (to === undefined) {
      to = nextId++;
      byCode.set(code, to);
      addedFormats.push(`<${prefix}numFmt numFmtId="${to}" formatCode="${escapeXml(code)}"/>`);
    }
    formatMap.set(id, to);
  }

  const lists = { fonts: [] as string[], fills: [] as string[], borders: [] as string[] };
  const maps = {
    fonts: place(children(target, "fonts"), children(report, "fonts").map((t) => withPrefix(t, prefix)), lists.fonts),
    fills: place(children(target, "fills"), children(report, "fills").map((t) => withPrefix(t, prefix)), lists.fills),
    borders: place(children(target, "borders"), children(report, "borders").map((t) => withPrefix(t, prefix)), lists.borders),
  };

  const remapXf = (xf: string): string => {
    let t = xf;
    const num = Number(attr(t, "numFmtId") ?? "0");
    t = setAttr(t, "numFmtId", String(formatMap.get(num) ?? num));
    t = setAttr(t, "fontId", String(maps.fonts[Number(attr(t, "fontId") ?? "0")] ?? 0));
    t = setAttr(t, "fillId", String(maps.fills[Number(attr(t, "fillId") ?? "0")] ?? 0));
    t = setAttr(t, "borderId", String(maps.borders[Number(attr(t, "borderId") ?? "0")] ?? 0));
    // The report's only cell style is Normal; the target's Normal is its first.
    t = setAttr(t, "xfId", "0");
    return withPrefix(t, prefix);
  };
  const reportXfs = children(report, "cellXfs");
  const addedXfs: string[] = [];
  const xfPlaced = place(children(target, "cellXfs"), reportXfs.slice(1).map(remapXf), addedXfs);
  const xf = [0, ...xfPlaced];

  const addedDxfs: string[] = [];
  const dxf = place(children(target, "dxfs"), children(report, "dxfs").map((t) => withPrefix(t, prefix)), addedDxfs);

  xml = appendTo(xml, "numFmts", addedFormats, prefix);
  xml = appendTo(xml, "fonts", lists.fonts, prefix);
  xml = appendTo(xml, "fills", lists.fills, prefix);
  xml = appendTo(xml, "borders", lists.borders, prefix);
  xml = appendTo(xml, "cellXfs", addedXfs, prefix);
  xml = appendTo(xml, "dxfs", addedDxfs, prefix);
  return { xml, maps: { xf, dxf } };
}
