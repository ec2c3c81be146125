/**
 * The task pane's file mode (a .xlsx opened in a plain browser) at a team's
 * size, measured in node over the very code the browser runs:
 * addin/host/file-host.ts over XlsxPackage, the pane's WorkbookFeed and
 * Today list, and the follow-up form's logContact (app/append-record.ts).
 * Node rather than Chromium because the work is the same JavaScript on the
 * same engine (V8), and a child process gives the peak memory GNU time
 * reports for every other row; what the browser adds (the file picker,
 * drawing the pane) is not what the target is about. The end-to-end test
 * (tests/e2e/taskpane.e2e.test.ts) runs the same path in Chromium.
 *
 *  - open: the file's bytes to the pane ready (read, index, grades, Today list);
 *  - log one contact: logContact of one follow-up, what the user waits
 *    for after Save (the pane then re-reads in the background: shown too).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileChild } from "./compile-child";
import type { FileModeRun } from "./file-mode-session";
import { GNU_TIME, runNode } from "./process-bench";
import { median, round } from "./stats";

export interface FileModeResult {
  readonly openMs: number;
  readonly logMs: number;
  readonly openCpuMs: number;
  readonly logCpuMs: number;
  readonly rereadMs: number;
  readonly runs: number;
  readonly maxRssMB: number;
}

export interface FileModeFailure {
  readonly error: string;
  readonly maxRssMB: number;
}

/** `runs` sessions in a child process (bench/file-mode-child.ts, bundled as the pane is: compile-child.ts), each from the file as on disk (the cached workbook is never written). */
export async function benchFileMode(path: string, runs: number): Promise<FileModeResult | FileModeFailure> {
  const dir = mkdtempSync(join(tmpdir(), "tradebook-bench-file-mode-"));
  const resultFile = join(dir, "result.json");
  try {
    const child = await compileChild("bench/file-mode-child.ts", join(dir, "file-mode-child.cjs"));
    const run = await runNode(child, child, [path, String(runs)], existsSync(GNU_TIME), resultFile);
    if (run.code !== 0 || !existsSync(resultFile)) return { error: run.error ?? `exit ${run.code}`, maxRssMB: round(run.maxRssMB, 0) };
    const sessions = (JSON.parse(readFileSync(resultFile, "utf8")) as { sessions: FileModeRun[] }).sessions;
    const med = (f: (r: FileModeRun) => number) => round(median(sessions.map(f)));
    return { openMs: med((r) => r.openMs), logMs: med((r) => r.logMs), openCpuMs: med((r) => r.openCpuMs), logCpuMs: med((r) => r.logCpuMs), rereadMs: med((r) => r.rereadMs), runs: sessions.length, maxRssMB: round(run.maxRssMB, 0) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
