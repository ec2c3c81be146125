/**
 * The ribbon's function commands (addin/commands/commands.ts) in the shared
 * runtime, with office-addin-mock's Office: once Office is ready, every
 * ExecuteFunction action manifest.xml names has a handler; a handler asks
 * the pane for its tab (window event now, sessionStorage for a pane not yet
 * mounted), shows the pane, and always completes the event, as Office
 * requires of a function command, even when the pane cannot be shown.
 * https://learn.microsoft.com/javascript/api/office/office.addincommands.event
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PENDING_TAB_KEY, SHOW_TAB_EVENT, startupTab } from "../../../addin/app/navigation";
import { installOffice, uninstallOffice } from "../../support/office-mock";
import { MapStorage } from "../../support/storage";

type Handler = (event: { completed(): void }) => Promise<void>;

let handlers: Map<string, Handler>;
let shown: number;
let showFails: boolean;
let ready: (() => void) | undefined;
let session: MapStorage;
let requested: string[];

const manifest = readFileSync(path.resolve(__dirname, "../../../manifest.xml"), "utf8");
const manifestActions = [...manifest.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]);

/** Loads commands.ts as the shared runtime does: a fresh module over the mocked Office. */
async function loadCommands(): Promise<void> {
  vi.resetModules();
  await import("../../../addin/commands/commands");
}

beforeEach(() => {
  handlers = new Map();
  shown = 0;
  showFails = false;
  ready = undefined;
  requested = [];
  session = new MapStorage();
  const page = new EventTarget();
  page.addEventListener(SHOW_TAB_EVENT, (e) => requested.push(String((e as CustomEvent<string>).detail)));
  Object.assign(globalThis, { window: page, sessionStorage: session, location: { search: "" } });
  installOffice({
    onReady(callback: () => void) {
      ready = callback; // Office calls back once it has initialised
      return Promise.resolve();
    },
    actions: {
      associate(name: string, handler: Handler) {
        handlers.set(name, handler);
      },
    },
    addin: {
      async showAsTaskpane() {
        shown++;
        if (showFails) throw new Error("The operation failed because the task pane could not be shown.");
      },
    },
  });
});
afterEach(() => {
  uninstallOffice();
  const g = globalThis as { window?: unknown; sessionStorage?: unknown; location?: unknown };
  delete g.window;
  delete g.sessionStorage;
  delete g.location;
});

describe("ribbon commands", () => {
  it("register nothing before Office is ready, then a handler for every action the manifest names", async () => {
    await loadCommands();
    expect(handlers.size).toBe(0);
    ready?.();
    expect(manifestActions).toHaveLength(4);
    expect([...handlers.keys()].sort()).toEqual([...manifestActions].sort());
  });

  it.each([
    ["showToday", "today"],
    ["showLog", "log"],
    ["showCustomers", "customers"],
    ["showReports", "reports"],
  ])("%s asks the pane for %s, shows it, then completes the event", async (action, tab) => {
    await loadCommands();
    ready?.();
    const completed = vi.fn(() => expect(shown).toBe(1)); // only once the pane was asked to show
    await handlers.get(action)?.({ completed });
    expect(requested).toEqual([tab]);
    expect(session.getItem(PENDING_TAB_KEY)).toBe(tab);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("a pane that mounts afterwards opens on the requested tab, once", async () => {
    await loadCommands();
    ready?.();
    await handlers.get("showReports")?.({ completed: () => undefined });
    expect(startupTab()).toBe("reports");
    expect(startupTab()).toBe("today");
  });

  it("completes the event without throwing when the pane cannot be shown", async () => {
    showFails = true;
    await loadCommands();
    ready?.();
    const completed = vi.fn();
    await expect(handlers.get("showLog")?.({ completed })).resolves.toBeUndefined();
    expect(completed).toHaveBeenCalledTimes(1);
    expect(session.getItem(PENDING_TAB_KEY)).toBe("log"); // the pane, when it opens, still goes there
  });

  it("without sessionStorage the window event alone carries the request", async () => {
    (globalThis as { sessionStorage?: unknown }).sessionStorage = {
      setItem() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    };
    await loadCommands();
    ready?.();
    await handlers.get("showCustomers")?.({ completed: () => undefined });
    expect(requested).toEqual(["customers"]);
    expect(shown).toBe(1);
  });

  it("outside Office (the browser preview) the module registers nothing and does not fail", async () => {
    uninstallOffice();
    await expect(loadCommands()).resolves.toBeUndefined();
    expect(handlers.size).toBe(0);
  });
});
