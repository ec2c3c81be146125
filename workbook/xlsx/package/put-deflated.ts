/**
 * A rewritten part deflated by the platform (CompressionStream, native
 * zlib in browsers and node 18+) and put into a loaded package already
 * compressed, so JSZip copies it as it is when it generates the package,
 * as it copies every part it did not change: only the changed part is
 * deflated, and not by JSZip's own deflate in JavaScript (pako), which took
 * seconds for the 100 MB follow-ups sheet of a 25,000-customer workbook.
 *
 * Browser-safe. JSZip's CompressedObject class is not exported by the
 * prebuilt copy a browser bundle gets, so it is taken from an entry the
 * load made (workbook/node/deflate.ts imports it from jszip/lib in node).
 * A package none of whose entries is deflated gets the part through
 * JSZip's file(), compressed when the package is generated.
 */
import type JSZip from "jszip";
import { concatBytes } from "../stream/bytes";
import type { SheetEnd } from "./sheet-splice";

/** What an entry loaded by JSZip keeps (not in its typings): a CompressedObject. */
interface LoadedEntry {
  readonly _data?: { readonly compression?: { readonly magic?: string } };
}

const DEFLATE_MAGIC = "\x08\x00";

/** A part's bytes: one array, or pieces in order, maybe as they come (a rewritten sheet is never joined uncompressed). */
export type PartBytes = Uint8Array | readonly Uint8Array[] | AsyncIterable<Uint8Array>;

/** How a rewritten part goes into a loaded package. */
export type PutPart = (zip: JSZip, path: string, bytes: PartBytes) => Promise<void>;

const piecesOf = (bytes: PartBytes): Iterable<Uint8Array> | AsyncIterable<Uint8Array> => (bytes instanceof Uint8Array ? [bytes] : bytes);

/** The pieces of `bytes`, all of them (a part put where nothing streams it, such as JSZip's own file()). */
export async function collected(bytes: PartBytes): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const p of piecesOf(bytes)) out.push(p);
  return out;
}

/** CRC-32 tables for eight bytes a step (slicing-by-8): about four times a byte a step, for a 100 MB sheet. */
let tables: Uint32Array[] | undefined;

function crcTables(): Uint32Array[] {
  if (tables) return tables;
  const t = Array.from({ length: 8 }, () => new Uint32Array(256));
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[0][n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) for (let k = 1; k < 8; k++) t[k][n] = (t[0][t[k - 1][n] & 0xff] ^ (t[k - 1][n] >>> 8)) >>> 0;
  return (tables = t);
}

/** CRC-32 (ISO 3309, as zip entries carry it) of the pieces in order. */
export function crc32(bytes: Uint8Array | readonly Uint8Array[]): number {
  let crc = 0;
  for (const p of bytes instanceof Uint8Array ? [bytes] : bytes) crc = crc32Next(crc, p);
  return crc;
}

/** The CRC-32 of bytes whose CRC-32 was `crc`, `p` appended. */
export function crc32Next(crc: number, p: Uint8Array): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = crcTables();
  crc = (crc ^ 0xffffffff) >>> 0;
  let i = 0;
  for (const end = p.length - 8; i <= end; i += 8) {
    const a = (crc ^ (p[i] | (p[i + 1] << 8) | (p[i + 2] << 16) | (p[i + 3] << 24))) >>> 0;
    crc = t7[a & 0xff] ^ t6[(a >>> 8) & 0xff] ^ t5[(a >>> 16) & 0xff] ^ t4[a >>> 24] ^ t3[p[i + 4]] ^ t2[p[i + 5]] ^ t1[p[i + 6]] ^ t0[p[i + 7]];
  }
  for (; i < p.length; i++) crc = t0[(crc ^ p[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const POLY = 0xedb88320;

/** a(x)·b(x) modulo the CRC-32 polynomial (bit-reflected, as zlib's crc32_combine computes it). */
function multModP(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

/** x^(2^k) modulo the polynomial, k = 0..31. */
const X2N: number[] = [];
for (let k = 0, p = 0x40000000; k < 32; k++, p = multModP(p, p)) X2N.push(p);

/** x^(n·2^k) modulo the polynomial. */
function x2nModP(n: number, k: number): number {
  let p = 0x80000000;
  for (; n > 0; n = Math.floor(n / 2), k++) if (n % 2 === 1) p = multModP(X2N[k & 31], p);
  return p;
}

/** The CRC-32 of A then B from A's, B's and B's length (zlib's crc32_combine): parts deflated apart, one entry. */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  return (multModP(x2nModP(lengthB, 3), crcA) ^ crcB) >>> 0;
}

/**
 * A sheet's body deflated ahead of an append (node: workbook/node/deflate.ts
 * prepareSheet), while the rest of the batch is checked: when ready, its
 * head (the bytes before <sheetData>) and end (sheet-splice.ts SheetEnd)
 * as found, and how to put the sheet with a new head and end into the
 * package. `from` is the row it was cut after.
 */
export interface PreparedSheet {
  readonly path: string;
  readonly from: number;
  readonly ready: Promise<{
    readonly head: Uint8Array;
    readonly held: SheetEnd;
    put(zip: JSZip, head: Uint8Array, end: readonly Uint8Array[]): Promise<void>;
  }>;
  /** Stops the work (the batch is not written). */
  cancel(): void;
}

/** Bytes handed to the compressor at a time. */
const FEED = 1 << 20;

/** A part deflated: its compressed bytes, and the CRC-32 and size of what was deflated. */
export interface Deflated {
  readonly compressed: Uint8Array;
  readonly crc: number;
  readonly size: number;
}

/**
 * The DEFLATE data and CRC-32 of a gzip member (RFC 1952: a header of 10
 * bytes and the fields its flags announce, the data, then CRC-32 and size).
 */
function unwrapGzip(gz: Uint8Array): { data: Uint8Array; crc: number } {
  if (gz[0] !== 0x1f || gz[1] !== 0x8b || gz[2] !== 8 || gz.length < 18) throw new Error("CompressionStream gave no gzip member");
  const flags = gz[3];
  let at = 10;
  if (flags & 4) at += 2 + (gz[at] | (gz[at + 1] << 8));
  for (const field of [8, 16]) if (flags & field) at = gz.indexOf(0, at) + 1;
  if (flags & 2) at += 2;
  const end = gz.length - 8;
  return { data: gz.subarray(at, end), crc: (gz[end] | (gz[end + 1] << 8) | (gz[end + 2] << 16) | (gz[end + 3] << 24)) >>> 0 };
}

/**
 * Raw DEFLATE of `bytes` by the platform's CompressionStream, pulled piece
 * by piece as the compressor takes them (a streamed sheet is inflated,
 * spliced and deflated at once, never whole); a failure of the source
 * (a splice refused) stops it with that error. Compressed as gzip
 * ("gzip" of the Compression Standard, https://compression.spec.whatwg.org/,
 * is RFC 1952): its trailer carries the CRC-32 a zip entry needs, computed
 * natively (in JavaScript it took 216 ms of the 100 MB follow-ups sheet
 * at 25,000 customers).
 */
export async function deflateRawNative(bytes: PartBytes): Promise<Deflated> {
  // Fed about FEED bytes at a time: each write is a round trip to the compressor (the inflater gives 16-64 KB pieces).
  const pieces = (async function* () {
    let batch: Uint8Array[] = [];
    let size = 0;
    for await (const p of piecesOf(bytes)) {
      for (let i = 0; i < p.length; i += FEED) {
        const piece = p.length <= FEED ? p : p.subarray(i, Math.min(p.length, i + FEED));
        batch.push(piece);
        size += piece.length;
        if (size >= FEED) {
          yield batch.length === 1 ? batch[0] : concatBytes(batch);
          batch = [];
          size = 0;
        }
      }
    }
    if (size > 0) yield batch.length === 1 ? batch[0] : concatBytes(batch);
  })();
  let size = 0;
  const source = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await pieces.next();
      if (next.done) return controller.close();
      size += next.value.length;
      controller.enqueue(next.value);
    },
  });
  const reader = source.pipeThrough(new CompressionStream("gzip") as unknown as TransformStream<Uint8Array, Uint8Array>).getReader();
  const out: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      const { data, crc } = unwrapGzip(concatBytes(out));
      return { compressed: data, crc, size };
    }
    out.push(value);
  }
}

/** A deflated entry of the package, whose class and compression a new compressed entry borrows. */
function deflatedEntry(zip: JSZip): LoadedEntry["_data"] | undefined {
  for (const name of Object.keys(zip.files)) {
    const data = (zip.files[name] as unknown as LoadedEntry)._data;
    if (data?.compression?.magic === DEFLATE_MAGIC) return data;
  }
  return undefined;
}

/** Puts `bytes` into `zip` at `path`, deflated by the platform. */
export async function putDeflatedNative(zip: JSZip, path: string, bytes: PartBytes): Promise<void> {
  const model = deflatedEntry(zip);
  if (!model?.compression) {
    zip.file(path, bytes instanceof Uint8Array ? bytes : concatBytes(await collected(bytes)), { createFolders: false });
    return;
  }
  const { compressed, crc, size } = await deflateRawNative(bytes);
  // A CompressedObject as its constructor makes one (its prototype is a plain object, so `constructor` is not it).
  const entry: object = Object.assign(Object.create(Object.getPrototypeOf(model) as object) as object, {
    compressedSize: compressed.length,
    uncompressedSize: size,
    crc32: crc,
    compression: model.compression,
    compressedContent: compressed,
  });
  // JSZip's file() takes a CompressedObject (its own load does so) though its typings do not say it.
  zip.file(path, entry as unknown as Uint8Array, { createFolders: false });
}
