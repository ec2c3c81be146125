/**
 * The parts of an .xlsx package, read without inflating a whole sheet at once.
 *
 * jszip lists the entries and reads the small parts. A sheet's XML can be
 * hundreds of MB once inflated, so its entry's DEFLATE data is inflated as a
 * stream (by default the platform's DecompressionStream, native zlib in
 * browsers and node; the caller may bring a faster one) and handed on as
 * text in blocks of about 32 KB; jszip's own stream serves entries whose data
 * jszip does not expose.
 */
import JSZip from "jszip";
import { issueAt } from "../../locate";
import { ReadLimitError } from "../file-issues";
import { entry } from "../ooxml/parts";
import { concatBytes, plainBytes } from "./bytes";

/** What jszip keeps of an entry it has not inflated (not in its typings). */
interface CompressedEntry {
  readonly compressedContent?: unknown;
  readonly compressedSize?: number;
  readonly uncompressedSize?: number;
  readonly compression?: { readonly magic?: string };
}

/**
 * How far a part may inflate. A sheet at Excel's last row is a few hundred
 * MB of XML, and real parts deflate 5 to 20 times (a demo workbook's sheets:
 * 8.5); a part that grows past 100 times its compressed size once past
 * 10 MB is a zip bomb (Apache POI refuses the same ratio by default), and
 * is refused as soon as it shows, long before it fills memory. Parts read
 * whole as text (workbook.xml, styles, relationships, tables) are small.
 */
export interface InflateLimits {
  /** Bytes any one part may inflate to. */
  readonly partBytes: number;
  /** Bytes a part read whole as text may inflate to. */
  readonly textPartBytes: number;
  /** Inflated / compressed bytes a part may reach once past `graceBytes`. */
  readonly ratio: number;
  readonly graceBytes: number;
}

export const INFLATE_LIMITS: InflateLimits = { partBytes: 1 << 30, textPartBytes: 64 << 20, ratio: 100, graceBytes: 10 << 20 };

const mb = (n: number): string => `${Math.round(n / (1 << 20)).toLocaleString("en-US")} MB`;

function tooLarge(path: string, zh: string, en: string): ReadLimitError {
  return new ReadLimitError(issueAt(path, null, null, "too-large", `此部件${zh}，拒绝读取`, `this part ${en}; refused`));
}

/** The sizes a part's entry declares (the package's directory), when it does. */
interface Declared {
  readonly compressed: number;
  readonly inflated: number | undefined;
}

function checkSize(path: string, inflated: number, declared: Declared, maxBytes: number, limits: InflateLimits): void {
  if (inflated > limits.graceBytes && declared.compressed > 0 && inflated > declared.compressed * limits.ratio) {
    throw tooLarge(path, `解压后超过压缩大小（${mb(declared.compressed)}）的 ${limits.ratio} 倍，疑为压缩炸弹`, `inflates to more than ${limits.ratio} times its compressed size (${mb(declared.compressed)}): a zip bomb`);
  }
  if (inflated > maxBytes) throw tooLarge(path, `解压后超过 ${mb(maxBytes)}`, `inflates to more than ${mb(maxBytes)}`);
}

/**
 * The pieces of a part's inflated bytes, stopped with an error as soon as
 * they pass the limits: before inflating anything when the size the entry
 * declares does, else as the bytes come (an entry may lie about its size,
 * so inflating past what it declares is refused too).
 */
async function* capped(path: string, source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, declared: Declared, maxBytes: number, limits: InflateLimits): AsyncIterable<Uint8Array> {
  if (declared.inflated !== undefined) checkSize(path, declared.inflated, declared, maxBytes, limits);
  let total = 0;
  for await (const piece of source) {
    total += piece.length;
    checkSize(path, total, declared, maxBytes, limits);
    if (declared.inflated !== undefined && total > declared.inflated) throw tooLarge(path, "解压后超过其声明的大小", "inflates to more than the size its entry declares");
    yield piece;
  }
}

/** jszip's internal stream of an entry's bytes (present at run time, absent from its typings). */
interface EntryStream {
  on(event: "data", f: (chunk: Uint8Array) => void): EntryStream;
  on(event: "error", f: (e: unknown) => void): EntryStream;
  on(event: "end", f: () => void): EntryStream;
  pause(): EntryStream;
  resume(): EntryStream;
}

const DEFLATE = "\x08\x00";
const STORE = "\x00\x00";
/** Compressed bytes handed to the inflater at a time. */
const FEED = 1 << 20;

/** Raw DEFLATE data → its inflated bytes, in pieces. */
export type Inflate = (compressed: Uint8Array) => AsyncIterable<Uint8Array>;

/**
 * Bytes decoded and scanned at a time. Kept small on purpose: the text of a
 * block (up to twice its bytes for CJK text) then stays in V8's young
 * generation and dies there; 1 MB blocks went to large-object space and
 * raised the peak RSS by ~100 MB on the 12,500-customer workbook.
 */
const BLOCK = 1 << 15;

function* pieces(bytes: Uint8Array): Iterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += FEED) yield bytes.subarray(i, Math.min(bytes.length, i + FEED));
}

/** The platform's DecompressionStream (browsers, node 18+). */
export async function* inflateInBrowser(compressed: Uint8Array): AsyncIterable<Uint8Array> {
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const p of pieces(compressed)) controller.enqueue(p);
      controller.close();
    },
  });
  const reader = source.pipeThrough(new DecompressionStream("deflate-raw") as unknown as TransformStream<Uint8Array, Uint8Array>).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

/** Pieces cut or joined into blocks of about BLOCK bytes. */
async function* batched(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncIterable<Uint8Array> {
  let parts: Uint8Array[] = [];
  let size = 0;
  const joined = (): Uint8Array => (parts.length === 1 ? parts[0] : concatBytes(parts));
  for await (const piece of source) {
    for (let i = 0; i < piece.length; i += BLOCK) {
      const p = piece.length <= BLOCK ? piece : piece.subarray(i, Math.min(piece.length, i + BLOCK));
      parts.push(p);
      size += p.length;
      if (size >= BLOCK) {
        yield joined();
        parts = [];
        size = 0;
      }
    }
  }
  if (size > 0) yield joined();
}

/** jszip's own stream of an entry, for entries whose data jszip does not expose. */
async function* jszipStream(f: JSZip.JSZipObject): AsyncIterable<Uint8Array> {
  const buffered: Uint8Array[] = [];
  let finished = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const stream = (f as unknown as { internalStream(type: "uint8array"): EntryStream }).internalStream("uint8array");
  stream
    .on("data", (chunk: Uint8Array) => {
      buffered.push(chunk);
      if (buffered.length > 16) stream.pause();
      wake?.();
    })
    .on("error", (e: unknown) => {
      failure = e;
      finished = true;
      wake?.();
    })
    .on("end", () => {
      finished = true;
      wake?.();
    })
    .resume();
  for (;;) {
    if (buffered.length > 0) {
      const ready = buffered.splice(0, buffered.length);
      if (!finished) stream.resume();
      yield* ready;
      continue;
    }
    if (failure !== undefined) throw failure;
    if (finished) return;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
  }
}

export class ZipParts {
  private constructor(
    private readonly zip: JSZip,
    private readonly inflate: Inflate,
    private readonly limits: InflateLimits = INFLATE_LIMITS,
  ) {}

  static async open(bytes: Uint8Array, inflate: Inflate = inflateInBrowser, limits: InflateLimits = INFLATE_LIMITS): Promise<ZipParts> {
    return new ZipParts(await JSZip.loadAsync(plainBytes(bytes)), inflate, limits);
  }

  /**
   * The loaded package itself, for a writer that changes parts in place
   * (package/append.ts): these parts then read what it put, and the package
   * it generates copies every other part's compressed bytes as they are.
   */
  get package(): JSZip {
    return this.zip;
  }

  /** Part names compare case-insensitively, as OPC says (ooxml/parts.ts entry): every lookup here goes through it. */
  has(path: string): boolean {
    const f = entry(this.zip, path);
    return f !== undefined && !f.dir;
  }

  paths(): string[] {
    return Object.keys(this.zip.files).filter((p) => !this.zip.files[p].dir);
  }

  /** A small part as text (at most `textPartBytes`), or undefined when the package lacks it. */
  async text(path: string): Promise<string | undefined> {
    const bytes = await this.whole(path, this.limits.textPartBytes);
    return bytes && new TextDecoder("utf-8").decode(bytes);
  }

  /** A part's bytes, whole (inflated as `chunks` does), or undefined when the package lacks it. */
  bytes(path: string): Promise<Uint8Array | undefined> {
    return this.whole(path, this.limits.partBytes);
  }

  /** A part's bytes in the pieces the inflater gives, within the limits (a sheet streamed to a writer, package/sheet-splice.ts); undefined when the package lacks it. */
  pieces(path: string): AsyncIterable<Uint8Array> | undefined {
    const f = entry(this.zip, path);
    return f && this.source(f, this.limits.partBytes);
  }

  private async whole(path: string, maxBytes: number): Promise<Uint8Array | undefined> {
    const f = entry(this.zip, path);
    if (!f) return undefined;
    const declared = this.declaredSize(f);
    if (declared !== undefined) {
      // Into one array of the size the entry declares (`capped` refuses a byte more), each piece dropped once copied:
      // a sheet of hundreds of MB is not held twice, as pieces and joined.
      const inflating = this.source(f, maxBytes)[Symbol.asyncIterator]();
      // The first piece first: `capped` checks the declared size against the limits before it inflates anything.
      let next = await inflating.next();
      const out = new Uint8Array(declared);
      let at = 0;
      for (; !next.done; next = await inflating.next()) {
        out.set(next.value, at);
        at += next.value.length;
      }
      return at === declared ? out : out.subarray(0, at);
    }
    // The inflater's pieces as they come, joined once (no 32 KB blocks in between).
    const pieces: Uint8Array[] = [];
    for await (const piece of this.source(f, maxBytes)) pieces.push(piece);
    return concatBytes(pieces);
  }

  /** The inflated size the entry declares, when its data is one we inflate ourselves (`source` then holds the inflater to it). */
  private declaredSize(f: JSZip.JSZipObject): number | undefined {
    const data = (f as unknown as { _data?: CompressedEntry })._data;
    return data?.compressedContent instanceof Uint8Array ? data.uncompressedSize : undefined;
  }

  /** Every part inflated once and thrown away: a ReadLimitError when one passes the limits (for readers that inflate whole). */
  async checkSizes(): Promise<void> {
    for (const path of this.paths()) {
      const f = this.zip.file(path);
      if (f) for await (const piece of this.source(f, this.limits.partBytes)) void piece;
    }
  }

  /** A part's text in chunks, in order; an entry split anywhere (even inside a tag). */
  async *chunks(path: string): AsyncGenerator<string> {
    const f = entry(this.zip, path);
    if (!f) return;
    const decoder = new TextDecoder("utf-8");
    for await (const block of batched(this.source(f, this.limits.partBytes))) {
      const s = decoder.decode(block, { stream: true });
      if (s.length > 0) yield s;
    }
    const rest = decoder.decode();
    if (rest.length > 0) yield rest;
  }

  /** An entry's inflated bytes, within the limits: its compressed data through `inflate` where JSZip lets us reach it, else JSZip's own stream. */
  private source(f: JSZip.JSZipObject, maxBytes: number): AsyncIterable<Uint8Array> {
    const data = (f as unknown as { _data?: CompressedEntry })._data;
    const raw = data?.compressedContent;
    const magic = data?.compression?.magic;
    const inflated = raw instanceof Uint8Array && magic === DEFLATE ? this.inflate(raw) : raw instanceof Uint8Array && magic === STORE ? pieces(raw) : jszipStream(f);
    const sizes = { compressed: data?.compressedSize ?? 0, inflated: this.declaredSize(f) };
    return capped(f.name, inflated, sizes, maxBytes, this.limits);
  }
}
