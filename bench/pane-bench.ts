/**
 * The task pane becoming ready in Excel: what the pane runs when it is
 * shown (addin/state/workbook-feed.ts: read the workbook through the Office
 * adapter, derive the indexes and grades; addin/state/today.ts: the Today
 * list), over the fake Excel (tests/fakes/fake-excel.ts), which counts the
 * syncs and sizes each request and response as Office.js would. A sync is a
 * round trip to Excel: on Excel on the web each costs tens of milliseconds
 * the fake does not charge, so their number is a target of its own.
 */
import type { CrmSnapshot } from "../core/contract/model";
import { OfficeWorkbook } from "../workbook/office/office-workbook";
import type { Host } from "../addin/host/host";
import type { UserStore } from "../addin/host/user-store";
import { WorkbookFeed, type WorkbookState } from "../addin/state/workbook-feed";
import { todayView } from "../addin/state/today";
import { fakeExcelOf, MODERN } from "./office-bench";
import { repeat, type RepeatOptions, type Timing } from "./stats";

export interface PaneReadyResult {
  /** Read + index + grades + Today list, wall time. */
  readonly ready: Timing;
  /** Syncs of one pane-ready read. */
  readonly syncs: number;
  readonly maxResponseBytes: number;
  /** Items on the Today list (all salespeople), so a run that read nothing is seen. */
  readonly dueItems: number;
  readonly customers: number;
}

const NO_STORE: UserStore = { get: () => null, set: () => undefined };

/** One pane-ready read: the feed's refresh (read + derive), then the Today list. */
async function paneReady(host: Host): Promise<number> {
  let state: WorkbookState = { status: "waiting" };
  const feed = new WorkbookFeed(host, (s) => (state = s));
  await feed.refresh();
  feed.stop();
  const ready = state as WorkbookState;
  if (ready.status !== "ready") throw new Error(`bench: the pane did not become ready (${ready.status}${"issues" in ready ? `: ${ready.issues.map((i) => i.message.en).join("; ")}` : ""})`);
  return todayView(ready.data, null).total;
}

export async function benchPaneReady(data: CrmSnapshot, opts: RepeatOptions): Promise<PaneReadyResult> {
  const excel = fakeExcelOf(data);
  const port = new OfficeWorkbook({ run: excel.run, requirements: MODERN });
  const host: Host = { kind: "excel", port, displayName: "bench", store: NO_STORE };
  let syncs = 0;
  let maxResponse = 0;
  const { timing, last } = await repeat(opts, async () => {
    const before = { syncs: excel.stats.syncs, responses: excel.stats.responses.length };
    const due = await paneReady(host);
    syncs = excel.stats.syncs - before.syncs;
    maxResponse = Math.max(0, ...excel.stats.responses.slice(before.responses));
    return due;
  });
  return { ready: timing, syncs, maxResponseBytes: maxResponse, dueItems: last, customers: data.Customers.length };
}
