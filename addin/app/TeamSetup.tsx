/**
 * First run, step two: after the structure is created the pane says what it
 * made, then the manager adds the team (one row per salesperson) without
 * leaving the pane. The next step is "who am I" (FirstRun.tsx).
 */
import { Body1, Button, Caption1, MessageBar, MessageBarBody, Subtitle1 } from "@fluentui/react-components";
import { useState } from "react";
import type { Issue } from "../../core/contract/issues";
import { SCHEMA, sheetNameOf, type Lang } from "../../core/contract/schema";
import type { EnsureReport } from "../../workbook/port";
import type { Host } from "../host/host";
import { useI18n } from "../i18n/I18n";
import type { FieldErrors } from "../state/forms/field-parsers";
import { EMPTY_TEAM_ROW, validateTeam, type TeamField, type TeamRowForm } from "../state/forms/team-form";
import { addSalespeople } from "../state/team";
import { submitOnCtrlEnter, TextField } from "./field-inputs";
import { WriteError } from "./WriteError";

/** What "create the structure" did, in the header language it used. */
export interface CreatedStructure {
  readonly report: EnsureReport;
  readonly lang: Lang;
}

export function CreatedSummary(props: { created: CreatedStructure }): JSX.Element {
  const { t } = useI18n();
  const { report, lang } = props.created;
  const named = (table: keyof typeof SCHEMA): string => {
    const sheet = sheetNameOf(SCHEMA[table], lang);
    return sheet === table ? sheet : `${sheet} (${table})`;
  };
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody>
        {report.createdTables.length === 0 ? t("setupNothingCreated") : `${t("setupCreated", { count: report.createdTables.length })} ${report.createdTables.map(named).join(", ")}.`}
        {report.addedColumns.length > 0 && ` ${t("setupColumnsAdded", { list: report.addedColumns.map((c) => `${named(c.table)}: ${c.column}`).join(", ") })}`}
      </MessageBarBody>
    </MessageBar>
  );
}

export function TeamSetup(props: { host: Host; created: CreatedStructure | null; sheet: string; onAdded: (count: number, sheet: string) => Promise<void>; refresh: () => Promise<void> }): JSX.Element {
  const { t } = useI18n();
  const [rows, setRows] = useState<readonly TeamRowForm[]>([EMPTY_TEAM_ROW]);
  const [errors, setErrors] = useState<readonly FieldErrors<TeamField>[]>([]);
  const [failure, setFailure] = useState<readonly Issue[] | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (i: number, field: TeamField) => (value: string) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, [field]: value } : r)));

  const submit = async (): Promise<void> => {
    if (busy) return;
    setFailure(null);
    // The team is new: the sheet's names (if anyone typed some meanwhile) are checked again when writing.
    const v = validateTeam(rows, new Set<string>());
    if (!v.ok) {
      setErrors(v.errors);
      return;
    }
    setErrors([]);
    setBusy(true);
    const res = await addSalespeople(props.host.port, v.rows);
    setBusy(false);
    if (!res.ok) setFailure(res.error);
    else await props.onAdded(res.value.count, res.value.sheet);
  };

  return (
    <section className="tb-stack" aria-labelledby="team-title">
      {props.created && <CreatedSummary created={props.created} />}
      <Subtitle1 as="h2" id="team-title">
        {t("teamTitle")}
      </Subtitle1>
      <Body1>{t("teamBody", { sheet: props.sheet })}</Body1>
      <form
        className="tb-form"
        aria-labelledby="team-title"
        noValidate
        onKeyDown={submitOnCtrlEnter}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {rows.map((row, i) => (
          <fieldset key={i} className="tb-fieldset">
            <legend>{t("teamPerson", { n: i + 1 })}</legend>
            <div className="tb-row">
              <TextField name={`name-${i}`} label={t("teamName")} required value={row.name} onChange={set(i, "name")} error={errors[i]?.name} autoFocus={i > 0 && i === rows.length - 1} />
              <TextField name={`hireDate-${i}`} type="date" label={t("teamHireDate")} required value={row.hireDate} onChange={set(i, "hireDate")} error={errors[i]?.hireDate} />
            </div>
            <div className="tb-row">
              <TextField name={`email-${i}`} type="email" label={t("email")} value={row.email} onChange={set(i, "email")} error={errors[i]?.email} />
              <TextField name={`manager-${i}`} label={t("teamManager")} value={row.manager} onChange={set(i, "manager")} error={errors[i]?.manager} />
            </div>
            {rows.length > 1 && (
              <Button
                size="small"
                appearance="subtle"
                aria-label={t("teamRemoveRow", { n: i + 1 })}
                onClick={() => {
                  setRows((rs) => rs.filter((_, j) => j !== i));
                  setErrors((es) => es.filter((_, j) => j !== i));
                }}
              >
                {t("teamRemove")}
              </Button>
            )}
          </fieldset>
        ))}
        <WriteError issues={failure} />
        <div className="tb-row">
          <Button onClick={() => setRows((rs) => [...rs, EMPTY_TEAM_ROW])}>{t("teamAddRow")}</Button>
          <Button appearance="primary" type="submit" disabled={busy}>
            {t("teamSave")}
          </Button>
        </div>
      </form>
      <Caption1 block>{t("teamSheetHint", { sheet: props.sheet })}</Caption1>
      <div>
        <Button size="small" onClick={() => void props.refresh()}>
          {t("refresh")}
        </Button>
      </div>
    </section>
  );
}
