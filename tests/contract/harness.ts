/**
 * What the port contract suite (port.contract.test.ts) needs from each
 * adapter, and the starting workbook it builds. The harness gives the suite a
 * few powers a port deliberately lacks: to see the persisted cells (user
 * columns, formulas), to act as "another user" editing the sheet between our
 * read and our write, and to open a second session on the same workbook.
 */
import { serialFromYMD } from "../../core/contract/dates";
import type { CellValue } from "../../core/contract/raw";
import type { TableName } from "../../core/contract/schema";
import type { WorkbookPort } from "../../workbook/port";

/** A cell of the starting workbook: a value, or a formula with the result it shows. */
export type FixtureCell = CellValue | { readonly formula: string; readonly result: CellValue };

export interface FixtureTable {
  readonly table: TableName;
  readonly sheet: string;
  /** In an Excel table named after the contract table, or a plain sheet with headers in row 1. */
  readonly asExcelTable: boolean;
  readonly headers: readonly string[];
  /** In header order; dates as 1900-system serials. */
  readonly rows: readonly (readonly FixtureCell[])[];
}

export interface ContractFixture {
  readonly tables: readonly FixtureTable[];
}

/** A sheet as persisted: what each cell shows and whether it holds a formula (row 0 = sheet row 1). */
export interface PersistedGrid {
  readonly values: readonly (readonly CellValue[])[];
  readonly formulas: readonly (readonly boolean[])[];
}

export interface ContractHarness {
  readonly port: WorkbookPort;
  /** A port over the persisted state (for a file: save, then open again). */
  reopen(): Promise<WorkbookPort>;
  /** The persisted cells of a sheet. */
  grid(sheet: string): Promise<PersistedGrid>;
  /** Another user edits the sheet in place (sort, insert rows) between our read and our write; the grid includes the header row. */
  rewriteSheet(sheet: string, rewrite: (grid: CellValue[][]) => CellValue[][]): Promise<void>;
  /** Two sessions on the same workbook, as two users writing to it. */
  twoWriters(): Promise<readonly [WorkbookPort, WorkbookPort]>;
}

export type MakeHarness = (fixture: ContractFixture) => Promise<ContractHarness>;

export const d = (y: number, m: number, day: number): number => serialFromYMD(y, m, day);

/** Customers in zh-CN, reordered, inside an Excel table, with two user columns (one a formula). */
const CUSTOMERS_ZH: FixtureTable = {
  table: "Customers",
  sheet: "客户",
  asExcelTable: true,
  headers: ["公司名称", "内部备注", "客户编号", "国家", "业务员", "建档日期", "状态", "名称长度"],
  rows: [
    ["Acme Trading", "老朋友", "C-260105-K3QXA", "US", "王芳", d(2026, 1, 5), "跟进中", { formula: "LEN(A2)", result: 12 }],
    ["Bremen Tools GmbH", "展会认识", "C-260212-M4PRT", "DE", "李雷", d(2026, 2, 12), "公海", { formula: "LEN(A3)", result: 17 }],
    ["Osaka Denki", null, "C-260301-HJ7CW", "JP", "王芳", d(2026, 3, 1), null, { formula: "LEN(A4)", result: 11 }],
    ["Lagos Imports", "付款慢", "C-260415-XYEFD", "NG", "李雷", d(2026, 4, 15), "已关闭", { formula: "LEN(A5)", result: 13 }],
  ],
};

/** FollowUps in en-US on a plain sheet, reordered, with a user column. */
const FOLLOWUPS_EN: FixtureTable = {
  table: "FollowUps",
  sheet: "FollowUps",
  asExcelTable: false,
  headers: ["Date", "FollowUpID", "My note", "CustomerID", "Salesperson", "Channel", "Direction", "Summary"],
  rows: [
    [d(2026, 5, 4) + 0.375, "F-260504-AAC3D", "call back", "C-260105-K3QXA", "王芳", "Email", "Out", "Sent quotation"],
    [d(2026, 5, 6) + 0.625, "F-260506-KK4MN", null, "C-260212-M4PRT", "李雷", "Phone", "In", "Asked for samples"],
  ],
};

/** Orders with only some contract columns: ensureStructure must add the rest. */
const ORDERS_PARTIAL: FixtureTable = {
  table: "Orders",
  sheet: "订单",
  asExcelTable: true,
  headers: ["订单编号", "客户编号", "金额", "我的标记"],
  rows: [["O-260601-QW3RT", "C-260105-K3QXA", 12500, "急"]],
};

export const CONTRACT_FIXTURE: ContractFixture = { tables: [CUSTOMERS_ZH, FOLLOWUPS_EN, ORDERS_PARTIAL] };
