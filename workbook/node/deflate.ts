/**
 * A rewritten part deflated by node's zlib and put into the package already
 * compressed. JSZip's own deflate (pako, in JS) was a quarter of the CPU
 * time of `tradebook import` on a workbook of 250,000 follow-ups, where the
 * sheet it rewrites is 100 MB of XML; zlib does it natively. JSZip copies a
 * CompressedObject as it is when it generates a package (as it keeps an
 * unchanged part's bytes), so the part is compressed once. Node only, and
 * only where `jszip` resolves to its lib/ modules (node does): a browser
 * bundle gets JSZip's prebuilt copy, whose CompressedObject is another class.
 */
import type JSZip from "jszip";
import CompressedObject from "jszip/lib/compressedObject";
import { DEFLATE } from "jszip/lib/compressions";
import { crc32, deflateRaw } from "node:zlib";
import { promisify } from "node:util";

const deflate = promisify(deflateRaw);

/** Puts `bytes` into `zip` at `path`, deflated at level 6 (as package-report.ts has JSZip write). */
export async function putDeflated(zip: JSZip, path: string, bytes: Uint8Array): Promise<void> {
  const compressed = new Uint8Array(await deflate(bytes, { level: 6 }));
  const entry = new CompressedObject(compressed.length, bytes.length, crc32(bytes) >>> 0, DEFLATE, compressed);
  // JSZip's file() takes a CompressedObject (its own load does so) though its typings do not say it.
  zip.file(path, entry as unknown as Uint8Array, { createFolders: false });
}
