/**
 * How long a user waits for `tradebook --help` and `tradebook --version`:
 * the shipped, compiled command (bin/tradebook.cjs → lib/cli, built by
 * scripts/build-cli.cjs) as its own process, from spawn to exit. Node's own
 * start (`node -e 0`) is measured beside it, so a slow host shows as such.
 * These two must load no command's code (cli/main.ts): their time is what
 * every other command pays before its own work starts.
 */
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { median, round } from "./stats";

const ROOT = resolve(__dirname, "..");

export interface StartupResult {
  /** Median wall time of `node bin/tradebook.cjs --help`, ms. */
  readonly helpMs: number;
  readonly versionMs: number;
  /** Median wall time of `node -e 0`: the floor no command can go under. */
  readonly nodeMs: number;
  readonly runs: number;
}

/** Wall time of one process, spawn to exit; rejects on a non-zero exit. */
function timeProcess(args: readonly string[]): Promise<number> {
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, TRADEBOOK_LANG: "en-US" }, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (b: Buffer) => (err += b.toString()));
    child.on("error", fail);
    child.on("close", (code) => (code === 0 ? done(performance.now() - t0) : fail(new Error(`node ${args.join(" ")} exited ${code}: ${err.slice(-1000)}`))));
  });
}

/** The three commands taking turns, `runs` times each after one untimed round (disk cache). */
export async function benchStartup(runs: number): Promise<StartupResult> {
  const bin = resolve(ROOT, "bin/tradebook.cjs");
  const commands = { help: [bin, "--help"], version: [bin, "--version"], node: ["-e", "0"] } as const;
  const times: Record<keyof typeof commands, number[]> = { help: [], version: [], node: [] };
  for (let i = 0; i <= runs; i++) {
    for (const [name, args] of Object.entries(commands) as [keyof typeof commands, readonly string[]][]) {
      const ms = await timeProcess(args);
      if (i > 0) times[name].push(ms);
    }
  }
  return { helpMs: round(median(times.help)), versionMs: round(median(times.version)), nodeMs: round(median(times.node)), runs };
}
