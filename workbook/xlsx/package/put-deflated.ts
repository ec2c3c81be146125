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

/** What an entry loaded by JSZip keeps (not in its typings): a CompressedObject. */
interface LoadedEntry {
  readonly _data?: { readonly compression?: { readonly magic?: string } };
}

const DEFLATE_MAGIC = "\x08\x00";

let table: Uint32Array | undefined;

/** CRC-32 (ISO 3309, as zip entries carry it). */
export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Raw DEFLATE of `bytes` by the platform's CompressionStream. */
export async function deflateRawNative(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream("deflate-raw") as unknown as TransformStream<Uint8Array, Uint8Array>);
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
export async function putDeflatedNative(zip: JSZip, path: string, bytes: Uint8Array): Promise<void> {
  const model = deflatedEntry(zip);
  if (!model?.compression) {
    zip.file(path, bytes, { createFolders: false });
    return;
  }
  const compressed = await deflateRawNative(bytes);
  // A CompressedObject as its constructor makes one (its prototype is a plain object, so `constructor` is not it).
  const entry: object = Object.assign(Object.create(Object.getPrototypeOf(model) as object) as object, {
    compressedSize: compressed.length,
    uncompressedSize: bytes.length,
    crc32: crc32(bytes),
    compression: model.compression,
    compressedContent: compressed,
  });
  // JSZip's file() takes a CompressedObject (its own load does so) though its typings do not say it.
  zip.file(path, entry as unknown as Uint8Array, { createFolders: false });
}
