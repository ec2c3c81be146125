/**
 * The peer's figures against TradeBook's quarterly review of the same data
 * and quarter: every figure the formulas compute, by name, each a
 * difference when it is not exactly equal (money is rounded to the cent on
 * both sides, ratios to 4 places). An empty list means the formula workbook
 * did the same work as `tradebook review`.
 *
 * Not compared, because no formula computes them: the requirement's
 * sentence (detail; its numbers are: actual, target and stage 1's IM
 * customers in the window), and the review sheet's extras beyond the
 * contract's document (by product, contacts by channel, monthly
 * forecasts, scores): docs/performance.md.
 */
import { GRADES } from "../../core/contract/schema";
import type { QuarterlyReview, SalespersonReview } from "../../core/review/review";
import type { PeerFigures, PeerPerson } from "./read-back";

export interface Difference {
  /** Which figure, e.g. "王婷.paidCNY" or "byRegion.Europe.customers". */
  readonly figure: string;
  readonly peer: unknown;
  readonly tradebook: unknown;
}

export interface Comparison {
  /** Figures compared. */
  readonly figures: number;
  readonly differences: readonly Difference[];
}

/** The per-salesperson figures both sides have under the same names. */
const PERSON_FIGURES = [
  "paidCNY", "commissionCNY", "incomeCNY", "orders", "newCustomers", "contacts", "imCustomers",
  "sampleRequests", "repeatCustomers", "monthsWithOrder", "forecastCNY", "forecastCompletion",
] as const satisfies readonly (keyof PeerPerson & keyof SalespersonReview)[];

export function compareWithReview(peer: PeerFigures, review: QuarterlyReview): Comparison {
  const differences: Difference[] = [];
  let figures = 0;
  const same = (figure: string, p: unknown, t: unknown): void => {
    figures++;
    if (!Object.is(p, t) && JSON.stringify(p) !== JSON.stringify(t)) differences.push({ figure, peer: p, tradebook: t });
  };

  const listed = peer.salespeople.filter((p) => p.listed);
  same("salespeople listed", listed.map((p) => p.name), review.salespeople.map((s) => s.name));
  for (const s of review.salespeople) {
    const p = listed.find((x) => x.name === s.name);
    if (!p) continue;
    same(`${s.name}.stage`, p.stage, s.stage);
    same(`${s.name}.window`, p.window, s.window);
    for (const key of PERSON_FIGURES) same(`${s.name}.${key}`, p[key], s[key]);
    const r = s.requirement;
    same(`${s.name}.requirement`, p.requirement, r ? { status: r.status, actual: r.actual, target: r.target, ...(r.imCustomers === undefined ? {} : { imCustomers: r.imCustomers }) } : null);
  }

  for (const key of Object.keys(peer.team) as (keyof PeerFigures["team"])[]) {
    const name = { 到款: "paidCNY", 提成: "commissionCNY", 订单数: "orders", 新客户: "newCustomers", 联系次数: "contacts" } as const;
    same(`team.${name[key]}`, peer.team[key], review.team[name[key]]);
  }
  for (const g of GRADES) same(`grades.${g.value}`, peer.grades[g.value], review.grades[g.value]);
  // TradeBook lists the regions with a deal customer or a payment; the peer has a row for every region.
  for (const [region, p] of Object.entries(peer.byRegion)) {
    const t = review.byRegion[region] ?? { customers: 0, paidCNY: 0 };
    same(`byRegion.${region}.customers`, p.customers, t.customers);
    same(`byRegion.${region}.paidCNY`, p.paidCNY, t.paidCNY);
  }
  for (const region of Object.keys(review.byRegion)) if (!(region in peer.byRegion)) same(`byRegion.${region}`, undefined, review.byRegion[region]);
  return { figures, differences };
}
