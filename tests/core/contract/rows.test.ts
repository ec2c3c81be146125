import { describe, expect, it } from "vitest";
import { parseCell, parseTable } from "../../../core/contract/rows";
import { serialFromYMD, serialFromDateTime } from "../../../core/contract/dates";
import { SCHEMA, columnOf, type TableName } from "../../../core/contract/schema";
import { customer, order } from "../../support/crm";
import type { RawTable } from "../../../core/contract/raw";

describe("a cell meets its column's contract", () => {
  it.each([
    ["Customers", "CustomerID", "  C-1 ", "C-1"],
    ["Customers", "Country", "de", "DE"],
    ["Customers", "Source", "阿里巴巴", "Alibaba"],
    ["Customers", "Source", "alibaba", "Alibaba"],
    ["Customers", "Email", "a.b@acme.de", "a.b@acme.de"],
    ["Customers", "CreditLimitCNY", "1,000,000", 1_000_000],
    ["Customers", "CreatedOn", "2026-03-01", serialFromYMD(2026, 3, 1)],
    ["Customers", "CreatedOn", serialFromYMD(2026, 3, 1) + 0.5, serialFromYMD(2026, 3, 1)],
    ["FollowUps", "Date", "2026-03-01 14:30", serialFromDateTime(2026, 3, 1, 14, 30)],
    ["FollowUps", "Direction", "收到", "In"],
    ["FollowUps", "Satisfaction", 5, 5],
    ["Samples", "FeePaid", "是", "Y"],
    ["Samples", "FeePaid", true, "Y"],
    ["Samples", "FeePaid", "no", "N"],
    ["Orders", "Currency", "usd", "USD"],
    ["Orders", "Status", "已取消", "Cancelled"],
    ["Forecasts", "Month", "2026-3", "2026-03"],
    ["Scores", "Quarter", "2026q3", "2026-Q3"],
    ["WeeklyNotes", "Week", "2026-W05", "2026-W05"],
    ["Customers", "TimeZone", "Europe/Berlin", "Europe/Berlin"],
    ["Customers", "Notes", "=1+1", "=1+1"],
    ["Customers", "Notes", "", null],
  ] as const)("%s.%s %j → %j", (table, key, input, expected) => {
    const res = parseCell(columnOf(table, key), input);
    expect(res).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["Customers", "CustomerID", "", "is required but blank"],
    ["Customers", "Email", "not-an-email", "not a valid email address"],
    ["Customers", "Email", "a@b", "not a valid email address"],
    ["Customers", "Country", "Germany", "expected a 2-letter ISO 3166-1 country code"],
    ["Customers", "Source", "Facebook", "is not one of Alibaba, MadeInChina"],
    ["Customers", "CreatedOn", "2026-02-30", "expected a date (YYYY-MM-DD)"],
    ["Customers", "CreatedOn", "yesterday", "expected a date (YYYY-MM-DD)"],
    ["Customers", "TimeZone", "Mars/Olympus", "unknown time zone"],
    ["Customers", "CreditLimitCNY", -5, "must be at least 0"],
    ["Orders", "Amount", 0, "must be greater than 0"],
    ["Orders", "Amount", "12abc", "expected a number"],
    ["FollowUps", "Satisfaction", 6, "must be at most 5"],
    ["FollowUps", "Satisfaction", 2.5, "expected a whole number"],
    ["FollowUps", "Date", "2026-03-01 25:00", "expected a date-time"],
    ["Scores", "Quarter", "2026-Q5", "quarter must be YYYY-Qn"],
    ["WeeklyNotes", "Week", "2026-W54", "week must be YYYY-Www"],
  ] as const)("%s.%s %j is refused: %s", (table, key, input, message) => {
    const res = parseCell(columnOf(table, key), input);
    expect(res.ok).toBe(false);
    // The issue's code comes from the problem, never from the words.
    if (!res.ok) expect(res.problem).toBe(message === "is required but blank" ? "required" : "invalid");
    if (!res.ok) {
      expect(res.message.en).toContain(message);
      expect(res.message.zh.length).toBeGreaterThan(0);
    }
  });
});

describe("a table is typed row by row, naming sheet, row and column", () => {
  const raw: RawTable = {
    table: "Customers",
    sheet: "客户",
    lang: "zh-CN",
    headers: { CustomerID: "客户编号", Company: "公司名称", Country: "国家", Owner: "业务员", CreatedOn: "建档日期", Email: "邮箱" },
    missingColumns: ["TimeZone", "Address", "Website", "Source", "Products", "Status", "InquiryType", "Size", "CreditRating", "CreditLimitCNY", "Contact", "Title", "Phone", "IM", "Birthday", "Grade", "Notes"],
    rows: [
      { rowNumber: 2, cells: { CustomerID: "C-1", Company: "Acme", Country: "DE", Owner: "张伟", CreatedOn: "2026-01-05", Email: "x@acme.de" } },
      { rowNumber: 3, cells: { CustomerID: null, Company: null, Country: null, Owner: null, CreatedOn: null, Email: null } },
      { rowNumber: 4, cells: { CustomerID: "C-2", Company: "Beta", Country: "FR", Owner: "张伟", CreatedOn: "2026-01-05", Email: "bad" } },
      { rowNumber: 5, cells: { CustomerID: "C-3", Company: null, Country: "FR", Owner: "张伟", CreatedOn: "2026-01-05", Email: null } },
    ],
  };
  const parsed = parseTable<"Customers">(raw);

  it("keeps usable rows, with a bad optional cell blanked", () => {
    expect(parsed.rows.map((r) => r.CustomerID)).toEqual(["C-1", "C-2"]);
    expect(parsed.rowNumbers).toEqual([2, 4]);
    expect(parsed.rows[1].Email).toBeNull();
    expect(parsed.rows[0].TimeZone).toBeNull();
  });

  it("skips blank rows silently and reports each bad cell where it is", () => {
    const cells = parsed.issues.filter((i) => i.code !== "missing-column").map((i) => [i.sheet, i.row, i.column, i.code]);
    expect(cells).toEqual([
      ["客户", 4, "邮箱", "invalid-text"],
      ["客户", 5, "公司名称", "required"],
    ]);
  });

  it("reports missing optional columns as warnings in the sheet's language", () => {
    const missing = parsed.issues.filter((i) => i.code === "missing-column");
    expect(missing).toHaveLength(17);
    expect(missing.every((i) => i.severity === "warning" && i.row === 1)).toBe(true);
    expect(missing.map((i) => i.column)).toContain("时区");
  });
});

describe("a typed row has every column of its table, in contract order", () => {
  /** A sheet of `n` rows made from typed rows, as an adapter would hand them to parseTable. */
  function sheet(table: TableName, n: number, row: (i: number) => object, missingColumns: readonly string[] = []): RawTable {
    return {
      table,
      sheet: table,
      lang: "en-US",
      headers: {},
      missingColumns,
      rows: Array.from({ length: n }, (_, i) => ({
        rowNumber: i + 2,
        cells: Object.fromEntries(Object.entries(row(i)).filter(([key, v]) => v !== null && !missingColumns.includes(key))),
      })),
    };
  }

  it("a column the sheet lacks is there, null", () => {
    const { rows, issues } = parseTable<"Customers">(sheet("Customers", 3, (i) => customer(`C-${i}`, { Notes: "kept" }), ["Website", "Notes"]));
    expect(issues.map((i) => i.column)).toEqual(["Website", "Notes"]); // reported as missing, nothing else
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(r.Website).toBeNull();
      expect(r.Notes).toBeNull();
      expect(Object.keys(r)).toEqual(SCHEMA.Customers.columns.map((c) => c.key));
    }
  });

  it("no row shares its fields with another", () => {
    const { rows } = parseTable<"Orders">(sheet("Orders", 3, (i) => order(`SO-${i}`, "C-1", { Products: `item ${i}` })));
    expect(rows.map((r) => r.Products)).toEqual(["item 0", "item 1", "item 2"]);
    (rows[0] as { Products: string | null }).Products = "changed";
    expect(rows.map((r) => r.Products)).toEqual(["changed", "item 1", "item 2"]);
  });
});
