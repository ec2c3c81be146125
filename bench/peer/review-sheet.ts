/**
 * The review sheet of the formula workbook (rules.md §7, contract.md's
 * review document): the quarter and the settings as named cells, one row
 * per salesperson in the table PeerReview, then the team's totals, the
 * customers by grade and the deal customers by region. Every figure is a
 * COUNTIFS / SUMIFS over the tables and their helper columns
 * (bench/peer/row-helpers.ts, grade-columns.ts).
 *
 * Labels are zh-CN, as the team's workbook; the status words are the
 * review sheet's own (通过 / 进行中 / 未通过), stages 1-4 or 已转正.
 */
import type ExcelJS from "exceljs";
import { REGIONS } from "../../core/contract/regions";
import { GRADES } from "../../core/contract/schema";
import { NO_REGION } from "../../core/review/review";
import { storedFormula } from "./formula";

export const REVIEW_SHEET = "公式考核";
export const REVIEW_TABLE = "PeerReview";

/** Named cells: the review's parameters. `value` is the formula or the typed value. */
const PARAMETERS: readonly { readonly name: string; readonly value: (quarterStart: Date) => ExcelJS.CellValue; readonly numFmt?: string }[] = [
  { name: "季度起", value: (start) => start, numFmt: "yyyy-mm-dd" },
  { name: "季度止", value: () => f("=EOMONTH(季度起,2)"), numFmt: "yyyy-mm-dd" },
  // A completed quarter is judged as of its last day (type the date for one in progress).
  { name: "截至", value: () => f("=季度止"), numFmt: "yyyy-mm-dd" },
  { name: "核心客户金额", value: () => setting("KeyCustomerMinRevenueCNY") },
  { name: "寄样跟进天数", value: () => setting("ASampleFollowUpDays") },
  { name: "默认底薪", value: () => setting("DefaultBaseSalaryCNY") },
  { name: "阶段二目标", value: () => setting("Q2SampleRequestsTarget") },
  { name: "阶段四目标", value: () => setting("Q4RepeatCustomersTarget") },
  { name: "提成方式", value: () => f(`=TRIM(INDEX(Settings[值],MATCH("CommissionMethod",Settings[参数],0)))`) },
  // CommissionTiers as the template has them: two bands with an upper edge, then the open one.
  { name: "档1上限", value: () => f("=INDEX(CommissionTiers[上限金额],1)") },
  { name: "档2上限", value: () => f("=INDEX(CommissionTiers[上限金额],2)") },
  { name: "档1比例", value: () => f("=INDEX(CommissionTiers[提成比例],1)") },
  { name: "档2比例", value: () => f("=INDEX(CommissionTiers[提成比例],2)") },
  { name: "档3比例", value: () => f("=INDEX(CommissionTiers[提成比例],3)") },
];

function f(typed: string): ExcelJS.CellFormulaValue {
  return { formula: storedFormula(typed), date1904: false };
}

function setting(key: string): ExcelJS.CellFormulaValue {
  return f(`=VALUE(INDEX(Settings[值],MATCH("${key}",Settings[参数],0)))`);
}

/** An order counted in the quarter, of this row's salesperson, dated from `from` to `to` (formula texts). */
const ordersOf = (from: string, to: string): string => `COUNTIFS(Orders[业务员],[@姓名],Orders[计入],TRUE,Orders[下单日期],">="&${from},Orders[下单日期],"<="&${to})`;
const monthOf = (k: number): string => `(${ordersOf(`EDATE(季度起,${k})`, `MIN(EDATE(季度起,${k + 1})-1,截至)`)}>0)`;
const tenureMonthOf = (k: number): string => `(${ordersOf(`EDATE([@入职日期],${6 + k})`, `MIN(EDATE([@入职日期],${7 + k})-1,截至)`)}>0)`;
/** Stage k's window ends inside the quarter: EDATE(hire, 3k) - 1 between 季度起 and 季度止. */
const endsInQuarter = (k: number): string => `AND(EDATE([@入职日期],${3 * k})>季度起,EDATE([@入职日期],${3 * k})<=季度止+1)`;
const forecastOf = (k: number): string => `SUMIFS(Forecasts[预报金额],Forecasts[业务员],[@姓名],Forecasts[月份],TEXT(EDATE(季度起,${k}),"yyyy-mm"))`;
const paidIn = (criteria: string): string => `ROUND(SUMIFS(Payments[人民币],${criteria}Payments[计入],TRUE,Payments[到款日期],">="&季度起,Payments[到款日期],"<="&截至),2)`;

/** PeerReview's columns, left to right; `contract` names the review document's field it gives. */
export const REVIEW_COLUMNS: readonly { readonly name: string; readonly formula: string; readonly numFmt?: string }[] = [
  { name: "入职日期", formula: "=INDEX(Salespeople[入职日期],MATCH([@姓名],Salespeople[姓名],0))", numFmt: "yyyy-mm-dd" },
  { name: "在职", formula: `=INDEX(Salespeople[在职],MATCH([@姓名],Salespeople[姓名],0))&""` },
  { name: "底薪", formula: `=IF(INDEX(Salespeople[底薪],MATCH([@姓名],Salespeople[姓名],0))="",默认底薪,INDEX(Salespeople[底薪],MATCH([@姓名],Salespeople[姓名],0)))` },
  {
    // The stage whose window ends in the quarter (the latest), else stage 1 for a hire during it, else established.
    name: "阶段",
    formula: `=IF([@入职日期]>季度止,"",IF(${endsInQuarter(4)},4,IF(${endsInQuarter(3)},3,IF(${endsInQuarter(2)},2,IF(OR(${endsInQuarter(1)},[@入职日期]>=季度起),1,"已转正")))))`,
  },
  { name: "窗口起", formula: `=IF(ISNUMBER([@阶段]),EDATE([@入职日期],3*([@阶段]-1)),"")`, numFmt: "yyyy-mm-dd" },
  { name: "窗口止", formula: `=IF(ISNUMBER([@阶段]),EDATE([@入职日期],3*[@阶段])-1,"")`, numFmt: "yyyy-mm-dd" },
  { name: "到款", formula: `=${paidIn("Payments[订单业务员],[@姓名],")}` },
  {
    name: "提成",
    formula:
      `=ROUND(IF(提成方式="whole",[@到款]*IF([@到款]<=档1上限,档1比例,IF([@到款]<=档2上限,档2比例,档3比例)),` +
      `MIN([@到款],档1上限)*档1比例+MAX(0,MIN([@到款],档2上限)-档1上限)*档2比例+MAX(0,[@到款]-档2上限)*档3比例),2)`,
  },
  { name: "收入", formula: "=ROUND([@底薪]*3+[@提成],2)" },
  { name: "订单数", formula: `=${ordersOf("季度起", "截至")}` },
  { name: "新客户", formula: `=COUNTIFS(Customers[业务员],[@姓名],Customers[建档日期],">="&季度起,Customers[建档日期],"<="&截至)` },
  { name: "联系次数", formula: `=COUNTIFS(FollowUps[业务员],[@姓名],FollowUps[方向],"发出",FollowUps[日期],">="&季度起,FollowUps[日期],"<"&截至+1)` },
  { name: "IM客户", formula: "=SUMIFS(FollowUps[季度IM首见],FollowUps[业务员],[@姓名])" },
  { name: "付费样品客户", formula: "=SUMIFS(Samples[季度样品首见],Samples[业务员],[@姓名])" },
  { name: "返单客户", formula: "=SUMIFS(Orders[季度返单首见],Orders[业务员],[@姓名])" },
  { name: "有单月数", formula: `=${monthOf(0)}+${monthOf(1)}+${monthOf(2)}` },
  { name: "预报", formula: `=ROUND(${forecastOf(0)}+${forecastOf(1)}+${forecastOf(2)},2)` },
  { name: "预报完成率", formula: `=IF([@预报]>0,ROUND([@到款]/[@预报],4),"")` },
  {
    // What the stage requires, counted over the window: paid orders, paid-sample customers, tenure months with an order, repeat customers.
    name: "考核数",
    formula:
      `=IF([@阶段]=1,COUNTIFS(Orders[业务员],[@姓名],Orders[窗口到款],TRUE),` +
      `IF([@阶段]=2,SUMIFS(Samples[窗口样品首见],Samples[业务员],[@姓名]),` +
      `IF([@阶段]=3,${tenureMonthOf(0)}+${tenureMonthOf(1)}+${tenureMonthOf(2)},` +
      `IF([@阶段]=4,SUMIFS(Orders[窗口返单首见],Orders[业务员],[@姓名]),""))))`,
  },
  { name: "试用期IM客户", formula: `=IF([@阶段]=1,SUMIFS(FollowUps[窗口IM首见],FollowUps[业务员],[@姓名]),"")` },
  { name: "考核目标", formula: `=IF([@阶段]=1,1,IF([@阶段]=2,阶段二目标,IF([@阶段]=3,3,IF([@阶段]=4,阶段四目标,""))))` },
  { name: "考核状态", formula: `=IF(ISNUMBER([@阶段]),IF([@考核数]>=[@考核目标],"通过",IF([@窗口止]<=截至,"未通过","进行中")),"")` },
  // Listed: hired by the quarter's end, and active or with business in it.
  { name: "列入", formula: `=AND([@入职日期]<=季度止,OR([@在职]<>"否",[@到款]>0,[@订单数]>0))` },
];

export const TEAM_COLUMNS = ["到款", "提成", "订单数", "新客户", "联系次数"] as const;
/** The grade labels of a zh-CN workbook, in the contract's order. */
export const GRADE_LABELS: readonly string[] = GRADES.map((g) => g.zh);
/** Every region the Countries table can name, and the review's key for none. */
export const REGION_KEYS: readonly string[] = [...REGIONS, NO_REGION];

/** Where the reader finds each block: 1-based sheet rows. */
export interface ReviewLayout {
  readonly sheet: string;
  /** Its place among the workbook's sheets, 1-based (LibreOffice's CSV filter asks for it). */
  readonly sheetNumber: number;
  /** The PeerReview header row; salespeople follow, one a row. */
  readonly headerRow: number;
  readonly salespeople: number;
  /** The team's totals (TEAM_COLUMNS from column B). */
  readonly teamRow: number;
  /** Customers by grade (GRADE_LABELS from column B). */
  readonly gradeRow: number;
  /** The first region row (REGION_KEYS in order: name, customers, paid CNY). */
  readonly regionRow: number;
}

const bold = { bold: true } as const;

/** Adds the review sheet for the quarter starting `quarterStart` (a UTC date) with one row per Salespeople row. */
export function addReviewSheet(wb: ExcelJS.Workbook, quarterStart: Date, salespeople: number): ReviewLayout {
  const ws = wb.addWorksheet(REVIEW_SHEET);
  ws.getCell("A1").value = "季度考核（公式版）";
  ws.getCell("A1").font = { bold: true, size: 14 };
  let row = 3;
  for (const p of PARAMETERS) {
    ws.getCell(row, 1).value = p.name;
    const cell = ws.getCell(row, 2);
    cell.value = p.value(quarterStart);
    if (p.numFmt) cell.numFmt = p.numFmt;
    wb.definedNames.add(`'${REVIEW_SHEET}'!$B$${row}`, p.name);
    row++;
  }
  const headerRow = row + 1;
  ws.addTable({
    name: REVIEW_TABLE,
    displayName: REVIEW_TABLE,
    ref: `A${headerRow}`,
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: [{ name: "姓名" }, ...REVIEW_COLUMNS.map((c) => ({ name: c.name }))],
    rows: Array.from({ length: Math.max(1, salespeople) }, (_, k) => [
      { formula: storedFormula(`=INDEX(Salespeople[姓名],${k + 1})`), date1904: false },
      ...REVIEW_COLUMNS.map((c) => ({ formula: storedFormula(c.formula, REVIEW_TABLE), date1904: false })),
    ]),
  });
  REVIEW_COLUMNS.forEach((c, i) => {
    if (c.numFmt) for (let r = headerRow + 1; r <= headerRow + salespeople; r++) ws.getCell(r, i + 2).numFmt = c.numFmt;
  });

  const review = (column: string): string => `${REVIEW_TABLE}[${column}]`;
  let at = headerRow + Math.max(1, salespeople) + 2;
  ws.getCell(at, 1).value = "团队合计";
  ws.getCell(at, 1).font = bold;
  TEAM_COLUMNS.forEach((c, i) => (ws.getCell(at, i + 2).value = c));
  const teamRow = at + 1;
  ws.getCell(teamRow, 1).value = "合计";
  TEAM_COLUMNS.forEach((c, i) => {
    const sum = `SUMIFS(${review(c)},${review("列入")},TRUE)`;
    ws.getCell(teamRow, i + 2).value = f(c === "到款" || c === "提成" ? `=ROUND(${sum},2)` : `=${sum}`);
  });

  at = teamRow + 2;
  ws.getCell(at, 1).value = "客户等级";
  ws.getCell(at, 1).font = bold;
  GRADE_LABELS.forEach((g, i) => (ws.getCell(at, i + 2).value = g));
  const gradeRow = at + 1;
  ws.getCell(gradeRow, 1).value = "客户数";
  GRADE_LABELS.forEach((g, i) => (ws.getCell(gradeRow, i + 2).value = f(`=COUNTIF(Customers[公式等级],"${g}")`)));

  at = gradeRow + 2;
  ws.getCell(at, 1).value = "成交客户按地区";
  ws.getCell(at, 1).font = bold;
  ws.getCell(at, 2).value = "客户数";
  ws.getCell(at, 3).value = "到款";
  const regionRow = at + 1;
  REGION_KEYS.forEach((region, k) => {
    const r = regionRow + k;
    ws.getCell(r, 1).value = region;
    const dealIn = (grade: string) => `COUNTIFS(Customers[地区],$A${r},Customers[公式等级],"${grade}")`;
    ws.getCell(r, 2).value = f(`=${dealIn(GRADES[0].zh)}+${dealIn(GRADES[1].zh)}`);
    ws.getCell(r, 3).value = f(`=${paidIn(`Payments[客户地区],$A${r},`)}`);
  });
  ws.getColumn(1).width = 16;
  return { sheet: REVIEW_SHEET, sheetNumber: wb.worksheets.indexOf(ws) + 1, headerRow, salespeople, teamRow, gradeRow, regionRow };
}
