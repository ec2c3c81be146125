/**
 * The pane's file-mode sessions (file-mode-bench.ts) in a process of their
 * own, bundled and run by file-mode-bench.ts as `node file-mode-child.cjs WORKBOOK RUNS`:
 * the sessions' times go as JSON to the file named by
 * TRADEBOOK_BENCH_RESULT, with this process's peak memory.
 */
import { writeFileSync } from "node:fs";
import { fileModeSession, type FileModeRun } from "./file-mode-session";

async function main(): Promise<void> {
  const [path, runs] = process.argv.slice(2);
  const sessions: FileModeRun[] = [];
  for (let i = 0; i < Number(runs); i++) sessions.push(await fileModeSession(path));
  const out = process.env.TRADEBOOK_BENCH_RESULT;
  if (out) writeFileSync(out, JSON.stringify({ sessions, maxRssKB: process.resourceUsage().maxRSS }));
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 2;
});
