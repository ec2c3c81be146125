import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { serialFromDateTime, serialFromUTCDate, serialFromYMD } from "../../core/contract/dates";
import { SCHEMA, TABLE_NAMES, headerOf, sheetNameOf, type Lang, type TableName } from "../../core/contract/schema";
import { SETTING_DEFAULTS } from "../../core/contract/settings";
import { buildWorkbook, MARKER_NAME } from "../../templates/builder";
import { addTableSheet } from "../../workbook/xlsx/exceljs/structure";

async function roundTrip(wb: ExcelJS.Workbook): Promise<{ wb: ExcelJS.Workbook; zip: JSZip }> {
  const buffer = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buffer);
  return { wb: back, zip: await JSZip.loadAsync(buffer) };
}

interface LoadedTable {
  readonly table: { readonly name: string; readonly tableRef?: string; readonly ref: string; readonly columns: readonly { readonly name: string }[] };
}

function tableOn(ws: ExcelJS.Worksheet, name: string): LoadedTable["table"] {
  const t = ws.getTable(name) as unknown as LoadedTable | undefined;
  if (!t) throw new Error(`no table ${name} on ${ws.name}`);
  return t.table;
}

type Validations = Readonly<Record<string, ExcelJS.DataValidation | undefined>>;
const validationsOf = (ws: ExcelJS.Worksheet): Validations => (ws as unknown as { dataValidations: { model: Validations } }).dataValidations.model;

const templates = await Promise.all((["zh-CN", "en-US"] as const).map(async (lang) => [lang, (await roundTrip(buildWorkbook(lang))).wb] as const));

describe.each(templates)("the %s template", (lang, wb) => {
  it("has one sheet per contract table, in contract order, named in its language", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(TABLE_NAMES.map((t) => sheetNameOf(SCHEMA[t], lang)));
  });

  it.each(TABLE_NAMES.map((t) => [t]))("%s is a real Excel table with every contract header in the language", (table) => {
    const ws = wb.getWorksheet(sheetNameOf(SCHEMA[table], lang));
    if (!ws) throw new Error("missing sheet");
    const t = tableOn(ws, table);
    expect(t.name).toBe(table);
    expect(t.columns.map((c) => c.name)).toEqual(SCHEMA[table].columns.map((c) => headerOf(c, lang)));
    expect(SCHEMA[table].columns.map((_, i) => ws.getRow(1).getCell(i + 1).value)).toEqual(SCHEMA[table].columns.map((c) => headerOf(c, lang)));
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    SCHEMA[table].columns.forEach((c, i) => expect(ws.getColumn(i + 1).width).toBe(c.width));
  });

  it("fills the reference tables with the contract defaults", () => {
    const rows = (t: TableName) => (wb.getWorksheet(sheetNameOf(SCHEMA[t], lang))?.actualRowCount ?? 0) - 1;
    expect(rows("Settings")).toBe(SETTING_DEFAULTS.length);
    expect(rows("CommissionTiers")).toBe(3);
    expect(rows("Countries")).toBe(249);
    expect(rows("ExchangeRates")).toBeGreaterThanOrEqual(3);
    const settings = wb.getWorksheet(sheetNameOf(SCHEMA.Settings, lang));
    const keys = new Map<string, string>();
    settings?.eachRow((r, n) => n > 1 && keys.set(String(r.getCell(1).value), String(r.getCell(3).value)));
    expect(keys.get("WorkTimeZone")).toBe(lang === "zh-CN" ? "我方工作时区（所有日期按此时区记录）" : "Our work time zone (all dates are wall-clock times here)");
    const tiers = wb.getWorksheet(sheetNameOf(SCHEMA.CommissionTiers, lang));
    expect([2, 3, 4].map((r) => [tiers?.getCell(r, 1).value ?? null, tiers?.getCell(r, 2).value])).toEqual([[1_000_000, 0.02], [5_000_000, 0.025], [null, 0.04]]);
  });

  it("is marked as a TradeBook workbook", () => {
    expect(wb.creator).toBe("TradeBook");
    expect(wb.keywords).toContain(`lang=${lang}`);
    expect(wb.definedNames.model.map((n) => n.name)).toContain(MARKER_NAME);
  });

  it("offers dropdowns of localized enum labels and of reference lists on the table's rows, none below it", () => {
    const dv = (t: TableName, address: string): ExcelJS.DataValidation | undefined => {
      const ws = wb.getWorksheet(sheetNameOf(SCHEMA[t], lang));
      return ws ? validationsOf(ws)[address] : undefined;
    };
    const channels = lang === "zh-CN" ? '"邮件,电话,拜访,阿里旺旺,MSN,WhatsApp,微信,视频通话,展会洽谈,传真,其他"' : '"Email,Phone,Visit,TradeManager,MSN,WhatsApp,WeChat,VideoCall,Exhibition,Fax,Other"';
    for (const row of [2]) {
      expect(dv("FollowUps", `E${row}`)).toMatchObject({ type: "list", formulae: [channels] });
      expect(dv("FollowUps", `D${row}`)?.formulae[0]).toBe(`'${sheetNameOf(SCHEMA.Salespeople, lang)}'!$A$2:$A$20000`);
      expect(dv("Customers", `C${row}`)?.formulae[0]).toBe(`'${sheetNameOf(SCHEMA.Countries, lang)}'!$A$2:$A$20000`);
      expect(dv("Orders", `F${row}`)?.formulae[0]).toBe(`'${sheetNameOf(SCHEMA.ExchangeRates, lang)}'!$A$2:$A$20000`);
      expect(dv("Samples", `J${row}`)).toMatchObject({ type: "list", formulae: [lang === "zh-CN" ? '"是,否"' : '"Y,N"'] });
      expect(dv("FollowUps", `K${row}`)).toMatchObject({ type: "whole", formulae: [1, 5] });
    }
    for (const t of ["FollowUps", "Customers", "Orders", "Samples"] as const) for (const cell of ["E3", "D3", "C3", "F3", "J3", "K3", "E2001"]) expect(dv(t, cell), `${t}!${cell}`).toBeUndefined();
    expect(dv("Countries", "D2001")).toBeUndefined();
  });

  it("formats dates, date-times, money and text columns for typed-in rows too", () => {
    const fmt = (t: TableName, key: string): string | undefined => {
      const ws = wb.getWorksheet(sheetNameOf(SCHEMA[t], lang));
      const at = SCHEMA[t].columns.findIndex((c) => c.key === key) + 1;
      return ws?.getColumn(at).numFmt;
    };
    expect(fmt("Customers", "CreatedOn")).toBe("yyyy-mm-dd");
    expect(fmt("FollowUps", "Date")).toBe("yyyy-mm-dd hh:mm");
    expect(fmt("Orders", "Amount")).toBe("#,##0.00");
    expect(fmt("Customers", "CreditLimitCNY")).toBe("#,##0.00");
    expect(fmt("Customers", "Phone")).toBe("@");
    expect(fmt("Forecasts", "Month")).toBe("@");
  });

  it("turns a passed FollowUps NextDate red with a native formula", () => {
    const ws = wb.getWorksheet(sheetNameOf(SCHEMA.FollowUps, lang));
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae: string[] }[] }[] }).conditionalFormattings;
    expect(cf).toHaveLength(1);
    expect(cf[0].ref).toBe("J2:J2");
    expect(cf[0].rules[0]).toMatchObject({ type: "expression", formulae: ['AND($J2<>"",$J2<TODAY())'] });
  });
});

describe("addTableSheet writes cells as the contract reads them", () => {
  const hostile = ["=1+1", "+86 138 0000 0000", "-5", "@SUM(A1)", "=HYPERLINK(\"http://x\",\"y\")"];
  it.each(["zh-CN", "en-US"] as const)("in %s: text is literal text, dates are Excel dates, numbers are numbers", async (lang: Lang) => {
    const wb = new ExcelJS.Workbook();
    const created = serialFromYMD(2026, 3, 9);
    const when = serialFromDateTime(2026, 3, 9, 18, 45);
    addTableSheet(wb, "Customers", lang, hostile.map((text, i) => ({ CustomerID: `C-${i}`, Company: text, Phone: text, CreatedOn: created, CreditLimitCNY: 1234.5 })));
    addTableSheet(wb, "FollowUps", lang, [{ FollowUpID: "F-1", Date: when, NextDate: created }]);
    const { wb: back, zip } = await roundTrip(wb);
    const ws = back.getWorksheet(sheetNameOf(SCHEMA.Customers, lang));
    hostile.forEach((text, i) => {
      expect(ws?.getCell(i + 2, 2).value).toBe(text);
      expect(ws?.getCell(i + 2, 19).value).toBe(text);
    });
    const createdCell = ws?.getCell(2, 10).value;
    expect(createdCell).toBeInstanceOf(Date);
    expect(serialFromUTCDate(createdCell as Date)).toBe(created);
    expect(ws?.getCell(2, 15).value).toBe(1234.5);
    const f = back.getWorksheet(sheetNameOf(SCHEMA.FollowUps, lang))?.getCell(2, 2).value;
    expect(serialFromUTCDate(f as Date)).toBeCloseTo(when, 8);
    const sheetXml = await zip.file("xl/worksheets/sheet1.xml")?.async("string");
    expect(sheetXml).not.toContain("<f>");
  });

  it("gives an empty table one blank data row, as Excel requires", async () => {
    const wb = new ExcelJS.Workbook();
    addTableSheet(wb, "Scores", "en-US", []);
    const { zip } = await roundTrip(wb);
    expect(await zip.file("xl/tables/table1.xml")?.async("string")).toContain('ref="A1:E2"');
  });
});
