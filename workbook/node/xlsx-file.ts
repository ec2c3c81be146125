/**
 * .xlsx files on disk (node only): open, and save so that nothing is lost:
 * under the workbook's lock (workbook-lock.ts), only over the very file
 * that was read, never while LibreOffice or Excel has it open, and through
 * an atomic replace that keeps what the file is (file-replace.ts).
 */
import { readFile, stat } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { err, ok, type Issue, type Result } from "../../core/contract/issues";
import type { LocalizedText } from "../../core/contract/lang";
import { issueAt } from "../locate";
import type { XlsxWorkbook } from "../xlsx/exceljs/xlsx-workbook";
import { inspectPackage, describeRisks } from "../xlsx/exceljs/package-risks";
import { replaceFile, writeFailure, type ReplaceOptions } from "./file-replace";
import { officeHolders, officeLockIssue } from "./office-locks";
import { lockWorkbook, type WorkbookLock } from "./workbook-lock";

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** How a write goes: under a lock the caller holds (else one taken for the write alone), and whether Office's lock files are overridden. */
export interface WriteOptions extends ReplaceOptions {
  /** The lock of the file written, held by the caller since before it read the file. */
  readonly lock?: WorkbookLock;
  /** Write although LibreOffice or Excel seems to have the file open (`--force`: its lock file is stale). */
  readonly force?: boolean;
}

/** Where each opened workbook came from, to judge what saving over it would lose (its bytes are inspected only then). */
const origins = new WeakMap<XlsxWorkbook, XlsxFile>();

async function stampOf(path: string): Promise<string> {
  const s = await stat(path).catch(() => undefined);
  // The inode too: a program that saves by renaming a new file over the old one may keep its size and time.
  return s ? `${s.mtimeMs}:${s.size}:${s.ino}` : "missing";
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
  // exceljs is loaded only by the commands that load a workbook whole: the streamed reads and the reports never need it.
  const { XlsxWorkbook } = await import("../xlsx/exceljs/xlsx-workbook");
  const opened = await XlsxWorkbook.fromBuffer(file.bytes, basename(file.path));
  if (!opened.ok) return opened;
  origins.set(opened.value, file);
  return opened;
}

/**
 * Writes the workbook to `path` (writeXlsxBytes). Saving over the file it
 * was opened from is refused when that file holds parts exceljs cannot
 * carry (charts, pivot tables, macros …).
 */
export async function saveXlsx(wb: XlsxWorkbook, path: string, options: WriteOptions = {}): Promise<Result<void>> {
  const target = resolve(path);
  const origin = origins.get(wb);
  const risks = origin && origin.path === target ? await inspectPackage(origin.bytes) : undefined;
  if (risks && risks.parts.length > 0) return err([wouldLoseContent(path, describeRisks(risks))]);
  let bytes: Uint8Array;
  try {
    bytes = await wb.toBuffer();
  } catch (e) {
    return err([issueAt(path, null, null, "unwritable", `无法保存 ${path}（${message(e)}），原文件未改动`, `cannot save ${path} (${message(e)}); the original is unchanged`)]);
  }
  const written = await writeXlsxBytes(origin, bytes, path, options);
  if (!written.ok) return written;
  if (origin && origin.path === target) origins.set(wb, { ...origin, stamp: await stampOf(target) });
  return ok(undefined);
}

/** Saving over `path` through exceljs would drop `found` (charts, pivot tables …): nothing is written. */
export function wouldLoseContent(path: string, found: LocalizedText): Issue {
  return issueAt(
    path,
    null,
    null,
    "would-lose-content",
    `${basename(path)} 含有本工具无法保留的内容（${found.zh}），原地保存会丢失它们，因此未写入任何内容。请在 Excel 中（或用 TradeBook 任务窗格）完成这项修改。`,
    `${basename(path)} holds content this tool cannot keep (${found.en}); saving over it would lose it, so nothing was written. Make this change in Excel (or with the TradeBook task pane) instead.`,
  );
}

/**
 * The lock a writer takes before it reads the workbook it will change (a
 * second writer waits, then is refused), refused at once when LibreOffice
 * or Excel has the file open (unless `force`): the entry points' way in,
 * before writeXlsxBytes / saveXlsx with `{ lock }`.
 */
export async function lockForWriting(path: string, options: Pick<WriteOptions, "force"> = {}): Promise<Result<WorkbookLock>> {
  const held = await lockWorkbook(path);
  if (!held.ok || options.force) return held;
  const holders = await officeHolders([resolve(path), held.value.target]);
  if (holders.length === 0) return held;
  await held.value.release();
  return err(holders.map((h) => officeLockIssue(path, h)));
}

/**
 * Writes `bytes` to `path` so that nothing is lost. Under the workbook's
 * lock (the caller's, else one taken now: a second writer waits, then
 * refuses); refused, writing nothing, when LibreOffice or Excel has the file
 * open (unless `force`), when someone saved over the file `origin` was read
 * from since (their changes would be lost: checked under the lock), or
 * when the replace would change what the file is (file-replace.ts).
 */
export async function writeXlsxBytes(origin: Pick<XlsxFile, "path" | "stamp"> | undefined, bytes: Uint8Array, path: string, options: WriteOptions = {}): Promise<Result<void>> {
  const own = options.lock ? undefined : await lockWorkbook(path);
  if (own && !own.ok) return own;
  const lock = options.lock ?? (own as { value: WorkbookLock }).value;
  try {
    return await writeLocked(lock, origin, bytes, path, options);
  } finally {
    if (own) await lock.release();
  }
}

async function writeLocked(lock: WorkbookLock, origin: Pick<XlsxFile, "path" | "stamp"> | undefined, bytes: Uint8Array, path: string, options: WriteOptions): Promise<Result<void>> {
  const target = resolve(path);
  if (!options.force) {
    const holders = await officeHolders([target, lock.target]);
    if (holders.length > 0) return err(holders.map((h) => officeLockIssue(path, h)));
  }
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
  try {
    return await replaceFile(lock, path, bytes, options);
  } catch (e) {
    return err([writeFailure(path, e)]);
  }
}
