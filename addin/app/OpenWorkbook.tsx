/** Outside Excel: open a .xlsx from disk (or the demo workbook) into the file host. */
import { Body1, Button, Label, MessageBar, MessageBarBody, Spinner, Subtitle1 } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { formatIssue, type Issue } from "../../core/contract/issues";
import type { Host } from "../host/host";
import { openFileHost, type WritableFileHandle } from "../host/file-host";
import { useI18n } from "../i18n/I18n";

interface OpenPickerWindow {
  showOpenFilePicker?: (opts: { types: { description: string; accept: Record<string, string[]> }[] }) => Promise<(WritableFileHandle & { getFile(): Promise<File> })[]>;
}

export function OpenWorkbook(props: { onOpen: (host: Host) => void; demoUrl: string | null }): JSX.Element {
  const { t, lang } = useI18n();
  const [issues, setIssues] = useState<readonly Issue[] | null>(null);
  const [busy, setBusy] = useState(false);

  const open = async (buffer: ArrayBuffer, name: string, handle?: WritableFileHandle): Promise<void> => {
    setBusy(true);
    const res = await openFileHost(buffer, name, handle);
    setBusy(false);
    if (res.ok) props.onOpen(res.value);
    else setIssues(res.error);
  };

  const openDemo = async (url: string): Promise<void> => {
    setBusy(true);
    try {
      const resp = await fetch(url);
      if (!resp.ok) throw new Error(`${resp.status} ${resp.statusText}`);
      await open(await resp.arrayBuffer(), url.split("/").pop() ?? "TradeBook-demo.xlsx");
    } catch (e) {
      setBusy(false);
      const why = e instanceof Error ? e.message : String(e);
      setIssues([{ severity: "error", sheet: url, row: null, column: null, code: "unreadable", message: { zh: `无法下载演示工作簿：${why}`, en: `Cannot fetch the demo workbook: ${why}` } }]);
    }
  };

  useEffect(() => {
    if (props.demoUrl) void openDemo(props.demoUrl);
  }, [props.demoUrl]); // once per demo URL

  const picker = (window as unknown as OpenPickerWindow).showOpenFilePicker;
  return (
    <section className="tb-stack" aria-labelledby="open-title">
      <Subtitle1 as="h2" id="open-title">
        {t("openFile")}
      </Subtitle1>
      <Body1>{t("openFileHint")}</Body1>
      {busy && <Spinner label={t("loading")} />}
      {issues && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{issues.map((i) => formatIssue(i, lang)).join("; ")}</MessageBarBody>
        </MessageBar>
      )}
      {/* A native file input: Fluent's Field labels only Fluent controls, so the label is wired by id. */}
      <div className="tb-stack">
        <Label htmlFor="tb-open-file">{t("openFile")}</Label>
        <input
          id="tb-open-file"
          type="file"
          name="workbook"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void file.arrayBuffer().then((buf) => open(buf, file.name));
          }}
        />
      </div>
      {picker && (
        <Button
          onClick={() =>
            void picker({ types: [{ description: "Excel", accept: { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [".xlsx"] } }] })
              .then(async ([handle]) => {
                if (!handle) return;
                const file = await handle.getFile();
                await open(await file.arrayBuffer(), file.name, handle);
              })
              .catch(() => undefined /* the user closed the picker */)
          }
        >
          {t("openWriteBack")}
        </Button>
      )}
      <Button onClick={() => void openDemo("demo/TradeBook-demo.xlsx")}>{t("openDemo")}</Button>
    </section>
  );
}
