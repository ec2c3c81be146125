/**
 * Small, exact edits of OOXML parts as text.
 *
 * Writing a report into a package touches a handful of small parts
 * (workbook.xml, its relationships, [Content_Types].xml, styles.xml), written
 * by Excel, exceljs or other tools. A DOM round trip would reformat them;
 * these helpers find elements and attributes and splice text, so everything
 * we do not mean to change stays byte for byte as it was. Elements may carry
 * a namespace prefix (`x:sheet`), which is kept. Browser-safe.
 */
import { attrIn, xmlText } from "./xml-decode";

/** A found element: its whole text and where it sits. */
export interface Found {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The namespace prefix with its colon ("x:"), or "". */
  readonly prefix: string;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Every element `tag` (any prefix) in `xml`, opening tag to its close; `tag` must not nest in itself. */
export function elements(xml: string, tag: string): Found[] {
  const re = new RegExp(`<(\\w+:)?${escapeRe(tag)}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</\\1?${escapeRe(tag)}\\s*>)`, "g");
  const out: Found[] = [];
  for (const m of xml.matchAll(re)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length, prefix: m[1] ?? "" });
  return out;
}

export function firstElement(xml: string, tag: string): Found | undefined {
  return elements(xml, tag)[0];
}

/** The opening tag of an element's text. */
export function openTag(element: string): string {
  return /^<[^>]*>/.exec(element)?.[0] ?? element;
}

/** The children of an element: what lies between its opening and closing tag ("" when self-closing). */
export function inner(element: string): string {
  const open = openTag(element);
  if (open.endsWith("/>")) return "";
  return element.slice(open.length, element.lastIndexOf("</"));
}

/**
 * An attribute's decoded value on an opening tag (name may carry a prefix,
 * e.g. "r:id"), decoded as an XML parser does (xml-decode.ts): the one
 * attribute reader of every OOXML path, the streamed reader's included.
 */
export function attr(tag: string, name: string): string | undefined {
  const open = openTag(tag);
  const raw = attrIn(open, 0, open.length, name);
  return raw === undefined ? undefined : xmlText(raw);
}

/** The opening tag with the attribute set (added at the end when missing); the value is escaped here. */
export function setAttr(tag: string, name: string, value: string): string {
  const open = openTag(tag);
  const re = new RegExp(`(\\s${escapeRe(name)}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  const next = re.test(open) ? open.replace(re, (_, lead: string) => `${lead}"${escapeXml(value)}"`) : open.replace(/\s*(\/?>)$/, ` ${name}="${escapeXml(value)}"$1`);
  return next + tag.slice(open.length);
}

/** The opening tag without the attribute. */
export function dropAttr(tag: string, name: string): string {
  const open = openTag(tag);
  return open.replace(new RegExp(`\\s${escapeRe(name)}\\s*=\\s*(?:"[^"]*"|'[^']*')`), "") + tag.slice(open.length);
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** Replaces [start, end) of `xml` with `text`. */
export function splice(xml: string, start: number, end: number, text: string): string {
  return xml.slice(0, start) + text + xml.slice(end);
}

/** The prefix (with colon) an XML document binds to `namespace`, "" for the default namespace, undefined when unbound. */
export function prefixOf(xml: string, namespace: string): string | undefined {
  for (const m of xml.matchAll(/\sxmlns(?::(\w+))?\s*=\s*"([^"]*)"/g)) if (m[2] === namespace) return m[1] ? `${m[1]}:` : "";
  return undefined;
}
