/**
 * The grade of every customer as of the review's date 截至 (rules.md §3), as
 * helper columns on the Customers table: one conditional count, sum or
 * maximum per fact over the other tables, then the rule as nested IFs. This
 * is where a formula workbook spends its time: each customer's facts scan
 * the whole Orders, Payments, Samples and FollowUps columns.
 *
 *   KEY  ≥ 2 paid orders, or CNY paid in the 12 months before 截至 ≥ the setting
 *   DEAL ≥ 1 paid order
 *   A    a sample sent and the last contact within 寄样跟进天数 days
 *   B    inquiry 详细询价, or a sample sent but follow-up lapsed
 *   C    inquiry 统一询价
 *   D    anything else
 * Labels are the zh-CN workbook's (核心客户, 成交客户, A类 …).
 */
import type { HelperColumn } from "./row-helpers";

export const GRADE_COLUMNS: readonly HelperColumn[] = [
  // A paid order: counted (not cancelled) with a payment on or before 截至.
  { name: "到款订单数", formula: `=COUNTIFS(Orders[客户编号],[@客户编号],Orders[计入],TRUE,Orders[首次到款],">0",Orders[首次到款],"<="&截至)` },
  {
    name: "近12月到款",
    formula: `=SUMIFS(Payments[人民币],Payments[订单客户],[@客户编号],Payments[计入],TRUE,Payments[到款日期],">"&EDATE(截至,-12),Payments[到款日期],"<="&截至)`,
  },
  { name: "已寄样", formula: `=COUNTIFS(Samples[客户编号],[@客户编号],Samples[寄出日期],"<="&截至)>0` },
  // In either direction, up to the end of 截至 (dates carry a time).
  { name: "最近联系", formula: `=MAXIFS(FollowUps[日期],FollowUps[客户编号],[@客户编号],FollowUps[日期],"<"&截至+1)`, numFmt: "yyyy-mm-dd hh:mm" },
  { name: "地区", formula: `=IFERROR(TRIM(INDEX(Countries[地区],MATCH([@国家],Countries[代码],0))),"Other")` },
  {
    name: "公式等级",
    formula:
      `=IF(OR([@到款订单数]>=2,AND([@近12月到款]>0,[@近12月到款]>=核心客户金额)),"核心客户",` +
      `IF([@到款订单数]>=1,"成交客户",` +
      `IF([@已寄样],IF(AND([@最近联系]>0,截至-INT([@最近联系])<=寄样跟进天数),"A类","B类"),` +
      `IF([@询盘类型]="详细询价","B类",IF([@询盘类型]="统一询价","C类","D类")))))`,
  },
];
