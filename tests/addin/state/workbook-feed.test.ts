/**
 * The pane's view of the workbook over the Office.js adapter on the fake
 * Excel: nothing is read while the shared runtime runs the pane hidden; it
 * reads when shown, again each time it is shown, and once a moment after a
 * co-author's changes; a first sync that never answers becomes a message
 * with a retry that works.
 */
import { describe, expect, it } from "vitest";
import { toCells } from "../../../core/contract/cells";
import { serialFromYMD } from "../../../core/contract/dates";
import type { CellValue } from "../../../core/contract/raw";
import { SCHEMA, TABLE_NAMES, headerOf, sheetNameOf } from "../../../core/contract/schema";
import type { Host } from "../../../addin/host/host";
import type { PaneVisibility } from "../../../addin/host/visibility";
import { WorkbookFeed, type WorkbookState } from "../../../addin/state/workbook-feed";
import { storageUserStore } from "../../../addin/host/user-store";
import { generateSample } from "../../../templates/sample";
import { OfficeWorkbook } from "../../../workbook/office/office-workbook";
import { FakeExcel } from "../../fakes/fake-excel";

const sample = generateSample({ seed: 4, scale: 0.02, asOf: serialFromYMD(2026, 11, 25) });
const modern = { isSetSupported: (name: string) => name === "ExcelApi" };

function crmInFakeExcel(): FakeExcel {
  const excel = new FakeExcel();
  for (const table of TABLE_NAMES) {
    const columns = SCHEMA[table].columns;
    const rows = (sample[table] as readonly object[]).map((r) => {
      const cells = toCells(table, r as never, "en-US");
      return columns.map((c) => cells[c.key] ?? null);
    });
    excel.seed({ sheet: sheetNameOf(SCHEMA[table], "en-US"), table, headers: columns.map((c) => headerOf(c, "en-US")), rows });
  }
  return excel;
}

/** A pane visibility a test switches, as Office.addin.onVisibilityModeChanged would. */
function switchable(shown: boolean): PaneVisibility & { set(shown: boolean): void } {
  const listeners = new Set<(shown: boolean) => void>();
  return {
    isShown: () => shown,
    onChange: (l) => (listeners.add(l), () => listeners.delete(l)),
    set: (v) => ((shown = v), listeners.forEach((l) => l(v))),
  };
}

function excelHost(excel: FakeExcel, visibility: PaneVisibility, firstSyncTimeoutMs?: number): Host {
  const port = new OfficeWorkbook({ run: excel.run, requirements: modern, firstSyncTimeoutMs });
  const memory = new Map<string, string>();
  const store = storageUserStore({ getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v), removeItem: (k) => void memory.delete(k) }, "test");
  return { kind: "excel", port, displayName: "Team.xlsx", store, visibility, watch: (onChange) => port.watchChanges(onChange) };
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(feed: WorkbookFeed, done: (s: WorkbookState) => boolean): Promise<WorkbookState> {
  for (let i = 0; i < 400 && !done(feed.current); i++) await settle(5);
  return feed.current;
}
const ready = (s: WorkbookState) => s.status === "ready" && !s.refreshing;
const followUps = (s: WorkbookState) => (s.status === "ready" ? s.data.ws.snapshot.FollowUps.length : -1);

/** A co-author logs a contact: a copy of the first follow-up under a new ID, typed right below the table. */
function coauthorLogs(excel: FakeExcel, id: string): void {
  const t = excel.table("FollowUps");
  const s = excel.sheet("FollowUps");
  const cells: CellValue[] = Array.from({ length: t.cols }, (_, c) => s.value(t.headerRow + 1, t.col + c));
  cells[0] = id;
  excel.coauthor.append("FollowUps", cells);
}

describe("the pane reads when shown and stays current", () => {
  it("reads nothing at a hidden start (custom functions' recalculation), and reads when first shown", async () => {
    const excel = crmInFakeExcel();
    const visibility = switchable(false);
    const feed = new WorkbookFeed(excelHost(excel, visibility), () => undefined);
    feed.start();
    await settle(30);
    expect(feed.current.status).toBe("waiting");
    expect(excel.stats.syncs).toBe(0);
    visibility.set(true);
    expect(followUps(await until(feed, ready))).toBe(sample.FollowUps.length);
    feed.stop();
  });

  it("reads again once, a moment after a co-author's changes, showing when", async () => {
    const excel = crmInFakeExcel();
    let clock = 0;
    const states: WorkbookState[] = [];
    const feed = new WorkbookFeed(excelHost(excel, switchable(true)), (s) => states.push(s), { debounceMs: 40, now: () => new Date(Date.UTC(2026, 10, 25, 1, 0, clock++)) });
    feed.start();
    const first = await until(feed, ready);
    const updated = first.status === "ready" ? first.updatedAt : undefined;
    await settle(20); // the change watch is registered after the first read
    for (const id of ["F-CO-1", "F-CO-2", "F-CO-3"]) coauthorLogs(excel, id);
    await settle(10);
    expect(followUps(feed.current)).toBe(sample.FollowUps.length); // not yet: changes arriving together are read once
    const after = await until(feed, (s) => followUps(s) === sample.FollowUps.length + 3 && ready(s));
    expect(after.status === "ready" && after.updatedAt > (updated ?? new Date(0))).toBe(true);
    expect(states.filter((s) => s.status === "ready" && s.refreshing).length).toBe(1);
    feed.stop();
  });

  it("a change while hidden is read when the pane is shown again", async () => {
    const excel = crmInFakeExcel();
    const visibility = switchable(true);
    const feed = new WorkbookFeed(excelHost(excel, visibility), () => undefined, { debounceMs: 10 });
    feed.start();
    await until(feed, ready);
    await settle(20);
    visibility.set(false);
    const syncs = excel.stats.syncs;
    coauthorLogs(excel, "F-CO-H");
    await settle(60);
    expect(excel.stats.syncs).toBe(syncs);
    visibility.set(true);
    expect(followUps(await until(feed, (s) => followUps(s) === sample.FollowUps.length + 1 && ready(s)))).toBe(sample.FollowUps.length + 1);
    feed.stop();
  });

  it("a first sync that never answers is told in both languages, and Retry reads the workbook", async () => {
    const excel = crmInFakeExcel();
    excel.unansweredSyncs = 1;
    const feed = new WorkbookFeed(excelHost(excel, switchable(true), 40), () => undefined);
    feed.start();
    const failed = await until(feed, (s) => s.status === "failed");
    expect(failed.status === "failed" && failed.issues.map((i) => i.code)).toEqual(["excel-not-answering"]);
    await feed.refresh();
    expect(followUps(feed.current)).toBe(sample.FollowUps.length);
    feed.stop();
  });
});
