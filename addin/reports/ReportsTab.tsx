/**
 * Reports: pick a quarter (review) or a week (weekly report) and ask the host
 * to generate it. The generation itself belongs to the reports module
 * (H8/lead); this tab only collects and checks the choice.
 */
import { Button, Field, Input, Radio, RadioGroup, Text } from "@fluentui/react-components";
import { useState } from "react";
import { isoWeekKey, parseIsoWeek, parseQuarter, quarterKey, quarterOf, type DaySerial } from "../../core/contract/dates";
import type { Issue, Result } from "../../core/contract/issues";
import { useI18n } from "../i18n/I18n";
import { Notice, WriteError } from "../app/WriteError";

export type ReportRequest =
  | { readonly kind: "quarterly"; readonly quarter: string }
  | { readonly kind: "weekly"; readonly week: string; readonly salesperson: string | null };

/** Writes the report (a sheet in the workbook) and says its name. */
export type ReportGenerator = (request: ReportRequest) => Promise<Result<{ readonly name: string }>>;

export function ReportsTab(props: { generate?: ReportGenerator; today: DaySerial; salesperson: string | null }): JSX.Element {
  const { t } = useI18n();
  const [kind, setKind] = useState<ReportRequest["kind"]>("quarterly");
  const [quarter, setQuarter] = useState(quarterKey(quarterOf(props.today)));
  const [week, setWeek] = useState(isoWeekKey(props.today));
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<readonly Issue[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!props.generate) return <Text>{t("reportsUnavailable")}</Text>;
  const generate = props.generate;

  const submit = async (): Promise<void> => {
    setNotice(null);
    setFailure(null);
    if (kind === "quarterly" && !parseQuarter(quarter.trim())) return setError(t("invalidQuarter"));
    if (kind === "weekly" && !parseIsoWeek(week.trim())) return setError(t("invalidWeek"));
    setError(null);
    setBusy(true);
    const res = await generate(kind === "quarterly" ? { kind, quarter: quarter.trim() } : { kind, week: week.trim(), salesperson: props.salesperson });
    setBusy(false);
    if (res.ok) setNotice(t("generated", { name: res.value.name }));
    else setFailure(res.error);
  };

  return (
    <form className="tb-form" aria-label={t("reportsTitle")} noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <Notice text={notice} />
      <WriteError issues={failure} />
      <Field label={t("reportKind")}>
        <RadioGroup value={kind} onChange={(_, d) => setKind(d.value as ReportRequest["kind"])}>
          <Radio value="quarterly" label={t("quarterly")} />
          <Radio value="weekly" label={t("weekly")} />
        </RadioGroup>
      </Field>
      {kind === "quarterly" ? (
        <Field label={t("quarter")} validationMessage={error ?? undefined} validationState={error ? "error" : "none"}>
          <Input name="quarter" value={quarter} onChange={(_, d) => setQuarter(d.value)} />
        </Field>
      ) : (
        <Field label={t("week")} validationMessage={error ?? undefined} validationState={error ? "error" : "none"}>
          <Input name="week" value={week} onChange={(_, d) => setWeek(d.value)} />
        </Field>
      )}
      <Button appearance="primary" type="submit" disabled={busy}>
        {t("generate")}
      </Button>
    </form>
  );
}
