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
import { basename, join } from "node:path";
import type { FollowUpId } from "../core/contract/model";
import { openFileHost } from "../addin/host/file-host";
import type { Host } from "../addin/host/host";
import { WorkbookFeed, type WorkbookState } from "../addin/state/workbook-feed";
import { todayView } from "../addin/state/today";
import { logContact } from "../app/append-record";
import { newRecordId } from "../app/ids";
import type { PaneData } from "../addin/state/derived";
import { GNU_TIME, runNode } from "./process-bench";
import { median, round } from "./stats";

export interface FileModeRun {
  readonly openMs: number;
  readonly logMs: number;
  /** CPU time (user + system) of the open and of the log. */
  readonly openCpuMs: number;
  readonly logCpuMs: number;
  /** The pane's re-read after the write. */
  readonly rereadMs: number;
}

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

async function ready(feed: WorkbookFeed, read: () => WorkbookState): Promise<PaneData> {
  await feed.refresh();
  const state = read();
  if (state.status !== "ready") throw new Error(`bench: the file-mode pane is not ready (${state.status}${"issues" in state ? `: ${state.issues.map((i) => i.message.en).join("; ")}` : ""})`);
  return state.data;
}

/** One session: open the file, log one contact. */
export async function fileModeSession(path: string): Promise<FileModeRun> {
  const bytes = readFileSync(path);
  const cpu = (since: NodeJS.CpuUsage) => {
    const c = process.cpuUsage(since);
    return (c.user + c.system) / 1000;
  };
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const opened = await openFileHost(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), basename(path));
  if (!opened.ok) throw new Error(`bench: the file host cannot open ${path}: ${opened.error.map((i) => i.message.en).join("; ")}`);
  const host: Host = opened.value;
  let state: WorkbookState = { status: "waiting" };
  const feed = new WorkbookFeed(host, (s) => (state = s));
  const data = await ready(feed, () => state);
  todayView(data, null);
  const t1 = performance.now();
  const openCpuMs = cpu(c0);
  const c1 = process.cpuUsage();
  // The follow-up form's row: a customer of the workbook, its owner, a new ID.
  const customer = data.ws.snapshot.Customers[0];
  const taken = data.taken("FollowUps");
  const row = {
    FollowUpID: newRecordId("FollowUps", data.clock.today, taken) as FollowUpId,
    Date: data.clock.now,
    CustomerID: customer.CustomerID,
    Salesperson: customer.Owner,
    Channel: "Email",
    Direction: "Out",
    Purpose: null,
    Summary: "bench: one contact logged",
    NextStep: null,
    NextDate: null,
    Satisfaction: null,
  } as const;
  const logged = await logContact(host.port, row, data.clock.today);
  if (!logged.ok) throw new Error(`bench: logging a contact failed: ${logged.error.map((i) => i.message.en).join("; ")}`);
  const t2 = performance.now();
  const logCpuMs = cpu(c1);
  await ready(feed, () => state);
  const t3 = performance.now();
  feed.stop();
  return { openMs: t1 - t0, logMs: t2 - t1, rereadMs: t3 - t2, openCpuMs, logCpuMs };
}

/** `runs` sessions in a child process (bench/file-mode-child.ts, TypeScript through tsx's loader: the file host loads its port with import()), each from the file as on disk (the cached workbook is never written). */
export async function benchFileMode(path: string, runs: number): Promise<FileModeResult | FileModeFailure> {
  const dir = mkdtempSync(join(tmpdir(), "tradebook-bench-file-mode-"));
  const resultFile = join(dir, "result.json");
  try {
    const run = await runNode("bench/file-mode-child.ts", "bench/file-mode-child.ts", [path, String(runs)], existsSync(GNU_TIME), resultFile, ["--import", "tsx"]);
    if (run.code !== 0 || !existsSync(resultFile)) return { error: run.error ?? `exit ${run.code}`, maxRssMB: round(run.maxRssMB, 0) };
    const sessions = (JSON.parse(readFileSync(resultFile, "utf8")) as { sessions: FileModeRun[] }).sessions;
    const med = (f: (r: FileModeRun) => number) => round(median(sessions.map(f)));
    return { openMs: med((r) => r.openMs), logMs: med((r) => r.logMs), openCpuMs: med((r) => r.openCpuMs), logCpuMs: med((r) => r.logCpuMs), rereadMs: med((r) => r.rereadMs), runs: sessions.length, maxRssMB: round(run.maxRssMB, 0) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
