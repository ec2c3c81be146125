/**
 * Separate `tradebook` processes for the reliability suite: long-lived
 * workers (cli-worker.ts) that run commands on request, so two writers race
 * as two processes do, and the real bin for what only a fresh process shows
 * (an uncaught failure's output, a closed pipe).
 */
import { fork, spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** Node's flags for a process that runs TypeScript sources: tsx's loader, for require and import() alike. */
export const TSX: readonly string[] = ["--import", pathToFileURL(require.resolve("tsx")).href];

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
  readonly ms: number;
}

interface Answer extends CliRun {
  readonly id: number;
}

const ROOT = join(__dirname, "..", "..", "..");
export const BIN = join(ROOT, "bin", "tradebook.cjs");

export class CliWorker {
  private next = 0;
  private readonly waiting = new Map<number, (a: CliRun) => void>();

  private constructor(private readonly child: ChildProcess) {
    child.on("message", (m: Answer | { ready: true }) => {
      if ("id" in m) {
        this.waiting.get(m.id)?.(m);
        this.waiting.delete(m.id);
      }
    });
  }

  static start(): Promise<CliWorker> {
    const child = fork(join(__dirname, "cli-worker.ts"), [], { execArgv: [...TSX], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    return new Promise((resolve, reject) => {
      child.once("error", reject);
      child.once("message", () => resolve(new CliWorker(child)));
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Runs `tradebook ARGV` in the worker; `env` is set for this command only. */
  run(argv: readonly string[], cwd: string, env: Readonly<Record<string, string>> = {}): Promise<CliRun> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.child.send({ id, argv, cwd, env });
    });
  }

  stop(): void {
    this.child.kill();
  }
}

/** `node bin/tradebook.cjs ARGV` as a user runs it (piped into `pipe`, a shell command, when given; as `uid`/`gid` when given). */
export function runBin(argv: readonly string[], cwd: string, options: { env?: Record<string, string>; pipe?: string; uid?: number; gid?: number } = {}): Promise<CliRun> {
  const quoted = [process.execPath, BIN, ...argv].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const started = performance.now();
  // With a pipe: bash's pipefail gives tradebook's exit code (head's is 0), its stderr comes through.
  const child = options.pipe
    ? spawn("bash", ["-o", "pipefail", "-c", `${quoted} | ${options.pipe}`], { cwd, env: { ...process.env, ...options.env } })
    : spawn(process.execPath, [BIN, ...argv], { cwd, env: { ...process.env, ...options.env }, uid: options.uid, gid: options.gid });
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code: code ?? -1, out, err, ms: Math.round(performance.now() - started) })));
}

/** True when a command's output shows a stack trace (a failure nobody expected). */
export function hasStack(text: string): boolean {
  return /^\s+at .+[:(]\d+/m.test(text) || /\n\s+at /.test(text);
}
