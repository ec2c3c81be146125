/**
 * A rewritten part deflated by node's zlib and put into the package already
 * compressed. JSZip's own deflate (pako, in JS) was a quarter of the CPU
 * time of `tradebook import` on a workbook of 250,000 follow-ups, where the
 * sheet it rewrites is 100 MB of XML; zlib does it natively, off the main
 * thread, taking the pieces as they come (a streamed sheet is inflated,
 * spliced and deflated at once: package/sheet-splice.ts). JSZip copies a
 * CompressedObject as it is when it generates a package (as it keeps an
 * unchanged part's bytes), so the part is compressed once. Node only, and
 * only where `jszip` resolves to its lib/ modules (node does): a browser
 * bundle gets JSZip's prebuilt copy, whose CompressedObject is another class.
 */
import type JSZip from "jszip";
import CompressedObject from "jszip/lib/compressedObject";
import { DEFLATE } from "jszip/lib/compressions";
import { constants, createDeflateRaw, crc32 } from "node:zlib";
import { concatBytes } from "../xlsx/stream/bytes";
import { crc32Combine, type Deflated, type PartBytes, type PreparedSheet } from "../xlsx/package/put-deflated";
import { sheetBody, type SheetParts } from "../xlsx/package/sheet-splice";

/**
 * zlib's level 5: on the 201 MB follow-ups sheet of 50,000 customers 1.55 s
 * against level 6's 2.73 s, for 23.69 MB against 23.41 MB (+1.2%); level 1
 * takes 0.67 s but writes 29.78 MB (+27%), a file every later read and copy
 * carries.
 */
const LEVEL = 5;

/**
 * Raw DEFLATE of the pieces, in order, and their CRC-32: never joined
 * uncompressed; a failure of the source stops it with that error. `last`
 * false: the data ends byte-aligned, not final (a sync flush), so more
 * deflated data may follow it in the same entry.
 */
export async function deflatePieces(pieces: Iterable<Uint8Array> | AsyncIterable<Uint8Array>, last = true): Promise<Deflated> {
  const { chunks, crc, size } = await deflated(pieces, last);
  return { compressed: concatBytes(chunks), crc, size };
}

/** Compressed bytes zlib hands back at a time (its default, 16 KB, made 1,400 round trips of the 23 MB follow-ups sheet). */
const CHUNK = 1 << 18;

/** deflatePieces, its compressed bytes left in the pieces zlib gave (joined once, with the parts around them). */
async function deflated(pieces: Iterable<Uint8Array> | AsyncIterable<Uint8Array>, last: boolean): Promise<{ chunks: Uint8Array[]; crc: number; size: number }> {
  const stream = createDeflateRaw({ level: LEVEL, chunkSize: CHUNK, finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });
  const out: Uint8Array[] = [];
  stream.on("data", (c: Buffer) => out.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  let crc = 0;
  let size = 0;
  try {
    for await (const p of pieces) {
      crc = crc32(p, crc);
      size += p.length;
      if (!stream.write(p)) await new Promise<void>((resolve) => stream.once("drain", resolve));
    }
  } catch (e) {
    stream.destroy();
    throw e;
  }
  stream.end();
  await ended;
  return { chunks: out, crc: crc >>> 0, size };
}

function putEntry(zip: JSZip, path: string, { compressed, crc, size }: Deflated): void {
  const entry = new CompressedObject(compressed.length, size, crc, DEFLATE, compressed);
  // JSZip's file() takes a CompressedObject (its own load does so) though its typings do not say it.
  zip.file(path, entry as unknown as Uint8Array, { createFolders: false });
}

/** Cancelled: the prepared work stops. */
class Cancelled extends Error {}

/**
 * The sheet `pieces` (at `path`) cut after row `from` (sheet-splice.ts
 * sheetBody), its body deflated now, in the background: once the batch is
 * planned only the new head (a few hundred bytes) and end are deflated,
 * each apart, and the three joined (the head's and the body's data end
 * byte-aligned and not final, so they chain). `tradebook import` of one
 * follow-up into 500,000 does the 201 MB sheet's inflate and deflate while
 * it checks the rows.
 */
export function prepareSheet(path: string, pieces: AsyncIterable<Uint8Array>, from: number): PreparedSheet {
  let cancelled = false;
  const parts: SheetParts = {};
  const watched = (async function* () {
    for await (const p of pieces) {
      if (cancelled) throw new Cancelled("cancelled");
      yield p;
    }
  })();
  const ready = deflated(sheetBody(watched, from, parts), false).then((body) => {
    const { head, held } = parts;
    if (!head || !held) throw new Error("the sheet's body ended without its head or end");
    return {
      head,
      held,
      async put(zip: JSZip, newHead: Uint8Array, end: readonly Uint8Array[]): Promise<void> {
        const first = await deflated([newHead], false);
        const last = await deflated(end, true);
        const crc = crc32Combine(crc32Combine(first.crc, body.crc, body.size), last.crc, last.size);
        putEntry(zip, path, { compressed: concatBytes([...first.chunks, ...body.chunks, ...last.chunks]), crc, size: first.size + body.size + last.size });
      },
    };
  });
  // Whoever awaits it sees a failure; a cancelled or unused one is not an unhandled rejection.
  ready.catch(() => undefined);
  return {
    path,
    from,
    ready,
    cancel: () => {
      cancelled = true;
    },
  };
}

/** Puts `bytes` (one array, or pieces in order, maybe as they come) into `zip` at `path`, deflated. */
export async function putDeflated(zip: JSZip, path: string, bytes: PartBytes): Promise<void> {
  putEntry(zip, path, await deflatePieces(bytes instanceof Uint8Array ? [bytes] : bytes));
}
