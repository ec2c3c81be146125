/**
 * The streamed reader of contract tables from .xlsx bytes, for node (the
 * CLI): workbook/xlsx/stream/ with node's zlib. The browser-safe core is
 * workbook/xlsx/stream/table-reader.ts.
 */
import type { Result } from "../../core/contract/issues";
import { inflateWithZlib } from "./inflate";
import { openXlsxTables as openWith, type XlsxTableReader } from "../xlsx/stream/table-reader";

export type { XlsxTableReader } from "../xlsx/stream/table-reader";

/** Opens .xlsx bytes for reading tables; unreadable bytes give an issue naming the file. */
export function openXlsxTables(bytes: Uint8Array, name: string): Promise<Result<XlsxTableReader>> {
  return openWith(bytes, name, { inflate: inflateWithZlib });
}
