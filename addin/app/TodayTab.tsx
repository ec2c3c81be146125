/** Today: what is due, most urgent first, each one click from logging the contact. */
import { Badge, Button, Caption1, Subtitle2, Text } from "@fluentui/react-components";
import { useMemo } from "react";
import { DUE_RULE_NAMES, DUE_SEVERITIES, type DueSeverity } from "../../core/rules/cadence";
import { localize } from "../../core/contract/schema";
import { useI18n } from "../i18n/I18n";
import type { MessageKey } from "../i18n/messages";
import { daysOverdue, progressLine, todayView, type TodayEntry } from "../state/today";
import type { PaneProps } from "./pane";

const SEVERITY_TITLE: Record<DueSeverity, MessageKey> = { overdue: "dueOverdue", today: "dueToday", soon: "dueSoon" };
const SEVERITY_COLOR = { overdue: "danger", today: "warning", soon: "informative" } as const;

export function TodayTab(props: PaneProps): JSX.Element {
  const { t } = useI18n();
  const view = useMemo(() => todayView(props.data, props.me), [props.data, props.me]);
  return (
    <div className="tb-stack">
      {view.total === 0 && <Text>{t("dueNone")}</Text>}
      {DUE_SEVERITIES.map((s) =>
        view.bySeverity[s].length > 0 ? (
          <Section key={s} id={`due-${s}`} title={`${t(SEVERITY_TITLE[s])} (${view.bySeverity[s].length})`} entries={view.bySeverity[s]} color={SEVERITY_COLOR[s]} {...props} />
        ) : null,
      )}
      {view.unanswered.length > 0 && <Section id="due-unanswered" title={t("unanswered")} entries={view.unanswered} color="danger" purpose="Inquiry" {...props} />}
      {view.birthdays.length > 0 && <Section id="due-birthdays" title={t("birthdays")} entries={view.birthdays} color="success" purpose="Greeting" {...props} />}
    </div>
  );
}

/** "逾期 12 天" in the danger colour, on a line of its own; nothing when not overdue. */
function Overdue(props: { days: number }): JSX.Element | null {
  const { t } = useI18n();
  if (props.days === 0) return null;
  return (
    <span className="tb-danger tb-block">{props.days === 1 ? t("dayOverdue") : t("daysOverdue", { days: props.days })}</span>
  );
}

function Section(props: PaneProps & { id: string; title: string; entries: readonly TodayEntry[]; color: "danger" | "warning" | "informative" | "success"; purpose?: "Inquiry" | "Greeting" }): JSX.Element {
  const { t, lang } = useI18n();
  return (
    <section aria-labelledby={props.id} className="tb-section">
      <Subtitle2 as="h2" id={props.id}>
        {props.title}
      </Subtitle2>
      <ul className="tb-list">
        {props.entries.map(({ item, clock }) => (
          <li key={`${item.rule}:${item.customerId}`} className="tb-item">
            <div className="tb-item-main">
              <Text weight="semibold">{item.company}</Text>{" "}
              <Badge appearance="tint" color={props.color}>
                {localize(DUE_RULE_NAMES[item.rule], lang)}
              </Badge>
              <Caption1 block>{localize(item.detail, lang)}</Caption1>
              <Caption1 block>
                <Overdue days={daysOverdue(item, props.data.clock.today)} />
                {[
                  progressLine(item),
                  props.me === null ? item.owner : null,
                  clock && t("localTime", { time: clock.localTime }),
                  clock && (clock.window ? t("callWindow", { from: clock.window.from, to: clock.window.to }) : t("noCallWindow")),
                ]
                  .map((part) => (part && typeof part === "object" ? localize(part, lang) : part))
                  .filter(Boolean)
                  .join(" · ")}
              </Caption1>
            </div>
            <Button
              size="small"
              className="tb-nowrap"
              aria-label={`${t("logThis")}: ${item.company}`}
              onClick={() => props.navigate("log", { customerId: item.customerId, mode: "contact", purpose: props.purpose ?? (item.rule === "birthday" ? "Greeting" : undefined) })}
            >
              {t("logThis")}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
