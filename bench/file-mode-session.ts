/**
 * One file-mode session of the task pane (bench/file-mode-bench.ts says
 * what is measured and why), over the very code the browser runs; run
 * compiled by bench/file-mode-child.ts.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { FollowUpId } from "../core/contract/model";
import { openFileHost } from "../addin/host/file-host";
import type { Host } from "../addin/host/host";
import { WorkbookFeed, type WorkbookState } from "../addin/state/workbook-feed";
import { todayView } from "../addin/state/today";
import { logContact } from "../app/append-record";
import { newRecordId } from "../app/ids";
import type { PaneData } from "../addin/state/derived";

export interface FileModeRun {
  readonly openMs: number;
  readonly logMs: number;
  /** CPU time (user + system) of the open and of the log. */
  readonly openCpuMs: number;
  readonly logCpuMs: number;
  /** The pane's re-read after the write. */
  readonly rereadMs: number;
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
