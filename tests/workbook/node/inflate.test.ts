/**
 * A part's text comes out whole and in order however it is inflated: node's
 * zlib, the platform's DecompressionStream, a stored (uncompressed) entry,
 * or jszip's own stream for an entry it holds in memory.
 */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { TABLE_NAMES } from "../../../core/contract/schema";
import { openXlsxTables as openInBrowser } from "../../../workbook/xlsx/stream/table-reader";
import { inflateWithZlib } from "../../../workbook/node/inflate";
import { ZipParts, inflateInBrowser, type Inflate } from "../../../workbook/xlsx/stream/zip-parts";
import { openXlsxTables } from "../../../workbook/node/stream-reader";
import { buildWorkbook } from "../../../templates/builder";
import { generateSample } from "../../../templates/sample";
import { XlsxWorkbook } from "../../../workbook/xlsx/exceljs/xlsx-workbook";

/** ~3 MB of XML with multi-byte characters, so pieces split inside characters and tags. */
const XML = `<root>${Array.from({ length: 40_000 }, (_, i) => `<row r="${i}"><c t="inlineStr"><is><t>客户 ${i} — ü</t></is></c></row>`).join("")}</root>`;

async function textOf(parts: ZipParts, path: string): Promise<{ text: string; blocks: number }> {
  let text = "";
  let blocks = 0;
  for await (const chunk of parts.chunks(path)) {
    text += chunk;
    blocks++;
  }
  return { text, blocks };
}

describe("a part's text is read whole, in blocks", () => {
  it.each<[string, "DEFLATE" | "STORE", Inflate]>([
    ["node's zlib", "DEFLATE", inflateWithZlib],
    ["the platform's DecompressionStream", "DEFLATE", inflateInBrowser],
    ["a stored entry", "STORE", inflateInBrowser],
  ])("%s", async (_how, compression, inflate) => {
    const zip = new JSZip().file("xl/worksheets/sheet1.xml", XML);
    const parts = await ZipParts.open(await zip.generateAsync({ type: "uint8array", compression }), inflate);
    const { text, blocks } = await textOf(parts, "xl/worksheets/sheet1.xml");
    expect(text).toBe(XML);
    expect(blocks).toBeGreaterThan(1);
  });

  it("an entry jszip holds in memory comes through its own stream", async () => {
    const zip = new JSZip().file("a.xml", XML);
    const parts = new (ZipParts as unknown as new (z: JSZip, inflate: Inflate) => ZipParts)(zip, inflateInBrowser);
    expect((await textOf(parts, "a.xml")).text).toBe(XML);
  });

  it("a part the package lacks reads as nothing", async () => {
    const parts = await ZipParts.open(await new JSZip().file("a.xml", "<a/>").generateAsync({ type: "uint8array" }));
    expect((await textOf(parts, "b.xml")).text).toBe("");
  });
});

it("the browser-safe reader (DecompressionStream) reads the same tables as the node one", async () => {
  const bytes = await XlsxWorkbook.fromWorkbook(buildWorkbook("en-US", generateSample({ seed: 3, scale: 0.3, asOf: 46353, lang: "en-US" }))).toBuffer();
  const node = await openXlsxTables(bytes, "a.xlsx");
  const browser = await openInBrowser(bytes, "a.xlsx");
  expect(node.ok && browser.ok).toBe(true);
  if (!node.ok || !browser.ok) return;
  for (const table of TABLE_NAMES) expect(await browser.value.readTable(table), table).toStrictEqual(await node.value.readTable(table));
});
