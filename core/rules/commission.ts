/**
 * Commission and quarterly income (rules.md §6, 外贸部管理条例 二).
 *
 * Bands come from the CommissionTiers table: each row's UpToCNY is the
 * band's inclusive upper edge (1,000,000 is in band 1), the last row's is
 * blank (open-ended). Two methods:
 * - "marginal" (超额累进, default): each rate applies to the part of the
 *   amount inside its band, so crossing an edge never lowers the total;
 * - "whole" (全额累进): the rate of the band the whole amount falls in
 *   applies to all of it (the total jumps at each edge).
 * Amounts are CNY of payments received, so they are never negative; an
 * amount ≤ 0 (or not a number) earns 0 rather than a negative commission.
 */
import type { Result } from "../contract/issues";
import { err, ok } from "../contract/issues";
import type { CommissionTier } from "../contract/model";
import type { LocalizedText } from "../contract/schema";
import type { CommissionMethod } from "../contract/settings";
import { DEFAULT_TIERS } from "../contract/settings";
import { roundMoney } from "../contract/currency";

/** A validated band: rate applies up to `upTo` (inclusive); null = no upper edge. */
export interface Tier {
  readonly upTo: number | null;
  readonly rate: number;
}

const fmt = (n: number): string => n.toLocaleString("en-US", { maximumFractionDigits: 6 });

/**
 * Checks and orders the CommissionTiers rows: sorted by upper edge, exactly
 * one open-ended band (which becomes the last), rates in [0, 1], edges > 0
 * and strictly increasing. Row numbers in messages are 1-based positions in
 * the given rows.
 */
export function tiersFrom(rows: readonly CommissionTier[]): Result<Tier[], LocalizedText> {
  if (rows.length === 0) {
    return err({ zh: "提成档位表为空：至少需要一个不设上限的档位", en: "CommissionTiers is empty: at least one open-ended band is needed" });
  }
  const open: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const { UpToCNY: upTo, Rate: rate } = rows[i];
    const n = i + 1;
    if (!Number.isFinite(rate) || rate < 0 || rate > 1) {
      return err({
        zh: `提成档位第${n}行：比例「${String(rate)}」必须在 0 到 1 之间（如 0.02 表示 2%）`,
        en: `CommissionTiers row ${n}: rate ${String(rate)} must be between 0 and 1 (0.02 means 2%)`,
      });
    }
    if (upTo === null) open.push(n);
    else if (!Number.isFinite(upTo) || upTo <= 0) {
      return err({
        zh: `提成档位第${n}行：上限「${String(upTo)}」必须是大于 0 的数字`,
        en: `CommissionTiers row ${n}: upper bound ${String(upTo)} must be a number greater than 0`,
      });
    }
  }
  if (open.length !== 1) {
    return open.length === 0
      ? err({ zh: "提成档位表：最后一档的上限必须留空（不设上限）", en: "CommissionTiers: the last band must have a blank upper bound (open-ended)" })
      : err({
          zh: `提成档位表：只能有一个档位的上限留空，现在第 ${open.join("、")} 行都为空`,
          en: `CommissionTiers: only one band may have a blank upper bound; rows ${open.join(", ")} are blank`,
        });
  }
  const tiers: Tier[] = rows
    .map((r) => ({ upTo: r.UpToCNY, rate: r.Rate }))
    .sort((a, b) => (a.upTo ?? Infinity) - (b.upTo ?? Infinity));
  for (let i = 1; i < tiers.length - 1; i++) {
    const prev = tiers[i - 1].upTo as number;
    const cur = tiers[i].upTo as number;
    if (cur === prev) {
      return err({
        zh: `提成档位表：上限 ${fmt(cur)} 出现了两次，各档上限必须递增`,
        en: `CommissionTiers: upper bound ${fmt(cur)} appears twice; bounds must increase`,
      });
    }
  }
  return ok(tiers);
}

function mustTiers(rows: readonly CommissionTier[]): readonly Tier[] {
  const r = tiersFrom(rows);
  if (!r.ok) throw new Error(`DEFAULT_TIERS are invalid: ${r.error.en}`);
  return r.value;
}

/** The contract's default bands (2% / 2.5% / 4%), validated once. */
export const DEFAULT_COMMISSION_TIERS: readonly Tier[] = mustTiers(DEFAULT_TIERS);

/** Index of the band the amount falls in; amounts ≤ 0 belong to the first. */
function bandIndex(amountCNY: number, tiers: readonly Tier[]): number {
  for (let i = 0; i < tiers.length; i++) {
    const upTo = tiers[i].upTo;
    if (upTo === null || amountCNY <= upTo) return i;
  }
  return tiers.length - 1;
}

/** The rate of the band the amount is in (CRM.COMMISSIONRATE). */
export function commissionRate(amountCNY: number, tiers: readonly Tier[] = DEFAULT_COMMISSION_TIERS): number {
  if (tiers.length === 0) return 0;
  return tiers[bandIndex(Number.isFinite(amountCNY) ? amountCNY : 0, tiers)].rate;
}

/** Commission in CNY, rounded to the cent. */
export function commission(
  amountCNY: number,
  tiers: readonly Tier[] = DEFAULT_COMMISSION_TIERS,
  method: CommissionMethod = "marginal",
): number {
  if (!Number.isFinite(amountCNY) || amountCNY <= 0 || tiers.length === 0) return 0;
  if (method === "whole") return roundMoney(amountCNY * commissionRate(amountCNY, tiers));
  let total = 0;
  let lower = 0;
  for (const { upTo, rate } of tiers) {
    const top = upTo === null ? amountCNY : Math.min(amountCNY, upTo);
    if (top > lower) total += (top - lower) * rate;
    if (upTo === null || amountCNY <= upTo) break;
    lower = upTo;
  }
  return roundMoney(total);
}

/** Quarterly income = monthly base salary × 3 + the quarter's commission. */
export function quarterlyIncome(monthlyBaseCNY: number, commissionCNY: number): number {
  return roundMoney(monthlyBaseCNY * 3 + commissionCNY);
}
