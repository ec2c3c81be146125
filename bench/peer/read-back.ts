/**
 * The figures LibreOffice computed, read from the review sheet's CSV
 * (bench/peer/recalc.ts) at the places bench/peer/review-sheet.ts put them.
 * Columns are found by their headers. A formula error in any figure
 * (#N/A, #NAME?, Err:502 …) is thrown, naming the cell: the peer's figures
 * are either all computed or the run is worthless.
 */
import { parseCsv } from "../../core/contract/csv";
import { GRADES, type Grade } from "../../core/contract/schema";
import type { RequirementStatus, SalespersonReview, Stage } from "../../core/review/review";
import { STATUS_LABEL } from "../../core/review/sheet";
import { GRADE_LABELS, REGION_KEYS, TEAM_COLUMNS, type ReviewLayout } from "./review-sheet";

/** A salesperson's figures as the peer computes them: the review's own names and types. */
export type PeerPerson = Pick<
  SalespersonReview,
  | "name" | "window" | "paidCNY" | "commissionCNY" | "incomeCNY" | "orders" | "newCustomers" | "contacts" | "imCustomers"
  | "sampleRequests" | "repeatCustomers" | "monthsWithOrder" | "forecastCNY" | "forecastCompletion"
> & {
  /** Whether the review lists them (hired by the quarter's end, active or with business in it). */
  readonly listed: boolean;
  /** null: hired after the quarter. */
  readonly stage: Stage | null;
  /** imCustomers: stage 1's IM customers in the window, a number of the requirement's sentence. */
  readonly requirement: { readonly status: RequirementStatus; readonly actual: number; readonly target: number; readonly imCustomers?: number } | null;
};

export interface PeerFigures {
  readonly salespeople: readonly PeerPerson[];
  readonly team: Readonly<Record<(typeof TEAM_COLUMNS)[number], number>>;
  readonly grades: Readonly<Record<Grade, number>>;
  readonly byRegion: Readonly<Record<string, { readonly customers: number; readonly paidCNY: number }>>;
}

const ERROR = /^(#[A-Z0-9/]+[!?]?|Err:\d+)$/;

/** A reader of one CSV row's cells, named for messages. */
function cells(rows: readonly (readonly string[])[], row: number) {
  const at = (column: number): string => {
    const text = rows[row - 1]?.[column - 1] ?? "";
    if (ERROR.test(text.trim())) throw new Error(`peer: formula error ${text} in row ${row}, column ${column} of the review sheet`);
    return text;
  };
  const number = (column: number): number => {
    const text = at(column).trim();
    const n = Number(text);
    if (text === "" || !Number.isFinite(n)) throw new Error(`peer: "${text}" in row ${row}, column ${column} is not a number`);
    return n;
  };
  const optional = (column: number): number | null => (at(column).trim() === "" ? null : number(column));
  return { at, number, optional };
}

const STATUS_OF = new Map<string, RequirementStatus>(Object.entries(STATUS_LABEL).map(([status, label]) => [label.zh, status as RequirementStatus]));

function stageOf(text: string): Stage | null {
  if (text === "") return null;
  if (text === "已转正") return "established";
  const n = Number(text);
  if (n === 1 || n === 2 || n === 3 || n === 4) return n;
  throw new Error(`peer: stage "${text}" is neither 1-4, 已转正 nor blank`);
}

function person(rows: readonly (readonly string[])[], row: number, column: (name: string) => number): PeerPerson {
  const c = cells(rows, row);
  const n = (name: string): number => c.number(column(name));
  const stage = stageOf(c.at(column("阶段")).trim());
  const statusText = c.at(column("考核状态")).trim();
  const status = STATUS_OF.get(statusText);
  if (statusText !== "" && !status) throw new Error(`peer: requirement status "${statusText}" in row ${row}`);
  const from = c.at(column("窗口起")).trim();
  return {
    name: c.at(column("姓名")),
    listed: c.at(column("列入")).trim().toUpperCase() === "TRUE",
    stage,
    window: from === "" ? null : { from, to: c.at(column("窗口止")).trim() },
    paidCNY: n("到款"),
    commissionCNY: n("提成"),
    incomeCNY: n("收入"),
    orders: n("订单数"),
    newCustomers: n("新客户"),
    contacts: n("联系次数"),
    imCustomers: n("IM客户"),
    sampleRequests: n("付费样品客户"),
    repeatCustomers: n("返单客户"),
    monthsWithOrder: n("有单月数"),
    forecastCNY: n("预报"),
    forecastCompletion: c.optional(column("预报完成率")),
    requirement: status ? { status, actual: n("考核数"), target: n("考核目标"), ...(stage === 1 ? { imCustomers: n("试用期IM客户") } : {}) } : null,
  };
}

export function readPeerFigures(csv: string, layout: ReviewLayout): PeerFigures {
  const rows = parseCsv(csv.replace(/^\uFEFF/, ""));
  const header = rows[layout.headerRow - 1] ?? [];
  const column = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`peer: no column ${name} in row ${layout.headerRow} of the review sheet`);
    return i + 1;
  };
  const salespeople = Array.from({ length: layout.salespeople }, (_, k) => person(rows, layout.headerRow + 1 + k, column));
  const team = cells(rows, layout.teamRow);
  const grades = cells(rows, layout.gradeRow);
  return {
    salespeople,
    team: Object.fromEntries(TEAM_COLUMNS.map((name, i) => [name, team.number(i + 2)])) as PeerFigures["team"],
    grades: Object.fromEntries(GRADES.map((g) => [g.value, grades.number(GRADE_LABELS.indexOf(g.zh) + 2)])) as Record<Grade, number>,
    byRegion: Object.fromEntries(
      REGION_KEYS.map((region, k) => {
        const r = cells(rows, layout.regionRow + k);
        if (r.at(1) !== region) throw new Error(`peer: row ${layout.regionRow + k} holds "${r.at(1)}", not the region ${region}`);
        return [region, { customers: r.number(2), paidCNY: r.number(3) }];
      }),
    ),
  };
}
