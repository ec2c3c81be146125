/**
 * "Who am I": the user picks themselves from Salespeople once; the choice is
 * remembered per user and workbook (host store). Manager mode shows the team.
 */
import { Body1, Button, Field, Select, Subtitle1, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { Salesperson } from "../../core/contract/model";
import { useI18n } from "../i18n/I18n";

/** What is stored: a salesperson's name, or the manager marker. */
export const MANAGER = "\u0000manager";
export const WHO_KEY = "who";

export function WhoAmI(props: { salespeople: readonly Salesperson[]; onPick: (who: string) => void }): JSX.Element {
  const { t } = useI18n();
  const active = props.salespeople.filter((s) => s.Active !== "N");
  const [choice, setChoice] = useState<string>(active[0]?.Name ?? "");
  return (
    <section className="tb-stack" aria-labelledby="who-title">
      <Subtitle1 as="h2" id="who-title">
        {t("whoTitle")}
      </Subtitle1>
      <Body1>{t("whoBody")}</Body1>
      {active.length === 0 ? (
        <Text>{t("noSalespeople")}</Text>
      ) : (
        <form
          className="tb-row"
          onSubmit={(e) => {
            e.preventDefault();
            if (choice) props.onPick(choice);
          }}
        >
          <Field label={t("whoPick")} className="tb-grow">
            <Select name="who" value={choice} onChange={(_, d) => setChoice(d.value)}>
              {active.map((s) => (
                <option key={s.Name} value={s.Name}>
                  {s.Name}
                </option>
              ))}
            </Select>
          </Field>
          <Button appearance="primary" type="submit">
            {t("whoConfirm")}
          </Button>
        </form>
      )}
      <Button onClick={() => props.onPick(MANAGER)}>{t("whoManager")}</Button>
    </section>
  );
}
