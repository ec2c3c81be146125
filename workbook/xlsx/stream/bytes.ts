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

const encoder = new TextEncoder();

/**
 * Many strings (rows' XML) as UTF-8, one after another, in pieces of about
 * `size` bytes. Each string is encoded straight into the piece (encodeInto):
 * joining 2,000 rows into one string first and encoding that took four
 * times as long, most of it flattening the joined string (200,000 rows of a
 * CSV import: ~1 s).
 */
export class Utf8Pieces {
  private readonly pieces: Uint8Array[] = [];
  private buffer: Uint8Array;
  private at = 0;

  constructor(private readonly size = 1 << 20) {
    this.buffer = new Uint8Array(size);
  }

  add(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    const most = text.length * 3;
    if (this.buffer.length - this.at < most) {
      this.flush();
      if (this.buffer.length < most) this.buffer = new Uint8Array(Math.max(most, this.size));
    }
    this.at += encoder.encodeInto(text, this.buffer.subarray(this.at)).written;
  }

  /** The pieces so far (one, empty, when nothing was added). */
  done(): Uint8Array[] {
    this.flush();
    return this.pieces.length > 0 ? this.pieces : [new Uint8Array(0)];
  }

  private flush(): void {
    if (this.at === 0) return;
    this.pieces.push(this.buffer.slice(0, this.at));
    this.at = 0;
  }
}
