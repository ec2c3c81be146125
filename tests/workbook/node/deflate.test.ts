import { describe, expect, it } from "vitest";
import JSZip from "jszip";
import { crc32, inflateRawSync } from "node:zlib";
import { deflatePieces, prepareSheet, putDeflated } from "../../../workbook/node/deflate";
import { crc32Combine } from "../../../workbook/xlsx/package/put-deflated";

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

describe("a sheet's body deflated ahead, its new head and end deflated apart, make one entry", () => {
  const enc = new TextEncoder();
  const rows = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>客户${i}</t></is></c></row>`).join("");
  const xml = `<?xml version="1.0"?><worksheet><dimension ref="A1:A3001"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row>${rows}</sheetData><pageMargins/></worksheet>`;

  it.each([61, 4096, 1 << 20])("pieces of %i bytes: the entry inflates to the new head, the body, the new end, with their CRC-32", async (size) => {
    const bytes = enc.encode(xml);
    const prepared = prepareSheet("xl/worksheets/sheet1.xml", pieces(bytes, size), 3001);
    const ready = await prepared.ready;
    const zip = new JSZip();
    const head = enc.encode(new TextDecoder().decode(ready.head).replace("A1:A3001", "A1:A3002"));
    const end = [ready.held.bytes.subarray(0, ready.held.end), enc.encode('<row r="3002"><c r="A3002"><v>9</v></c></row>'), ready.held.bytes.subarray(ready.held.end)];
    await ready.put(zip, head, end);
    const expected = xml.replace("A1:A3001", "A1:A3002").replace("</sheetData>", '<row r="3002"><c r="A3002"><v>9</v></c></row></sheetData>');
    const out = await JSZip.loadAsync(await zip.generateAsync({ type: "uint8array" }), { checkCRC32: true });
    expect(await out.file("xl/worksheets/sheet1.xml")?.async("string")).toBe(expected);
  });

  it("a cancelled one stops with an error its awaiter sees", async () => {
    const prepared = prepareSheet("s.xml", pieces(enc.encode(xml), 61), 3001);
    prepared.cancel();
    await expect(prepared.ready).rejects.toThrow("cancelled");
  });

  it("a sheet it cannot cut is refused as the streamed splice refuses it", async () => {
    // No row 5000: the walk back from </sheetData> meets row 3001 first.
    const prepared = prepareSheet("s.xml", pieces(enc.encode(xml), 4096), 5000);
    await expect(prepared.ready).rejects.toMatchObject({ reason: "order" });
  });
});

describe("CRC-32 of parts joined, as zlib's crc32_combine", () => {
  it.each([
    ["both empty", "", ""],
    ["the second empty", "a", ""],
    ["the first empty", "", "b"],
    ["a head and a body", "<?xml", "<sheetData>"],
    ["long parts", "王".repeat(1000), "x".repeat(70000)],
  ])("%s", (_name, a, b) => {
    const A = new TextEncoder().encode(a);
    const B = new TextEncoder().encode(b);
    expect(crc32Combine(crc32(A) >>> 0, crc32(B) >>> 0, B.length)).toBe(crc32(new TextEncoder().encode(a + b)) >>> 0);
  });
});
