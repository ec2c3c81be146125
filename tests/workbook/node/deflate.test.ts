import { describe, expect, it } from "vitest";
import JSZip from "jszip";
import { crc32, inflateRawSync } from "node:zlib";
import { deflatePieces, putDeflated } from "../../../workbook/node/deflate";

const text = new TextEncoder().encode('<row r="2"><c r="A2" t="inlineStr"><is><t>王</t></is></c></row>'.repeat(2000));

async function* pieces(bytes: Uint8Array, size: number, fail = false): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, Math.min(bytes.length, i + size));
  if (fail) throw new Error("the splice stopped");
}

describe("node's deflate takes a part's pieces as they come", () => {
  it.each([61, 4096, 1 << 20])("pieces of %i bytes inflate back, with the part's CRC-32 and size", async (size) => {
    const { compressed, crc, size: n } = await deflatePieces(pieces(text, size));
    expect(new Uint8Array(inflateRawSync(compressed))).toEqual(text);
    expect(crc).toBe(crc32(text) >>> 0);
    expect(n).toBe(text.length);
  });

  it("a source that fails puts nothing: the package keeps the part it had", async () => {
    const zip = new JSZip();
    zip.file("xl/worksheets/sheet1.xml", "before");
    await expect(putDeflated(zip, "xl/worksheets/sheet1.xml", pieces(text, 1000, true))).rejects.toThrow("the splice stopped");
    expect(await zip.file("xl/worksheets/sheet1.xml")?.async("string")).toBe("before");
  });
});
