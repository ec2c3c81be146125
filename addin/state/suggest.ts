/** The next contact date the cadence rules suggest for a customer (core/rules/cadence.ts decides). */
import { nextContactDate } from "../../core/rules/next-contact";
import type { DaySerial } from "../../core/contract/dates";
import { customerOf, followUpsOf } from "../../core/index/indexes";
import type { CustomerId } from "../../core/contract/model";
import type { PaneData } from "./derived";

export function suggestedNextDate(data: PaneData, customerId: string): DaySerial | null {
  const id = customerId as CustomerId;
  const customer = customerOf(data.index, id);
  if (!customer) return null;
  const history = followUpsOf(data.index, id);
  const last = history.length > 0 ? history[history.length - 1].Date : null;
  const grade = data.grades.get(id) ?? "D";
  // Today's contact is about to be logged: the next one counts from today.
  const from = last === null || last < data.clock.now ? data.clock.now : last;
  return nextContactDate(grade, from, customer.CreatedOn, data.ws.settings) ?? null;
}
