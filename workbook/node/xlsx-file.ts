/**
 * .xlsx files on disk (node only): open, and save atomically so a crash or a
 * full disk never leaves a half-written workbook where the team's data was.
 */
import { constants } from "node:fs";
import { access, open, readFile, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { err, ok, type Result } from "../../core/contract/issues";
import { issueAt } from "../locate";
import { XlsxWorkbook } from "../xlsx/exceljs/xlsx-workbook";
import { inspectPackage, describeRisks, type PackageRisks } from "../xlsx/exceljs/package-risks";

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

const unwritable = (path: string, e: unknown) =>
  issueAt(path, null, null, "unwritable", `无法保存 ${path}（${message(e)}），原文件未改动`, `cannot save ${path} (${message(e)}); the original is unchanged`);

/** Where each opened workbook came from, to judge what saving over it would lose (its bytes are inspected only then). */
const origins = new WeakMap<XlsxWorkbook, XlsxFile>();

async function stampOf(path: string): Promise<string> {
  const s = await stat(path).catch(() => undefined);
  return s ? `${s.mtimeMs}:${s.size}` : "missing";
}

/** An .xlsx file as read from disk: its bytes, and the stamp to notice another user's save in between. */
export interface XlsxFile {
  /** Absolute path. */
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly stamp: string;
}

/** Reads a file's bytes; a missing or unreadable file gives an issue naming it. */
export async function readXlsxFile(path: string): Promise<Result<XlsxFile>> {
  try {
    const stamp = await stampOf(path);
    return ok({ path: resolve(path), bytes: await readFile(path), stamp });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const missing = code === "ENOENT";
    return err([
      issueAt(
        path,
        null,
        null,
        missing ? "missing-file" : "unreadable",
        missing ? `找不到文件 ${path}` : `无法读取文件 ${path}（${message(e)}）`,
        missing ? `file not found: ${path}` : `cannot read ${path} (${message(e)})`,
      ),
    ]);
  }
}

export async function openXlsx(path: string): Promise<Result<XlsxWorkbook>> {
  const file = await readXlsxFile(path);
  return file.ok ? openXlsxFile(file.value) : file;
}

/** A file already read, loaded whole; saveXlsx then refuses to overwrite it if it changed on disk since that read. */
export async function openXlsxFile(file: XlsxFile): Promise<Result<XlsxWorkbook>> {
  const opened = await XlsxWorkbook.fromBuffer(file.bytes, basename(file.path));
  if (!opened.ok) return opened;
  origins.set(opened.value, file);
  return opened;
}

/** What the file a workbook was opened from holds that exceljs would drop, if anything. */
export async function risksOf(wb: XlsxWorkbook): Promise<PackageRisks | undefined> {
  const origin = origins.get(wb);
  return origin ? inspectPackage(origin.bytes) : undefined;
}

/**
 * Writes the workbook to `path`: a temporary file in the same directory,
 * flushed to disk, then renamed over the target (atomic on one file system).
 * Saving over the file it was opened from is refused when that file holds
 * parts exceljs cannot carry (charts, pivot tables, macros …).
 */
export async function saveXlsx(wb: XlsxWorkbook, path: string): Promise<Result<void>> {
  const target = resolve(path);
  const origin = origins.get(wb);
  const risks = origin && origin.path === target ? await inspectPackage(origin.bytes) : undefined;
  if (risks && risks.parts.length > 0) {
    const found = describeRisks(risks);
    return err([
      issueAt(
        path,
        null,
        null,
        "would-lose-content",
        `${basename(path)} 含有本工具无法保留的内容（${found.zh}），原地保存会丢失它们。请用 --out 写入另一个文件。`,
        `${basename(path)} holds content this tool cannot keep (${found.en}); saving over it would lose it. Write to another file with --out.`,
      ),
    ]);
  }
  let bytes: Uint8Array;
  try {
    bytes = await wb.toBuffer();
  } catch (e) {
    return err([unwritable(path, e)]);
  }
  const written = await writeXlsxBytes(origin, bytes, path);
  if (!written.ok) return written;
  if (origin && origin.path === target) origins.set(wb, { ...origin, stamp: await stampOf(target) });
  return ok(undefined);
}

/**
 * Writes `bytes` to `path` atomically: a temporary file in the same
 * directory, flushed to disk, then renamed over the target (atomic on one
 * file system), so a crash or a full disk never leaves half a workbook.
 * Writing over the file `origin` was read from is refused when someone saved
 * it in between: their changes would be lost.
 */
export async function writeXlsxBytes(origin: Pick<XlsxFile, "path" | "stamp"> | undefined, bytes: Uint8Array, path: string): Promise<Result<void>> {
  const target = resolve(path);
  if (origin && origin.path === target && (await stampOf(target)) !== origin.stamp) {
    return err([
      issueAt(
        path,
        null,
        null,
        "changed-on-disk",
        `${basename(path)} 在打开后已被其他人或程序修改；为免覆盖他们的改动，未保存。请重新运行。`,
        `${basename(path)} was changed by someone else after it was opened; not saved, so their changes are not overwritten. Run the command again.`,
      ),
    ]);
  }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const handle = await open(temp, "w");
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    return err([unwritable(path, e)]);
  }
  return ok(undefined);
}

/** True when the path exists (for commands that must not overwrite). */
export async function fileExists(path: string): Promise<boolean> {
  return access(path, constants.F_OK).then(
    () => true,
    () => false,
  );
}
