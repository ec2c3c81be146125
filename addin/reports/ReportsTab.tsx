/**
 * Reports: pick a quarter (review) or a week (weekly report) and ask the host
 * to generate it. Which quarters are offered, in which order, and the day a
 * review is computed as of come from core/review/period.ts, as for the CLI:
 * the last completed quarter first, the one in progress said to be so.
 */
import { Button, Field, Input, Radio, RadioGroup, Select, Text } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { isoWeekKey, parseIsoWeek, quarterKey, toISODate, type DaySerial } from "../../core/contract/dates";
import type { Issue, Result } from "../../core/contract/issues";
import { reviewChoices, weeklyPeriod } from "../../core/review/period";
import { useI18n } from "../i18n/I18n";
import { Notice, WriteError } from "../app/WriteError";

export type ReportRequest =
  | { readonly kind: "quarterly"; readonly quarter: string; readonly today: DaySerial }
  | { readonly kind: "weekly"; readonly week: string; readonly salesperson: string | null; readonly today: DaySerial };

/** Writes the report (a sheet in the workbook) and says its name. */
export type ReportGenerator = (request: ReportRequest) => Promise<Result<{ readonly name: string }>>;

export function ReportsTab(props: { generate?: ReportGenerator; today: DaySerial; salesperson: string | null }): JSX.Element {
  const { t } = useI18n();
  const { today } = props;
  const choices = useMemo(() => reviewChoices(today), [today]);
  const current = choices.find((c) => c.state === "in progress");
  const [kind, setKind] = useState<ReportRequest["kind"]>("quarterly");
  const [quarter, setQuarter] = useState(quarterKey(choices[0].period));
  const [week, setWeek] = useState(isoWeekKey(today));
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<readonly Issue[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!props.generate) return <Text>{t("reportsUnavailable")}</Text>;
  const generate = props.generate;

  const submit = async (): Promise<void> => {
    setNotice(null);
    setFailure(null);
    if (kind === "weekly") {
      const asked = parseIsoWeek(week.trim());
      if (!asked) return setError(t("invalidWeek"));
      if (weeklyPeriod(today, asked).state === "not started") return setError(t("notStarted", { period: week.trim() }));
    }
    setError(null);
    setBusy(true);
    const res = await generate(kind === "quarterly" ? { kind, quarter, today } : { kind, week: week.trim(), salesperson: props.salesperson, today });
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
        <Field label={t("quarter")} hint={current && current.state === "in progress" ? t("quarterNote", { quarter: quarterKey(current.period), date: toISODate(current.asOf) }) : undefined}>
          <Select name="quarter" value={quarter} onChange={(_, d) => setQuarter(d.value)}>
            {choices.map((c) => (
              <option key={quarterKey(c.period)} value={quarterKey(c.period)}>
                {c.state === "in progress" ? t("quarterInProgress", { quarter: quarterKey(c.period), date: toISODate(c.asOf) }) : quarterKey(c.period)}
              </option>
            ))}
          </Select>
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
