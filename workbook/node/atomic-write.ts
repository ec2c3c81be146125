/**
 * Writes a workbook so a reader never sees half a file: the bytes go to a
 * temporary file in the same directory, which then takes the final name.
 */
import { existsSync, linkSync, mkdirSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type ExcelJS from "exceljs";

export class FileExistsError extends Error {}

export async function writeWorkbookAtomically(wb: ExcelJS.Workbook, path: string, opts: { overwrite: boolean }): Promise<void> {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  if (!opts.overwrite && existsSync(path)) throw new FileExistsError(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  writeFileSync(temp, bytes);
  try {
    if (opts.overwrite) {
      renameSync(temp, path);
    } else {
      // link() refuses an existing target, so a file created meanwhile is never replaced.
      try {
        linkSync(temp, path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "EEXIST") throw new FileExistsError(path);
        throw e;
      }
      unlinkSync(temp);
    }
  } finally {
    if (existsSync(temp)) unlinkSync(temp);
  }
}
