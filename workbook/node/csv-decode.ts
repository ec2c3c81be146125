/**
 * Bytes of a CSV → text, with the encoding decided honestly: a file is read
 * in an encoding only when its bytes are that encoding, never guessed into
 * mojibake (北京 stored as 鍖椾含, Müller as M黮ler).
 *
 * - A BOM says it: UTF-8, UTF-16 LE ("Unicode text" from Excel), UTF-16 BE.
 * - Valid UTF-8 is UTF-8 (other tools, "CSV UTF-8" from Excel).
 * - Chinese Excel saves "CSV (逗号分隔)" in the ANSI code page, GBK, a
 *   subset of GB18030: taken when the bytes are well-formed GB18030 and
 *   look like it. Not when they are UTF-8 with a few damaged bytes (most
 *   of their multi-byte sequences are valid UTF-8, which GBK text almost
 *   never is), nor when a two-byte character would swallow a Latin letter
 *   after a Latin letter (a Western file: cp1252's ü in "Müller").
 * - Anything else is refused, naming the line, and `--encoding` (utf-8,
 *   gb18030, utf-16, cp1252) says what the file is.
 */
import iconv from "iconv-lite";
import { err, ok, type Issue, type Result } from "../../core/contract/issues";

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030" | "cp1252";

export interface DecodedCsv {
  readonly text: string;
  readonly encoding: CsvEncoding;
}

const NAMES: Readonly<Record<string, CsvEncoding | "utf-16">> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  gb18030: "gb18030",
  gbk: "gb18030",
  gb2312: "gb18030",
  "utf-16": "utf-16",
  utf16: "utf-16",
  "utf-16le": "utf-16le",
  "utf-16be": "utf-16be",
  cp1252: "cp1252",
  "windows-1252": "cp1252",
};

/** The encoding an `--encoding` value names ("utf-16" = LE unless a BOM says BE), or null when it names none. */
export function parseCsvEncoding(text: string): CsvEncoding | "utf-16" | null {
  return NAMES[text.trim().toLowerCase()] ?? null;
}

const ENCODINGS = "utf-8, gb18030, utf-16, cp1252";

/** The 1-based line of byte `at`. */
function lineOf(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function refused(name: string, zh: string, en: string): Result<never> {
  const issue: Issue = { severity: "error", sheet: name, row: null, column: null, code: "encoding", message: { zh, en } };
  return err([issue]);
}

/** The length of the valid UTF-8 sequence at `i` (1 for ASCII), or 0 when the byte there starts none. */
function utf8Length(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c < 0x80) return 1;
  const cont = (k: number): boolean => i + k < b.length && (b[i + k] & 0xc0) === 0x80;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const second = b[i + 1];
    if ((c === 0xe0 && second < 0xa0) || (c === 0xed && second > 0x9f)) return 0;
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const second = b[i + 1];
    if ((c === 0xf0 && second < 0x90) || (c === 0xf4 && second > 0x8f)) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Valid multi-byte UTF-8 sequences and the bytes that start none, and where the first of those is. */
function utf8Census(b: Uint8Array): { valid: number; invalid: number; firstBad: number } {
  let valid = 0;
  let invalid = 0;
  let firstBad = -1;
  for (let i = 0; i < b.length; ) {
    const n = utf8Length(b, i);
    if (n === 0) {
      invalid++;
      if (firstBad < 0) firstBad = i;
      i++;
    } else {
      if (n > 1) valid++;
      i += n;
    }
  }
  return { valid, invalid, firstBad };
}

const isAsciiAlnum = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** Where the bytes stop being plausible GB18030 text, or -1 when they are. */
function gb18030Misfit(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    if (c === 0x80 || c === 0xff || i + 1 >= b.length) return i;
    const t = b[i + 1];
    if (t >= 0x30 && t <= 0x39) {
      // Four bytes: lead, digit, lead, digit.
      if (i + 3 >= b.length || b[i + 2] < 0x81 || b[i + 2] > 0xfe || b[i + 3] < 0x30 || b[i + 3] > 0x39) return i;
      i += 4;
      continue;
    }
    if (t < 0x40 || t === 0x7f || t === 0xff) return i;
    // A Latin letter swallowed as the second byte right after a Latin letter: a Western file.
    if (t <= 0x7e && isAsciiAlnum(t) && i > 0 && isAsciiAlnum(b[i - 1])) return i;
    i += 2;
  }
  return -1;
}

function decodeAs(bytes: Uint8Array, encoding: CsvEncoding, name: string): Result<DecodedCsv> {
  if (encoding === "utf-8") {
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    try {
      return ok({ text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding });
    } catch {
      const line = lineOf(body, utf8Census(body).firstBad);
      return refused(name, `${name} 不是有效的 UTF-8（第 ${line} 行），未导入任何数据`, `${name} is not valid UTF-8 (line ${line}); nothing was imported`);
    }
  }
  if (encoding === "utf-16le" || encoding === "utf-16be") {
    const bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    return ok({ text: iconv.decode(Buffer.from(bom ? bytes.subarray(2) : bytes), encoding), encoding });
  }
  const text = iconv.decode(Buffer.from(bytes), encoding === "cp1252" ? "windows-1252" : "gb18030");
  const bad = text.indexOf("\ufffd");
  if (bad >= 0) {
    const line = text.slice(0, bad).split("\n").length;
    return refused(name, `${name} 不是有效的 ${encoding.toUpperCase()}（第 ${line} 行），未导入任何数据`, `${name} is not valid ${encoding.toUpperCase()} (line ${line}); nothing was imported`);
  }
  return ok({ text, encoding });
}

/**
 * The text of a CSV's bytes and the encoding it was in; `forced` is what
 * `--encoding` named. An issue naming the file (and the line) when the
 * encoding cannot be told.
 */
export function decodeCsv(bytes: Uint8Array, name = "CSV", forced?: CsvEncoding | "utf-16"): Result<DecodedCsv> {
  if (forced === "utf-16") return decodeAs(bytes, bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : "utf-16le", name);
  if (forced) return decodeAs(bytes, forced, name);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeAs(bytes, "utf-8", name);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs(bytes, "utf-16le", name);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs(bytes, "utf-16be", name);
  // Most files are valid UTF-8: the native decoder says so in one pass (fatal: the same sequences utf8Census refuses).
  try {
    return ok({ text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" });
  } catch {
    // Not UTF-8: the census below says what it looks like instead.
  }
  const census = utf8Census(bytes);
  if (census.invalid === 0) return decodeAs(bytes, "utf-8", name);
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const line = lineOf(bytes, nul);
    return refused(
      name,
      `${name} 第 ${line} 行含有空字节，可能是没有 BOM 的 UTF-16 文件；未导入任何数据。请用 --encoding utf-16 指明。`,
      `${name} holds NUL bytes (line ${line}): UTF-16 without a BOM? Nothing was imported; say so with --encoding utf-16.`,
    );
  }
  const line = lineOf(bytes, census.firstBad);
  // Mostly valid UTF-8 multi-byte sequences: UTF-8 with damaged bytes, not GBK (whose pairs are almost never valid UTF-8).
  if (census.valid >= 2 * census.invalid) {
    return refused(
      name,
      `${name} 是 UTF-8 文件，但第 ${line} 行有损坏的字节；未导入任何数据。请修正该行，或用 --encoding（${ENCODINGS}）指明文件的编码。`,
      `${name} is UTF-8 but line ${line} holds bytes that are not; nothing was imported. Fix that line, or say the file's encoding with --encoding (${ENCODINGS}).`,
    );
  }
  const misfit = gb18030Misfit(bytes);
  if (misfit >= 0) {
    const at = lineOf(bytes, misfit);
    return refused(
      name,
      `无法判断 ${name} 的编码：它既不是 UTF-8，也不像 GB18030/GBK（第 ${at} 行）；未导入任何数据。请另存为 UTF-8（Excel：CSV UTF-8），或用 --encoding（${ENCODINGS}）指明。`,
      `cannot tell the encoding of ${name}: it is neither UTF-8 nor plausible GB18030/GBK (line ${at}); nothing was imported. Save it as UTF-8 (Excel: CSV UTF-8), or say its encoding with --encoding (${ENCODINGS}).`,
    );
  }
  return decodeAs(bytes, "gb18030", name);
}

/** For writing rejects back in the encoding the user gave us. */
export function encodeCsv(text: string, encoding: CsvEncoding): Uint8Array {
  if (encoding === "gb18030") return iconv.encode(text, "gb18030");
  if (encoding === "cp1252") return iconv.encode(text, "windows-1252");
  if (encoding === "utf-16le") return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  if (encoding === "utf-16be") return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, "utf-16be")]);
  // A BOM so that Excel opens the UTF-8 file with the right encoding.
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
}
