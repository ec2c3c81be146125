/**
 * When the next contact with a customer is due (what =CRM.NEXTCONTACT returns
 * and what the task pane suggests as a follow-up's NextDate), from its grade
 * and last contact, following the cadence of rules.md §4 (core/rules/cadence.ts):
 *
 * - a grade in HighGrades (default KEY and A) needs HighGradeContactsPerMonth
 *   (5) contacts a month: spread over 30 days, one every floor(30 / 5) = 6 days;
 * - other grades have no monthly quota, only the neglect limit: DEAL every 30
 *   days (keep a buyer warm), B every 14 (a detailed inquiry is worth
 *   chasing), C every 30, D every 45, KEY every 30 (when settings drop it
 *   from HighGrades; its visits are planned separately, not contact dates);
 * - never later than PoolAfterDays after the last contact (after that the
 *   customer is neglected and may go to the shared pool), and never sooner
 *   than the next day;
 * - a customer created but not contacted since (no last contact, or one
 *   before CreatedOn) is a new customer: due by the Sunday of the ISO week it
 *   was created in (rule 1), or sooner if its grade's cadence says so.
 */
import { weekRangeOf, type DaySerial } from "../contract/dates";
import type { Grade } from "../contract/schema";
import type { Settings } from "../contract/settings";

export type NextContactSettings = Pick<Settings, "HighGrades" | "HighGradeContactsPerMonth" | "PoolAfterDays" | "NewCustomerContactsPerWeek">;

/** Days between contacts for grades outside HighGrades. */
export const CONTACT_INTERVAL_DAYS: Readonly<Record<Grade, number>> = { KEY: 30, DEAL: 30, A: 14, B: 14, C: 30, D: 45 };

/** Days between contacts for a grade under these settings (at least 1). */
export function contactIntervalDays(grade: Grade, settings: NextContactSettings): number {
  const perMonth = settings.HighGradeContactsPerMonth;
  const cadence = settings.HighGrades.includes(grade) && perMonth > 0 ? Math.floor(30 / perMonth) : CONTACT_INTERVAL_DAYS[grade];
  return Math.max(1, Math.min(cadence, settings.PoolAfterDays));
}

export function nextContactDate(grade: Grade, lastContact: DaySerial, createdOn: DaySerial | null, settings: NextContactSettings): DaySerial;
export function nextContactDate(grade: Grade, lastContact: DaySerial | null, createdOn: DaySerial | null, settings: NextContactSettings): DaySerial | null;
export function nextContactDate(grade: Grade, lastContact: DaySerial | null, createdOn: DaySerial | null, settings: NextContactSettings): DaySerial | null {
  const interval = contactIntervalDays(grade, settings);
  const last = lastContact === null ? null : Math.floor(lastContact);
  const created = createdOn === null ? null : Math.floor(createdOn);
  const uncontactedNew = created !== null && (last === null || last < created);
  if (uncontactedNew && created !== null) {
    const byGrade = created + interval;
    const firstWeekEnd = weekRangeOf(created).to;
    return settings.NewCustomerContactsPerWeek > 0 ? Math.min(byGrade, firstWeekEnd) : byGrade;
  }
  return last === null ? null : last + interval;
}
