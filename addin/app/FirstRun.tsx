/**
 * Before the tabs, once per user and workbook: with no one in Salespeople
 * the manager adds the team (TeamSetup); then everyone picks who they are
 * (WhoAmI), told how many were just added.
 */
import { useState } from "react";
import { SCHEMA, sheetNameOf } from "../../core/contract/schema";
import type { Host } from "../host/host";
import { useI18n } from "../i18n/I18n";
import type { PaneData } from "../state/derived";
import { TeamSetup, type CreatedStructure } from "./TeamSetup";
import { WhoAmI } from "./WhoAmI";
import { Notice } from "./WriteError";

export function FirstRun(props: { host: Host; data: PaneData; created: CreatedStructure | null; refresh: () => Promise<void>; onPick: (who: string) => void }): JSX.Element {
  const { t } = useI18n();
  const [added, setAdded] = useState<string | null>(null);
  const { ws } = props.data;
  if (ws.snapshot.Salespeople.length === 0) {
    const sheet = ws.raw.Salespeople?.sheet ?? sheetNameOf(SCHEMA.Salespeople, ws.lang);
    return (
      <TeamSetup
        host={props.host}
        created={props.created}
        sheet={sheet}
        refresh={props.refresh}
        onAdded={async (count, written) => {
          setAdded(t("teamSaved", { count, sheet: written }));
          await props.refresh();
        }}
      />
    );
  }
  return (
    <div className="tb-stack">
      <Notice text={added} />
      <WhoAmI salespeople={ws.snapshot.Salespeople} onPick={props.onPick} />
    </div>
  );
}
