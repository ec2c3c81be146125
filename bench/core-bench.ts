/**
 * Core work from rows in memory: the quarterly review (core/review.ts) and
 * the due list (core/grading.ts + core/cadence.ts), each with the index
 * (core/indexes.ts) it needs, exactly as cli/review.ts and cli/due.ts do.
 */
import { dueAndOverContact } from "../core/cadence";
import { quarterOf, type DaySerial } from "../core/dates";
import { gradeAll } from "../core/grading";
import { indexSnapshot } from "../core/indexes";
import type { CrmSnapshot } from "../core/model";
import { quarterlyReview } from "../core/review";
import { readSettings } from "../core/settings";
import { repeat, type RepeatOptions, type Timing } from "./stats";

export interface CoreResult {
  readonly review: Timing;
  readonly due: Timing;
  /** Review and due list together from one index (the "core review + due list"). */
  readonly total: Timing;
  /** What the work produced, so a broken run cannot pass as a fast one. */
  readonly reviewedSalespeople: number;
  readonly dueItems: number;
}

export async function benchCore(data: CrmSnapshot, asOf: DaySerial, opts: RepeatOptions): Promise<CoreResult> {
  const { settings } = readSettings(data.Settings);
  const quarter = quarterOf(asOf);
  const review = () => quarterlyReview(data, indexSnapshot(data), quarter, settings, asOf);
  const due = () => {
    const index = indexSnapshot(data);
    const grades = gradeAll(data, index, asOf, settings);
    return dueAndOverContact(data, index, asOf, settings, grades);
  };
  const r = await repeat(opts, review);
  const d = await repeat(opts, due);
  // Both from one index and one grading, as a task pane showing both would do them once.
  const t = await repeat(opts, () => {
    const index = indexSnapshot(data);
    const grades = gradeAll(data, index, asOf, settings);
    // The review grades as of the same day here (asOf is in its quarter): it reuses the due list's grades.
    const review = quarterlyReview(data, index, quarter, settings, asOf, { grades: { asOf, byCustomer: grades } });
    return [review, dueAndOverContact(data, index, asOf, settings, grades)] as const;
  });
  return { review: r.timing, due: d.timing, total: t.timing, reviewedSalespeople: r.last.salespeople.length, dueItems: d.last.items.length };
}
