/**
 * Bytes of a CSV → text. Chinese Excel saves "CSV (逗号分隔)" in the ANSI code
 * page, GBK (a subset of GB18030); other tools write UTF-8, with or without
 * a BOM; "Unicode text" is UTF-16 LE with a BOM. UTF-8 is tried strictly
 * first: GBK bytes are almost never valid UTF-8, so the guess is safe.
 */
import iconv from "iconv-lite";

export type CsvEncoding = "utf-8" | "utf-16le" | "gb18030";

export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), "gb18030"), encoding: "gb18030" };
  }
}

/** For writing rejects back in the encoding the user gave us. */
export function encodeCsv(text: string, encoding: CsvEncoding): Uint8Array {
  if (encoding === "gb18030") return iconv.encode(text, "gb18030");
  if (encoding === "utf-16le") return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  // A BOM so that Excel opens the UTF-8 file with the right encoding.
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
}
