/**
 * Word pools for the demo workbook (templates/sample.ts): plausible names,
 * companies, products and Chinese follow-up texts. Data only.
 */
import type { Purpose } from "../core/contract/schema";

/** Salespeople are Chinese staff: [汉字, pinyin] parts give names and email addresses. */
export const SURNAMES: readonly (readonly [string, string])[] = [
  ["张", "zhang"], ["李", "li"], ["王", "wang"], ["刘", "liu"], ["陈", "chen"], ["杨", "yang"], ["赵", "zhao"],
  ["黄", "huang"], ["周", "zhou"], ["吴", "wu"], ["徐", "xu"], ["孙", "sun"], ["马", "ma"], ["胡", "hu"],
];
export const GIVEN_NAMES: readonly (readonly [string, string])[] = [
  ["伟", "wei"], ["娜", "na"], ["芳", "fang"], ["洋", "yang"], ["静", "jing"], ["磊", "lei"], ["婷", "ting"],
  ["杰", "jie"], ["敏", "min"], ["强", "qiang"], ["丽", "li"], ["军", "jun"], ["晓燕", "xiaoyan"], ["子涵", "zihan"],
];
export const MANAGERS = ["陈总", "周经理"] as const;
export const OUR_DOMAIN = "brightlux-lighting.com";

/** Countries customers come from: code, weight, calling code, city. */
export const CUSTOMER_COUNTRIES: readonly (readonly [string, number, string, string])[] = [
  ["US", 14, "1", "Los Angeles"], ["GB", 6, "44", "Manchester"], ["DE", 7, "49", "Hamburg"], ["FR", 4, "33", "Lyon"],
  ["IT", 4, "39", "Milan"], ["ES", 4, "34", "Valencia"], ["NL", 3, "31", "Rotterdam"], ["BE", 2, "32", "Antwerp"],
  ["PL", 3, "48", "Warsaw"], ["SE", 2, "46", "Gothenburg"], ["NO", 1, "47", "Oslo"], ["DK", 1, "45", "Aarhus"],
  ["FI", 1, "358", "Helsinki"], ["CZ", 1, "420", "Brno"], ["AT", 1, "43", "Vienna"], ["CH", 1, "41", "Zurich"],
  ["PT", 1, "351", "Porto"], ["GR", 1, "30", "Athens"], ["IE", 1, "353", "Dublin"], ["RU", 3, "7", "Moscow"],
  ["TR", 3, "90", "Istanbul"], ["AE", 4, "971", "Dubai"], ["SA", 3, "966", "Riyadh"], ["IL", 1, "972", "Tel Aviv"],
  ["EG", 1, "20", "Cairo"], ["ZA", 2, "27", "Johannesburg"], ["NG", 2, "234", "Lagos"], ["KE", 1, "254", "Nairobi"],
  ["IN", 4, "91", "Mumbai"], ["PK", 1, "92", "Karachi"], ["BD", 1, "880", "Dhaka"], ["VN", 2, "84", "Ho Chi Minh City"],
  ["TH", 2, "66", "Bangkok"], ["MY", 2, "60", "Kuala Lumpur"], ["SG", 2, "65", "Singapore"], ["ID", 2, "62", "Jakarta"],
  ["PH", 2, "63", "Manila"], ["JP", 2, "81", "Osaka"], ["KR", 2, "82", "Seoul"], ["AU", 4, "61", "Sydney"],
  ["NZ", 1, "64", "Auckland"], ["CA", 3, "1", "Toronto"], ["MX", 3, "52", "Guadalajara"], ["BR", 3, "55", "São Paulo"],
  ["AR", 1, "54", "Buenos Aires"], ["CL", 2, "56", "Santiago"], ["CO", 1, "57", "Bogotá"], ["PE", 1, "51", "Lima"],
  ["MA", 1, "212", "Casablanca"], ["QA", 1, "974", "Doha"], ["KW", 1, "965", "Kuwait City"], ["HK", 2, "852", "Hong Kong"],
  ["TW", 1, "886", "Taipei"], ["UA", 1, "380", "Kyiv"], ["RO", 1, "40", "Bucharest"], ["HU", 1, "36", "Budapest"],
];

/** Extra zones for big countries where a customer is not in the default zone. */
export const OTHER_ZONES: Readonly<Record<string, readonly string[]>> = {
  US: ["America/Chicago", "America/Los_Angeles", "America/Denver"],
  CA: ["America/Vancouver"],
  AU: ["Australia/Perth"],
  BR: ["America/Manaus"],
  MX: ["America/Tijuana"],
  RU: ["Asia/Yekaterinburg"],
};

/** Web domains where the country code alone is not what companies use. */
export const COUNTRY_TLD: Readonly<Record<string, string>> = { GB: "co.uk", AU: "com.au", NZ: "co.nz", JP: "co.jp", KR: "co.kr", BR: "com.br", MX: "com.mx", AR: "com.ar", TR: "com.tr", ZA: "co.za", IN: "co.in", EG: "com.eg", SA: "com.sa", HK: "com.hk", TW: "com.tw", MY: "com.my", SG: "com.sg", PH: "com.ph", VN: "com.vn", ID: "co.id", TH: "co.th", PK: "com.pk", BD: "com.bd", NG: "com.ng", KE: "co.ke", CO: "com.co", PE: "com.pe", IL: "co.il", KW: "com.kw", QA: "com.qa", UA: "com.ua" };

export const LEGAL_SUFFIX: Readonly<Record<string, string>> = {
  US: "Inc.", CA: "Inc.", GB: "Ltd", IE: "Ltd", DE: "GmbH", AT: "GmbH", CH: "AG", FR: "SARL", IT: "S.r.l.",
  ES: "S.L.", PT: "Lda.", NL: "B.V.", BE: "BV", SE: "AB", NO: "AS", DK: "ApS", FI: "Oy", PL: "Sp. z o.o.",
  CZ: "s.r.o.", BR: "Ltda.", MX: "S.A. de C.V.", AR: "S.A.", CL: "SpA", CO: "S.A.S.", PE: "S.A.C.", AU: "Pty Ltd",
  NZ: "Ltd", JP: "Co., Ltd.", KR: "Co., Ltd.", AE: "LLC", SA: "Est.", QA: "W.L.L.", KW: "Co. W.L.L.", RU: "LLC",
  UA: "LLC", TR: "Ltd. Şti.", IN: "Pvt Ltd", ZA: "(Pty) Ltd", RO: "S.R.L.", HU: "Kft.",
};

export const COMPANY_FIRST = [
  "Nova", "Bright", "Prime", "Atlas", "Blue Ocean", "Sunrise", "Evergreen", "Delta", "Summit", "Orion", "Vertex",
  "Global", "United", "Pioneer", "Crystal", "Golden Gate", "Northstar", "Lumen", "Apex", "Harbor", "Silverline",
  "Redwood", "Metro", "Coastal", "Alpine", "Falcon", "Zenith", "Omega", "Horizon", "Keystone",
] as const;
export const COMPANY_SECOND = [
  "Lighting", "Electric", "Home Supplies", "Trading", "Solar", "Building Materials", "Electrical Wholesale",
  "Lamps", "Energy Solutions", "Distribution", "Projects", "Import & Export", "Hardware", "LED Systems", "Retail",
] as const;

/** First and last names by broad culture, for customer contacts. */
export const CONTACT_NAMES: Readonly<Record<string, readonly [readonly string[], readonly string[]]>> = {
  western: [
    ["John", "Michael", "Sarah", "Emma", "David", "Laura", "Thomas", "Anna", "Peter", "Julia", "Mark", "Sophie", "Daniel", "Lisa", "Robert", "Olivia"],
    ["Smith", "Miller", "Schmidt", "Martin", "Rossi", "Garcia", "Jansen", "Nowak", "Larsen", "Dubois", "Brown", "Wilson", "Weber", "Moreau", "Novak", "Walsh"],
  ],
  latin: [
    ["Carlos", "María", "José", "Ana", "Luis", "Camila", "Diego", "Valentina", "Javier", "Lucía"],
    ["González", "Rodríguez", "Silva", "Pérez", "Fernández", "Santos", "Oliveira", "Ramírez", "Torres", "Costa"],
  ],
  arabic: [
    ["Ahmed", "Mohammed", "Fatima", "Omar", "Layla", "Khalid", "Youssef", "Hassan", "Mariam", "Ali"],
    ["Al-Farsi", "Haddad", "Nasser", "Khalil", "Mansour", "Aziz", "Rahman", "Saleh", "Hamdan", "Qureshi"],
  ],
  asian: [
    ["Nguyen", "Siti", "Rahul", "Priya", "Kenji", "Yuki", "Min-jun", "Ji-woo", "Somchai", "Budi", "Kevin", "Grace"],
    ["Tran", "Wong", "Sharma", "Patel", "Tanaka", "Sato", "Kim", "Park", "Santos", "Tan", "Lim", "Chan"],
  ],
  african: [
    ["Chinedu", "Amara", "Kwame", "Zanele", "Tunde", "Wanjiru", "Sipho", "Ngozi", "Kofi", "Thandi"],
    ["Okafor", "Mensah", "Dlamini", "Adeyemi", "Kamau", "Nkosi", "Eze", "Otieno", "Mokoena", "Bello"],
  ],
};

export const TITLES = ["Purchasing Manager", "CEO", "Buyer", "Sourcing Director", "Owner", "Procurement Officer", "General Manager", "Product Manager"] as const;

/** Our products: English (for order lines) and Chinese (for summaries). */
export const PRODUCTS: readonly (readonly [string, string])[] = [
  ["LED panel light", "LED面板灯"], ["LED strip", "LED灯带"], ["Solar street light", "太阳能路灯"], ["LED high bay", "LED工矿灯"],
  ["LED downlight", "LED筒灯"], ["LED flood light", "LED投光灯"], ["Smart bulb", "智能灯泡"], ["Emergency light", "应急灯"],
  ["LED tube T8", "T8灯管"], ["Track light", "轨道灯"],
];

export const COURIERS = ["DHL", "FedEx", "UPS", "TNT", "顺丰"] as const;
export const PAYMENT_TERMS = ["T/T 30/70", "T/T 30/70", "T/T 30/70", "T/T 50/50", "T/T 100% in advance", "L/C at sight", "O/A 60 days"] as const;

export const SUMMARIES: Readonly<Record<Purpose, readonly string[]>> = {
  Inquiry: ["客户询问{p}的价格和起订量", "客户通过平台发来{p}询盘，要求报价", "客户想了解{p}的认证（CE/RoHS）情况", "客户询问{p}的交期和包装方式"],
  Quotation: ["已发送{p}报价单，FOB宁波", "根据客户数量调整{p}报价，给出阶梯价", "客户嫌{p}价格偏高，解释了用料和质保", "重新报价{p}，含新包装费用"],
  Sample: ["客户确认{p}样品规格，安排寄样", "样品已寄出，告知运单号", "跟进{p}样品测试结果", "客户要求补寄{p}样品（不同色温）"],
  Order: ["客户确认{p}订单，发送形式发票", "催收定金，客户说本周安排", "通知客户{p}已出货，发送提单副本", "确认{p}大货生产进度"],
  AfterSales: ["客户反馈{p}安装说明不清楚，已发视频", "处理{p}少量灯珠不亮问题，同意补发配件", "回复客户关于{p}质保条款的问题"],
  Complaint: ["客户投诉{p}外箱破损，已拍照确认并安排补偿", "客户投诉交期延误，已说明原因并承诺加急", "客户投诉{p}色差，已联系工厂改进"],
  Greeting: ["节日问候，顺便介绍{p}新品", "生日问候", "新年问候并发送新品目录"],
  ReturnVisit: ["回访客户对{p}使用情况的满意度", "售后回访：客户对{p}质量满意，有返单意向", "回访客户，了解市场反馈和下季度计划"],
  Other: ["客户介绍了他们的新仓库和销售渠道", "交流行业展会安排", "更新客户联系方式"],
};

export const NEXT_STEPS = ["发送新报价", "跟进样品反馈", "催定金", "确认订单数量", "发新品目录", "电话沟通细节", "约视频会议", "回访满意度"] as const;

export const SAMPLE_FEEDBACK = ["样品质量不错，准备下试单", "亮度符合要求，价格还需商量", "包装需改进", "客户还在测试中", "色温偏冷，要求改3000K"] as const;

export const WEEKLY_REVIEW = [
  "本周联系老客户{n}个，新开发客户{m}个，发出报价若干",
  "本周主要跟进样品反馈和两个订单的生产进度",
  "参加线上培训，整理客户档案，回复阿里询盘",
  "本周重点跟进核心客户，确认下季度订单计划",
] as const;
export const WEEKLY_PROBLEMS = ["部分客户回复慢，询盘质量不高", "报价偏高，和同行比缺少优势", "样品寄送时间太长", "对新产品参数还不够熟悉", "暂无明显问题"] as const;
export const WEEKLY_IMPROVEMENTS = ["按客户时区安排联系时间", "整理常见问题模板，提高回复速度", "多用视频展示工厂和产品", "每周固定时间回访老客户"] as const;
export const WEEKLY_SUPPORT = ["希望公司提供更多样品预算", "需要工程部协助回答技术问题", "希望经理一起参加客户视频会议", "暂无"] as const;
export const WEEKLY_MINDSET = ["积极", "有压力但有信心", "状态不错", "有点疲惫，会调整", "很有干劲"] as const;

export const SCORE_COMMENTS = ["阿里后台操作熟练，回复及时", "工作态度认真，方法还需改进", "客户跟进有条理", "需要提高询盘转化率", "表现稳定"] as const;
