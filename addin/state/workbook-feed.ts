/**
 * The workbook as the pane shows it, kept current. Nothing is read while
 * the pane is hidden (Excel's shared runtime starts it hidden to calculate
 * the CRM.* functions); it reads when first shown, again each time it is
 * shown, and a moment after any change to the tables (a co-author's
 * included) while shown: changes arriving together are read once. A change
 * while hidden is read when the pane is next shown (it reads on every
 * showing). React-free, so the rules are tested on their own
 * (use-workbook.ts is the React face).
 */
import type { Issue } from "../../core/contract/issues";
import { readSnapshot } from "../../app/open-crm";
import type { Host } from "../host/host";
import { ALWAYS_SHOWN } from "../host/visibility";
import { clockAt, pinnedNowFromLocation } from "./clock";
import { derive, type PaneData } from "./derived";

export type WorkbookState =
  /** Not shown yet: nothing read. */
  | { readonly status: "waiting" }
  | { readonly status: "loading" }
  | { readonly status: "needs-setup"; readonly issues: readonly Issue[] }
  | { readonly status: "failed"; readonly issues: readonly Issue[] }
  /** `updatedAt`: when the workbook was last read; `refreshing` while a newer read runs (the data stays on screen). */
  | { readonly status: "ready"; readonly data: PaneData; readonly updatedAt: Date; readonly refreshing: boolean };

export interface FeedOptions {
  /** How long to wait after a change for more changes before reading (ms). */
  readonly debounceMs?: number;
  readonly now?: () => Date;
}

/** The Office adapter's issue when Excel's first sync did not answer in time. */
const NOT_ANSWERING = "excel-not-answering";

/** Changes within this long of each other are read once. */
export const CHANGE_DEBOUNCE_MS = 1_500;

export class WorkbookFeed {
  private state: WorkbookState = { status: "waiting" };
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private unwatch: Promise<(() => Promise<void>) | undefined> | undefined;
  private stopVisibility: (() => void) | undefined;
  private readonly debounceMs: number;
  private readonly now: () => Date;

  constructor(
    private readonly host: Host,
    private readonly listener: (state: WorkbookState) => void,
    options: FeedOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? CHANGE_DEBOUNCE_MS;
    this.now = options.now ?? (() => new Date());
  }

  get current(): WorkbookState {
    return this.state;
  }

  private get visibility() {
    return this.host.visibility ?? ALWAYS_SHOWN;
  }

  /** Starts following the pane's visibility and the workbook's changes; answers a function that stops it all. */
  start(): () => void {
    this.stopVisibility = this.visibility.onChange((shown) => {
      if (shown) void this.refresh();
    });
    if (this.visibility.isShown()) void this.refresh();
    else this.set({ status: "waiting" });
    return () => this.stop();
  }

  stop(): void {
    this.generation++;
    clearTimeout(this.timer);
    this.stopVisibility?.();
    void this.unwatch?.then((off) => off?.()).catch(() => undefined);
    this.unwatch = undefined;
  }

  /** Reads the workbook now (the refresh button, after a write, on being shown). */
  async refresh(): Promise<void> {
    clearTimeout(this.timer);
    const mine = ++this.generation;
    if (this.state.status === "ready") this.set({ ...this.state, refreshing: true });
    else this.set({ status: "loading" });
    const res = await readSnapshot(this.host.port);
    if (mine !== this.generation) return; // a newer read started meanwhile, or the feed stopped
    if (!res.ok) {
      const missing = res.error.some((i) => i.code === "missing-table");
      this.set(missing ? { status: "needs-setup", issues: res.error } : { status: "failed", issues: res.error });
      return;
    }
    // Excel not answering its first sync is no data problem: show it with a retry, not a half-read workbook.
    const silent = res.value.issues.filter((i) => i.code === NOT_ANSWERING);
    if (silent.length > 0) return this.set({ status: "failed", issues: silent.slice(0, 1) });
    this.set({ status: "ready", data: derive(res.value, clockAt(res.value.settings.WorkTimeZone, pinnedNowFromLocation())), updatedAt: this.now(), refreshing: false });
    this.watchOnce();
  }

  /** After the first good read: listen for changes (one Excel.run to register, so only once). */
  private watchOnce(): void {
    if (this.unwatch || !this.host.watch) return;
    this.unwatch = this.host.watch(() => this.changed()).catch(() => undefined);
  }

  /** A change while hidden waits for the next showing, which reads anyway. */
  private changed(): void {
    if (!this.visibility.isShown()) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), this.debounceMs);
  }

  private set(state: WorkbookState): void {
    this.state = state;
    this.listener(state);
  }
}
