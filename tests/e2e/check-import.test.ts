/**
 * `tradebook check` and `tradebook import` on real .xlsx files: broken
 * workbooks and CSVs give exact messages (sheet, row, column), and nothing is
 * written unless every row is valid.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { run as check } from "../../cli/check";
import { run as importCsv } from "../../cli/import";
import type { CliIO } from "../../cli/io";
import { serialFromYMD } from "../../core/contract/dates";
import type { CrmSnapshot, SalespersonName } from "../../core/contract/model";
import type { Lang } from "../../core/contract/schema";
import { generateSample } from "../../templates/sample";
import { buildWorkbook } from "../../templates/builder";

const dir = mkdtempSync(path.join(tmpdir(), "tb-check-"));
const d = (y: number, m: number, day: number): number => serialFromYMD(y, m, day);

/** A small workbook whose every row is valid (checked below). */
const small: Partial<CrmSnapshot> = {
  Salespeople: [{ Name: "Zhang Wei" as SalespersonName, HireDate: d(2024, 1, 8), Manager: null, BaseSalaryCNY: null, Active: "Y", Email: null }],
  Customers: [
    customer("C-1", "Acme Lighting GmbH", "DE", "buyer@acme-lighting.de"),
    customer("C-2", "Sol Iluminación S.A.", "ES", "compras@sol.es"),
  ],
  FollowUps: [
    { FollowUpID: "F-1", Date: d(2026, 11, 2) + 0.4, CustomerID: "C-1", Salesperson: "Zhang Wei", Channel: "Email", Direction: "Out", Purpose: "Quotation", Summary: "quote", NextStep: null, NextDate: null, Satisfaction: null },
  ] as unknown as CrmSnapshot["FollowUps"],
};

function customer(id: string, company: string, country: string, email: string): CrmSnapshot["Customers"][number] {
  return {
    CustomerID: id, Company: company, Country: country, TimeZone: null, Address: null, Website: null, Source: "Alibaba", Products: null,
    Owner: "Zhang Wei", CreatedOn: d(2026, 10, 1), Status: null, InquiryType: "Detailed", Size: null, CreditRating: null, CreditLimitCNY: null,
    Contact: "Anna", Title: null, Email: email, Phone: null, IM: null, Birthday: null, Grade: null, Notes: null,
  } as unknown as CrmSnapshot["Customers"][number];
}

async function writeWorkbook(name: string, lang: Lang, data: Partial<CrmSnapshot> = small): Promise<string> {
  const file = path.join(dir, name);
  await buildWorkbook(lang, data).xlsx.writeFile(file);
  return file;
}

/** Sets one cell, found by sheet name, sheet row and header text. */
async function setCell(file: string, sheet: string, row: number, header: string, value: ExcelJS.CellValue): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet)!;
  let col = 0;
  ws.getRow(1).eachCell((c, n) => {
    if (c.text === header) col = n;
  });
  expect(col, `${sheet} has a column ${header}`).toBeGreaterThan(0);
  ws.getRow(row).getCell(col).value = value;
  await wb.xlsx.writeFile(file);
}

function capture(lang: Lang = "en-US"): { io: CliIO; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir, lang }, out, err };
}

const hash = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");

async function rowsOf(file: string, sheet: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet)!;
  const out: string[][] = [];
  ws.eachRow((r) => out.push((r.values as ExcelJS.CellValue[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v)))));
  return out;
}

describe("tradebook check", () => {
  it("passes the sample workbook with no error", async () => {
    const file = await writeWorkbook("sample.xlsx", "zh-CN", generateSample({ seed: 1, scale: 1, asOf: d(2026, 11, 27) }));
    const c = capture();
    expect(await check([file, "--json"], c.io)).toBe(0);
    const doc = JSON.parse(c.out.join("\n")) as { errors: number; warnings: number };
    expect(doc.errors).toBe(0);
    expect(doc.warnings).toBe(0);
  });

  it("passes the small hand-made workbook", async () => {
    const file = await writeWorkbook("small.xlsx", "en-US");
    const c = capture();
    expect(await check([file], c.io)).toBe(0);
    expect(c.out.at(-1)).toBe(`${file}: 0 errors, 0 warnings`);
  });

  // One broken cell per case; the exact line check prints for it.
  it.each([
    ["a blank required cell", "Customers", 3, "Company", null, 'error: Customers, row 3, column "Company": is required but blank'],
    ["a date that is not a date", "Customers", 2, "CreatedOn", "yesterday", 'error: Customers, row 2, column "CreatedOn": expected a date (YYYY-MM-DD), got "yesterday"'],
    ["a value outside the list", "Customers", 2, "Source", "Facebook", 'error: Customers, row 2, column "Source": "Facebook" is not one of Alibaba, MadeInChina, GlobalSources, TradeShow, CustomsData, Website, Referral, Social, Other'],
    ["a bad email", "Customers", 3, "Email", "compras at sol.es", 'error: Customers, row 3, column "Email": not a valid email address: "compras at sol.es"'],
    ["a broken reference", "FollowUps", 2, "CustomerID", "C-404", 'error: FollowUps, row 2, column "CustomerID": "C-404" is not in Customers'],
    ["a duplicate ID", "Customers", 3, "CustomerID", "C-1", 'error: Customers, row 3, column "CustomerID": duplicate CustomerID C-1: already on row 2'],
    ["an unknown owner", "Customers", 2, "Owner", "Nobody", 'error: Customers, row 2, column "Owner": "Nobody" is not in Salespeople'],
    ["an unknown country", "Customers", 2, "Country", "XX", 'error: Customers, row 2, column "Country": country code "XX" is not in Countries'],
  ])("names sheet, row and column for %s", async (_case, sheet, row, header, value, line) => {
    const file = await writeWorkbook(`broken-${sheet}-${row}-${header}.xlsx`, "en-US");
    await setCell(file, sheet, row, header, value);
    const before = hash(file);
    const c = capture();
    expect(await check([file], c.io)).toBe(1);
    expect(c.out).toContain(`${file}: ${line}`);
    expect(c.out.at(-1)).toBe(`${file}: 1 error, 0 warnings`);
    expect(hash(file)).toBe(before);
  });

  it("reports a missing required column on the header row, in the sheet's language", async () => {
    const file = await writeWorkbook("missing-col.xlsx", "zh-CN");
    await setCell(file, "客户", 1, "公司名称", "公司");
    const c = capture("zh-CN");
    expect(await check([file], c.io)).toBe(1);
    expect(c.out).toContain(`${file}: 错误: 客户 第1行 列「公司名称」: 缺少必需的列「公司名称」`);
  });

  it("exits 2 on a file it cannot read", async () => {
    const file = path.join(dir, "not-a-workbook.xlsx");
    writeFileSync(file, "hello");
    const c = capture();
    expect(await check([file], c.io)).toBe(2);
    expect(c.err.join("\n")).toContain("not-a-workbook.xlsx");
  });
});

describe("tradebook import", () => {
  let base: string;
  beforeAll(async () => {
    base = await writeWorkbook("import-base.xlsx", "zh-CN");
  });
  const fresh = (name: string): string => {
    const file = path.join(dir, name);
    writeFileSync(file, readFileSync(base));
    return file;
  };

  it("round-trips Chinese text from a CSV saved as GBK by Chinese Excel", async () => {
    const file = fresh("gbk.xlsx");
    const csv = path.join(dir, "customers-gbk.csv");
    const text =
      "客户编号,公司名称,国家,业务员,建档日期,来源,联系人,邮箱,备注\r\n" +
      "C-10,深圳市华强电子有限公司,CN,Zhang Wei,2026-11-20,展会,王小明,wang@huaqiang.cn,喜欢喝茶；重视交期「急」\r\n" +
      'C-11,"İstanbul Aydınlatma, Ltd. Şti.",TR,Zhang Wei,2026-11-21,阿里巴巴,Ayşe,ayse@ist-light.com.tr,=HYPERLINK("x")\r\n';
    writeFileSync(csv, iconv.encode(text.replace("İstanbul Aydınlatma, Ltd. Şti.", "Istanbul Lighting Ltd."), "gbk"));
    const c = capture("zh-CN");
    expect(await importCsv([file, "--table", "Customers", csv], c.io)).toBe(0);
    const rows = await rowsOf(file, "客户");
    expect(rows).toHaveLength(5);
    expect(rows[3].slice(0, 2)).toEqual(["C-10", "深圳市华强电子有限公司"]);
    expect(rows[3]).toContain("喜欢喝茶；重视交期「急」");
    expect(rows[3]).toContain("王小明");
    expect(rows[4]).toContain('=HYPERLINK("x")');
    const again = capture();
    expect(await check([file], again.io)).toBe(0);
  });

  it("writes nothing when any row is invalid, and names each problem", async () => {
    const file = fresh("invalid.xlsx");
    const before = hash(file);
    const csv = path.join(dir, "bad.csv");
    writeFileSync(
      csv,
      "CustomerID,Company,Country,Owner,CreatedOn,Source,Email\n" +
        "C-20,Good Co,US,Zhang Wei,2026-11-20,Website,a@good.com\n" +
        "C-21,Bad Source,US,Zhang Wei,2026-11-20,Facebook,b@bad.com\n" +
        "C-1,Dup Co,US,Zhang Wei,2026-11-20,Website,c@dup.com\n" +
        "C-23,No Owner,US,Li Na,2026/11/31,Website,d@x.com\n",
    );
    const c = capture();
    expect(await importCsv([file, "--table", "Customers", csv], c.io)).toBe(1);
    expect(c.err).toEqual([
      `${csv}: error: bad.csv, row 3, column "Source": "Facebook" is not one of Alibaba, MadeInChina, GlobalSources, TradeShow, CustomsData, Website, Referral, Social, Other`,
      `${csv}: error: bad.csv, row 5, column "CreatedOn": expected a date (YYYY-MM-DD), got "2026/11/31"`,
      `${csv}: error: bad.csv, row 4, column "CustomerID": duplicate CustomerID C-1: already on row 2`,
      `${csv}: 3 errors; ${file} was not changed`,
    ]);
    expect(hash(file)).toBe(before);
  });

  it("with --skip-invalid writes the valid rows and the rejects with their reasons", async () => {
    const file = fresh("skip.xlsx");
    const csv = path.join(dir, "mixed.csv");
    writeFileSync(
      csv,
      "\ufeffCompany,Country,Owner,CreatedOn,Email\n" + "Good One,US,Zhang Wei,2026-11-20,a@one.com\n" + "Bad Mail,US,Zhang Wei,2026-11-20,not-mail\n" + "Good Two,FR,Zhang Wei,2026-11-21,\n",
    );
    const c = capture();
    expect(await importCsv([file, "--table", "Customers", csv, "--skip-invalid"], c.io)).toBe(1);
    expect(c.out).toEqual([`${file}: added 2 rows to 客户; 1 left out, the reasons are in ${csv}.rejects.csv`]);
    const rows = await rowsOf(file, "客户");
    expect(rows.map((r) => r[1])).toEqual(["公司名称", "Acme Lighting GmbH", "Sol Iluminación S.A.", "Good One", "Good Two"]);
    // The CSV had no CustomerID column: new IDs were made, unique and dated.
    expect(rows[3][0]).toMatch(/^C-\d{6}-[A-Z0-9]{6}$/);
    expect(rows[4][0]).not.toBe(rows[3][0]);
    const rejects = readFileSync(`${csv}.rejects.csv`, "utf8").replace(/^\ufeff/, "");
    expect(rejects).toBe('Company,Country,Owner,CreatedOn,Email,Reason\r\nBad Mail,US,Zhang Wei,2026-11-20,not-mail,"mixed.csv, row 3, column ""Email"": not a valid email address: ""not-mail"""\r\n');
  });

  it("refuses an unknown table as bad usage and leaves the file alone", async () => {
    const file = fresh("usage.xlsx");
    const csv = path.join(dir, "any.csv");
    writeFileSync(csv, "a,b\n1,2\n");
    await expect(importCsv([file, "--table", "Nope", csv], capture().io)).rejects.toThrow('unknown table "Nope"');
    expect(existsSync(`${csv}.rejects.csv`)).toBe(false);
  });
});
