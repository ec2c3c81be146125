/**
 * The `review --json` document, exactly as contract.md draws it: the
 * contract's fields and no others, in its order. QuarterlyReview carries more
 * (Chinese details, monthly forecasts, scores, products, channels) for the
 * printable sheet; this is what other programs may rely on.
 * Money is already rounded to 2 decimals and dates are "YYYY-MM-DD" in
 * core/review/review.ts; counts are integers.
 */
import type { QuarterlyReview, RequirementStatus, SalespersonReview } from "./review";
import type { Grade } from "../contract/schema";

/** The contract's per-salesperson fields; the requirement without the sheet's extras. */
export type ReviewDocumentPerson = Pick<
  SalespersonReview,
  | "name" | "stage" | "window" | "paidCNY" | "commissionCNY" | "incomeCNY" | "orders" | "newCustomers" | "contacts"
  | "imCustomers" | "sampleRequests" | "repeatCustomers" | "monthsWithOrder" | "forecastCNY" | "forecastCompletion"
> & {
  readonly requirement: { readonly status: RequirementStatus; readonly detail: string } | null;
};

export interface ReviewDocument {
  readonly quarter: string;
  readonly asOf: string;
  readonly salespeople: readonly ReviewDocumentPerson[];
  readonly team: QuarterlyReview["team"];
  readonly grades: Readonly<Record<Grade, number>>;
  readonly byRegion: QuarterlyReview["byRegion"];
}

function person(s: SalespersonReview): ReviewDocumentPerson {
  return {
    name: s.name,
    stage: s.stage,
    window: s.window ? { from: s.window.from, to: s.window.to } : null,
    paidCNY: s.paidCNY,
    commissionCNY: s.commissionCNY,
    incomeCNY: s.incomeCNY,
    orders: s.orders,
    newCustomers: s.newCustomers,
    contacts: s.contacts,
    imCustomers: s.imCustomers,
    sampleRequests: s.sampleRequests,
    repeatCustomers: s.repeatCustomers,
    monthsWithOrder: s.monthsWithOrder,
    forecastCNY: s.forecastCNY,
    forecastCompletion: s.forecastCompletion,
    requirement: s.requirement ? { status: s.requirement.status, detail: s.requirement.detail } : null,
  };
}

/** The contract's review document from a computed review. */
export function reviewDocument(r: QuarterlyReview): ReviewDocument {
  const { paidCNY, commissionCNY, orders, newCustomers, contacts } = r.team;
  return {
    quarter: r.quarter,
    asOf: r.asOf,
    salespeople: r.salespeople.map(person),
    team: { paidCNY, commissionCNY, orders, newCustomers, contacts },
    grades: { KEY: r.grades.KEY, DEAL: r.grades.DEAL, A: r.grades.A, B: r.grades.B, C: r.grades.C, D: r.grades.D },
    byRegion: Object.fromEntries(Object.entries(r.byRegion).map(([k, v]) => [k, { customers: v.customers, paidCNY: v.paidCNY }])),
  };
}
