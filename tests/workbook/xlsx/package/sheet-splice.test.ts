import { describe, expect, it } from "vitest";
import { splicedSheet, SpliceRefusal, tailRows, lastIndexOf, indexOf, type SheetEnd } from "../../../../workbook/xlsx/package/sheet-splice";
import { concatBytes } from "../../../../workbook/xlsx/stream/bytes";

const enc = new TextEncoder();
const dec = new TextDecoder();

const row = (r: number, cells = `<c r="A${r}" s="3" t="inlineStr"><is><t>王${r}</t></is></c><c r="B${r}" s="4"><v>${r}</v></c>`): string => `<row r="${r}" spans="1:2">${cells}</row>`;
const blank = (r: number): string => `<row r="${r}" spans="1:2" s="7" customFormat="1"><c r="A${r}" s="7"/></row>`;
const sheet = (rows: string, after = "<pageMargins/>"): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:B9"/><sheetViews/><sheetData>${rows}</sheetData>${after}</worksheet>`;
const rows = (from: number, to: number, each: (r: number) => string = (r) => row(r)): string => Array.from({ length: to - from + 1 }, (_, i) => each(from + i)).join("");

/** The splice's edits, made visible: the head marked, the held end as the rows found and the bytes kept. */
const head = (xml: string): string => xml.replace("A1:B9", "A1:B99");
const end = (held: SheetEnd): Uint8Array[] => [enc.encode(`[${held.rows.map((r) => r.r).join(",")}]`), held.bytes.subarray(0, held.end), enc.encode("|"), held.bytes.subarray(held.end)];

/** What the splice of the sheet read whole gives (the writer before it streamed). */
function whole(xml: string, from: number): string | "layout" | "order" {
  const bytes = enc.encode(xml);
  const dataAt = indexOf(bytes, "<sheetData", 0);
  const close = lastIndexOf(bytes, "</sheetData>", bytes.length);
  if (dataAt < 0 || close < 0) return "layout";
  const tail = tailRows(bytes, close, from);
  if (!tail) return "order";
  const at = tail[0].from;
  const held = bytes.subarray(at);
  const shifted = tail.map((t) => ({ ...t, from: t.from - at, to: t.to - at }));
  return head(dec.decode(bytes.subarray(0, dataAt))) + dec.decode(bytes.subarray(dataAt, at)) + dec.decode(concatBytes(end({ bytes: held, end: close - at, rows: shifted })));
}

async function streamed(xml: string, from: number, size: number): Promise<{ text: string; pieces: number } | "layout" | "order"> {
  const bytes = enc.encode(xml);
  const source = (function* () {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, Math.min(bytes.length, i + size));
  })();
  const out: Uint8Array[] = [];
  try {
    for await (const p of splicedSheet(source, from, head, end)) out.push(p);
  } catch (e) {
    if (e instanceof SpliceRefusal) return e.reason;
    throw e;
  }
  return { text: dec.decode(concatBytes(out)), pieces: out.length };
}

const SIZES = [1, 2, 3, 4, 5, 7, 13, 64, 333, 1000, 1 << 20];

describe("a sheet spliced as it streams gives the bytes of the splice of the sheet read whole, in pieces of any size", () => {
  it.each([
    ["the last row is the table's last", sheet(rows(1, 40)), 40],
    ["blank styled rows below the table are held with it", sheet(rows(1, 30) + rows(31, 45, blank)), 30],
    ["rows of the table below a blank row", sheet(rows(1, 10) + blank(11) + rows(12, 20)), 20],
    ["page breaks after the rows (<rowBreaks> is no row)", sheet(rows(1, 12), '<rowBreaks count="1"><brk id="5"/></rowBreaks>'), 12],
    ["a row with many attributes and a long text", sheet(rows(1, 5) + `<row r="6" spans="1:2" ht="30" customHeight="1" x14ac:dyDescent="0.25">${`<c r="A6" t="inlineStr"><is><t>${"长".repeat(3000)}</t></is></c>`}</row>`), 6],
    ["rows out of order at the end: refused", sheet(rows(1, 10) + row(4)), 10],
    ["a row numbered past the table, then the table's own: the walk back stops at the last", sheet(rows(1, 5) + row(9) + rows(6, 8)), 8],
    ["the table's last row missing: refused", sheet(rows(1, 5) + rows(8, 9)), 6],
    ["no <sheetData>: refused", "<worksheet><dimension/></worksheet>", 3],
    ["an empty <sheetData/>: refused", sheet("").replace("<sheetData></sheetData>", "<sheetData/>"), 1],
    ["a row without its number: refused", sheet(rows(1, 3) + '<row spans="1:2"><c r="A4"><v>1</v></c></row>'), 4],
  ])("%s", async (_name, xml, from) => {
    const expected = whole(xml, from);
    for (const size of SIZES) {
      const got = await streamed(xml, from, size);
      expect(typeof got === "string" ? got : got.text, `pieces of ${size} bytes`).toEqual(expected);
    }
  });

  it("hands the rows before the end on as they come, holding only the end", async () => {
    const xml = sheet(rows(1, 2000));
    const got = await streamed(xml, 2000, 4096);
    if (typeof got === "string") throw new Error(got);
    expect(got.pieces).toBeGreaterThan(xml.length / 4096 / 2);
  });
});
