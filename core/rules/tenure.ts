/**
 * Tenure stages (rules.md §7): stage k (1..4) is the window from
 * HireDate + 3(k-1) months to the day before HireDate + 3k months; from
 * HireDate + 12 months a salesperson is "established". Month arithmetic is
 * EDATE's (addMonths clamps to the month's end), so the windows tile the
 * first year without gaps or overlaps even for a hire on the 31st.
 */
import { addMonths, dayOf, type DayRange, type DaySerial, type DateTimeSerial } from "../contract/dates";
import { err, ok, type Result } from "../contract/issues";
import type { LocalizedText } from "../contract/schema";

export type StageNumber = 1 | 2 | 3 | 4;
export type Stage = StageNumber | "established";

export const STAGE_NUMBERS: readonly StageNumber[] = [1, 2, 3, 4];
const MONTHS_PER_STAGE = 3;

export interface Tenure {
  readonly stage: Stage;
  /** The stage's window; null once established. */
  readonly window: DayRange | null;
}

/** The window of stage k for a hire date. */
export function stageWindow(hireDate: DaySerial, stage: StageNumber): DayRange {
  const hire = dayOf(hireDate);
  return {
    from: addMonths(hire, MONTHS_PER_STAGE * (stage - 1)),
    to: addMonths(hire, MONTHS_PER_STAGE * stage) - 1,
  };
}

/** The three one-month slices ("tenure months") of stage k's window. */
export function tenureMonths(hireDate: DaySerial, stage: StageNumber): DayRange[] {
  const hire = dayOf(hireDate);
  const first = MONTHS_PER_STAGE * (stage - 1);
  return [0, 1, 2].map((i) => ({ from: addMonths(hire, first + i), to: addMonths(hire, first + i + 1) - 1 }));
}

/** The day a salesperson becomes established: HireDate + 12 months. */
export function establishedFrom(hireDate: DaySerial): DaySerial {
  return addMonths(dayOf(hireDate), MONTHS_PER_STAGE * STAGE_NUMBERS.length);
}

/** The stage a salesperson is in on `asOf`; an error before the hire date. */
export function stageOf(hireDate: DaySerial, asOf: DateTimeSerial): Result<Tenure, LocalizedText> {
  const day = dayOf(asOf);
  if (day < dayOf(hireDate)) {
    return err({ zh: "日期早于入职日期，尚无试用阶段", en: "the date is before the hire date: no tenure stage yet" });
  }
  if (day >= establishedFrom(hireDate)) return ok({ stage: "established", window: null });
  for (const stage of STAGE_NUMBERS) {
    const window = stageWindow(hireDate, stage);
    if (day <= window.to) return ok({ stage, window });
  }
  // Unreachable: the four windows end the day before establishedFrom.
  return ok({ stage: "established", window: null });
}

/**
 * The stage a quarterly review judges (rules.md §7): the stage whose
 * window's last day falls inside the quarter (the stage just completed; the
 * latest if ever two did); otherwise the stage in progress on the quarter's
 * last day (a salesperson hired during the quarter: stage 1, in progress);
 * "established" when the fourth stage ended before the quarter. Undefined
 * for someone hired after the quarter.
 */
export function reviewedStage(hireDate: DaySerial, quarter: DayRange): Tenure | undefined {
  const hire = dayOf(hireDate);
  if (hire > quarter.to) return undefined;
  for (const stage of [...STAGE_NUMBERS].reverse()) {
    const window = stageWindow(hire, stage);
    if (window.to >= quarter.from && window.to <= quarter.to) return { stage, window };
  }
  const now = stageOf(hire, quarter.to);
  return now.ok ? now.value : undefined;
}
