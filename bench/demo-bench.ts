/**
 * `tradebook review` of the demo workbook (300 customers: what a new user
 * tries first), as a process, as process-bench.ts measures it. The demo is
 * written once a day by `tradebook demo` (its data runs up to today) under
 * bench/out/, and reviewed for the command's default quarter, the last
 * completed one.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchReviewProcess, runNode, type ProcessResult } from "./process-bench";

/** The demo workbook of today under `dir`, written when missing. */
export async function demoWorkbook(dir: string, today: Date = new Date()): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `demo-${today.toISOString().slice(0, 10)}.xlsx`);
  if (existsSync(path)) return path;
  const temp = mkdtempSync(join(tmpdir(), "tradebook-bench-demo-"));
  try {
    const made = await runNode("bin/tradebook.cjs", "bench/cli-child.cjs", ["demo", path], false, join(temp, "result.json"));
    if (made.code !== 0) throw new Error(`bench: tradebook demo failed (exit ${made.code}):\n${made.error ?? ""}`);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return path;
}

/** `tradebook review DEMO --out TMP --json`, `runs` times. */
export async function benchDemoReview(dir: string, runs: number, budgetMs: number): Promise<ProcessResult> {
  return benchReviewProcess(await demoWorkbook(dir), undefined, runs, budgetMs);
}
