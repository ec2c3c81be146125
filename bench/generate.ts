/**
 * The benchmark's CRM: a team of 30 salespeople with years of history, sized
 * by its customer count and always in the proportions
 * (per customer: 10 follow-ups, 1 order, 1.6 payments, 0.2 samples).
 *
 * templates/sample.ts makes the demo workbook; its --scale grows the team
 * with the customers (5 salespeople per 300) and its name pools run out long
 * before 50,000 unique companies, so the benchmark has its own generator.
 * It reuses the demo's word pools and the same seeded random source, and
 * every row it makes satisfies the workbook contract (`tradebook check`
 * finds no error), so `review` accepts the workbook.
 */
import { Dice } from "../templates/dice";
import { addDays, addMonths, isoWeekKey, monthKey, quarterKey, quarterOf, quarterRange, serialFromYMD, ymdOf, type DateTimeSerial, type DaySerial } from "../core/contract/dates";
import { seededRandom } from "../core/contract/ids";
import type {
  CountryCode, CrmSnapshot, CurrencyCode, Customer, CustomerId, FollowUp, FollowUpId, Forecast, Order, OrderId, Payment,
  PaymentId, Sample, SampleId, Salesperson, SalespersonName, Score, WeeklyNote,
} from "../core/contract/model";
import { CHANNELS, CREDIT_RATINGS, INCOTERMS, INQUIRY_TYPES, PURPOSES, SIZES, SOURCES, type CustomerStatus } from "../core/contract/schema";
import { DEFAULT_RATES, DEFAULT_TIERS } from "../core/contract/settings";
import { defaultSettingRows } from "../templates/builder";
import { COUNTRIES } from "../templates/countries";
import * as P from "../templates/sample-data";

export interface BenchDataOptions {
  readonly customers: number;
  readonly seed: number;
  /** The "today" of the data. */
  readonly asOf: DaySerial;
}

export const TEAM_SIZE = 30;
export const FOLLOW_UPS_PER_CUSTOMER = 10;
export const PAYMENTS_PER_ORDER = 1.6;
export const SAMPLES_PER_CUSTOMER = 0.2;
/** How far back the history goes. */
export const HISTORY_YEARS = 4;

/** Record IDs as core/contract/ids.ts spells them, with a counter for the random part: unique without a lookup set. */
const ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY";
function benchId(prefix: string, day: DaySerial, n: number): string {
  const { year, month, day: d } = ymdOf(day);
  let tail = "";
  for (let i = 0, x = n; i < 6; i++, x = Math.floor(x / ALPHABET.length)) tail = ALPHABET[x % ALPHABET.length] + tail;
  return flat(`${prefix}-${String(year % 100).padStart(2, "0")}${String(month).padStart(2, "0")}${String(d).padStart(2, "0")}-${tail}`);
}

/**
 * A copy of the string in one piece. V8 keeps a string built by `+` or a
 * template as a tree of parts; looking one up in a Map then costs twice what
 * it costs for the flat strings a workbook read yields, and the core timings
 * would be for data no user has.
 */
function flat(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}


/** Months since hire of the team: a few at each probation stage (rules.md §7), the rest established. */
function tenureMonths(i: number): number {
  const probation = [1.5, 4.5, 7.5, 10.5];
  return i < 8 ? probation[i % 4] : 14 + (i - 8) * 2.5;
}

function salespeople(d: Dice, asOf: DaySerial): Salesperson[] {
  const out: Salesperson[] = [];
  for (let i = 0; i < TEAM_SIZE; i++) {
    const [sz, sp] = P.SURNAMES[i % P.SURNAMES.length];
    const [gz, gp] = P.GIVEN_NAMES[(i * 5 + Math.floor(i / P.SURNAMES.length)) % P.GIVEN_NAMES.length];
    let hire = addDays(asOf, -Math.round(tenureMonths(i) * 30.4));
    if (ymdOf(hire).year < 1990) hire = serialFromYMD(2000, 1, 3);
    out.push({
      Name: (sz + gz) as SalespersonName,
      HireDate: hire,
      Manager: P.MANAGERS[i % 7 === 0 ? 0 : 1],
      BaseSalaryCNY: i < 8 ? 1200 : 2500,
      Active: "Y",
      Email: `${gp}.${sp}${i}@${P.OUR_DOMAIN}`,
    });
  }
  return out;
}

const STATUSES: readonly (CustomerStatus | null)[] = ["Active", "Active", "Active", null, null, "Pool", "Closed"];

export function benchSnapshot(opts: BenchDataOptions): CrmSnapshot {
  const d = new Dice(seededRandom(opts.seed));
  const { asOf } = opts;
  const start = addMonths(asOf, -12 * HISTORY_YEARS);
  const team = salespeople(d, asOf);
  const customers: Customer[] = [];
  const followUps: FollowUp[] = [];
  const orders: Order[] = [];
  const payments: Payment[] = [];
  const samples: Sample[] = [];

  for (let i = 0; i < opts.customers; i++) {
    const owner = team[i % TEAM_SIZE];
    const from = Math.max(start, owner.HireDate);
    const created = d.int(from, asOf);
    const [code, , calling, city] = d.pick(P.CUSTOMER_COUNTRIES);
    const company = `${d.pick(P.COMPANY_FIRST)} ${d.pick(P.COMPANY_SECOND)} ${i + 1} ${P.LEGAL_SUFFIX[code] ?? "Co., Ltd."}`;
    const rating = d.chance(0.7) ? d.pick(CREDIT_RATINGS).value : null;
    customers.push({
      CustomerID: benchId("C", created, i) as CustomerId,
      Company: company,
      Country: code as CountryCode,
      TimeZone: null,
      Address: `${d.int(1, 480)} Harbour Road, ${city}`,
      Website: `www.buyer${i + 1}.com`,
      Source: d.pick(SOURCES).value,
      Products: d.pick(P.PRODUCTS)[0],
      Owner: owner.Name,
      CreatedOn: created,
      Status: d.pick(STATUSES),
      InquiryType: d.pick(INQUIRY_TYPES).value,
      Size: d.pick(SIZES).value,
      CreditRating: rating,
      CreditLimitCNY: rating ? 500_000 : null,
      Contact: `${d.pick(P.CONTACT_NAMES.western[0])} ${d.pick(P.CONTACT_NAMES.western[1])}`,
      Title: d.pick(P.TITLES),
      Email: `buyer${i + 1}@buyer${i + 1}.com`,
      Phone: `+${calling} ${d.int(100, 999)} ${d.int(1000, 9999)}`,
      IM: d.chance(0.5) ? `WhatsApp: +${calling}${d.int(1000000, 9999999)}` : null,
      Birthday: d.chance(0.3) ? serialFromYMD(d.int(1965, 1995), d.int(1, 12), d.int(1, 28)) : null,
      Grade: null,
      Notes: null,
    });
  }

  // Follow-ups: exactly FOLLOW_UPS_PER_CUSTOMER per customer on average, between its creation and asOf.
  const totalFollowUps = opts.customers * FOLLOW_UPS_PER_CUSTOMER;
  for (let k = 0; k < totalFollowUps; k++) {
    const c = k < opts.customers ? customers[k] : customers[d.int(0, opts.customers - 1)];
    const day = k < opts.customers ? c.CreatedOn : d.int(c.CreatedOn, asOf);
    const at: DateTimeSerial = day + d.int(9 * 60, 19 * 60) / 1440;
    const purpose = d.pick(PURPOSES).value;
    const out = d.chance(0.65);
    const promise = out && d.chance(0.3);
    followUps.push({
      FollowUpID: benchId("F", day, k) as FollowUpId,
      Date: at,
      CustomerID: c.CustomerID,
      Salesperson: c.Owner,
      Channel: d.pick(CHANNELS).value,
      Direction: out ? "Out" : "In",
      Purpose: purpose,
      Summary: d.pick(P.SUMMARIES[purpose]).replace("{p}", "LED面板灯"),
      NextStep: promise ? d.pick(P.NEXT_STEPS) : null,
      NextDate: promise ? day + d.int(3, 21) : null,
      Satisfaction: purpose === "ReturnVisit" ? d.int(3, 5) : null,
    });
  }

  // Orders: one per customer on average, bunched on a third of them (the deal customers).
  const dealCustomers = Math.max(1, Math.floor(opts.customers / 3));
  for (let k = 0; k < opts.customers; k++) {
    const c = customers[d.int(0, dealCustomers - 1) * 3 % opts.customers];
    const day = d.int(c.CreatedOn, asOf);
    const currency = d.pick(["USD", "USD", "EUR", "CNY"] as const) as CurrencyCode;
    const amount = d.int(5, 110) * 1000;
    const shipped = day + 30 <= asOf;
    const order: Order = {
      OrderID: benchId("O", day, k) as OrderId,
      CustomerID: c.CustomerID,
      Salesperson: c.Owner,
      OrderDate: day,
      Products: `${d.pick(P.PRODUCTS)[0]} × ${d.int(2, 40) * 100} pcs`,
      Currency: currency,
      Amount: amount,
      Incoterm: d.pick(INCOTERMS).value,
      PaymentTerms: "T/T 30/70",
      Status: shipped ? "Completed" : day + 7 <= asOf ? "InProduction" : "Confirmed",
      ShipDate: shipped ? day + 30 : null,
      DueDate: shipped ? day + 45 : null,
    };
    orders.push(order);
    // 60% deposit + balance, 40% one payment: 1.6 payments per order.
    const two = d.random() < PAYMENTS_PER_ORDER - 1;
    const deposit = two ? Math.round(amount * 0.3) : amount;
    payments.push({ PaymentID: benchId("P", day, payments.length) as PaymentId, OrderID: order.OrderID, Date: Math.min(asOf, day + d.int(1, 6)), Currency: currency, Amount: deposit, RateToCNY: null });
    if (two) payments.push({ PaymentID: benchId("P", day, payments.length) as PaymentId, OrderID: order.OrderID, Date: Math.min(asOf, day + d.int(30, 50)), Currency: currency, Amount: amount - deposit, RateToCNY: null });
  }

  for (let k = 0; k < Math.round(opts.customers * SAMPLES_PER_CUSTOMER); k++) {
    const c = customers[d.int(0, opts.customers - 1)];
    const requested = d.int(c.CreatedOn, asOf);
    const sent = requested + 5 <= asOf ? requested + 5 : null;
    samples.push({
      SampleID: benchId("S", requested, k) as SampleId,
      CustomerID: c.CustomerID,
      Salesperson: c.Owner,
      RequestedOn: requested,
      SentOn: sent,
      Items: `${d.pick(P.PRODUCTS)[0]} × ${d.int(1, 6)}`,
      Courier: sent ? d.pick(P.COURIERS) : null,
      TrackingNo: sent ? String(d.int(1_000_000_000, 9_999_999_999)) : null,
      FeeCNY: 300,
      FeePaid: d.chance(0.8) ? "Y" : "N",
      Feedback: null,
    });
  }

  const byDate = <T>(at: (r: T) => number) => (a: T, b: T) => at(a) - at(b);
  const asOfYear = ymdOf(asOf).year;
  return {
    Customers: customers.sort(byDate((c) => c.CreatedOn)),
    FollowUps: followUps.sort(byDate((f) => f.Date)),
    Samples: samples.sort(byDate((s) => s.RequestedOn)),
    Orders: orders.sort(byDate((o) => o.OrderDate)),
    Payments: payments.sort(byDate((p) => p.Date)),
    Salespeople: team,
    Forecasts: forecasts(d, team, start, asOf),
    Scores: scores(d, team, start, asOf),
    WeeklyNotes: weeklyNotes(d, team, asOf),
    Settings: defaultSettingRows("zh-CN"),
    CommissionTiers: DEFAULT_TIERS,
    ExchangeRates: DEFAULT_RATES.map((r) => ({ ...r, AsOf: serialFromYMD(asOfYear, 1, 1) })),
    Countries: COUNTRIES,
  };
}

function forecasts(d: Dice, team: readonly Salesperson[], start: DaySerial, asOf: DaySerial): Forecast[] {
  const out: Forecast[] = [];
  for (const s of team) {
    const months = new Set<string>();
    for (let m = Math.max(s.HireDate, start); m <= asOf; m = addMonths(m, 1)) months.add(monthKey(m));
    months.add(monthKey(asOf));
    for (const Month of months) out.push({ Salesperson: s.Name, Month, ForecastCNY: d.int(4, 30) * 10_000 });
  }
  return out;
}

function scores(d: Dice, team: readonly Salesperson[], start: DaySerial, asOf: DaySerial): Score[] {
  const out: Score[] = [];
  for (const s of team) {
    for (let q = quarterOf(Math.max(s.HireDate, start)); quarterRange(q).from <= asOf; q = quarterOf(quarterRange(q).to + 1)) {
      out.push({ Salesperson: s.Name, Quarter: quarterKey(q), AlibabaScore: d.int(60, 98), AttitudeScore: d.int(65, 98), Comment: d.pick(P.SCORE_COMMENTS) });
    }
  }
  return out;
}

function weeklyNotes(d: Dice, team: readonly Salesperson[], asOf: DaySerial): WeeklyNote[] {
  const out: WeeklyNote[] = [];
  for (let w = 7; w >= 0; w--) {
    const day = asOf - 7 * w;
    for (const s of team) {
      if (day < s.HireDate) continue;
      out.push({ Salesperson: s.Name, Week: isoWeekKey(day), Review: d.pick(P.WEEKLY_REVIEW), Problems: d.pick(P.WEEKLY_PROBLEMS), Improvements: d.pick(P.WEEKLY_IMPROVEMENTS), SupportNeeded: d.pick(P.WEEKLY_SUPPORT), Mindset: d.pick(P.WEEKLY_MINDSET) });
    }
  }
  return out;
}
