/**
 * The streamed reader reads the same whatever the chunks: a row, a cell or
 * an end marker cut anywhere (pending.ts waits for the end without
 * searching what it holds again). The shared strings are read whole
 * (shared-strings.test.ts).
 */
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { serialFromYMD } from "../../../../core/contract/dates";
import type { CellValue } from "../../../../core/contract/raw";
import { buildWorkbook } from "../../../../templates/builder";
import { generateSample } from "../../../../templates/sample";
import { scanSheet, type RowSink } from "../../../../workbook/xlsx/stream/sheet-scan";

let sheetXml = "";

beforeAll(async () => {
  const data = generateSample({ seed: 5, scale: 0.02, asOf: serialFromYMD(2026, 11, 27), lang: "zh-CN" });
  const zip = await JSZip.loadAsync(new Uint8Array(await buildWorkbook("zh-CN", data).xlsx.writeBuffer()));
  sheetXml = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
});

async function* cut(text: string, size: number): AsyncIterable<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function rowsOf(chunks: AsyncIterable<string>): Promise<{ rows: [number, CellValue[]][]; lastRow: number; tail: string }> {
  const rows: [number, CellValue[]][] = [];
  const sink: RowSink = { row: () => new Array<CellValue>(12).fill(null), slotOf: (c) => (c <= 12 ? c - 1 : -1), date1904At: () => false, done: (r, cells) => rows.push([r, cells]) };
  const { lastRow, tail } = await scanSheet(chunks, { sharedStrings: Array.from({ length: 5000 }, (_, i) => `s${i}`), dateStyles: new Set(), date1904: false }, sink, "S");
  return { rows, lastRow, tail };
}

const SIZES = [1, 2, 3, 5, 6, 7, 11, 12, 13, 64, 100, 1021, 4096];

describe("chunks cut anywhere", () => {
  it.each(SIZES)("a sheet in chunks of %d characters reads as in one", async (size) => {
    const whole = await rowsOf(cut(sheetXml, sheetXml.length));
    expect(whole.rows.length).toBeGreaterThan(10);
    expect(await rowsOf(cut(sheetXml, size))).toEqual(whole);
  });
});
