/**
 * The workbook contract (shared/spec/contract.md) as data.
 *
 * One source: the template builder, the validators, the adapters, the task
 * pane and the docs all read these definitions; nothing else spells a header.
 * Column keys are the English headers; zh is the Chinese header of a zh-CN
 * workbook. Readers accept either.
 */

export * from "./lang";
export { TABLE_NAMES, type ColumnDef, type ColumnRef, type ColumnType, type TableDef, type TableName, type TextFormat } from "./columns";
export * from "./enums";
import { SOURCES, CUSTOMER_STATUSES, INQUIRY_TYPES, SIZES, CREDIT_RATINGS, GRADES, CHANNELS, DIRECTIONS, PURPOSES, INCOTERMS, ORDER_STATUSES, YES_NO } from "./enums";

import { col, customerRef, orderRef, req, salespersonRef, TABLE_NAMES, type ColumnDef, type TableDef, type TableName } from "./columns";
import { localize, type Lang } from "./lang";


// ---------------------------------------------------------------------------
// The tables.

export const SCHEMA: Readonly<Record<TableName, TableDef>> = {
  Customers: {
    name: "Customers",
    sheet: { zh: "客户", en: "Customers" },
    idColumn: "CustomerID",
    kind: "record",
    help: { zh: "客户档案：一个客户一行，所有记录通过客户编号关联。", en: "Customer archive: one row per customer; every record links by CustomerID." },
    columns: [
      col("CustomerID", "客户编号", "text", { ...req, unique: true, width: 14 }),
      col("Company", "公司名称", "text", { ...req, width: 30 }),
      col("Country", "国家", "text", { ...req, format: "country", width: 8 }),
      col("TimeZone", "时区", "text", { format: "timezone", width: 20 }),
      col("Address", "地址", "text", { width: 30 }),
      col("Website", "网站", "text", { width: 24 }),
      col("Source", "来源", "enum", {}, SOURCES),
      col("Products", "意向产品", "text", { width: 24 }),
      col("Owner", "业务员", "text", { ...req, ref: salespersonRef, width: 12 }),
      col("CreatedOn", "建档日期", "date", req),
      col("Status", "状态", "enum", {}, CUSTOMER_STATUSES),
      col("InquiryType", "询盘类型", "enum", { width: 13 }, INQUIRY_TYPES),
      col("Size", "规模", "enum", {}, SIZES),
      col("CreditRating", "信用等级", "enum", { width: 13 }, CREDIT_RATINGS),
      col("CreditLimitCNY", "信用额度", "number", { width: 16 }),
      col("Contact", "联系人", "text", { width: 18 }),
      col("Title", "职位", "text", { width: 16 }),
      col("Email", "邮箱", "text", { format: "email", width: 26 }),
      col("Phone", "电话", "text", { width: 18 }),
      col("IM", "即时通讯", "text", { width: 18 }),
      col("Birthday", "生日", "date"),
      col("Grade", "等级", "enum", { computed: true, width: 10 }, GRADES),
      col("Notes", "备注", "text", { width: 30 }),
    ],
  },
  FollowUps: {
    name: "FollowUps",
    sheet: { zh: "跟进记录", en: "FollowUps" },
    idColumn: "FollowUpID",
    kind: "record",
    help: { zh: "每一次联系客户（发出或收到）一行。", en: "One row per contact with a customer, outbound or inbound." },
    columns: [
      col("FollowUpID", "跟进编号", "text", { ...req, unique: true, width: 16 }),
      col("Date", "日期", "datetime", req),
      col("CustomerID", "客户编号", "text", { ...req, ref: customerRef, width: 14 }),
      col("Salesperson", "业务员", "text", { ...req, ref: salespersonRef, width: 12 }),
      col("Channel", "方式", "enum", { ...req, width: 13 }, CHANNELS),
      col("Direction", "方向", "enum", { ...req, width: 11 }, DIRECTIONS),
      col("Purpose", "目的", "enum", { width: 12 }, PURPOSES),
      col("Summary", "内容", "text", { width: 40 }),
      col("NextStep", "下一步", "text", { width: 24 }),
      col("NextDate", "下次跟进", "date"),
      col("Satisfaction", "满意度", "int", { min: 1, max: 5, width: 13 }),
    ],
  },
  Samples: {
    name: "Samples",
    sheet: { zh: "样品", en: "Samples" },
    idColumn: "SampleID",
    kind: "record",
    help: { zh: "样品申请与寄送。", en: "Sample requests and shipments." },
    columns: [
      col("SampleID", "样品编号", "text", { ...req, unique: true, width: 14 }),
      col("CustomerID", "客户编号", "text", { ...req, ref: customerRef, width: 14 }),
      col("Salesperson", "业务员", "text", { ...req, ref: salespersonRef, width: 12 }),
      col("RequestedOn", "申请日期", "date", { ...req, width: 13 }),
      col("SentOn", "寄出日期", "date"),
      col("Items", "样品", "text", { width: 24 }),
      col("Courier", "快递", "text", { width: 12 }),
      col("TrackingNo", "运单号", "text", { width: 18 }),
      col("FeeCNY", "样品费", "number"),
      col("FeePaid", "已付样品费", "yn", { width: 12 }, YES_NO),
      col("Feedback", "反馈", "text", { width: 30 }),
    ],
  },
  Orders: {
    name: "Orders",
    sheet: { zh: "订单", en: "Orders" },
    idColumn: "OrderID",
    kind: "record",
    help: { zh: "订单：确认 → 生产中 → 已出运 → 已完成（或已取消）。", en: "Orders: Confirmed → In production → Shipped → Completed (or Cancelled)." },
    columns: [
      col("OrderID", "订单编号", "text", { ...req, unique: true, width: 14 }),
      col("CustomerID", "客户编号", "text", { ...req, ref: customerRef, width: 14 }),
      col("Salesperson", "业务员", "text", { ...req, ref: salespersonRef, width: 12 }),
      col("OrderDate", "下单日期", "date", req),
      col("Products", "产品", "text", { width: 24 }),
      col("Currency", "币种", "text", { ...req, format: "currency", width: 10 }),
      col("Amount", "金额", "number", { ...req, positive: true, width: 14 }),
      col("Incoterm", "贸易术语", "enum", { width: 10 }, INCOTERMS),
      col("PaymentTerms", "付款方式", "text", { width: 16 }),
      col("Status", "状态", "enum", { ...req, width: 13 }, ORDER_STATUSES),
      col("ShipDate", "出运日期", "date"),
      col("DueDate", "收款期限", "date"),
    ],
  },
  Payments: {
    name: "Payments",
    sheet: { zh: "收款", en: "Payments" },
    idColumn: "PaymentID",
    kind: "record",
    help: { zh: "到款记录（定金、尾款各一行）。", en: "Payments received (deposit and balance each a row)." },
    columns: [
      col("PaymentID", "收款编号", "text", { ...req, unique: true, width: 14 }),
      col("OrderID", "订单编号", "text", { ...req, ref: orderRef, width: 14 }),
      col("Date", "到款日期", "date", req),
      col("Currency", "币种", "text", { ...req, format: "currency", width: 10 }),
      col("Amount", "金额", "number", { ...req, positive: true, width: 14 }),
      col("RateToCNY", "汇率", "number", { positive: true, width: 11 }),
    ],
  },
  Salespeople: {
    name: "Salespeople",
    sheet: { zh: "业务员", en: "Salespeople" },
    idColumn: "Name",
    kind: "record",
    help: { zh: "业务员名单、入职日期与底薪。", en: "Salespeople, their hire dates and base salaries." },
    columns: [
      col("Name", "姓名", "text", { ...req, unique: true, width: 12 }),
      col("HireDate", "入职日期", "date", req),
      col("Manager", "经理", "text", { width: 12 }),
      col("BaseSalaryCNY", "底薪", "number", { width: 15 }),
      col("Active", "在职", "yn", { width: 8 }, YES_NO),
      col("Email", "邮箱", "text", { format: "email", width: 26 }),
    ],
  },
  Forecasts: {
    name: "Forecasts",
    sheet: { zh: "业绩预报", en: "Forecasts" },
    idColumn: null,
    kind: "record",
    help: { zh: "每月业绩预报（人民币）。", en: "Monthly sales forecasts in CNY." },
    columns: [
      col("Salesperson", "业务员", "text", { ...req, ref: salespersonRef, width: 12 }),
      col("Month", "月份", "text", { ...req, format: "month", width: 10 }),
      col("ForecastCNY", "预报金额", "number", { ...req, width: 14 }),
    ],
  },
  Scores: {
    name: "Scores",
    sheet: { zh: "考核评分", en: "Scores" },
    idColumn: null,
    kind: "record",
    help: { zh: "经理每季度对阿里巴巴使用、态度与方法的评分。", en: "The manager's quarterly scores for Alibaba use and for attitude and method." },
    columns: [
      col("Salesperson", "业务员", "text", { ...req, ref: salespersonRef, width: 12 }),
      col("Quarter", "季度", "text", { ...req, format: "quarter", width: 10 }),
      col("AlibabaScore", "阿里巴巴评分", "number", { min: 0, max: 100, width: 14 }),
      col("AttitudeScore", "态度方法评分", "number", { min: 0, max: 100, width: 14 }),
      col("Comment", "评语", "text", { width: 30 }),
    ],
  },
  WeeklyNotes: {
    name: "WeeklyNotes",
    sheet: { zh: "周报", en: "WeeklyNotes" },
    idColumn: null,
    kind: "record",
    help: { zh: "业务员每周填写：工作回顾、问题、改进、需要的支持、心态。", en: "Typed in weekly by each salesperson: review, problems, improvements, support needed, state of mind." },
    columns: [
      col("Salesperson", "业务员", "text", { ...req, ref: salespersonRef, width: 12 }),
      col("Week", "周次", "text", { ...req, format: "isoWeek", width: 10 }),
      col("Review", "工作回顾", "text", { width: 30 }),
      col("Problems", "发现的问题", "text", { width: 30 }),
      col("Improvements", "改进方法", "text", { width: 30 }),
      col("SupportNeeded", "需要的支持", "text", { width: 30 }),
      col("Mindset", "心态", "text", { width: 20 }),
    ],
  },
  Settings: {
    name: "Settings",
    sheet: { zh: "设置", en: "Settings" },
    idColumn: "Key",
    kind: "reference",
    help: { zh: "规则参数（提成方式、跟进频率、考核目标等）。", en: "Rule parameters (commission method, cadence, review targets …)." },
    columns: [
      col("Key", "参数", "text", { ...req, unique: true, width: 28 }),
      col("Value", "值", "text", { width: 36 }),
      col("Description", "说明", "text", { width: 50 }),
    ],
  },
  CommissionTiers: {
    name: "CommissionTiers",
    sheet: { zh: "提成档位", en: "CommissionTiers" },
    idColumn: null,
    kind: "reference",
    help: { zh: "提成档位：上限（最后一档留空）与提成比例。", en: "Commission bands: upper bound (blank on the last band) and rate." },
    columns: [
      col("UpToCNY", "上限金额", "number", { width: 16 }),
      col("Rate", "提成比例", "number", { required: true, max: 1, width: 12 }),
    ],
  },
  ExchangeRates: {
    name: "ExchangeRates",
    sheet: { zh: "汇率", en: "ExchangeRates" },
    idColumn: "Currency",
    kind: "reference",
    help: { zh: "外币兑人民币汇率（收款行未填汇率时使用）。", en: "Rates to CNY, used where a payment row has no rate of its own." },
    columns: [
      col("Currency", "币种", "text", { ...req, unique: true, width: 10 }),
      col("RateToCNY", "兑人民币汇率", "number", { ...req, positive: true, width: 16 }),
      col("AsOf", "日期", "date"),
    ],
  },
  Countries: {
    name: "Countries",
    sheet: { zh: "国家", en: "Countries" },
    idColumn: "Code",
    kind: "reference",
    help: { zh: "国家代码、名称、地区与默认时区。", en: "Country codes, names, regions and default time zones." },
    columns: [
      col("Code", "代码", "text", { ...req, unique: true, width: 8 }),
      col("NameEn", "英文名", "text", { width: 28 }),
      col("NameZh", "中文名", "text", { width: 16 }),
      col("Region", "地区", "text", { width: 18 }),
      col("TimeZone", "时区", "text", { format: "timezone", width: 22 }),
    ],
  },
};

export const TABLES: readonly TableDef[] = TABLE_NAMES.map((n) => SCHEMA[n]);

/** The header a column shows in a workbook of the given language. */
export function headerOf(column: ColumnDef, lang: Lang): string {
  return localize({ zh: column.zh, en: column.key }, lang);
}

export function sheetNameOf(table: TableDef, lang: Lang): string {
  return localize(table.sheet, lang);
}

export function columnOf(table: TableName, key: string): ColumnDef {
  const found = SCHEMA[table].columns.find((c) => c.key === key);
  if (!found) throw new Error(`schema: ${table} has no column ${key}`);
  return found;
}
