/**
 * One writer at a time per workbook, across processes and machines: an
 * exclusive lock taken with proper-lockfile before a writer reads what it
 * will change, held until it has replaced the file.
 *
 * proper-lockfile makes the lock a directory, `NAME.xlsx.lock`, beside the
 * real file (links resolved, so a link and its file share one lock):
 * mkdir is atomic on local disks and on network folders (SMB, NFS), where
 * lock files opened with O_EXCL are not. The holder touches the directory
 * every `updateMs`; a lock not touched for `staleMs` (its holder crashed or
 * was killed) is taken over by the next writer. Clocks of machines sharing
 * a folder must agree to well within `staleMs`. A second writer waits up to
 * `waitMs`, then refuses with a message, writing nothing. Node only.
 */
import { realpath } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import lockfile from "proper-lockfile";
import { err, ok, type Result } from "../../core/contract/issues";
import { issueAt } from "../locate";
import { failureReason } from "./failure-reason";

export interface LockTimings {
  /** How long a second writer waits for the lock before it refuses. */
  readonly waitMs: number;
  /** A lock not refreshed for this long is taken as left by a crash (proper-lockfile `stale`, at least 2,000). */
  readonly staleMs: number;
  /** How often the holder refreshes it (proper-lockfile `update`, at most staleMs / 2). */
  readonly updateMs: number;
}

/**
 * The defaults: a writer of a big workbook holds the lock for tens of
 * seconds, so a second one waits 60 s; a crashed writer's lock frees after
 * 30 s, refreshed every 5 s (a busy event loop of a few seconds between
 * refreshes stays far inside that). TRADEBOOK_LOCK_WAIT_MS and
 * TRADEBOOK_LOCK_STALE_MS change the first two.
 */
export function lockTimings(env: NodeJS.ProcessEnv = process.env): LockTimings {
  const ms = (v: string | undefined, fallback: number, min: number): number => {
    const n = v === undefined ? NaN : Number(v);
    return Number.isFinite(n) && n >= min ? n : fallback;
  };
  const staleMs = ms(env.TRADEBOOK_LOCK_STALE_MS, 30_000, 2_000);
  return { waitMs: ms(env.TRADEBOOK_LOCK_WAIT_MS, 60_000, 0), staleMs, updateMs: Math.max(1_000, Math.min(5_000, staleMs / 2)) };
}

/** A held lock on a workbook. */
export interface WorkbookLock {
  /** The real file (symlinks resolved) the lock is for. */
  readonly target: string;
  /** The lock directory. */
  readonly lockPath: string;
  /** Why the lock was lost while held (another writer took it as stale), if it was: nothing may be written then. */
  lost(): Error | undefined;
  release(): Promise<void>;
}

/** The real file behind `path` (symlinks resolved); for a file not there yet, its real folder and name. */
export async function realTarget(path: string): Promise<string> {
  const full = resolve(path);
  try {
    return await realpath(full);
  } catch {
    const dir = await realpath(dirname(full)).catch(() => dirname(full));
    return join(dir, basename(full));
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The lock of the workbook at `path`, waiting up to `timings.waitMs` for another writer; an issue naming the file when it cannot be had. */
export async function lockWorkbook(path: string, timings: LockTimings = lockTimings()): Promise<Result<WorkbookLock>> {
  const target = await realTarget(path);
  const lockPath = `${target}.lock`;
  const deadline = Date.now() + timings.waitMs;
  let lostWith: Error | undefined;
  for (;;) {
    try {
      const release = await lockfile.lock(target, {
        realpath: false,
        stale: timings.staleMs,
        update: timings.updateMs,
        retries: 0,
        // Called from a timer when another writer took the lock as stale: remember it, so the holder writes nothing.
        onCompromised: (e) => (lostWith = e),
      });
      return ok({
        target,
        lockPath,
        lost: () => lostWith,
        release: () => release().catch(() => undefined),
      });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== "ELOCKED") {
        const why = failureReason(lockPath, e);
        return err([issueAt(path, null, null, "unlockable", `无法锁定 ${path}：${why.zh}；未写入任何内容`, `cannot lock ${path}: ${why.en}; nothing was written`)]);
      }
      const left = deadline - Date.now();
      if (left <= 0) return err([busyIssue(path, lockPath, timings)]);
      await sleep(Math.min(left, 100 + Math.random() * 200));
    }
  }
}

function busyIssue(path: string, lockPath: string, timings: LockTimings) {
  const waited = Math.round(timings.waitMs / 1000);
  const stale = Math.round(timings.staleMs / 1000);
  const name = basename(lockPath);
  return issueAt(
    path,
    null,
    null,
    "locked",
    `另一个 TradeBook 命令正在写入 ${basename(path)}（锁 ${name}）；已等待 ${waited} 秒，未写入任何内容。请在它完成后重新运行。崩溃的命令留下的锁在其停止 ${stale} 秒后失效。`,
    `another TradeBook command is writing ${basename(path)} (lock ${name}); waited ${waited} s, nothing was written. Run this again when it has finished. A lock left by a command that crashed expires ${stale} s after it stopped.`,
  );
}
