/**
 * Why a file operation failed, in words a user can act on (a full disk, no
 * permission, a folder that is not there), for the writers' messages
 * (file-replace.ts) and the lock's (workbook-lock.ts).
 */
import { dirname } from "node:path";

/** Why a file system call failed, in words a user can act on, with the system's code: "the disk is full (ENOSPC)". */
export function failureReason(path: string, e: unknown): { zh: string; en: string } {
  const code = (e as NodeJS.ErrnoException).code ?? "";
  const folder = dirname(path);
  const why: Record<string, { zh: string; en: string }> = {
    ENOSPC: { zh: "磁盘已满", en: "the disk is full" },
    EDQUOT: { zh: "磁盘配额已用完", en: "the disk quota is used up" },
    EACCES: { zh: `没有在 ${folder} 中写入的权限`, en: `no permission to write in ${folder}` },
    EPERM: { zh: `没有在 ${folder} 中写入的权限`, en: `no permission to write in ${folder}` },
    EROFS: { zh: "文件系统是只读的", en: "the file system is read-only" },
    ENOENT: { zh: `文件夹 ${folder} 不存在`, en: `the folder ${folder} does not exist` },
  };
  const reason = why[code] ?? { zh: e instanceof Error ? e.message : String(e), en: e instanceof Error ? e.message : String(e) };
  const tag = code && why[code] ? ` (${code})` : "";
  return { zh: reason.zh + tag, en: reason.en + tag };
}
