/**
 * The contract's lists (enum columns) with their labels in both languages.
 * Values are what an en-US workbook stores; zh labels are what a zh-CN
 * workbook shows; readers accept value, en label or zh label.
 */

export interface EnumValue {
  readonly value: string;
  readonly zh: string;
  readonly en: string;
}

const e = (value: string, zh: string, en: string = value): EnumValue => ({ value, zh, en });

export const SOURCES = [
  e("Alibaba", "阿里巴巴"),
  e("MadeInChina", "中国制造网", "Made-in-China"),
  e("GlobalSources", "环球资源", "Global Sources"),
  e("TradeShow", "展会", "Trade show"),
  e("CustomsData", "海关数据", "Customs data"),
  e("Website", "官网", "Website"),
  e("Referral", "转介绍", "Referral"),
  e("Social", "社交媒体", "Social media"),
  e("Other", "其他", "Other"),
] as const;

export const CUSTOMER_STATUSES = [
  e("Active", "跟进中", "Active"),
  e("Pool", "公海", "Pool"),
  e("Closed", "已关闭", "Closed"),
] as const;

export const INQUIRY_TYPES = [
  e("Detailed", "详细询价", "Detailed"),
  e("Generic", "统一询价", "Generic"),
  e("Related", "相关产品询价", "Related"),
] as const;

export const SIZES = [e("Small", "小型"), e("Medium", "中型"), e("Large", "大型")] as const;

export const CREDIT_RATINGS = [e("A", "A"), e("B", "B"), e("C", "C"), e("D", "D")] as const;

export const GRADES = [
  e("KEY", "核心客户", "Key"),
  e("DEAL", "成交客户", "Deal"),
  e("A", "A类", "A"),
  e("B", "B类", "B"),
  e("C", "C类", "C"),
  e("D", "D类", "D"),
] as const;

export const CHANNELS = [
  e("Email", "邮件"),
  e("Phone", "电话"),
  e("Visit", "拜访"),
  e("TradeManager", "阿里旺旺", "Trade Manager"),
  e("MSN", "MSN"),
  e("WhatsApp", "WhatsApp"),
  e("WeChat", "微信"),
  e("VideoCall", "视频通话", "Video call"),
  e("Exhibition", "展会洽谈", "Exhibition"),
  e("Fax", "传真"),
  e("Other", "其他"),
] as const;

export const DIRECTIONS = [e("Out", "发出", "Out"), e("In", "收到", "In")] as const;

export const PURPOSES = [
  e("Inquiry", "询盘"),
  e("Quotation", "报价"),
  e("Sample", "样品"),
  e("Order", "订单"),
  e("AfterSales", "售后", "After-sales"),
  e("Complaint", "投诉"),
  e("Greeting", "问候"),
  e("ReturnVisit", "回访", "Return visit"),
  e("Other", "其他"),
] as const;

export const INCOTERMS = [
  e("EXW", "EXW"),
  e("FOB", "FOB"),
  e("CFR", "CFR"),
  e("CIF", "CIF"),
  e("DAP", "DAP"),
  e("DDP", "DDP"),
  e("Other", "其他"),
] as const;

export const ORDER_STATUSES = [
  e("Confirmed", "已确认"),
  e("InProduction", "生产中", "In production"),
  e("Shipped", "已出运", "Shipped"),
  e("Completed", "已完成", "Completed"),
  e("Cancelled", "已取消", "Cancelled"),
] as const;

export const YES_NO = [e("Y", "是", "Y"), e("N", "否", "N")] as const;

type Values<T extends readonly EnumValue[]> = T[number]["value"];
export type Source = Values<typeof SOURCES>;
export type CustomerStatus = Values<typeof CUSTOMER_STATUSES>;
export type InquiryType = Values<typeof INQUIRY_TYPES>;
export type CustomerSize = Values<typeof SIZES>;
export type CreditRating = Values<typeof CREDIT_RATINGS>;
export type Grade = Values<typeof GRADES>;
export type Channel = Values<typeof CHANNELS>;
export type Direction = Values<typeof DIRECTIONS>;
export type Purpose = Values<typeof PURPOSES>;
export type Incoterm = Values<typeof INCOTERMS>;
export type OrderStatus = Values<typeof ORDER_STATUSES>;
export type YesNo = Values<typeof YES_NO>;

/** Channels that count as instant messaging for the probation target (§7). */
export const IM_CHANNELS: readonly Channel[] = ["TradeManager", "MSN", "WhatsApp", "WeChat"];

