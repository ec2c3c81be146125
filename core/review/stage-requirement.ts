/**
 * Each tenure stage's requirement, judged over that stage's own window
 * (rules.md §7): stage 1 a paid order (IM customers shown), stage 2 paid
 * sample requests, stage 3 an order in every tenure month, stage 4 repeat
 * customers. Status is passed (met, even early), in progress (window not
 * over at the review's date) or failed.
 */
import { inRange, toISODate, type DayRange, type DaySerial } from "../contract/dates";
import type { CrmSnapshot, FollowUp, Order } from "../contract/model";
import { isLiveOrder } from "../contract/paid-orders";
import { imCustomersIn } from "./contacts";
import type { OrderPositions, PersonLedger } from "./ledger";
import type { Settings } from "../contract/settings";
import { tenureMonths, type StageNumber } from "../rules/tenure";

export type RequirementStatus = "passed" | "in progress" | "failed";

export interface Requirement {
  readonly status: RequirementStatus;
  /** What was required and what was achieved, in English (the contract's one field). */
  readonly detail: string;
  /** The same in Chinese, for zh-CN sheets. */
  readonly detailZh: string;
  /** The number judged and its target (e.g. paid orders 0 of 1). */
  readonly actual: number;
  readonly target: number;
  /** Stage 1 only: distinct customers contacted by IM in the window, against Q1ContactsTarget. */
  readonly imCustomers?: number;
  readonly imTarget?: number;
  /** Stage 3 only: each tenure month and whether it had an order. */
  readonly months?: readonly { readonly from: string; readonly to: string; readonly orders: number }[];
}

function statusOf(met: boolean, window: DayRange, asOf: DaySerial): RequirementStatus {
  if (met) return "passed";
  return window.to <= asOf ? "failed" : "in progress";
}

/** Whole day range clipped at asOf: nothing after the review's date counts. */
export function upTo(range: DayRange, asOf: DaySerial): DayRange {
  return { from: range.from, to: Math.min(range.to, asOf) };
}

export interface PersonRows {
  readonly orders: readonly Order[];
  /** Outbound follow-ups in the ranges the review judges, for a salesperson judged on stage 1 only (see outboundContacts). */
  readonly followUps: readonly FollowUp[];
  /** Customers (first row per ID) owned and created in the quarter up to the review's date. */
  readonly newCustomers: number;
  readonly samples: CrmSnapshot["Samples"];
}

export function paidSampleCustomersIn(samples: PersonRows["samples"], range: DayRange): number {
  const ids = new Set<string>();
  for (const s of samples) if (s.FeePaid === "Y" && inRange(s.RequestedOn, range)) ids.add(s.CustomerID);
  return ids.size;
}

export function repeatCustomersIn(orders: readonly Order[], range: DayRange, position: OrderPositions): number {
  const ids = new Set<string>();
  for (const o of orders) if (isLiveOrder(o) && inRange(o.OrderDate, range) && (position.get(o.OrderID) ?? 0) >= 2) ids.add(o.CustomerID);
  return ids.size;
}

export function ordersIn(orders: readonly Order[], range: DayRange): number {
  return orders.filter((o) => isLiveOrder(o) && inRange(o.OrderDate, range)).length;
}

export function requirementOf(
  hireDate: DaySerial,
  stage: StageNumber,
  window: DayRange,
  asOf: DaySerial,
  rows: PersonRows,
  ledger: PersonLedger,
  position: OrderPositions,
  settings: Settings,
): Requirement {
  const judged = upTo(window, asOf);
  const range = `${toISODate(window.from)}..${toISODate(window.to)}`;
  switch (stage) {
    case 1: {
      const paidOrders = ledger.paidOrdersIn(judged);
      const im = imCustomersIn(rows.followUps, judged);
      const target = settings.Q1ContactsTarget;
      return {
        status: statusOf(paidOrders >= 1, window, asOf),
        actual: paidOrders,
        target: 1,
        imCustomers: im,
        imTarget: target,
        detail: `Probation ${range}: paid orders ${paidOrders} of 1 required; IM customers ${im} of ${target}`,
        detailZh: `试用期 ${range}：到款订单 ${paidOrders}/1；即时通讯联系客户 ${im}/${target}`,
      };
    }
    case 2: {
      const n = paidSampleCustomersIn(rows.samples, judged);
      const target = settings.Q2SampleRequestsTarget;
      return {
        status: statusOf(n >= target, window, asOf),
        actual: n,
        target,
        detail: `Stage 2 ${range}: customers with a paid sample request ${n} of ${target}`,
        detailZh: `第二阶段 ${range}：付费样品客户 ${n}/${target}`,
      };
    }
    case 3: {
      const months = tenureMonths(hireDate, stage).map((m) => ({ from: toISODate(m.from), to: toISODate(m.to), orders: ordersIn(rows.orders, upTo(m, asOf)) }));
      const withOrder = months.filter((m) => m.orders > 0).length;
      return {
        status: statusOf(withOrder === months.length, window, asOf),
        actual: withOrder,
        target: months.length,
        months,
        detail: `Stage 3 ${range}: tenure months with an order ${withOrder} of ${months.length} (${months.map((m) => m.orders).join("/")})`,
        detailZh: `第三阶段 ${range}：有订单的任职月 ${withOrder}/${months.length}（${months.map((m) => m.orders).join("/")}）`,
      };
    }
    case 4: {
      const n = repeatCustomersIn(rows.orders, judged, position);
      const target = settings.Q4RepeatCustomersTarget;
      return {
        status: statusOf(n >= target, window, asOf),
        actual: n,
        target,
        detail: `Stage 4 ${range}: repeat customers ${n} of ${target}`,
        detailZh: `第四阶段 ${range}：返单客户 ${n}/${target}`,
      };
    }
  }
}

