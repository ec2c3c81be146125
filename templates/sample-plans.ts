/**
 * The demo's management rows: monthly forecasts, the manager's quarterly
 * scores and the salespeople's weekly notes (templates/sample.ts).
 */
import { paymentCNY, rateTable } from "../core/contract/currency";
import { addMonths, isoWeekKey, monthKey, quarterKey, quarterOf, quarterRange, type DaySerial } from "../core/contract/dates";
import type { Forecast, Order, Payment, Salesperson, Score, WeeklyNote } from "../core/contract/model";
import { DEFAULT_RATES } from "../core/contract/settings";
import type { Dice } from "./dice";
import * as P from "./sample-data";

export interface PlanInput {
  readonly d: Dice;
  readonly salespeople: readonly Salesperson[];
  readonly orders: readonly Order[];
  readonly payments: readonly Payment[];
  /** First day of the demo's history. */
  readonly start: DaySerial;
  readonly asOf: DaySerial;
}

/** Forecasts track what each month really brought in, as a manager's would, give or take a third. */
export function sampleForecasts({ d, salespeople, orders, payments, start, asOf }: PlanInput): Forecast[] {
  const rates = rateTable(DEFAULT_RATES);
  const seller = new Map(orders.map((o) => [o.OrderID, o.Salesperson] as const));
  const paid = new Map<string, number>();
  for (const p of payments) {
    const cny = paymentCNY(p, rates);
    const key = `${seller.get(p.OrderID) ?? ""}|${monthKey(p.Date)}`;
    if (cny.ok) paid.set(key, (paid.get(key) ?? 0) + cny.value);
  }
  const out: Forecast[] = [];
  for (const s of salespeople) {
    const months: string[] = [];
    for (let m = Math.max(s.HireDate, start); m <= asOf; m = addMonths(m, 1)) months.push(monthKey(m));
    if (months[months.length - 1] !== monthKey(asOf)) months.push(monthKey(asOf));
    for (const month of months) {
      const actual = paid.get(`${s.Name}|${month}`) ?? 0;
      const guess = actual > 0 ? actual * (0.75 + d.random() * 0.55) : d.int(5, 15) * 10_000;
      out.push({ Salesperson: s.Name, Month: month, ForecastCNY: Math.max(10_000, Math.round(guess / 10_000) * 10_000) });
    }
  }
  return out;
}

/** The manager scores every quarter a salesperson worked in, the current one included. */
export function sampleScores({ d, salespeople, start, asOf }: PlanInput): Score[] {
  const out: Score[] = [];
  for (const s of salespeople) {
    for (let q = quarterOf(Math.max(s.HireDate, start)); quarterRange(q).from <= asOf; q = quarterOf(quarterRange(q).to + 1)) {
      out.push({ Salesperson: s.Name, Quarter: quarterKey(q), AlibabaScore: d.int(60, 98), AttitudeScore: d.int(65, 98), Comment: d.chance(0.7) ? d.pick(P.SCORE_COMMENTS) : null });
    }
  }
  return out;
}

/** Weekly notes for the last eight ISO weeks; now and then someone forgets one. */
export function sampleWeeklyNotes({ d, salespeople, asOf }: PlanInput): WeeklyNote[] {
  const out: WeeklyNote[] = [];
  for (let w = 7; w >= 0; w--) {
    const day = asOf - 7 * w;
    for (const s of salespeople) {
      if (day < s.HireDate || d.chance(0.1)) continue;
      out.push({
        Salesperson: s.Name,
        Week: isoWeekKey(day),
        Review: d.pick(P.WEEKLY_REVIEW).replace("{n}", String(d.int(8, 30))).replace("{m}", String(d.int(1, 6))),
        Problems: d.pick(P.WEEKLY_PROBLEMS),
        Improvements: d.pick(P.WEEKLY_IMPROVEMENTS),
        SupportNeeded: d.pick(P.WEEKLY_SUPPORT),
        Mindset: d.pick(P.WEEKLY_MINDSET),
      });
    }
  }
  return out;
}
