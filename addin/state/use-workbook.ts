/**
 * Loads the workbook through the host's port and keeps it in memory; every
 * successful write calls refresh() so the screens show what the sheet holds.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Issue } from "../../core/contract/issues";
import { readSnapshot } from "../../workbook/snapshot";
import type { Host } from "../host/host";
import { clockAt, pinnedNowFromLocation } from "./clock";
import { derive, type PaneData } from "./derived";

export type WorkbookState =
  | { readonly status: "loading" }
  | { readonly status: "needs-setup"; readonly issues: readonly Issue[] }
  | { readonly status: "failed"; readonly issues: readonly Issue[] }
  | { readonly status: "ready"; readonly data: PaneData };

export function useWorkbook(host: Host): { state: WorkbookState; refresh: () => Promise<void> } {
  const [state, setState] = useState<WorkbookState>({ status: "loading" });
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    const res = await readSnapshot(host.port);
    if (mine !== generation.current) return; // a newer read started meanwhile
    if (!res.ok) {
      const missing = res.error.some((i) => i.code === "missing-table");
      setState(missing ? { status: "needs-setup", issues: res.error } : { status: "failed", issues: res.error });
      return;
    }
    setState({ status: "ready", data: derive(res.value, clockAt(res.value.settings.WorkTimeZone, pinnedNowFromLocation())) });
  }, [host]);

  useEffect(() => {
    setState({ status: "loading" });
    void refresh();
  }, [refresh]);

  return { state, refresh };
}
