/**
 * Loads the workbook through the host's port and keeps it in memory and
 * current (workbook-feed.ts: read when shown, again after changes); every
 * successful write calls refresh() so the screens show what the sheet holds.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Host } from "../host/host";
import { WorkbookFeed, type WorkbookState } from "./workbook-feed";

export type { WorkbookState } from "./workbook-feed";

export function useWorkbook(host: Host): { state: WorkbookState; refresh: () => Promise<void> } {
  const [state, setState] = useState<WorkbookState>({ status: "waiting" });
  const feed = useRef<WorkbookFeed | null>(null);

  useEffect(() => {
    const f = new WorkbookFeed(host, setState);
    feed.current = f;
    const stop = f.start();
    return () => {
      stop();
      if (feed.current === f) feed.current = null;
    };
  }, [host]);

  const refresh = useCallback(async () => {
    await feed.current?.refresh();
  }, []);

  return { state, refresh };
}
