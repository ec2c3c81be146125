/**
 * Chinese text for Excel's zh-CN custom-functions metadata. The English
 * JSDoc in functions/functions.ts is the source; this map gives, per
 * function id, the description of the function and of each
 * parameter. Function and parameter names stay as in English so a formula
 * reads the same in every workbook (=CRM.COMMISSION works in both).
 * The build fails when a function or parameter lacks its translation.
 */
export interface FunctionText {
  readonly description: string;
  readonly parameters: Readonly<Record<string, string>>;
}

export const TEXTS: Readonly<Record<string, FunctionText>> = {
  COMMISSION: {
    description: "按提成档位计算一个季度到款（人民币）的提成。",
    parameters: {
      amount: "到款金额（人民币，不小于 0）。",
      tiers: "提成档位表或两列区域（上限金额、提成比例；最后一档上限留空）。默认：100 万以内 2%，500 万以内 2.5%，以上 4%。",
      method: "\"marginal\" 超额累进（各档比例只计本档部分，默认）或 \"whole\" 全额累进（整个金额按所在档比例）。",
    },
  },
  COMMISSIONRATE: {
    description: "金额所在提成档位的提成比例。",
    parameters: {
      amount: "到款金额（人民币，不小于 0）。",
      tiers: "提成档位表或两列区域（上限金额、提成比例）。默认：合同约定的档位。",
    },
  },
  GRADE: {
    description: "根据客户情况得出客户等级（KEY 核心、DEAL 成交、A、B、C、D）。",
    parameters: {
      paidOrders: "已付款订单数（未取消且已到款）。",
      sampleSent: "已寄样品时为 TRUE（或 是/Y）。",
      inquiryType: "询盘类型：Detailed 详细询价、Generic 统一询价、Related 相关产品询价（留空 = 未知）。",
      daysSinceContact: "距上次联系的天数（留空 = 从未联系）。",
      paidCNY12m: "近 12 个月到款（人民币，留空 = 0）。",
    },
  },
  NEXTCONTACT: {
    description: "该等级客户下一次必须联系的日期。",
    parameters: {
      grade: "客户等级：KEY、DEAL、A、B、C 或 D。",
      lastContact: "上次联系日期（留空 = 从未联系）。",
      createdOn: "客户建档日期。",
    },
  },
  LOCALTIME: {
    description: "我方时钟为某一时刻时，客户当地的日期时间。",
    parameters: {
      timeZone: "客户的 IANA 时区，如 America/New_York。",
      when: "我方日期时间（默认：现在）。",
      workTimeZone: "我方工作时区（默认：Asia/Shanghai）。",
    },
  },
  CALLWINDOW: {
    description: "某一天我方与客户都在上班的时段（按我方时间）。",
    parameters: {
      timeZone: "客户的 IANA 时区，如 Europe/Berlin。",
      date: "我方工作日（默认：今天）。",
    },
  },
  TOCNY: {
    description: "按汇率把金额折算为人民币（人民币汇率恒为 1）。",
    parameters: {
      amount: "原币金额。",
      currency: "ISO 4217 币种代码，如 USD。",
      rates: "汇率表或两列区域（币种、汇率）。",
    },
  },
  STAGE: {
    description: "业务员的入职阶段：第一年内为 1 至 4，之后为 \"established\"（已转正满一年）。",
    parameters: {
      hireDate: "入职日期。",
      asOf: "评估日期（默认：今天）。",
    },
  },
  QUARTER: {
    description: "日期所在的季度，格式为 \"YYYY-Qn\"。",
    parameters: {
      date: "日期。",
    },
  },
};
