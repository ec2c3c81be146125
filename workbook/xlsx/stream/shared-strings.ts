/**
 * The shared string table (xl/sharedStrings.xml), decoded as cells ask for
 * it. The part stays as its inflated bytes with where each <si> entry lies,
 * and an entry becomes text the first time a cell read shows it: a read of
 * a few columns decodes only the strings those columns show (a review reads
 * no follow-up's summary or next step, most of the 31 MB of strings of the
 * 50,000-customer bench workbook; decoding them all took ~0.5 s and held
 * every one as a string until the command ended).
 */
import { EXCEL_MAX_CELL_CHARS } from "../../../core/contract/excel-limits";
import { unescapeOoxml, xmlText } from "../ooxml/xml-decode";

/** Index → the shared string: null for an entry without text (or past Excel's limit), undefined past the end. An array is one. */
export interface StringTable {
  at(index: number): string | null | undefined;
}

/** The shared strings, with the ones past Excel's cell limit left out (a cell showing one is refused where it is). */
export interface SharedStrings {
  readonly strings: StringTable;
  /** Index → length of the strings longer than EXCEL_MAX_CELL_CHARS (their entries are null). */
  readonly tooLong: ReadonlyMap<number, number>;
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

const LT = 60;
const GT = 62;
const SLASH = 47;
const SPACE = 32;
const LETTER_S = 115;
const LETTER_I = 105;

/** Where each entry lies: [from, to) of its <si>…</si>, from = -1 for an empty <si/>. */
interface Entries {
  from: Int32Array;
  to: Int32Array;
  count: number;
}

/**
 * The <si> entries of the part, in order; an unfinished one at the end is
 * not an entry. One plain loop over the bytes: a call of Uint8Array#indexOf
 * per "<" (four per entry, a million entries) took three times as long.
 */
function entriesOf(bytes: Uint8Array): Entries {
  const out: Entries = { from: new Int32Array(1024), to: new Int32Array(1024), count: 0 };
  const push = (from: number, to: number): void => {
    if (out.count === out.from.length) {
      const grow = (a: Int32Array): Int32Array => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      out.from = grow(out.from);
      out.to = grow(out.to);
    }
    out.from[out.count] = from;
    out.to[out.count] = to;
    out.count++;
  };
  const n = bytes.length;
  let k = 0;
  while (k < n) {
    if (bytes[k] !== LT) {
      k++;
      continue;
    }
    if (k + 3 >= n) break;
    if (bytes[k + 1] !== LETTER_S || bytes[k + 2] !== LETTER_I) {
      k++;
      continue;
    }
    const c = bytes[k + 3];
    if (c !== GT && c !== SPACE && c !== SLASH) {
      k += 3;
      continue;
    }
    let tagEnd = k + 3;
    while (tagEnd < n && bytes[tagEnd] !== GT) tagEnd++;
    if (tagEnd >= n) break;
    if (bytes[tagEnd - 1] === SLASH) {
      push(-1, -1);
      k = tagEnd + 1;
      continue;
    }
    // The "</si>" that ends it.
    let end = tagEnd + 1;
    while (end + 4 < n && !(bytes[end] === LT && bytes[end + 1] === SLASH && bytes[end + 2] === LETTER_S && bytes[end + 3] === LETTER_I && bytes[end + 4] === GT)) end++;
    if (end + 4 >= n) break;
    push(k, end + 5);
    k = end + 5;
  }
  return out;
}

class LazyStrings implements StringTable {
  /** Decoded entries; undefined until first asked for. */
  private readonly decoded: (string | null | undefined)[];
  private readonly decoder = new TextDecoder("utf-8");

  constructor(
    private readonly bytes: Uint8Array,
    private readonly entries: Entries,
  ) {
    this.decoded = new Array<string | null | undefined>(entries.count);
  }

  at(index: number): string | null | undefined {
    if (!(index >= 0 && index < this.entries.count)) return undefined;
    let s = this.decoded[index];
    if (s === undefined) {
      s = this.decode(index);
      this.decoded[index] = s;
    }
    return s;
  }

  decode(index: number): string | null {
    const from = this.entries.from[index];
    return from < 0 ? null : sharedString(this.decoder.decode(this.bytes.subarray(from, this.entries.to[index])));
  }

  /** Marks an entry as read (a string past Excel's limit is kept as null). */
  set(index: number, s: string | null): void {
    this.decoded[index] = s;
  }
}

/**
 * The shared strings of a sharedStrings part's inflated bytes. An entry's
 * text is never longer than its UTF-8 bytes (entities, line ends and runs
 * only shrink it), so only entries of more than EXCEL_MAX_CELL_CHARS bytes
 * are decoded now, to find the ones past Excel's limit.
 */
export function sharedStringsOf(bytes: Uint8Array): SharedStrings {
  const entries = entriesOf(bytes);
  const strings = new LazyStrings(bytes, entries);
  const tooLong = new Map<number, number>();
  for (let i = 0; i < entries.count; i++) {
    if (entries.to[i] - entries.from[i] <= EXCEL_MAX_CELL_CHARS) continue;
    const text = strings.decode(i);
    if (text !== null && text.length > EXCEL_MAX_CELL_CHARS) {
      tooLong.set(i, text.length);
      strings.set(i, null);
    } else strings.set(i, text);
  }
  return { strings, tooLong };
}
