/**
 * Whether LibreOffice or Excel has a workbook open, from the lock files
 * they leave beside it while it is open:
 * - LibreOffice: `.~lock.NAME#` ("user name,host,…" inside);
 * - Excel (the "owner file"): `~$NAME`, its first byte the length of the
 *   user's name that follows. Word-style owner files replace the first two
 *   characters of a long name with `~$`, so that name is checked too.
 *   Microsoft: "The document is locked for editing by another user"
 *   (https://support.microsoft.com/topic/10b92aeb-2e23-25e0-9110-370af6edb638).
 * A program holding the file saves its own copy over it later, so a write
 * now would be lost: writers refuse unless told the lock file is stale
 * (`--force`). Node only.
 */
import { readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Issue } from "../../core/contract/issues";
import { issueAt } from "../locate";

export type OfficeProgram = "LibreOffice" | "Excel";

export interface OfficeHolder {
  readonly program: OfficeProgram;
  /** The lock file found. */
  readonly lockFile: string;
  /** Who holds it, as the lock file says, when it says. */
  readonly user: string | undefined;
}

function lockFilesOf(path: string): { program: OfficeProgram; path: string }[] {
  const dir = dirname(path);
  const name = basename(path);
  const out = [
    { program: "LibreOffice" as const, path: join(dir, `.~lock.${name}#`) },
    { program: "Excel" as const, path: join(dir, `~$${name}`) },
  ];
  if (name.length > 2) out.push({ program: "Excel", path: join(dir, `~$${name.slice(2)}`) });
  return out;
}

function userOf(program: OfficeProgram, bytes: Buffer): string | undefined {
  if (program === "LibreOffice") {
    const fields = bytes.toString("utf8").split(",");
    return fields.slice(0, 2).find((f) => f.trim() !== "")?.trim();
  }
  const n = bytes[0] ?? 0;
  if (n === 0 || n + 1 > bytes.length) return undefined;
  const name = bytes.subarray(1, n + 1).toString("latin1").trim();
  return /^[\x20-\x7e\u00a0-\u00ff]+$/.test(name) ? name : undefined;
}

/** The programs whose lock files sit beside any of `paths` (the path a user named, and the real file behind a link). */
export async function officeHolders(paths: readonly string[]): Promise<OfficeHolder[]> {
  const seen = new Set<string>();
  const out: OfficeHolder[] = [];
  for (const p of paths) {
    for (const candidate of lockFilesOf(p)) {
      if (seen.has(candidate.path)) continue;
      seen.add(candidate.path);
      const bytes = await readFile(candidate.path).catch(() => undefined);
      if (bytes !== undefined) out.push({ program: candidate.program, lockFile: candidate.path, user: userOf(candidate.program, bytes) });
    }
  }
  return out;
}

/** "X is open in Excel (by …)": nothing written; close it there, or --force when the lock file is stale. */
export function officeLockIssue(file: string, holder: OfficeHolder): Issue {
  const by = holder.user ? { zh: `（${holder.user}）`, en: ` (by ${holder.user})` } : { zh: "", en: "" };
  const lock = basename(holder.lockFile);
  return issueAt(
    file,
    null,
    null,
    "open-in-office",
    `${basename(file)} 正在 ${holder.program} 中打开${by.zh}（锁文件 ${lock}），它下次保存会覆盖本次写入，因此未写入任何内容。请先在 ${holder.program} 中关闭它；若它并未打开（锁文件是崩溃后残留的），可加 --force。`,
    `${basename(file)} is open in ${holder.program}${by.en} (lock file ${lock}); its next save would overwrite what this writes, so nothing was written. Close it in ${holder.program} first, or add --force if it is not open (a lock file left by a crash).`,
  );
}
