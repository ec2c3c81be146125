/**
 * The quarterly review (rules.md §7): per salesperson the tenure stage being
 * judged and its requirement, the quarter's KPIs, commission and income; the
 * team's totals, customers by grade, deal customers by region and product.
 *
 * The result is exactly contract.md's `review --json` document; the fields
 * beyond it (detailZh, numbers behind a requirement, monthly forecasts,
 * scores, byProduct, contactsByChannel) feed the printable sheet.
 *
 * One pass over each table: rows are grouped by salesperson and customer
 * first, so the review is linear in the workbook's rows.
 */
import { productLines } from "./products";
import type { CrmSnapshot, CustomerId, PaymentId, Salesperson } from "../contract/model";
import type { Settings } from "../contract/settings";
import { GRADES, type Channel, type Grade } from "../contract/schema";
import { dayOf, inRange, monthKey, monthRange, quarterKey, quarterMonths, quarterRange, toISODate, type DayRange, type DaySerial, type Quarter } from "../contract/dates";
import { roundMoney } from "../contract/currency";
import { commission, DEFAULT_COMMISSION_TIERS, quarterlyIncome, tiersFrom } from "../rules/commission";
import { gradeAll } from "../rules/grading";
import type { CrmIndex } from "../index/indexes";
import { reviewedStage, type Stage } from "../rules/tenure";
import { paidLedger, orderSequence, type OrderPositions, type PersonLedger } from "./ledger";
import { isLiveOrder } from "../contract/paid-orders";
import { contactsByChannel as channelTotals, outboundContacts, Tally, type QuarterContacts } from "./contacts";
import { ordersIn, paidSampleCustomersIn, repeatCustomersIn, requirementOf, upTo, type PersonRows, type Requirement, type RequirementStatus } from "./stage-requirement";

export type { Stage };
export type { Requirement, RequirementStatus };
export interface MonthForecast {
  readonly month: string;
  readonly paidCNY: number;
  readonly forecastCNY: number | null;
  readonly completion: number | null;
}

export interface SalespersonReview {
  readonly name: string;
  readonly stage: Stage;
  readonly window: { readonly from: string; readonly to: string } | null;
  readonly paidCNY: number;
  readonly commissionCNY: number;
  readonly incomeCNY: number;
  readonly orders: number;
  readonly newCustomers: number;
  readonly contacts: number;
  readonly imCustomers: number;
  readonly sampleRequests: number;
  readonly repeatCustomers: number;
  readonly monthsWithOrder: number;
  readonly forecastCNY: number;
  readonly forecastCompletion: number | null;
  readonly requirement: Requirement | null;
  // Beyond the contract, for the sheet.
  readonly baseSalaryCNY: number;
  readonly monthly: readonly MonthForecast[];
  readonly scores: { readonly alibaba: number | null; readonly attitude: number | null; readonly comment: string | null } | null;
}

export interface QuarterlyReview {
  readonly quarter: string;
  readonly asOf: string;
  readonly salespeople: readonly SalespersonReview[];
  readonly team: { readonly paidCNY: number; readonly commissionCNY: number; readonly orders: number; readonly newCustomers: number; readonly contacts: number };
  readonly grades: Readonly<Record<Grade, number>>;
  readonly byRegion: Readonly<Record<string, { readonly customers: number; readonly paidCNY: number }>>;
  // Beyond the contract, for the sheet.
  readonly byProduct: Readonly<Record<string, { readonly customers: number; readonly paidCNY: number }>>;
  readonly contactsByChannel: Readonly<Partial<Record<Channel, number>>>;
  /** Payments whose currency has no rate: CNY 0 in the sums, still paying their order (check reports them too). */
  readonly unconvertedPayments: readonly PaymentId[];
}

/** Region key for customers whose country has no Region in the Countries table. */
export const NO_REGION = "Other";
/** Product key for orders with blank Products. */
export const NO_PRODUCT = "Other";

const ratio = (a: number, b: number): number => Math.round((a / b) * 10_000) / 10_000;

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** Who the review lists: everyone hired by the quarter's end who is active or had business in it. */
function reviewed(person: Salesperson, q: DayRange, busy: boolean): boolean {
  if (person.HireDate > q.to) return false;
  return person.Active !== "N" || busy;
}

function personReview(
  person: Salesperson,
  rows: PersonRows,
  paid: PersonLedger,
  ctx: { q: DayRange; inQ: DayRange; asOf: DaySerial; quarter: Quarter; settings: Settings; position: OrderPositions },
  forecastOf: (month: string) => number | undefined,
  score: CrmSnapshot["Scores"][number] | undefined,
  commissionOf: (cny: number) => number,
  inQuarter: QuarterContacts | undefined,
): SalespersonReview | undefined {
  const { q, inQ, asOf, settings, position } = ctx;
  const paidCNY = roundMoney(paid.cnyIn(inQ));
  const orders = ordersIn(rows.orders, inQ);
  if (!reviewed(person, q, paidCNY > 0 || orders > 0)) return undefined;
  const judged = reviewedStage(person.HireDate, q);
  if (!judged) return undefined;
  const requirement = judged.stage === "established" || !judged.window ? null : requirementOf(person.HireDate, judged.stage, judged.window, asOf, rows, paid, position, settings);
  const commissionCNY = commissionOf(paidCNY);
  const baseSalaryCNY = person.BaseSalaryCNY ?? settings.DefaultBaseSalaryCNY;
  const monthly = quarterMonths(ctx.quarter).map((ym): MonthForecast => {
    const m = monthRange(ym);
    const month = monthKey(m.from);
    const f = forecastOf(month);
    const monthPaid = roundMoney(paid.cnyIn(upTo(m, asOf)));
    return { month, paidCNY: monthPaid, forecastCNY: f ?? null, completion: f ? ratio(monthPaid, f) : null };
  });
  const forecastCNY = roundMoney(monthly.reduce((s, m) => s + (m.forecastCNY ?? 0), 0));
  const live = rows.orders.filter((o) => isLiveOrder(o) && inRange(o.OrderDate, inQ));
  return {
    name: person.Name,
    stage: judged.stage,
    window: judged.window ? { from: toISODate(judged.window.from), to: toISODate(judged.window.to) } : null,
    paidCNY,
    commissionCNY,
    incomeCNY: quarterlyIncome(baseSalaryCNY, commissionCNY),
    orders,
    newCustomers: rows.newCustomers,
    contacts: inQuarter?.contacts ?? 0,
    imCustomers: inQuarter?.imCustomers ?? 0,
    sampleRequests: paidSampleCustomersIn(rows.samples, inQ),
    repeatCustomers: repeatCustomersIn(rows.orders, inQ, position),
    monthsWithOrder: new Set(live.map((o) => monthKey(o.OrderDate))).size,
    forecastCNY,
    forecastCompletion: forecastCNY > 0 ? ratio(paidCNY, forecastCNY) : null,
    requirement,
    baseSalaryCNY,
    monthly,
    scores: score ? { alibaba: score.AlibabaScore, attitude: score.AttitudeScore, comment: score.Comment } : null,
  };
}

/**
 * Work a caller may already have done for the same snapshot, index and
 * settings: grades as of a day (gradeAll). The review uses them only when
 * that day is the one it grades on (reviewGradeDay), so a due list and a
 * review of the current quarter grade every customer once, not twice.
 */
export interface ReviewSharedWork {
  readonly grades?: { readonly asOf: DaySerial; readonly byCustomer: ReadonlyMap<CustomerId, Grade> };
}

/**
 * The day the review's grades are as of: the quarter's last day (rules.md
 * §7), or an earlier review date (nothing after it is known yet).
 */
export function reviewGradeDay(quarter: Quarter, asOf?: DaySerial): DaySerial {
  const q = quarterRange(quarter);
  return Math.min(dayOf(asOf ?? q.to), q.to);
}

/**
 * The review of `quarter` as of `asOf` (default: the quarter's last day).
 * Nothing dated after asOf counts; grades are as of asOf. The records
 * (customers, follow-ups, samples, orders, payments) are the index's; the
 * team's tables (salespeople, forecasts, scores, commission tiers) the
 * snapshot's.
 */
export function quarterlyReview(
  snapshot: Pick<CrmSnapshot, "Salespeople" | "Forecasts" | "Scores" | "CommissionTiers">,
  index: CrmIndex,
  quarter: Quarter,
  settings: Settings,
  asOf?: DaySerial,
  shared?: ReviewSharedWork,
): QuarterlyReview {
  const q = quarterRange(quarter);
  const date = dayOf(asOf ?? q.to);
  const inQ = upTo(q, date);
  const ledger = paidLedger(index);
  const position = orderSequence(index);
  const tiers = tiersFrom(snapshot.CommissionTiers);
  // A broken tiers table is reported by check; the review still runs on the defaults.
  const bands = tiers.ok ? tiers.value : DEFAULT_COMMISSION_TIERS;
  const commissionOf = (cny: number): number => commission(cny, bands, settings.CommissionMethod);

  const ordersBy = groupBy(index.orders.rows, (o) => o.Salesperson);
  // Stage-1 windows ask about IM customers outside the quarter too.
  const stageOneWindows: DayRange[] = [];
  const stageOne = new Set<string>();
  for (const person of snapshot.Salespeople) {
    const judged = reviewedStage(person.HireDate, q);
    if (judged?.stage === 1 && judged.window) {
      stageOneWindows.push(upTo(judged.window, date));
      stageOne.add(person.Name);
    }
  }
  const contacts = outboundContacts(index.followUps.rows, inQ, stageOneWindows, stageOne);
  const followUpsBy = contacts.bySalesperson;
  // Grades are as of the quarter's last day (rules.md §7), or as of an
  // earlier review date: nothing after asOf is known yet.
  const gradeDay = reviewGradeDay(quarter, date);
  const gradeOf = shared?.grades && shared.grades.asOf === gradeDay ? shared.grades.byCustomer : gradeAll(index, gradeDay, settings);
  const grades = Object.fromEntries(GRADES.map((g) => [g.value, 0])) as Record<Grade, number>;
  // Deal customers (KEY or DEAL as of the date) by region: every deal
  // customer counts, the money is what they paid in the quarter.
  const isDeal = (id: CustomerId): boolean => {
    const g = gradeOf.get(id);
    return g === "KEY" || g === "DEAL";
  };
  // Customers by their number in the index (index.customers[k] is number k; higher numbers have no Customers row).
  const regionOf = (customer: number): string => {
    const c = index.customers[customer];
    return (c && index.countriesByCode.get(c.Country)?.Region?.trim()) || NO_REGION;
  };
  const byRegionTally = new Tally();
  // One row per customer ID (the first, as everywhere): a duplicated row is
  // not a second new customer. New customers, grades and deal regions in one
  // pass over the customers.
  const newCustomersBy = new Map<string, number>();
  index.customers.forEach((c, k) => {
    if (inRange(c.CreatedOn, inQ)) newCustomersBy.set(c.Owner, (newCustomersBy.get(c.Owner) ?? 0) + 1);
    const g = gradeOf.get(c.CustomerID);
    if (!g) return;
    grades[g] += 1;
    if (g === "KEY" || g === "DEAL") byRegionTally.add(regionOf(k), k, 0);
  });
  const samplesBy = groupBy(index.samples.rows, (s) => s.Salesperson);
  const forecasts = new Map<string, number>();
  for (const f of snapshot.Forecasts) {
    const k = `${f.Salesperson}|${f.Month.trim()}`;
    forecasts.set(k, (forecasts.get(k) ?? 0) + f.ForecastCNY);
  }
  const qKey = quarterKey(quarter);
  const scores = new Map(snapshot.Scores.filter((s) => s.Quarter.trim().toUpperCase() === qKey).map((s) => [s.Salesperson as string, s]));

  const ctx = { q, inQ, asOf: date, quarter, settings, position };
  const salespeople: SalespersonReview[] = [];
  for (const person of snapshot.Salespeople) {
    const rows: PersonRows = {
      orders: ordersBy.get(person.Name) ?? [],
      followUps: followUpsBy.get(person.Name) ?? [],
      newCustomers: newCustomersBy.get(person.Name) ?? 0,
      samples: samplesBy.get(person.Name) ?? [],
    };
    const r = personReview(person, rows, ledger.of(person.Name), ctx, (m) => forecasts.get(`${person.Name}|${m}`), scores.get(person.Name), commissionOf, contacts.quarterBy.get(person.Name));
    if (r) salespeople.push(r);
  }

  const sum = (f: (s: SalespersonReview) => number): number => salespeople.reduce((t, s) => t + f(s), 0);
  const team = {
    paidCNY: roundMoney(sum((s) => s.paidCNY)),
    commissionCNY: roundMoney(sum((s) => s.commissionCNY)),
    orders: sum((s) => s.orders),
    newCustomers: sum((s) => s.newCustomers),
    contacts: sum((s) => s.contacts),
  };

  const paidInQ = ledger.entriesIn(inQ);
  for (const e of paidInQ) byRegionTally.add(regionOf(e.customer), e.customer, e.cny);
  const byRegion = byRegionTally.result();
  // An order of several product lines splits its money evenly among them:
  // the workbook has no per-line amounts, and counting it whole under each
  // line would add up to more than was paid.
  const byProductTally = new Tally();
  // Many orders name the same products: each distinct Products text is read once.
  const linesOf = new Map<string | null, string[]>();
  for (const e of paidInQ) {
    if (!isDeal(e.order.CustomerID)) continue;
    let lines = linesOf.get(e.order.Products);
    if (lines === undefined) {
      lines = productLines(e.order.Products);
      linesOf.set(e.order.Products, lines);
    }
    const keys = lines.length > 0 ? lines : [NO_PRODUCT];
    for (const key of keys) byProductTally.add(key, e.customer, e.cny / keys.length);
  }
  const byProduct = byProductTally.result();

  // Keys in first-seen order, as the record lists them.
  const contactsByChannel = channelTotals(contacts.quarterBy, new Set(salespeople.map((s) => s.name)));

  return { quarter: qKey, asOf: toISODate(date), salespeople, team, grades, byRegion, byProduct, contactsByChannel, unconvertedPayments: ledger.unconverted };
}
