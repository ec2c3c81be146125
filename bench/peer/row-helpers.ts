/**
 * The helper columns a team's analyst adds to the record tables before the
 * review can be a set of COUNTIFS / SUMIFS (rules.md §6-§7), typed as in
 * Excel (bench/peer/formula.ts stores them). A zh-CN workbook: the headers
 * and the lists' labels are the Chinese ones the team sees.
 *
 * What each table needs:
 * - Payments carry neither the salesperson nor the customer nor whether the
 *   order counts: one MATCH of the order, then INDEX for each; and the CNY
 *   value (the row's own rate, else the ExchangeRates table; CNY is 1).
 * - Orders: whether it counts (not cancelled), its first payment (a paid
 *   order as of a date), its place among the customer's orders (a repeat
 *   order is the second or later), and the salesperson's judged stage and
 *   window (looked up in the review table) for the stage requirements.
 * - "Distinct customers" has no COUNTIFS: a key column (customer|salesperson
 *   where the row qualifies, else "") and a first-seen flag (COUNTIF of the
 *   key from the table's top down to this row = 1); SUMIFS of the flag by
 *   salesperson then counts each customer once. The classic idiom of Excel
 *   before UNIQUE/FILTER, which LibreOffice 7.4 does not have.
 *
 * The review's parameters (季度起, 截至, …) are defined names on the review
 * sheet (bench/peer/review-sheet.ts); PeerReview is its table.
 */

export interface HelperColumn {
  readonly name: string;
  /** As typed in the table, with [@列] for this row. */
  readonly formula: string;
  /** Number format of the column (dates), when not General. */
  readonly numFmt?: string;
}

const DATE = "yyyy-mm-dd";

/** The distinct-customer pair: a key where `qualifies`, and its first-seen flag. */
function firstSeen(name: string, qualifies: string): HelperColumn[] {
  return [
    { name: `${name}键`, formula: `=IF(${qualifies},[@客户编号]&"|"&[@业务员],"")` },
    { name: `${name}首见`, formula: `=IF([@${name}键]="",0,IF(COUNTIF(INDEX([${name}键],1):[@${name}键],[@${name}键])=1,1,0))` },
  ];
}

/** This row's salesperson's `column` in the review table (stage, window; "" → 0 for none). */
const lookup = (column: string): string => `N(INDEX(PeerReview[${column}],MATCH([@业务员],PeerReview[姓名],0)))`;

/** This row's salesperson's judged stage and window, as helper columns. */
function salespersonWindow(): HelperColumn[] {
  return [
    { name: "业务员阶段", formula: `=${lookup("阶段")}` },
    { name: "窗口起", formula: `=${lookup("窗口起")}`, numFmt: DATE },
    // Nothing after the review's date counts.
    { name: "窗口判止", formula: `=MIN(${lookup("窗口止")},截至)`, numFmt: DATE },
  ];
}

export const PAYMENT_HELPERS: readonly HelperColumn[] = [
  { name: "订单行", formula: "=MATCH([@订单编号],Orders[订单编号],0)" },
  { name: "订单业务员", formula: "=INDEX(Orders[业务员],[@订单行])" },
  { name: "订单客户", formula: "=INDEX(Orders[客户编号],[@订单行])" },
  { name: "计入", formula: `=INDEX(Orders[状态],[@订单行])<>"已取消"` },
  {
    name: "人民币",
    formula: `=[@金额]*IF([@币种]="CNY",1,IF([@汇率]>0,[@汇率],INDEX(ExchangeRates[兑人民币汇率],MATCH([@币种],ExchangeRates[币种],0))))`,
  },
  { name: "客户地区", formula: "=INDEX(Customers[地区],MATCH([@订单客户],Customers[客户编号],0))" },
];

export const ORDER_HELPERS: readonly HelperColumn[] = [
  { name: "计入", formula: `=[@状态]<>"已取消"` },
  { name: "首次到款", formula: "=MINIFS(Payments[到款日期],Payments[订单编号],[@订单编号])", numFmt: DATE },
  {
    // Earlier orders of the customer, plus same-day ones from the top down to this row (sheet order breaks ties).
    name: "客户第几单",
    formula:
      `=IF([@计入],COUNTIFS([客户编号],[@客户编号],[计入],TRUE,[下单日期],"<"&[@下单日期])` +
      `+COUNTIFS(INDEX([客户编号],1):[@客户编号],[@客户编号],INDEX([计入],1):[@计入],TRUE,INDEX([下单日期],1):[@下单日期],[@下单日期]),0)`,
  },
  ...firstSeen("季度返单", `AND([@客户第几单]>=2,[@下单日期]>=季度起,[@下单日期]<=截至)`),
  ...salespersonWindow(),
  // Stage 1: a payment in the window on this order (only probationers' orders are asked).
  {
    name: "窗口到款",
    formula: `=IF(AND([@计入],[@业务员阶段]=1),COUNTIFS(Payments[订单编号],[@订单编号],Payments[到款日期],">="&[@窗口起],Payments[到款日期],"<="&[@窗口判止])>0,FALSE)`,
  },
  // Stage 4: repeat customers in the window.
  ...firstSeen("窗口返单", `AND([@业务员阶段]=4,[@客户第几单]>=2,[@下单日期]>=[@窗口起],[@下单日期]<=[@窗口判止])`),
];

export const SAMPLE_HELPERS: readonly HelperColumn[] = [
  ...firstSeen("季度样品", `AND([@已付样品费]="是",[@申请日期]>=季度起,[@申请日期]<=截至)`),
  ...salespersonWindow(),
  // Stage 2: customers with a paid sample request in the window.
  ...firstSeen("窗口样品", `AND([@业务员阶段]=2,[@已付样品费]="是",[@申请日期]>=[@窗口起],[@申请日期]<=[@窗口判止])`),
];

/** The IM channels of rules.md §7, as a zh-CN workbook spells them. */
const IM = `OR([@方式]="阿里旺旺",[@方式]="MSN",[@方式]="WhatsApp",[@方式]="微信")`;

export const FOLLOW_UP_HELPERS: readonly HelperColumn[] = [
  // Date is a date-time: the quarter's last day counts until midnight.
  ...firstSeen("季度IM", `AND([@方向]="发出",${IM},[@日期]>=季度起,[@日期]<截至+1)`),
  // Stage 1 also shows IM customers in the probation window; the window is looked up for outbound IM rows only.
  ...firstSeen(
    "窗口IM",
    `IF(AND([@方向]="发出",${IM}),AND(${lookup("阶段")}=1,[@日期]>=${lookup("窗口起")},[@日期]<MIN(${lookup("窗口止")},截至)+1),FALSE)`,
  ),
];
