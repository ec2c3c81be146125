/**
 * Bytes as the package readers and writers pass them: joined once, and
 * seen as a plain Uint8Array where JSZip would copy a node Buffer.
 */
/**
 * A node Buffer as a plain Uint8Array view of the same memory: jszip copies
 * a Buffer byte by byte in JavaScript before it reads it (47 MB: ~0.1 s, and
 * 47 MB more held). Every JSZip.loadAsync of a file's bytes goes through it.
 */
export function plainBytes(bytes: Uint8Array): Uint8Array {
  return Object.getPrototypeOf(bytes) === Uint8Array.prototype ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The pieces, one after another, in one array. */
export function concatBytes(pieces: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
