/**
 * Which date system the open workbook uses, asked of Excel once per session
 * (workbook/office/date-system.ts; the shared runtime lets a function call
 * Excel.run: https://learn.microsoft.com/office/dev/add-ins/excel/call-excel-apis-from-custom-function).
 *
 * The first calculation calls many functions at once, before Excel has
 * answered: they all wait on the same pending read, so it runs once and no
 * call guesses. A read that fails or never answers is not remembered: those
 * calls show #N/A saying so, and the next recalculation asks again.
 */
import { readDate1904 } from "../workbook/office/date-system";
import { officeRun } from "../workbook/office/run";
import type { DateSystem } from "./date-system";
import { notAvailable } from "./errors";
import { FUNCTION_MESSAGES } from "./messages";
import { sayBoth } from "../core/contract/lang";

/** Where the answer comes from: Excel in the add-in; tests and HyperFormula give their own. */
export type DateSystemReader = () => Promise<DateSystem>;

/** How long a first calculation waits for Excel before showing #N/A and asking again next time. */
export const DATE_SYSTEM_TIMEOUT_MS = 20_000;

/**
 * In Excel: ask the workbook. Outside Excel (Node, HyperFormula in tests)
 * there is no workbook to ask, and a sheet there counts in 1900 unless its
 * reader says otherwise.
 */
const askExcel: DateSystemReader = async () => {
  if (typeof Excel === "undefined" || typeof Excel.run !== "function") return "1900";
  // Excel may calculate as soon as the functions are registered, before Office.js
  // has initialised; Excel.run needs it initialised first.
  if (typeof Office !== "undefined" && typeof Office.onReady === "function") await Office.onReady();
  return (await readDate1904(officeRun)) ? "1904" : "1900";
};

let reader: DateSystemReader = askExcel;
let answer: Promise<DateSystem> | undefined;

function withTimeout(pending: Promise<DateSystem>, ms: number): Promise<DateSystem> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Excel did not answer within ${ms / 1000} s`)), ms);
    pending.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/** The workbook's date system: read once, shared by every call waiting for it. */
export function workbookDateSystem(): Promise<DateSystem> {
  if (answer) return answer;
  const pending = withTimeout(reader(), DATE_SYSTEM_TIMEOUT_MS);
  answer = pending;
  // A failed read is forgotten (only if no newer read replaced it), so the next call asks again.
  pending.catch(() => {
    if (answer === pending) answer = undefined;
  });
  return pending;
}

/** Replaces where the date system comes from and forgets the last answer (tests; `undefined`: Excel again). */
export function setDateSystemReader(next: DateSystemReader | undefined): void {
  reader = next ?? askExcel;
  answer = undefined;
}

/**
 * Runs a date-taking function's body once the date system is known. The
 * body's own errors pass through; a failed read becomes #N/A that says why.
 */
export function inWorkbookDates<T>(body: (system: DateSystem) => T): Promise<T> {
  return workbookDateSystem().then(body, (e: unknown) => {
    const why = e instanceof Error ? e.message : String(e);
    throw notAvailable(sayBoth(FUNCTION_MESSAGES, "noDateSystem", { why }));
  });
}
