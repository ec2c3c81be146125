/**
 * One timed run of a command, as a person waits for it: wall time from
 * start to exit, and, where GNU time is installed (Debian package `time`),
 * the CPU time (user + system, children included) and peak resident memory.
 * On a shared machine the wall time includes waiting for a core; the CPU
 * time shows what the work itself costs.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GNU_TIME } from "../process-bench";

export interface TimedRun {
  readonly wallMs: number;
  /** NaN without GNU time. */
  readonly cpuMs: number;
  /** NaN without GNU time. */
  readonly maxRssMB: number;
  readonly stdout: string;
}

/** Runs `command args` to completion; rejects with its output when it exits non-zero or times out. */
export function timed(command: string, args: readonly string[], opts: { readonly cwd?: string; readonly env?: NodeJS.ProcessEnv; readonly timeoutMs: number }): Promise<TimedRun> {
  const gnu = existsSync(GNU_TIME);
  const dir = mkdtempSync(join(tmpdir(), "tradebook-peer-time-"));
  const report = join(dir, "time.txt");
  const [cmd, argv] = gnu ? [GNU_TIME, ["-o", report, "-f", "%U %S %M", command, ...args]] : [command, [...args]];
  return new Promise<TimedRun>((done, fail) => {
    const t0 = performance.now();
    execFile(cmd, argv, { cwd: opts.cwd, env: opts.env, encoding: "utf8", timeout: opts.timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const wallMs = performance.now() - t0;
      try {
        if (error) return fail(new Error(`${command} failed after ${Math.round(wallMs)} ms: ${error.message}\n${stderr.slice(-3000)}`));
        const [user, system, rssKB] = gnu ? readFileSync(report, "utf8").trim().split(/\s+/).slice(-3).map(Number) : [NaN, NaN, NaN];
        done({ wallMs, cpuMs: (user + system) * 1000, maxRssMB: rssKB / 1024, stdout });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
