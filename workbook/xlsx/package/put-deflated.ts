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
import { concatBytes } from "../stream/zip-parts";

/** What an entry loaded by JSZip keeps (not in its typings): a CompressedObject. */
interface LoadedEntry {
  readonly _data?: { readonly compression?: { readonly magic?: string } };
}

const DEFLATE_MAGIC = "\x08\x00";

/** A part's bytes: one array, or pieces in order (a rewritten sheet is never joined uncompressed). */
export type PartBytes = Uint8Array | readonly Uint8Array[];

/** How a rewritten part goes into a loaded package. */
export type PutPart = (zip: JSZip, path: string, bytes: PartBytes) => Promise<void>;

const piecesOf = (bytes: PartBytes): readonly Uint8Array[] => (bytes instanceof Uint8Array ? [bytes] : bytes);

let table: Uint32Array | undefined;

/** CRC-32 (ISO 3309, as zip entries carry it) of the pieces in order. */
export function crc32(bytes: PartBytes): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const p of piecesOf(bytes)) for (let i = 0; i < p.length; i++) crc = table[(crc ^ p[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Raw DEFLATE of `bytes` by the platform's CompressionStream. */
export async function deflateRawNative(bytes: PartBytes): Promise<Uint8Array> {
  const stream = new Blob([...piecesOf(bytes)] as BlobPart[]).stream().pipeThrough(new CompressionStream("deflate-raw") as unknown as TransformStream<Uint8Array, Uint8Array>);
  return new Uint8Array(await new Response(stream).arrayBuffer());
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
    zip.file(path, bytes instanceof Uint8Array ? bytes : concatBytes(bytes), { createFolders: false });
    return;
  }
  const compressed = await deflateRawNative(bytes);
  // A CompressedObject as its constructor makes one (its prototype is a plain object, so `constructor` is not it).
  const entry: object = Object.assign(Object.create(Object.getPrototypeOf(model) as object) as object, {
    compressedSize: compressed.length,
    uncompressedSize: piecesOf(bytes).reduce((n, p) => n + p.length, 0),
    crc32: crc32(bytes),
    compression: model.compression,
    compressedContent: compressed,
  });
  // JSZip's file() takes a CompressedObject (its own load does so) though its typings do not say it.
  zip.file(path, entry as unknown as Uint8Array, { createFolders: false });
}
