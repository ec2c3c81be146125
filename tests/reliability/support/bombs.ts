/**
 * Hostile packages for the reliability suite, built without holding what
 * they inflate to: a sheet part of a given inflated size made of one block
 * repeated, deflated once and its compressed bytes repeated (each block
 * ends with a full flush, so it refers to nothing before it).
 */
import { constants, crc32, deflateRawSync } from "node:zlib";
import JSZip from "jszip";
import CompressedObject from "jszip/lib/compressedObject";
import { DEFLATE } from "jszip/lib/compressions";

/** Raw DEFLATE data inflating to `block` repeated `times` times, and that text's CRC-32. */
export function repeatedDeflate(block: Uint8Array, times: number): { compressed: Uint8Array; crc: number; size: number } {
  const segment = deflateRawSync(block, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const end = deflateRawSync(Buffer.alloc(0));
  const compressed = new Uint8Array(segment.length * times + end.length);
  let crc = 0;
  for (let i = 0; i < times; i++) {
    compressed.set(segment, i * segment.length);
    crc = crc32(block, crc);
  }
  compressed.set(end, segment.length * times);
  return { compressed, crc: crc >>> 0, size: block.length * times };
}

/**
 * The package `bytes` with the part at `path` replaced by `head`, then
 * `block` repeated `times` times, then `tail`; its entry declares that size,
 * or `declared` (a bomb that lies about its size).
 */
export async function withHugePart(bytes: Uint8Array, path: string, head: string, block: string, times: number, tail: string, declared?: number): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const [h, b, t] = [enc.encode(head), enc.encode(block), enc.encode(tail)];
  // The head and tail are made as long as a block by padding with spaces inside the XML, so every block is alike.
  if (h.length > b.length || t.length > b.length) throw new Error("head and tail must not be longer than the block");
  const pad = (x: Uint8Array): Uint8Array => {
    const out = new Uint8Array(b.length).fill(0x20);
    out.set(x);
    return out;
  };
  const first = repeatedDeflate(pad(h), 1);
  const middle = repeatedDeflate(b, times);
  const last = repeatedDeflate(pad(t), 1);
  // Three deflate streams joined: drop the first two's final empty blocks (the 2-byte end marker).
  const strip = (c: Uint8Array): Uint8Array => c.subarray(0, c.length - 2);
  const joined = new Uint8Array(first.compressed.length - 2 + middle.compressed.length - 2 + last.compressed.length);
  joined.set(strip(first.compressed), 0);
  joined.set(strip(middle.compressed), first.compressed.length - 2);
  joined.set(last.compressed, first.compressed.length - 2 + middle.compressed.length - 2);
  let crc = crc32(pad(h));
  for (let i = 0; i < times; i++) crc = crc32(b, crc);
  crc = crc32(pad(t), crc) >>> 0;
  const size = b.length * (times + 2);
  const zip = await JSZip.loadAsync(bytes);
  const entry = new CompressedObject(joined.length, declared ?? size, crc, DEFLATE, joined);
  zip.file(path, entry as unknown as Uint8Array, { createFolders: false });
  // DEFLATE, so JSZip keeps the entry's compressed bytes as they are (STORE would inflate and store them).
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
