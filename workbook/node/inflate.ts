/**
 * Inflating with node's zlib in large pieces: about four times less CPU
 * than the web DecompressionStream, which hands out 16 KB pieces each
 * through a promise (measured on a 100 MB sheet: ~100 ms against ~400 ms),
 * and off the main thread. Node only.
 */
import { once } from "node:events";
import { createInflateRaw } from "node:zlib";

const PIECE = 1 << 18;

export async function* inflateWithZlib(compressed: Uint8Array): AsyncIterable<Uint8Array> {
  const inflater = createInflateRaw({ chunkSize: PIECE });
  const feeding = (async () => {
    for (let i = 0; i < compressed.length; i += PIECE) {
      if (!inflater.write(compressed.subarray(i, Math.min(compressed.length, i + PIECE)))) await once(inflater, "drain");
    }
    inflater.end();
  })();
  // A failure shows in the read loop below; don't let it surface twice.
  feeding.catch(() => undefined);
  for await (const piece of inflater) yield piece as Uint8Array;
  await feeding;
}
