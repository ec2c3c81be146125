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
