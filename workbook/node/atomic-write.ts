/**
 * A workbook built in memory (init, demo) written to disk as the writers of
 * xlsx-file.ts write: under the file's lock, all or nothing, keeping what a
 * replaced file is (file-replace.ts). A failure (a full disk, no
 * permission) is an issue naming the file, never a half-written file.
 */
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type ExcelJS from "exceljs";
import { err, type Result } from "../../core/contract/issues";
import { writeFailure } from "./file-replace";
import { writeXlsxBytes } from "./xlsx-file";

/** Writes `wb` to `path`; with `overwrite: false` an existing file is refused (code "exists"), never replaced. */
export async function writeWorkbookAtomically(wb: ExcelJS.Workbook, path: string, opts: { overwrite: boolean; force?: boolean }): Promise<Result<void>> {
  const full = resolve(path);
  let bytes: Uint8Array;
  try {
    await mkdir(dirname(full), { recursive: true });
    bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  } catch (e) {
    return err([writeFailure(full, e, true)]);
  }
  return writeXlsxBytes(undefined, bytes, full, { create: !opts.overwrite, force: opts.force });
}
