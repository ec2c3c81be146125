/**
 * A realistic, deterministic demo CRM for a lighting exporter: salespeople
 * at every tenure stage, customers from many countries and sources, 15
 * months of follow-ups, samples, orders with deposit and balance payments,
 * forecasts, scores and weekly notes. The same (seed, scale, asOf) always
 * gives the same snapshot; every row satisfies the workbook contract.
 * It runs past 300 lines because SampleBuilder is one generator: every step
 * draws from the same seeded random stream in a fixed order and reads the
 * records the steps before it made (people → customers → follow-ups →
 * samples → orders → payments); the data tables it draws from are already
 * apart (sample-data.ts, sample-names.ts, sample-plans.ts).
 */
import { addDays, addMonths, dayOf, isoWeekday, serialFromYMD, ymdOf, type DateTimeSerial, type DaySerial } from "../core/contract/dates";
import { newUniqueId, seededRandom } from "../core/contract/ids";
import type {
  CountryCode, CrmSnapshot, CurrencyCode, Customer, CustomerId, FollowUp, FollowUpId, Order, OrderId, Payment,
  PaymentId, Sample, SampleId, SalespersonName, Salesperson,
} from "../core/contract/model";
import { CHANNELS, CREDIT_RATINGS, INCOTERMS, INQUIRY_TYPES, SIZES, SOURCES, type Channel, type Direction, type Purpose, type Lang, type Source, type TableName } from "../core/contract/schema";
import { DEFAULT_RATES, DEFAULT_TIERS } from "../core/contract/settings";
import { defaultSettingRows } from "./defaults";
import { COUNTRIES } from "./countries";
import { Dice } from "./dice";
import * as P from "./sample-data";
import { NameBook } from "./sample-names";
import { sampleForecasts, sampleScores, sampleWeeklyNotes } from "./sample-plans";

export interface SampleOptions {
  readonly seed: number;
  /** Multiplies people and records; 1 ≈ 5 salespeople, 300 customers, 4,000 follow-ups. */
  readonly scale: number;
  /** The "today" of the data: nothing happens after it except promised NextDates and DueDates. */
  readonly asOf: DaySerial;
  /** Language of the Settings descriptions (default zh-CN); the data itself is the same. */
  readonly lang?: Lang;
}

type Tier = "key" | "deal" | "prospect" | "cold";


const SOURCE_WEIGHTS: readonly (readonly [Source, number])[] = SOURCES.map((s) => [s.value, s.value === "Alibaba" ? 8 : s.value === "MadeInChina" || s.value === "TradeShow" ? 3 : 1.5]);
const CHANNEL_WEIGHTS: readonly (readonly [Channel, number])[] = CHANNELS.map((c) => {
  const w: Partial<Record<Channel, number>> = { Email: 10, WhatsApp: 5, TradeManager: 4, WeChat: 2, Phone: 2, VideoCall: 1, Visit: 0.3, Exhibition: 0.3, MSN: 0.3, Fax: 0.1, Other: 0.3 };
  return [c.value, w[c.value] ?? 1];
});
const LATER_PURPOSES: readonly (readonly [Purpose, number])[] = [
  ["Quotation", 4], ["Inquiry", 2], ["Greeting", 1.5], ["ReturnVisit", 1], ["AfterSales", 1], ["Complaint", 0.3], ["Other", 1],
];

/** Stages (rules.md §7) the five base salespeople are at on asOf: months since hire. */
const TENURE_MONTHS = [30, 1.5, 4.5, 7.5, 10.5] as const;

class SampleBuilder {
  readonly d: Dice;
  private readonly taken = new Set<string>();
  readonly start: DaySerial;
  readonly salespeople: Salesperson[] = [];
  readonly customers: Customer[] = [];
  readonly followUps: FollowUp[] = [];
  readonly samples: Sample[] = [];
  readonly orders: Order[] = [];
  readonly payments: Payment[] = [];
  private readonly names: NameBook;

  constructor(private readonly opts: SampleOptions) {
    this.d = new Dice(seededRandom(opts.seed));
    this.names = new NameBook(this.d);
    this.start = addMonths(opts.asOf, -15);
  }

  private id(table: TableName, day: DaySerial): string {
    const id = newUniqueId(table, dayOf(day), this.d.random, this.taken);
    this.taken.add(id);
    return id;
  }

  /** A working moment on `day` (Mon-Sat, moved off Sunday), within our hours. */
  private moment(day: DaySerial, fromMinute = 9 * 60, toMinute = 19 * 60 + 50): DateTimeSerial {
    const minute = this.d.int(fromMinute, toMinute);
    return day + minute / 1440;
  }

  private workday(day: DaySerial): DaySerial {
    return isoWeekday(day) === 7 ? day - 1 : day;
  }

  buildSalespeople(): void {
    const n = Math.max(1, Math.round(5 * this.opts.scale));
    const used = new Set<string>();
    for (let i = 0; i < n; i++) {
      let name: string, mail: string;
      do {
        const [sz, sp] = this.d.pick(P.SURNAMES);
        const [gz, gp] = this.d.pick(P.GIVEN_NAMES);
        name = sz + gz;
        mail = `${gp}.${sp}`;
      } while (used.has(name));
      used.add(name);
      const months = TENURE_MONTHS[i % TENURE_MONTHS.length] + (i >= TENURE_MONTHS.length ? this.d.int(-10, 10) / 10 : 0);
      const hire = this.workday(addDays(this.opts.asOf, -Math.round(months * 30.4)));
      const established = months >= 12;
      this.salespeople.push({
        Name: name as SalespersonName,
        HireDate: hire,
        Manager: P.MANAGERS[i % 7 === 0 ? 0 : 1],
        BaseSalaryCNY: established ? 2500 : this.d.chance(0.5) ? null : 1200,
        Active: this.d.chance(0.5) ? "Y" : null,
        Email: `${mail}${used.size > 14 ? i : ""}@${P.OUR_DOMAIN}`,
      });
    }
  }

  buildCustomers(): void {
    const n = Math.round(300 * this.opts.scale);
    const owners = this.salespeople.map((s) => [s, Math.max(15, this.opts.asOf - Math.max(s.HireDate, this.start))] as const);
    const countryWeights = P.CUSTOMER_COUNTRIES.map((c) => [c, c[1]] as const);
    for (let i = 0; i < n; i++) {
      const owner = this.d.weighted(owners);
      // Every Source shows up early on, so even a small sample covers them all.
      const source = i < SOURCES.length ? SOURCES[i].value : this.d.weighted(SOURCE_WEIGHTS);
      const [code, , calling, city] = this.d.weighted(countryWeights);
      const from = Math.max(owner.HireDate, this.start);
      const created = this.workday(this.d.int(from, this.opts.asOf));
      const company = this.names.company(code, city);
      const slug = company.core.toLowerCase().replace(/[^a-z]+/g, "") + (company.plain ? "" : this.d.int(2, 99));
      const tld = code === "US" || code === "CA" || this.d.chance(0.3) ? "com" : (P.COUNTRY_TLD[code] ?? code.toLowerCase());
      const [first, last] = this.names.contact(code);
      const local = `${first}.${last}`.toLowerCase().normalize("NFD").replace(/[^a-z. ]/g, "").replace(/\.? +|\.\./g, ".");
      const freeMail = code === "HK" || code === "TW" || code === "SG" ? this.d.pick(["163.com", "qq.com", "gmail.com"]) : this.d.chance(0.15) ? "gmail.com" : null;
      const email = freeMail ? `${local}${this.d.int(10, 99)}@${freeMail}` : `${local}@${slug}.${tld}`;
      const phone = `+${calling} ${this.d.int(100, 999)} ${this.d.int(1000, 9999)} ${this.d.int(100, 999)}`;
      const rating = this.d.chance(0.7) ? this.d.pick(CREDIT_RATINGS).value : null;
      const limits: Record<string, number> = { A: 1_000_000, B: 500_000, C: 200_000, D: 50_000 };
      const product = this.d.pick(P.PRODUCTS)[0];
      const product2 = this.d.pick(P.PRODUCTS)[0];
      const zones = P.OTHER_ZONES[code];
      this.customers.push({
        CustomerID: this.id("Customers", created) as CustomerId,
        Company: company.name,
        Country: code as CountryCode,
        TimeZone: zones && this.d.chance(0.35) ? this.d.pick(zones) : null,
        Address: `${this.d.int(1, 480)} ${this.d.pick(["Harbour Road", "Industrial Ave", "Main Street", "Trade Center", "Business Park"])}, ${city}`,
        Website: freeMail ? null : `www.${slug}.${tld}`,
        Source: source,
        Products: product === product2 ? product : `${product}; ${product2}`,
        Owner: owner.Name,
        CreatedOn: created,
        Status: this.d.chance(0.6) ? "Active" : null,
        InquiryType: this.d.chance(0.9) ? this.d.pick(INQUIRY_TYPES).value : null,
        Size: this.d.pick(SIZES).value,
        CreditRating: rating,
        CreditLimitCNY: rating ? limits[rating] : null,
        Contact: `${first} ${last}`,
        Title: this.d.pick(P.TITLES),
        Email: email,
        Phone: phone,
        IM: this.d.chance(0.6) ? `${this.d.pick(["WhatsApp", "Skype", "WeChat"])}: ${this.d.chance(0.5) ? phone.replace(/\s/g, "") : local}` : null,
        Birthday: this.d.chance(0.4) ? serialFromYMD(this.d.int(1965, 1995), this.d.int(1, 12), this.d.int(1, 28)) : null,
        Grade: null,
        Notes: this.d.chance(0.2) ? this.d.pick(["性格直爽，喜欢电话沟通", "注重质量，价格敏感度低", "每年三月参加广交会", "喜欢足球，回复邮件较慢", "需要CE和RoHS证书"]) : null,
      });
    }
  }

  /** A few live customers' contacts have their birthday in the coming week, so the greetings rule has work to do. */
  upcomingBirthdays(): void {
    const withContact = this.customers.filter((c) => c.Status !== "Closed" && c.Status !== "Pool");
    for (let k = 0; k < Math.max(3, Math.round(3 * this.opts.scale)); k++) {
      const c = withContact[(k * 37 + 11) % withContact.length];
      const { month, day } = ymdOf(addDays(this.opts.asOf, 1 + (k % 7)));
      // Born in a leap year, so a 29 February birthday exists too.
      c.Birthday = serialFromYMD(1968 + 4 * this.d.int(0, 6), month, day);
    }
  }

  private addFollowUp(c: Customer, at: DateTimeSerial, channel: Channel, direction: Direction, purpose: Purpose, product: string): FollowUp {
    const template = this.d.pick(P.SUMMARIES[purpose]);
    const promise = direction === "Out" && this.d.chance(0.45);
    const f: FollowUp = {
      FollowUpID: this.id("FollowUps", dayOf(at)) as FollowUpId,
      Date: at,
      CustomerID: c.CustomerID,
      Salesperson: c.Owner,
      Channel: channel,
      Direction: direction,
      Purpose: purpose,
      Summary: template.replace("{p}", product),
      NextStep: promise ? this.d.pick(P.NEXT_STEPS) : null,
      NextDate: promise ? dayOf(at) + this.d.int(3, 21) : null,
      Satisfaction: purpose === "ReturnVisit" ? this.d.weighted([[5, 4], [4, 4], [3, 1.5], [2, 0.5], [1, 0.2]]) : null,
    };
    this.followUps.push(f);
    return f;
  }

  /** A contact on `day`; an inbound email usually gets its same-day reply. */
  private contact(c: Customer, day: DaySerial, purpose: Purpose, product: string, channel = this.d.weighted(CHANNEL_WEIGHTS)): void {
    const direction: Direction = this.d.chance(0.35) ? "In" : "Out";
    const at = this.moment(this.workday(day), 9 * 60, direction === "In" ? 16 * 60 : 19 * 60 + 50);
    this.addFollowUp(c, at, channel, direction, purpose, product);
    if (direction === "In" && channel === "Email" && this.d.chance(0.93)) {
      this.addFollowUp(c, at + this.d.int(10, 180) / 1440, "Email", "Out", purpose === "Inquiry" ? "Quotation" : purpose, product);
    }
  }

  private tierOf(c: Customer): Tier {
    const age = this.opts.asOf - c.CreatedOn;
    if (age > 240 && this.d.chance(0.18)) return "key";
    if (age > 45 && this.d.chance(0.5)) return "deal";
    return this.d.chance(0.55) ? "prospect" : "cold";
  }

  buildActivity(): void {
    const { asOf } = this.opts;
    for (const c of this.customers) {
      const tier = this.tierOf(c);
      const firstRow = this.followUps.length;
      const [product, productZh] = this.d.pick(P.PRODUCTS);
      // First day: their inquiry and our answer (new customers are contacted in their first week).
      const first = this.moment(c.CreatedOn, 9 * 60, 15 * 60);
      this.addFollowUp(c, first, c.Source === "Alibaba" ? "TradeManager" : "Email", "In", "Inquiry", productZh);
      this.addFollowUp(c, first + this.d.int(20, 200) / 1440, c.Source === "Alibaba" ? "TradeManager" : "Email", "Out", "Quotation", productZh);
      const gap = tier === "key" ? 7 : tier === "deal" ? 17 : tier === "prospect" ? 26 : 12;
      const until = tier === "cold" ? Math.min(asOf, c.CreatedOn + this.d.int(10, 80)) : asOf - this.d.int(0, tier === "prospect" ? 90 : 10);
      for (let day = c.CreatedOn + this.d.int(1, gap); day <= until; day += this.d.int(1, gap * 2)) {
        this.contact(c, day, this.d.weighted(LATER_PURPOSES), productZh);
      }
      if (tier !== "cold" && this.d.chance(tier === "prospect" ? 0.35 : 0.8)) this.addSample(c, product, productZh);
      const firstOrder = this.orders.length;
      const firstPayment = this.payments.length;
      if (tier === "key" || tier === "deal") this.addOrders(c, tier, product, productZh);
      // Customers with two paid orders are key customers (rules.md §3) and get visited, mostly.
      if (tier === "key" || (this.paidOrdersSince(firstOrder, firstPayment) >= 2 && this.d.chance(0.7))) this.addVisits(c, productZh);
      let last = c.CreatedOn;
      for (let i = firstRow; i < this.followUps.length; i++) last = Math.max(last, dayOf(this.followUps[i].Date));
      if (asOf - last > 60 && tier !== "key") c.Status = this.d.chance(0.15) ? "Closed" : this.d.chance(0.5) ? "Pool" : c.Status;
    }
  }

  /** Paid, non-cancelled orders among those added since the given row positions. */
  private paidOrdersSince(firstOrder: number, firstPayment: number): number {
    const paid = new Set(this.payments.slice(firstPayment).map((p) => p.OrderID));
    return this.orders.slice(firstOrder).filter((o) => o.Status !== "Cancelled" && paid.has(o.OrderID)).length;
  }

  private addSample(c: Customer, product: string, productZh: string): void {
    const requested = this.workday(Math.min(this.opts.asOf, c.CreatedOn + this.d.int(3, 40)));
    const sentDay = requested + this.d.int(2, 9);
    const sent = sentDay <= this.opts.asOf ? this.workday(sentDay) : null;
    const fee = this.d.chance(0.6) ? this.d.pick([200, 300, 500, 800, 1200]) : null;
    this.samples.push({
      SampleID: this.id("Samples", requested) as SampleId,
      CustomerID: c.CustomerID,
      Salesperson: c.Owner,
      RequestedOn: requested,
      SentOn: sent,
      Items: `${product} × ${this.d.int(1, 6)}`,
      Courier: sent ? this.d.pick(P.COURIERS) : null,
      TrackingNo: sent ? String(this.d.int(1_000_000_000, 9_999_999_999)) : null,
      FeeCNY: fee,
      FeePaid: fee ? (this.d.chance(0.8) ? "Y" : "N") : null,
      Feedback: sent && this.d.chance(0.6) ? this.d.pick(P.SAMPLE_FEEDBACK) : null,
    });
    this.contact(c, requested, "Sample", productZh);
  }

  private addOrders(c: Customer, tier: Tier, product: string, productZh: string): void {
    const { asOf } = this.opts;
    const interval = tier === "key" ? 35 : 60;
    for (let day = c.CreatedOn + this.d.int(15, 60); day <= asOf; day += this.d.int(Math.round(interval / 2), Math.round(interval * 1.5))) {
      this.addOrder(c, this.workday(day), tier, product, productZh);
      if (tier === "deal" && this.d.chance(0.15)) break;
    }
  }

  private addOrder(c: Customer, orderDay: DaySerial, tier: Tier, product: string, productZh: string): void {
    const { asOf } = this.opts;
    const currency = (c.Country === "CN" ? "CNY" : this.d.weighted([["USD", 6], ["EUR", 2.5], ["CNY", 1.5]] as const)) as CurrencyCode;
    const base = currency === "CNY" ? this.d.int(20, 250) * 1000 : currency === "EUR" ? this.d.int(3, 30) * 1000 : this.d.int(3, 40) * 1000;
    const amount = Math.round(base * (tier === "key" ? 1.5 : 1) + this.d.int(0, 99) * 10);
    const terms = this.d.pick(P.PAYMENT_TERMS);
    const cancelled = this.d.chance(0.05);
    const shipDay = this.workday(orderDay + this.d.int(20, 45));
    const shipped = !cancelled && shipDay <= asOf;
    const dueOffset = terms === "O/A 60 days" ? 60 : terms === "L/C at sight" ? 15 : this.d.int(7, 25);
    const order: Order = {
      OrderID: this.id("Orders", orderDay) as OrderId,
      CustomerID: c.CustomerID,
      Salesperson: c.Owner,
      OrderDate: orderDay,
      Products: `${product} × ${this.d.int(2, 40) * 100} pcs`,
      Currency: currency,
      Amount: amount,
      Incoterm: this.d.weighted(INCOTERMS.map((i) => [i.value, i.value === "FOB" ? 6 : i.value === "CIF" ? 3 : 1] as const)),
      PaymentTerms: terms,
      Status: "Confirmed",
      ShipDate: shipped ? shipDay : null,
      DueDate: terms === "T/T 100% in advance" ? orderDay + 5 : shipped ? shipDay + dueOffset : null,
    };
    this.orders.push(order);
    this.contact(c, orderDay, "Order", productZh, "Email");
    if (cancelled) {
      order.Status = "Cancelled";
      return;
    }
    const depositShare = terms === "T/T 30/70" ? 0.3 : terms === "T/T 50/50" ? 0.5 : terms === "T/T 100% in advance" ? 1 : 0;
    let paid = 0;
    if (depositShare > 0) {
      const depositDay = this.workday(orderDay + this.d.int(1, 6));
      if (depositDay <= asOf) paid += this.pay(order, depositDay, Math.round(amount * depositShare * 100) / 100);
    }
    // Some shipped balances are never paid: the overdue list needs them.
    const balanceLate = this.d.chance(0.12);
    if (shipped && paid < amount && !balanceLate) {
      const balanceDay = this.workday(shipDay + this.d.int(2, dueOffset));
      if (balanceDay <= asOf) paid += this.pay(order, balanceDay, Math.round((amount - paid) * 100) / 100);
    }
    order.Status = shipped ? (paid >= amount - 0.005 ? "Completed" : "Shipped") : asOf - orderDay < 7 ? "Confirmed" : "InProduction";
    if (shipped) this.contact(c, shipDay, "Order", productZh);
    if (order.Status === "Completed" && this.d.chance(0.5)) {
      const visitDay = shipDay + this.d.int(30, 60);
      if (visitDay <= asOf) this.contact(c, visitDay, "ReturnVisit", productZh);
    }
  }

  private pay(order: Order, day: DaySerial, amount: number): number {
    const rates: Record<string, readonly [number, number]> = { USD: [7.05, 7.3], EUR: [7.6, 8.1] };
    const range = rates[order.Currency];
    this.payments.push({
      PaymentID: this.id("Payments", day) as PaymentId,
      OrderID: order.OrderID,
      Date: day,
      Currency: order.Currency,
      Amount: amount,
      RateToCNY: range && this.d.chance(0.5) ? Math.round((range[0] + this.d.random() * (range[1] - range[0])) * 10000) / 10000 : null,
    });
    return amount;
  }

  /** Key customers are visited (rules.md §4.3): twice this year where the calendar allows, once last year. */
  private addVisits(c: Customer, productZh: string): void {
    const { asOf } = this.opts;
    const jan1 = serialFromYMD(ymdOf(asOf).year, 1, 1);
    for (let k = 0; k < 3; k++) {
      const from = k < 2 ? Math.max(jan1, c.CreatedOn) : Math.max(c.CreatedOn, jan1 - 365);
      const to = k < 2 ? asOf : jan1 - 1;
      if (from > to) continue;
      const day = this.workday(this.d.int(from, to));
      if (day < c.CreatedOn) continue;
      this.addFollowUp(c, this.moment(day, 9 * 60, 17 * 60), "Visit", "Out", this.d.pick(["ReturnVisit", "Order", "Other"] as const), productZh);
    }
  }

}

const byDateThenId = <T>(date: (r: T) => number, id: (r: T) => string) => (a: T, b: T): number => date(a) - date(b) || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0);

export function generateSample(opts: SampleOptions): CrmSnapshot {
  if (!(opts.scale > 0)) throw new Error("sample: scale must be greater than 0");
  const b = new SampleBuilder(opts);
  b.buildSalespeople();
  b.buildCustomers();
  b.buildActivity();
  b.upcomingBirthdays();
  const plans = { d: b.d, salespeople: b.salespeople, orders: b.orders, payments: b.payments, start: b.start, asOf: opts.asOf };
  const asOfYear = ymdOf(opts.asOf).year;
  return {
    Customers: b.customers.sort(byDateThenId((c) => c.CreatedOn, (c) => c.CustomerID)),
    FollowUps: b.followUps.sort(byDateThenId((f) => f.Date, (f) => f.FollowUpID)),
    Samples: b.samples.sort(byDateThenId((s) => s.RequestedOn, (s) => s.SampleID)),
    Orders: b.orders.sort(byDateThenId((o) => o.OrderDate, (o) => o.OrderID)),
    Payments: b.payments.sort(byDateThenId((p) => p.Date, (p) => p.PaymentID)),
    Salespeople: b.salespeople.slice().sort((x, y) => x.HireDate - y.HireDate),
    Forecasts: sampleForecasts(plans),
    Scores: sampleScores(plans),
    WeeklyNotes: sampleWeeklyNotes(plans),
    Settings: defaultSettingRows(opts.lang ?? "zh-CN"),
    CommissionTiers: DEFAULT_TIERS,
    ExchangeRates: DEFAULT_RATES.map((r) => ({ ...r, AsOf: serialFromYMD(asOfYear, 1, 1) })),
    Countries: COUNTRIES,
  };
}
