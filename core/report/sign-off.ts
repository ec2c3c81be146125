/**
 * Signature and date lines under a printed report: one line for each
 * salesperson (业务员签字) and one for the manager (经理签字), each with a
 * date, on rows tall enough to write on. Laid out on the review's 13-column
 * grid (core/review/sheet.ts): name, label, a line to sign on, "date", a
 * line to write the date on.
 */
import type { LocalizedText } from "../contract/schema";
import { STYLE, type SheetLayout } from "./builder";

export const SIGN_TEXT = {
  salesperson: { zh: "业务员签字：", en: "Salesperson's signature:" },
  manager: { zh: "经理签字：", en: "Manager's signature:" },
  date: { zh: "日期：", en: "Date:" },
  managerRole: { zh: "经理", en: "Manager" },
} as const satisfies Record<string, LocalizedText>;

/** Points a signature row is tall: room for a hand-written name. */
export const SIGN_ROW_POINTS = 22;

const NAME = 1;
const LABEL: readonly [number, number] = [2, 3];
const LINE: readonly [number, number] = [4, 7];
const DATE_LABEL: readonly [number, number] = [8, 9];
const DATE_LINE: readonly [number, number] = [10, 12];

function signRow(s: SheetLayout, name: string, label: LocalizedText): void {
  const r = s.row++;
  s.put(r, NAME, name, { ...STYLE.signLabel, align: "left" });
  s.span(r, LABEL[0], LABEL[1], s.t(label), STYLE.signLabel);
  s.span(r, LINE[0], LINE[1], null, STYLE.signLine);
  s.span(r, DATE_LABEL[0], DATE_LABEL[1], s.t(SIGN_TEXT.date), STYLE.signLabel);
  s.span(r, DATE_LINE[0], DATE_LINE[1], null, STYLE.signLine);
  s.height(r, SIGN_ROW_POINTS);
}

/** A signature row per salesperson, then the manager's, from the layout's current row. */
export function signOff(s: SheetLayout, salespeople: readonly string[]): void {
  for (const name of salespeople) signRow(s, name, SIGN_TEXT.salesperson);
  signRow(s, s.t(SIGN_TEXT.managerRole), SIGN_TEXT.manager);
}
