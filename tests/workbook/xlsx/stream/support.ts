/** Shared by the streamed reader's tests: workbooks as bytes, and the two readers side by side. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { expect } from "vitest";
import type { Result } from "../../../../core/contract/issues";
import type { RawTable } from "../../../../core/contract/raw";
import { TABLE_NAMES, type TableName } from "../../../../core/contract/schema";
import { openXlsxTables } from "../../../../workbook/node/stream-reader";
import { XlsxWorkbook } from "../../../../workbook/xlsx/exceljs/xlsx-workbook";

export async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The bytes with one part's XML edited (to write what exceljs itself never writes: inline strings, t="d" …). */
export async function patched(bytes: Uint8Array, part: string, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file(part)!.async("string");
  const changed = edit(xml);
  expect(changed, `the edit of ${part} changed nothing`).not.toBe(xml);
  zip.file(part, changed);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Both readers' results for one table. */
export async function bothReads(bytes: Uint8Array, table: TableName, columns?: readonly string[]): Promise<{ exceljs: Result<RawTable>; streamed: Result<RawTable> }> {
  const full = await XlsxWorkbook.fromBuffer(bytes, "book.xlsx");
  const streamed = await openXlsxTables(bytes, "book.xlsx");
  if (!full.ok || !streamed.ok) throw new Error("a reader could not open the workbook");
  return { exceljs: await full.value.readTable(table, columns), streamed: await streamed.value.readTable(table, columns) };
}

/** Asserts the streamed reader returns exactly what exceljs's reader does, for every contract table. */
export async function expectSameTables(bytes: Uint8Array): Promise<void> {
  const full = await XlsxWorkbook.fromBuffer(bytes, "book.xlsx");
  const streamed = await openXlsxTables(bytes, "book.xlsx");
  expect(full.ok && streamed.ok).toBe(true);
  if (!full.ok || !streamed.ok) return;
  for (const table of TABLE_NAMES) {
    expect(await streamed.value.readTable(table), table).toStrictEqual(await full.value.readTable(table));
  }
}
