/**
 * openExcelHost (addin/host/excel-host.ts) as Excel starts it: Office is
 * office-addin-mock's (the Common API: requirements, document URL,
 * partition key), Excel.run is the fake Excel's, localStorage a Map. It
 * refuses a host without the shared runtime in words, names the workbook
 * after its URL, reads the workbook through Excel.run, and keeps "who am I"
 * per document in partitioned localStorage, never in roamingSettings (an
 * Outlook-only store) nor in the shared file.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openExcelHost } from "../../../addin/host/excel-host";
import { FakeExcel } from "../../fakes/fake-excel";
import { installOffice, uninstallOffice } from "../../support/office-mock";
import { value } from "../../support/result";
import { MapStorage } from "../../support/storage";

const TEAM_URL = "https://contoso.sharepoint.com/sites/sales/Shared Documents/Team.xlsx";
let excel: FakeExcel;
let storage: MapStorage;

/** What Office.context.requirements answers on a host with (or without) the shared runtime. */
const requirements = (sharedRuntime: boolean) => ({
  isSetSupported: (name: string, version = "1.1") => (name === "SharedRuntime" ? sharedRuntime : name === "ExcelApi" && Number(version.split(".")[1]) <= 17),
});

function startIn(url: string | undefined, opts: { partitionKey?: string; sharedRuntime?: boolean; roaming?: Record<string, unknown> } = {}) {
  return installOffice({
    context: {
      requirements: requirements(opts.sharedRuntime ?? true),
      document: url === undefined ? {} : { url },
      ...(opts.partitionKey === undefined ? {} : { partitionKey: opts.partitionKey }),
      ...(opts.roaming ? { roamingSettings: opts.roaming } : {}),
    },
  });
}

beforeEach(() => {
  excel = new FakeExcel();
  excel.seed({ sheet: "Salespeople", table: "Salespeople", headers: ["Name", "Email", "HireDate", "Active"], rows: [["王芳", "wang@example.com", 46000, "Y"]] });
  (globalThis as { Excel?: unknown }).Excel = { run: excel.run };
  storage = new MapStorage();
  (globalThis as { localStorage?: unknown }).localStorage = storage;
});
afterEach(() => {
  uninstallOffice();
  delete (globalThis as { Excel?: unknown }).Excel;
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe("opening the pane in Excel", () => {
  it("reads the workbook through Excel.run and names it after its URL", async () => {
    startIn(TEAM_URL, { partitionKey: "pk" });
    const host = value(openExcelHost());
    expect(host.kind).toBe("excel");
    expect(host.displayName).toBe("Team.xlsx");
    expect(host.save).toBeUndefined(); // Excel saves and co-authors by itself
    const table = value(await host.port.readTable("Salespeople", ["Name", "Active"]));
    expect(table.rows.map((r) => r.cells.Name)).toEqual(["王芳"]);
    expect(excel.stats.syncs).toBeGreaterThan(0);
  });

  it("a workbook whose URL Office does not give (never saved) is called Excel", () => {
    startIn(undefined);
    expect(value(openExcelHost()).displayName).toBe("Excel");
  });

  it("a host without the shared runtime gets the refusal in both languages, and no port", () => {
    startIn(TEAM_URL, { sharedRuntime: false });
    const result = openExcelHost();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error[0].code).toBe("excel-too-old");
    expect(result.error[0].message.en).toContain("it lacks SharedRuntime 1.1");
    expect(result.error[0].message.zh).toContain("缺少 SharedRuntime 1.1");
    expect(excel.stats.syncs).toBe(0);
  });
});

describe("who am I in Excel", () => {
  it("is kept in localStorage under Office.context.partitionKey (Excel on the web)", () => {
    startIn(TEAM_URL, { partitionKey: "7f3c9a" });
    value(openExcelHost()).store.set("who", "王芳");
    expect([...storage.map.entries()]).toEqual([[`7f3c9atradebook:${encodeURIComponent(`excel:${TEAM_URL}`)}:who`, "王芳"]]);
    expect(value(openExcelHost()).store.get("who")).toBe("王芳"); // the next time the pane opens
  });

  it("is kept without a prefix where the host has no partition key (Windows)", () => {
    startIn(TEAM_URL);
    value(openExcelHost()).store.set("who", "王芳");
    expect([...storage.map.keys()]).toEqual([`tradebook:${encodeURIComponent(`excel:${TEAM_URL}`)}:who`]);
  });

  it("is per document: another team's workbook does not know it", () => {
    startIn(TEAM_URL, { partitionKey: "pk" });
    value(openExcelHost()).store.set("who", "王芳");
    startIn("https://contoso.sharepoint.com/sites/export/Shared Documents/Other.xlsx", { partitionKey: "pk" });
    expect(value(openExcelHost()).store.get("who")).toBeNull();
  });

  it("never goes to roamingSettings, even where a host offers one", () => {
    const saved: string[] = [];
    startIn(TEAM_URL, { partitionKey: "pk", roaming: { get: () => undefined, set: (k: string) => saved.push(k), remove: () => undefined, saveAsync: () => undefined } });
    value(openExcelHost()).store.set("who", "王芳");
    expect(saved).toEqual([]);
    expect(storage.map.size).toBe(1);
  });
});

describe("the pane knows when it is shown (a shared runtime also runs it hidden)", () => {
  it("follows Office.addin.onVisibilityModeChanged, and says shown until Office says otherwise", async () => {
    let tell: ((message: { visibilityMode: string }) => void) | undefined;
    installOffice({
      context: { requirements: requirements(true), document: { url: TEAM_URL } },
      VisibilityMode: { hidden: "Hidden", taskpane: "Taskpane" },
      addin: { onVisibilityModeChanged: (handler: (message: { visibilityMode: string }) => void) => ((tell = handler), Promise.resolve(async () => undefined)) },
    });
    const host = value(openExcelHost());
    const seen: boolean[] = [];
    host.visibility?.onChange((shown) => seen.push(shown));
    expect(host.visibility?.isShown()).toBe(true);
    tell?.({ visibilityMode: "Hidden" });
    expect(host.visibility?.isShown()).toBe(false);
    tell?.({ visibilityMode: "Taskpane" });
    expect(seen).toEqual([false, true]);
    expect(typeof host.watch).toBe("function");
  });
});
