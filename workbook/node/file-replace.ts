/**
 * Putting new bytes where a workbook is, so that nothing is lost whatever
 * happens: the bytes go to a temporary file beside the real file, flushed
 * to disk, which then takes the file's name (atomic on one file system), so
 * a crash, a kill or a full disk leaves the old workbook or the new one,
 * never half of one.
 *
 * What the file is stays as it was: its permission bits (a group-shared
 * 0660 stays 0660) and, where the system lets us, its owner and group; a
 * symbolic link stays a link and the file it points to gets the bytes. What
 * a rename cannot keep is refused, with a message and nothing written: a
 * file with other hard links (they would keep the old bytes), a read-only
 * file, one whose group access the new file could not keep. ACLs and
 * extended attributes are not carried over.
 *
 * Only under the workbook's lock (workbook-lock.ts): so the temporary files
 * of this workbook that are there already are ones a killed writer left,
 * and they are removed. Node only.
 */
import { constants } from "node:fs";
import { access, link, open, readdir, rename, stat, unlink, type FileHandle } from "node:fs/promises";
import type { Stats } from "node:fs";
import { basename, dirname, join } from "node:path";
import { err, ok, type Issue, type IssueCode, type Result } from "../../core/contract/issues";
import { issueAt } from "../locate";
import type { WorkbookLock } from "./workbook-lock";
import { failureReason } from "./failure-reason";

export interface ReplaceOptions {
  /** A new file (init): one there already is refused ("exists"), never replaced. */
  readonly create?: boolean;
}

const refuse = (path: string, code: IssueCode, zh: string, en: string): Result<never> => err([issueAt(path, null, null, code, zh, en)]);

/** Why a write failed, in words a user can act on. */
export function writeFailure(path: string, e: unknown, created = false): Issue {
  const reason = failureReason(path, e);
  return issueAt(
    path,
    null,
    null,
    "unwritable",
    `无法保存 ${path}：${reason.zh}；${created ? "未写入任何内容" : "原文件未改动"}`,
    `cannot save ${path}: ${reason.en}; ${created ? "nothing was written" : "the original is unchanged"}`,
  );
}

/** Temporary files of this writer (and of earlier versions: `.NAME.PID.MS.tmp`) for the file `base`. */
function isOurTemp(base: string, name: string): boolean {
  if (!name.startsWith(`.${base}.`) || !name.endsWith(".tmp")) return false;
  return /^(?:tradebook-\d+-[0-9a-z]+|\d+\.\d+)$/.test(name.slice(base.length + 2, -4));
}

/** Removes the temporary files writers of `target` left when killed; how many. */
export async function removeStaleTemps(target: string): Promise<number> {
  const dir = dirname(target);
  const base = basename(target);
  const names = await readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const n of names) {
    if (isOurTemp(base, n) && (await unlink(join(dir, n)).then(() => true, () => false))) removed++;
  }
  return removed;
}

/** The refusal when replacing would change what the file is, else undefined. */
async function unreplaceable(path: string, st: Stats): Promise<Result<never> | undefined> {
  const name = basename(path);
  if (!st.isFile()) return refuse(path, "not-a-file", `${name} 不是普通文件，未写入`, `${name} is not a regular file; nothing was written`);
  if (st.nlink > 1) {
    return refuse(
      path,
      "hard-linked",
      `${name} 还有 ${st.nlink - 1} 个硬链接；替换它会让那些名字仍指向旧内容，因此未写入。请先把它复制成一个独立的文件。`,
      `${name} has ${st.nlink - 1} other hard link(s); replacing it would leave them with the old content, so nothing was written. Copy it to a file of its own first.`,
    );
  }
  // Root may write anything, so the bits are read as well as asked about.
  const writable = (st.mode & 0o222) !== 0 && (await access(path, constants.W_OK).then(() => true, () => false));
  if (!writable) return refuse(path, "read-only", `${name} 是只读文件，未写入。若确实要修改它，请先取消只读。`, `${name} is read-only; nothing was written. Make it writable first if it is meant to change.`);
  return undefined;
}

/** The temp file made like the file it replaces: its mode, and its owner and group where allowed; a refusal when its group cannot be kept. */
async function keepKind(handle: FileHandle, path: string, st: Stats | undefined): Promise<Result<void>> {
  if (!st) {
    // A new file gets what any new file gets: 0666 less the umask.
    const mask = process.umask();
    await handle.chmod(0o666 & ~mask);
    return ok(undefined);
  }
  await handle.chmod(st.mode & 0o7777);
  const mine = await handle.stat();
  if (mine.uid !== st.uid || mine.gid !== st.gid) {
    await handle.chown(st.uid, st.gid).catch(() => handle.chown(-1, st.gid).catch(() => undefined));
    const now = await handle.stat();
    const groupAccess = (st.mode & 0o070) !== 0;
    if (now.gid !== st.gid && groupAccess) {
      return refuse(
        path,
        "group-not-kept",
        `${basename(path)} 属于组 ${st.gid}，以当前用户写入的新文件无法保留该组，组内其他人将无法访问，因此未写入。`,
        `${basename(path)} belongs to group ${st.gid}, which a file written by this user cannot keep (the group would lose access), so nothing was written.`,
      );
    }
    // Chmod again: a chown may clear the set-id bits.
    await handle.chmod(st.mode & 0o7777);
  }
  return ok(undefined);
}

async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, "r").catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close().catch(() => undefined);
}

/**
 * Writes `bytes` as the workbook `lock` holds (`path` as the user named it,
 * for messages). Refuses, writing nothing, when the lock was lost or
 * replacing would change what the file is (see the module's comment).
 */
export async function replaceFile(lock: WorkbookLock, path: string, bytes: Uint8Array, options: ReplaceOptions = {}): Promise<Result<void>> {
  const target = lock.target;
  const st = await stat(target).catch((e: NodeJS.ErrnoException) => (e.code === "ENOENT" ? undefined : e));
  if (st instanceof Error) return err([writeFailure(path, st)]);
  if (st && options.create) return refuse(path, "exists", `${path} 已存在，未做任何修改`, `${path} already exists; nothing was written`);
  if (st) {
    const refused = await unreplaceable(path, st);
    if (refused) return refused;
  }
  await removeStaleTemps(target);
  const temp = join(dirname(target), `.${basename(target)}.tradebook-${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, "wx", 0o600);
    await handle.writeFile(bytes);
    const kept = await keepKind(handle, path, st);
    if (!kept.ok) {
      await handle.close();
      await unlink(temp).catch(() => undefined);
      return kept;
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    const lost = lock.lost();
    if (lost) {
      await unlink(temp).catch(() => undefined);
      return refuse(path, "lock-lost", `写入期间失去了 ${basename(path)} 的锁（${lost.message}），未写入任何内容`, `lost the lock on ${basename(path)} while writing (${lost.message}); nothing was written`);
    }
    if (options.create) {
      // link() refuses an existing name, so a file made meanwhile is never replaced.
      await link(temp, target);
      await unlink(temp);
    } else {
      await rename(temp, target);
    }
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    if (options.create && (e as NodeJS.ErrnoException).code === "EEXIST") return refuse(path, "exists", `${path} 已存在，未做任何修改`, `${path} already exists; nothing was written`);
    return err([writeFailure(path, e, options.create === true || st === undefined)]);
  }
  await syncFolder(dirname(target));
  return ok(undefined);
}
