/**
 * The due list (rules.md §4) as of a day: the workbook as read → the index →
 * grades as of that day → the due items and the customers contacted too
 * often this week, in one pass over each history (core/rules/cadence.ts),
 * with the next step written with each promise listed.
 */
import { dayOf, type DaySerial } from "../core/contract/dates";
import type { FollowUp, SalespersonName } from "../core/contract/model";
import { indexSnapshot } from "../core/index/indexes";
import { dueAndOverContact, type DueItem, type OverContactItem } from "../core/rules/cadence";
import { gradeAll } from "../core/rules/grading";
import type { WorkbookSnapshot } from "./open-crm";

export interface DueList {
  readonly date: DaySerial;
  readonly items: readonly DueItem[];
  readonly pushy: readonly OverContactItem[];
  /** The next step written with each listed promise, by customer ID. */
  readonly nextSteps: ReadonlyMap<string, string>;
}

/** The due list of `date`, of one salesperson's customers or of everyone's. */
export function dueList(read: WorkbookSnapshot, date: DaySerial, salesperson?: SalespersonName): DueList {
  const { snapshot, settings } = read;
  const index = indexSnapshot(snapshot);
  const grades = gradeAll(index, date, settings);
  const { items, pushy } = dueAndOverContact(index, date, settings, grades, salesperson ? { salesperson } : undefined);
  return { date, items, pushy, nextSteps: promisedSteps(snapshot.FollowUps, items) };
}

/** The next step written with each listed promise: the follow-up whose NextDate it is. */
function promisedSteps(followUps: readonly FollowUp[], items: readonly DueItem[]): Map<string, string> {
  const promised = new Map<string, DaySerial>(items.filter((i) => i.rule === "promisedNextContact").map((i) => [i.customerId, i.deadline]));
  const steps = new Map<string, string>();
  if (promised.size === 0) return steps;
  for (const f of followUps) {
    const due = promised.get(f.CustomerID);
    if (due !== undefined && f.NextDate !== null && dayOf(f.NextDate) === due && f.NextStep && !steps.has(f.CustomerID)) steps.set(f.CustomerID, f.NextStep);
  }
  return steps;
}
