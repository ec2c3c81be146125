/**
 * A sheet's XML rewritten as it streams by: its head (the few hundred bytes
 * before <sheetData>, where the dimension is) and its end (from the last row
 * numbered at or before a given row to the end of the part) are changed,
 * everything between is handed on in the pieces it came in. At 50,000
 * customers the follow-ups sheet is 201 MB of XML: read whole, then spliced,
 * it was held twice (the inflated part, then the joined copy) and read
 * twice; streamed, it flows from the inflater to the deflater and only its
 * last rows are held (package/append.ts).
 *
 * Which rows are held: the bytes from the last `<row>` seen whose number is
 * at or before `from`. The end of the sheet is then what a walk back from
 * </sheetData> to row `from` reads (tailRows), whatever the pieces' sizes:
 * a row after it with a smaller number makes that walk fail, as it would on
 * the sheet read whole.
 */
import { sheetCells, type SheetCell } from "./row-xml";
import { concatBytes } from "../stream/bytes";

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8");

const ROW = encoder.encode("<row");
const SHEET_DATA = encoder.encode("<sheetData");

/** Where `needle` first occurs in `hay` at or after `from`, -1 when nowhere. */
export function indexOf(hay: Uint8Array, needle: string | Uint8Array, from: number): number {
  const n = typeof needle === "string" ? encoder.encode(needle) : needle;
  outer: for (let i = from; i <= hay.length - n.length; i++) {
    for (let k = 0; k < n.length; k++) if (hay[i + k] !== n[k]) continue outer;
    return i;
  }
  return -1;
}

/** Where `needle` last occurs in `hay` at or before `from`, -1 when nowhere. */
export function lastIndexOf(hay: Uint8Array, needle: string | Uint8Array, from: number): number {
  const n = typeof needle === "string" ? encoder.encode(needle) : needle;
  outer: for (let i = Math.min(from, hay.length - n.length); i >= 0; i--) {
    for (let k = 0; k < n.length; k++) if (hay[i + k] !== n[k]) continue outer;
    return i;
  }
  return -1;
}

/** A <row> element found at the end of <sheetData>: its number, its bytes' span, its cells. */
export interface TailRow {
  readonly r: number;
  readonly from: number;
  readonly to: number;
  readonly cells: SheetCell[];
}

/** True when the byte after `<row` makes it a row's start tag (not `<rowBreaks`). */
const endsName = (b: number | undefined): boolean => b === 0x20 || b === 0x3e || b === 0x09 || b === 0x0a || b === 0x0d;

/**
 * The rows from number `from` on, walking back from </sheetData> (at `end`);
 * undefined when they are not what this writer handles (no row `from`, rows
 * out of order, a row or cell without its number).
 */
export function tailRows(sheet: Uint8Array, end: number, from: number): TailRow[] | undefined {
  const rows: TailRow[] = [];
  let to = end;
  for (;;) {
    const at = lastIndexOf(sheet, ROW, to - 1);
    if (at < 0 || !endsName(sheet[at + 4])) return undefined;
    const element = decoder.decode(sheet.subarray(at, to));
    const r = Number(/^<row\b[^>]*?\sr="(\d+)"/.exec(element)?.[1] ?? NaN);
    const cells = sheetCells(element);
    if (!Number.isInteger(r) || cells === undefined) return undefined;
    if (rows.length > 0 && r >= rows[rows.length - 1].r) return undefined;
    rows.push({ r, from: at, to, cells });
    if (r <= from) return r === from ? rows.reverse() : undefined;
    to = at;
  }
}

/** The end of the sheet as held: from a row's start to the end of the part. */
export interface SheetEnd {
  readonly bytes: Uint8Array;
  /** Where </sheetData> is in `bytes`. */
  readonly end: number;
  /** The rows from `from` on (tailRows), their spans in `bytes`. */
  readonly rows: readonly TailRow[];
}

/** Why a sheet cannot be spliced; the splice stops with it. */
export class SpliceRefusal extends Error {
  constructor(readonly reason: "layout" | "order") {
    super(`the sheet cannot be spliced (${reason})`);
  }
}

/** The row number in the start tag at `at`, NaN when the tag holds none, undefined when the tag is not whole yet. */
function rowNumberAt(bytes: Uint8Array, at: number): number | undefined {
  const close = bytes.indexOf(0x3e, at);
  if (close < 0) return undefined;
  const tag = decoder.decode(bytes.subarray(at, close + 1));
  return Number(/^<row\b[^>]*?\sr="(\d+)"/.exec(tag)?.[1] ?? NaN);
}

/** The bytes of `pieces` (which start at offset `base`) from offset `at` on, joined. */
function bytesFrom(pieces: readonly Uint8Array[], base: number, at: number): Uint8Array {
  const out: Uint8Array[] = [];
  let offset = base;
  for (const p of pieces) {
    const end = offset + p.length;
    if (end > at) out.push(offset >= at ? p : p.subarray(at - offset));
    offset = end;
  }
  return out.length === 1 ? out[0] : concatBytes(out);
}

/** `pieces` (which start at offset `base`) cut at offset `at`: the pieces before it and after it, not copied. */
function cutPieces(pieces: readonly Uint8Array[], base: number, at: number): [Uint8Array[], Uint8Array[]] {
  const before: Uint8Array[] = [];
  const after: Uint8Array[] = [];
  let offset = base;
  for (const p of pieces) {
    const end = offset + p.length;
    if (end <= at) before.push(p);
    else if (offset >= at) after.push(p);
    else {
      before.push(p.subarray(0, at - offset));
      after.push(p.subarray(at - offset));
    }
    offset = end;
  }
  return [before, after];
}

/** What sheetBody found around the body it gave: the head (before <sheetData>) first, the held end last. */
export interface SheetParts {
  head?: Uint8Array;
  held?: SheetEnd;
}

/**
 * The body of `source` (a sheet's XML in pieces): from <sheetData> to the
 * last row numbered at or before `from`, in the pieces it came in; its head
 * is in `parts.head` before the first piece is given (or once the source
 * ends, when the body is empty), its end in `parts.held` once the source
 * ends. A SpliceRefusal when the sheet is not one this can cut.
 */
export async function* sheetBody(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, from: number, parts: SheetParts): AsyncGenerator<Uint8Array> {
  // Offsets are in the source's bytes; `pending` holds [emitted, total).
  let pending: Uint8Array[] = [];
  let emitted = 0;
  let total = 0;
  // Where the next search for a row start begins: bytes before it were searched (an unfinished tag is searched again).
  let floor = 0;
  for await (const piece of source) {
    if (piece.length === 0) continue;
    pending.push(piece);
    total += piece.length;
    if (parts.head === undefined) {
      const joined = bytesFrom(pending, emitted, emitted);
      pending = [joined];
      const at = indexOf(joined, SHEET_DATA, 0);
      if (at < 0) continue;
      parts.head = joined.subarray(0, at);
      pending = [joined.subarray(at)];
      emitted = floor = at;
    }
    const recent = bytesFrom(pending, emitted, floor);
    let next = Math.max(floor, total - ROW.length);
    for (let i = recent.length - 1; i >= 0; i--) {
      i = lastIndexOf(recent, ROW, i);
      if (i < 0) break;
      if (i + ROW.length >= recent.length) {
        next = floor + i;
        continue;
      }
      if (!endsName(recent[i + ROW.length])) continue;
      const r = rowNumberAt(recent, i);
      if (r === undefined) {
        next = floor + i;
        continue;
      }
      if (r <= from) {
        // Everything before this row is before the sheet's end: hand it on.
        const cut = floor + i;
        const [before, after] = cutPieces(pending, emitted, cut);
        yield* before;
        pending = after;
        emitted = cut;
        break;
      }
    }
    floor = next;
  }
  if (parts.head === undefined) throw new SpliceRefusal("layout");
  const held = bytesFrom(pending, emitted, emitted);
  const close = lastIndexOf(held, "</sheetData>", held.length);
  if (close < 0) throw new SpliceRefusal("layout");
  const rows = tailRows(held, close, from);
  if (rows === undefined) throw new SpliceRefusal("order");
  parts.held = { bytes: held, end: close, rows };
}

/**
 * `source` (a sheet's XML in pieces) with the part before <sheetData>
 * replaced by `head(it)` and the part from the last row numbered at or
 * before `from` replaced by `end(it)`; a SpliceRefusal (or what `end`
 * throws) when that cannot be done, after which nothing it gave counts.
 */
export async function* splicedSheet(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  from: number,
  head: (xml: string) => string,
  end: (held: SheetEnd) => readonly Uint8Array[],
): AsyncGenerator<Uint8Array> {
  const parts: SheetParts = {};
  let headGiven = false;
  const newHead = (bytes: Uint8Array): Uint8Array => {
    headGiven = true;
    return encoder.encode(head(decoder.decode(bytes)));
  };
  for await (const piece of sheetBody(source, from, parts)) {
    if (!headGiven && parts.head) yield newHead(parts.head);
    yield piece;
  }
  if (!parts.head || !parts.held) throw new SpliceRefusal("layout");
  if (!headGiven) yield newHead(parts.head);
  yield* end(parts.held);
}
