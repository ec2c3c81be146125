/** What a command may touch of the outside world, so tests can run commands in-process. */
import type { Lang } from "../core/contract/schema";

export interface CliIO {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly cwd: string;
  /** Language of messages: --lang, else TRADEBOOK_LANG / LANG (zh* → zh-CN), else en-US. */
  readonly lang: Lang;
  /** The clock (default: the system's); tests pin it to check what "today" means. */
  readonly now?: () => Date;
}

export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  const v = env.TRADEBOOK_LANG ?? env.LC_ALL ?? env.LANG ?? "";
  return /^zh/i.test(v) ? "zh-CN" : "en-US";
}

/** Exit codes of the contract. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/**
 * A stream's writer that goes quiet once the reader has gone
 * (`tradebook due … | head` closes the pipe): EPIPE then is the reader's
 * choice, not a failure, and must not crash the command with a stack.
 */
export function quietOnClosedPipe(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE" || e.code === "ERR_STREAM_DESTROYED") closed = true;
    else throw e;
  });
  return (text) => {
    if (!closed) stream.write(text.endsWith("\n") ? text : text + "\n");
  };
}

/** Failures of the system a user can act on (a full disk, no permission …): said in one line, never as a stack. */
const EXPECTED = new Set(["ENOSPC", "EDQUOT", "EACCES", "EPERM", "EROFS", "ENOENT", "EISDIR", "ENOTDIR", "EMFILE", "ENFILE", "EIO", "EBUSY", "ETXTBSY", "EEXIST", "ENAMETOOLONG", "ELOOP", "EPIPE"]);

/** What to print for a failure nothing else caught: its message for an expected one, the stack only for a bug. */
export function describeFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (e instanceof Error && code !== undefined && EXPECTED.has(code)) return e.message;
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}
