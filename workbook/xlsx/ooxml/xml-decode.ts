/**
 * Decoding XML as read: text as the SAX parser under exceljs hands it over: line ends
 * normalised, entities decoded; plus the two extra decodings exceljs applies
 * to some texts (a second pass of the five named entities on formula string
 * results and `t="str"` cells, and OOXML's `_xHHHH_` escapes in <t> texts of
 * shared strings and rich text runs).
 */

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const NAMED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function entity(_m: string, body: string): string {
  if (body.charCodeAt(0) === 35 /* # */) {
    const code = body.charCodeAt(1) === 120 /* x */ ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return String.fromCodePoint(code);
  }
  return NAMED[body];
}

/** Raw XML character data (text or attribute value) as the parser reports it. */
export function xmlText(raw: string): string {
  let s = raw;
  if (s.indexOf("\r") >= 0) s = s.replace(/\r\n?/g, "\n");
  if (s.indexOf("&") >= 0) s = s.replace(ENTITY, entity);
  return s;
}

/** exceljs's utils.xmlDecode: the five named entities once more. */
export function xmlDecodeAgain(s: string): string {
  return s.indexOf("&") < 0 ? s : s.replace(/&([a-z]*);/g, (m, name: string) => NAMED[name] ?? m);
}

/** exceljs's TextXform: `_xHHHH_` (upper-case hex only) → the character. */
export function unescapeOoxml(s: string): string {
  return s.indexOf("_x") < 0 ? s : s.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The value of attribute `name` in the tag text xml[start, end), or undefined.
 * The name must follow whitespace, so `r` never matches inside `spans` or `r:id`'s prefix.
 */
export function attrIn(xml: string, start: number, end: number, name: string): string | undefined {
  let i = start;
  for (;;) {
    i = xml.indexOf(name, i);
    if (i < 0 || i >= end) return undefined;
    const before = xml.charCodeAt(i - 1);
    let j = i + name.length;
    while (xml.charCodeAt(j) === 32) j++;
    if ((before === 32 || before === 9 || before === 10 || before === 13) && xml.charCodeAt(j) === 61 /* = */) {
      j++;
      while (xml.charCodeAt(j) === 32) j++;
      const q = xml.charCodeAt(j);
      if (q === 34 || q === 39) {
        const close = xml.indexOf(q === 34 ? '"' : "'", j + 1);
        if (close < 0) return undefined;
        return xml.slice(j + 1, close);
      }
    }
    i += name.length;
  }
}

/** Every opening (or empty) tag `<name ...>` in xml, as tag strings; prefixes like `x:` allowed. */
export function tagsNamed(xml: string, name: string): string[] {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}(?=[\\s/>])[^>]*>`, "g");
  return [...xml.matchAll(re)].map((m) => m[0]);
}
