/** What every tab receives from the workspace. */
import type { SalespersonName } from "../../core/contract/model";
import type { Host } from "../host/host";
import type { PaneData } from "../state/derived";
import type { LogRequest, TabKey } from "./navigation";

export interface PaneProps {
  readonly host: Host;
  readonly data: PaneData;
  /** The salesperson using the pane; null in manager mode (whole team). */
  readonly me: SalespersonName | null;
  readonly refresh: () => Promise<void>;
  readonly navigate: (tab: TabKey, request?: Omit<LogRequest, "nonce">) => void;
}
