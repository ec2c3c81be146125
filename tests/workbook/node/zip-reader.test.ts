/**
 * JSZip's loader with the reader zip-reader.ts gives it reads every
 * package as JSZip's own does: the same parts with the same compressed
 * bytes, sizes and dates, and the same refusals, word for word.
 */
import JSZip from "jszip";
import ZipEntries from "jszip/lib/zipEntries";
import { describe, expect, it } from "vitest";
import { useZipReaderWithoutByteLoop } from "../../../workbook/node/zip-reader";
import { sampleBytes } from "../../reliability/support/workbooks";

interface Loaded {
  readonly files?: readonly (readonly [string, boolean, number | undefined, number | undefined, string])[];
  readonly comment?: string | null;
  readonly error?: string;
}

/** What a load gives, in a form to compare: each part's name, kind, sizes, date and compressed bytes' hash. */
async function load(bytes: Uint8Array): Promise<Loaded> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const files = Object.values(zip.files).map((f) => {
      const data = (f as unknown as { _data?: { compressedSize?: number; uncompressedSize?: number; compressedContent?: Uint8Array } })._data;
      const content = data?.compressedContent;
      const sum = content ? content.reduce((h, b) => (h * 31 + b) >>> 0, content.length) : 0;
      return [f.name, f.dir, data?.compressedSize, data?.uncompressedSize, `${f.date.toISOString()} ${sum}`] as const;
    });
    return { files, comment: (zip as unknown as { comment?: string | null }).comment ?? null };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

async function cases(): Promise<readonly (readonly [string, Uint8Array])[]> {
  const sample = new Uint8Array(await sampleBytes());
  const stored = await new JSZip().file("a.txt", "plain").file("dir/b.xml", "<b/>").generateAsync({ type: "uint8array", compression: "STORE", comment: "note" });
  const cut = sample.subarray(0, sample.length - 30);
  const garbled = sample.slice();
  garbled.fill(0x41, garbled.length - 22 - 40, garbled.length - 22);
  return [
    ["the sample workbook", sample],
    ["a workbook in the middle of a larger buffer", new Uint8Array(new Uint8Array([1, 2, 3, ...sample, 4]).buffer, 3, sample.length)],
    ["stored parts, a folder and a comment", stored],
    ["not a zip", new TextEncoder().encode("not a zip at all")],
    ["empty", new Uint8Array(0)],
    ["cut short", cut],
    ["its directory overwritten", garbled],
  ];
}

describe("JSZip's load without its byte loop", () => {
  it("reads every package as JSZip's own load does, refusals included", async () => {
    const all = await cases();
    const before = await Promise.all(all.map(([, b]) => load(b)));
    const jszipsOwn = ZipEntries.prototype.prepareReader;
    useZipReaderWithoutByteLoop();
    useZipReaderWithoutByteLoop();
    // Installed once, over JSZip's own (which it falls back to for other inputs).
    expect(ZipEntries.prototype.prepareReader).not.toBe(jszipsOwn);
    const after = await Promise.all(all.map(([, b]) => load(b)));
    for (let i = 0; i < all.length; i++) expect([all[i][0], after[i]]).toEqual([all[i][0], before[i]]);
    // The cases are what they say: some read, some refused.
    expect(before.filter((l) => l.error !== undefined).length).toBeGreaterThanOrEqual(3);
    expect(before[0].files?.length).toBeGreaterThan(10);
  });
});
