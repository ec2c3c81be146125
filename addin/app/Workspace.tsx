/**
 * One open workbook: loads it, offers set-up when it has no CRM structure,
 * asks "who am I" once, then shows the tabs.
 */
import { Button, Caption1, MessageBar, MessageBarBody, Spinner, Tab, TabList } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { formatIssue, type Issue } from "../../core/contract/issues";
import type { SalespersonName } from "../../core/contract/model";
import type { Host } from "../host/host";
import { useI18n } from "../i18n/I18n";
import { workbookReportGenerator } from "../reports/generate";
import { ReportsTab, type ReportGenerator } from "../reports/ReportsTab";
import { useWorkbook } from "../state/use-workbook";
import { CustomersTab } from "./CustomersTab";
import { LogTab } from "./LogTab";
import { isTabKey, PENDING_TAB_KEY, SHOW_TAB_EVENT, type LogRequest, type TabKey } from "./navigation";
import type { PaneProps } from "./pane";
import { FirstRun } from "./FirstRun";
import { SaveButton } from "./SaveButton";
import { SetupPanel } from "./SetupPanel";
import type { CreatedStructure } from "./TeamSetup";
import { TodayTab } from "./TodayTab";
import { MANAGER, WHO_KEY } from "./WhoAmI";
import { Notice, WriteError } from "./WriteError";

export function Workspace(props: { host: Host; reports?: ReportGenerator; initialTab: TabKey }): JSX.Element {
  const { t, lang } = useI18n();
  const { host } = props;
  const { state, refresh } = useWorkbook(host);
  const [who, setWhoState] = useState<string | null>(() => host.store.get(WHO_KEY));
  const [tab, setTab] = useState<TabKey>(props.initialTab);
  const [request, setRequest] = useState<LogRequest | null>(null);
  const [saveNotice, setSaveNotice] = useState<string | null>(null);
  const [saveFailure, setSaveFailure] = useState<readonly Issue[] | null>(null);
  const [created, setCreated] = useState<CreatedStructure | null>(null);

  const setWho = (value: string | null): void => {
    host.store.set(WHO_KEY, value);
    setWhoState(value);
  };

  useEffect(() => {
    // Ribbon buttons (commands.ts) run in this page and ask for a tab by event.
    const onShow = (e: Event): void => {
      const detail = (e as CustomEvent<unknown>).detail;
      if (typeof detail === "string" && isTabKey(detail)) {
        setTab(detail);
        try {
          sessionStorage.removeItem(PENDING_TAB_KEY); // handled now, not on the next start
        } catch {
          // nothing stored
        }
      }
    };
    window.addEventListener(SHOW_TAB_EVENT, onShow);
    return () => window.removeEventListener(SHOW_TAB_EVENT, onShow);
  }, []);

  const navigate = useCallback<PaneProps["navigate"]>((next, req) => {
    setTab(next);
    if (req) setRequest({ ...req, nonce: Date.now() });
  }, []);

  // "waiting": the pane has not been shown yet (a hidden start), so nothing is read.
  if (state.status === "loading" || state.status === "waiting") return <Spinner label={t("loading")} />;
  if (state.status === "needs-setup") return <SetupPanel host={host} onDone={async (done) => { setCreated(done); await refresh(); }} />;
  if (state.status === "failed")
    return (
      <div className="tb-stack">
        <WriteError issues={state.issues} />
        <Button appearance="primary" onClick={() => void refresh()}>
          {t("retry")}
        </Button>
      </div>
    );

  const { data, updatedAt, refreshing } = state;
  const known = who === MANAGER || (who !== null && data.index.salespeopleByName.has(who as SalespersonName));
  if (!known) return <FirstRun host={host} data={data} created={created} refresh={refresh} onPick={setWho} />;
  const me = who === MANAGER ? null : (who as SalespersonName);
  const pane: PaneProps = { host, data, me, refresh, navigate };
  const errors = data.ws.issues.filter((i) => i.severity === "error");

  const checkStructure = async (): Promise<void> => {
    setSaveNotice(null);
    setSaveFailure(null);
    const res = await host.port.ensureStructure(lang);
    if (!res.ok) return setSaveFailure(res.error);
    const r = res.value;
    const what = [
      ...(r.createdTables.length > 0 ? [t("structureCreated", { tables: r.createdTables.join(", ") })] : []),
      ...(r.addedColumns.length > 0 ? [t("structureColumns", { count: r.addedColumns.length })] : []),
      ...(r.mendedTables && r.mendedTables.length > 0 ? [t("structureMended", { tables: r.mendedTables.join(", ") })] : []),
    ];
    setSaveNotice(what.length > 0 ? t("structureFixed", { what: what.join(t("clauseSeparator")) }) : t("structureOk"));
    if (what.length > 0) await refresh();
  };

  const save = async (): Promise<void> => {
    if (!host.save) return;
    setSaveNotice(null);
    setSaveFailure(null);
    const res = await host.save();
    if (res.ok) setSaveNotice(t("saved", { name: res.value.name }));
    else setSaveFailure(res.error);
  };

  return (
    <div className="tb-stack">
      <div className="tb-row tb-toolbar">
        <Caption1>{t("whoShowing", { name: me ?? t("wholeTeam") })}</Caption1>
        <Button size="small" appearance="subtle" onClick={() => setWho(null)}>
          {t("whoChange")}
        </Button>
        <Button size="small" appearance="subtle" onClick={() => void refresh()} disabled={refreshing}>
          {t("refresh")}
        </Button>
        <Button size="small" appearance="subtle" onClick={() => void checkStructure()}>
          {t("checkStructure")}
        </Button>
        <Caption1 role="status" aria-live="polite" className="tb-updated">
          {refreshing ? t("updating") : t("updatedAt", { time: updatedAt.toLocaleTimeString(lang, { hour: "2-digit", minute: "2-digit" }) })}
        </Caption1>
        {host.save && <SaveButton unsaved={host.unsaved} onSave={() => void save()} />}
      </div>
      <Notice text={saveNotice} />
      <WriteError issues={saveFailure} />
      {errors.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody title={errors.slice(0, 5).map((i) => formatIssue(i, lang)).join("\n")}>{t("issuesFound", { count: errors.length })}</MessageBarBody>
        </MessageBar>
      )}
      <TabList
        size="small"
        selectedValue={tab}
        onTabSelect={(_, d) => {
          setTab(d.value as TabKey);
          setRequest(null); // a tab chosen by hand opens empty, not with an old prefill
        }}
      >
        <Tab value="today">{t("tabToday")}</Tab>
        <Tab value="log">{t("tabLog")}</Tab>
        <Tab value="customers">{t("tabCustomers")}</Tab>
        <Tab value="reports">{t("tabReports")}</Tab>
      </TabList>
      <div role="tabpanel" className="tb-tab" aria-label={t(tab === "today" ? "tabToday" : tab === "log" ? "tabLog" : tab === "customers" ? "tabCustomers" : "tabReports")}>
        {tab === "today" && <TodayTab {...pane} />}
        {tab === "log" && <LogTab {...pane} request={request} />}
        {tab === "customers" && <CustomersTab {...pane} />}
        {tab === "reports" && <ReportsTab generate={props.reports ?? workbookReportGenerator(host.port)} today={data.clock.today} salesperson={me} />}
      </div>
    </div>
  );
}
