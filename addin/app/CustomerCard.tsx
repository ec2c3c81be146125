/** One customer at a glance: grade, owner, contacts, local time, credit and history. */
import { Badge, Button, Caption1, Subtitle1, Subtitle2, Text } from "@fluentui/react-components";
import { useMemo } from "react";
import { customerCredit } from "../../core/rules/credit";
import { toISODate, toISODateTime } from "../../core/contract/dates";
import { followUpsOf, ordersOf, paymentsOf, samplesOf } from "../../core/index/indexes";
import type { Customer } from "../../core/contract/model";
import { CHANNELS, DIRECTIONS, GRADES, ORDER_STATUSES, PURPOSES, type EnumValue } from "../../core/contract/schema";
import { useI18n } from "../i18n/I18n";
import { customerClock } from "../state/today";
import { enumText } from "./field-inputs";
import type { PaneProps } from "./pane";

const HISTORY_ROWS = 10;

function label(values: readonly EnumValue[], value: string | null, lang: "zh-CN" | "en-US"): string {
  const v = values.find((x) => x.value === value);
  return v ? enumText(v, lang) : (value ?? "");
}

const money = (n: number): string => n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function CustomerCard(props: PaneProps & { customer: Customer }): JSX.Element {
  const { t, lang } = useI18n();
  const { data, customer: c } = props;
  const id = c.CustomerID;
  const grade = data.grades.get(id) ?? null;
  const clock = customerClock(data, id);
  const credit = useMemo(() => customerCredit(id, data.index, data.clock.today), [id, data]);
  const followUps = followUpsOf(data.index, id).slice(-HISTORY_ROWS).reverse();
  const samples = samplesOf(data.index, id).slice(-HISTORY_ROWS).reverse();
  const orders = ordersOf(data.index, id);
  const payments = orders.flatMap((o) => paymentsOf(data.index, o.OrderID).map((p) => ({ p, order: o }))).slice(-HISTORY_ROWS).reverse();
  const go = (mode: "contact" | "sample" | "order") => props.navigate("log", { customerId: id, mode });
  return (
    <article className="tb-card" aria-labelledby="card-title">
      <Subtitle1 as="h2" id="card-title">
        {c.Company}
      </Subtitle1>
      <div className="tb-row">
        <Caption1 className="tb-nowrap">{c.CustomerID}</Caption1>
        {grade && <Badge appearance="filled">{`${t("grade")}: ${label(GRADES, grade, lang)}`}</Badge>}
        <Caption1>{`${t("owner")}: ${c.Owner}`}</Caption1>
      </div>
      <dl className="tb-facts">
        <dt>{t("contact")}</dt>
        <dd>{[c.Contact, c.Title].filter(Boolean).join(", ") || "—"}</dd>
        <dt>{t("email")}</dt>
        <dd>{c.Email ?? "—"}</dd>
        <dt>{t("phone")}</dt>
        <dd>{[c.Phone, c.IM].filter(Boolean).join(" · ") || "—"}</dd>
        <dt>{t("country")}</dt>
        <dd>{c.Country}</dd>
        {clock && (
          <>
            <dt>{t("timeZone")}</dt>
            <dd>{`${clock.timeZone} · ${t("localTime", { time: clock.localTime })} · ${clock.window ? t("callWindow", { from: clock.window.from, to: clock.window.to }) : t("noCallWindow")}`}</dd>
          </>
        )}
        <dt>{t("outstanding")}</dt>
        <dd>{`CNY ${money(credit.outstandingCNY)}`}</dd>
        <dt>{t("creditLimit")}</dt>
        <dd>{credit.creditLimitCNY === null ? "—" : `CNY ${money(credit.creditLimitCNY)}`}</dd>
      </dl>
      {credit.breach && (
        <Text role="alert" className="tb-danger">
          {t("creditRisk")}
        </Text>
      )}
      <div className="tb-row">
        <Button appearance="primary" onClick={() => go("contact")}>
          {t("logThis")}
        </Button>
        <Button onClick={() => go("sample")}>{t("sampleShortcut")}</Button>
        <Button onClick={() => go("order")}>{t("orderShortcut")}</Button>
      </div>
      <Subtitle2 as="h3">{t("history")}</Subtitle2>
      <History title={t("followUps")} empty={t("noHistory")} rows={followUps.map((f) => `${toISODateTime(f.Date)} · ${label(CHANNELS, f.Channel, lang)} · ${label(DIRECTIONS, f.Direction, lang)}${f.Purpose ? ` · ${label(PURPOSES, f.Purpose, lang)}` : ""}${f.Summary ? ` — ${f.Summary.slice(0, 120)}` : ""}`)} />
      <History title={t("samples")} empty={t("noHistory")} rows={samples.map((s) => `${toISODate(s.RequestedOn)}${s.SentOn ? ` → ${toISODate(s.SentOn)}` : ""} · ${s.Items ?? ""}`)} />
      <History
        title={t("orders")}
        empty={t("noHistory")}
        rows={orders.slice(-HISTORY_ROWS).reverse().map((o) => {
          const oc = credit.orders.find((x) => x.order.OrderID === o.OrderID);
          return `${toISODate(o.OrderDate)} · ${o.OrderID} · ${o.Currency} ${money(o.Amount)} · ${label(ORDER_STATUSES, o.Status, lang)}${oc && oc.outstanding > 0 ? ` · ${t("outstanding")} ${money(oc.outstanding)}` : ""}`;
        })}
      />
      <History title={t("payments")} empty={t("noHistory")} rows={payments.map(({ p }) => `${toISODate(p.Date)} · ${p.OrderID} · ${p.Currency} ${money(p.Amount)}`)} />
    </article>
  );
}

function History(props: { title: string; empty: string; rows: readonly string[] }): JSX.Element {
  return (
    <section className="tb-history">
      <Text weight="semibold" as="h4" block>
        {props.title}
      </Text>
      {props.rows.length === 0 ? (
        <Caption1 as="p" block>
          {props.empty}
        </Caption1>
      ) : (
        <ul className="tb-list">
          {props.rows.map((r, i) => (
            <li key={i}>
              <Caption1>{r}</Caption1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
