/**
 * The core measurement (bench/core-session.ts) as users run the core:
 * compiled (esbuild bundles bench/core-child.ts, as the shipped command is
 * bundled: no TypeScript compiled at run time), in a process of its own per
 * size, on the rows as a read of the workbook file lays them out in memory.
 */
import { fork } from "node:child_process";
import { join, resolve } from "node:path";
import { compileChild } from "./compile-child";
import type { DaySerial } from "../core/contract/dates";
import type { CoreResult } from "./core-session";
import type { RepeatOptions } from "./stats";

const ROOT = resolve(__dirname, "..");

/** bench/core-child.ts compiled into `outDir`, as the shipped command is: one bundle, no TypeScript at run time. */
export function compileCoreChild(outDir: string): Promise<string> {
  return compileChild("bench/core-child.ts", join(outDir, "core-child.cjs"));
}

/**
 * The core jobs on each workbook, each size in a process of its own (a
 * fresh heap, its rows laid out as a real read lays them out), one size
 * after the other: `warmup` untimed runs of every job, then `runs` timed
 * runs of each.
 */
export async function benchCore(paths: readonly string[], asOf: DaySerial, opts: RepeatOptions, outDir: string): Promise<CoreResult[]> {
  const child = await compileCoreChild(outDir);
  const results: CoreResult[] = [];
  for (const path of paths) results.push(await coreInProcess(child, path, asOf, opts));
  return results;
}

function coreInProcess(script: string, path: string, asOf: DaySerial, opts: RepeatOptions): Promise<CoreResult> {
  return new Promise((done, fail) => {
    const child = fork(script, [path, String(asOf), String(opts.warmup), String(Math.max(1, opts.runs))], {
      cwd: ROOT,
      env: { ...process.env, TRADEBOOK_LANG: "en-US" },
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    let stderr = "";
    let result: CoreResult | undefined;
    child.stderr?.on("data", (b: Buffer) => (stderr += b.toString()));
    child.on("message", (m) => (result = m as CoreResult));
    child.on("error", fail);
    // "close", not "exit": stderr is read to its end first.
    child.on("close", (code) => (result && code === 0 ? done(result) : fail(new Error(`bench: core on ${path} failed: exit ${code}\n${stderr.slice(-2000)}`))));
  });
}
