/**
 * Creating the structure from the pane (app/structure.ts): a workbook with
 * nothing of TradeBook gets every table, the reference tables filled as the
 * template's are, so a customer can be added at once; tables already there
 * (the user's own Countries list) keep exactly their rows.
 */
import { describe, expect, it } from "vitest";
import { SCHEMA, TABLE_NAMES, headerOf } from "../../core/contract/schema";
import { DEFAULT_TIERS, SETTING_DEFAULTS } from "../../core/contract/settings";
import { createStructure } from "../../app/structure";
import { COUNTRIES } from "../../templates/countries";
import { err } from "../../core/contract/issues";
import ExcelJS from "exceljs";
import { MemoryWorkbook } from "../../workbook/memory";
import { OfficeWorkbook } from "../../workbook/office/office-workbook";
import { XlsxPackage } from "../../workbook/xlsx/package/xlsx-package";
import { FakeExcel } from "../fakes/fake-excel";
import type { WorkbookPort } from "../../workbook/port";
import { readSnapshot } from "../../app/open-crm";

/** The port's methods bound to a workbook, to replace one of them. */
const portOf = (w: WorkbookPort): WorkbookPort => ({
  readTable: (t, c) => w.readTable(t, c),
  appendRows: (t, r) => w.appendRows(t, r),
  updateRows: (t, u) => w.updateRows(t, u),
  ensureStructure: (l) => w.ensureStructure(l),
  writeReportSheet: (s) => w.writeReportSheet(s),
});

/** An empty workbook behind each adapter the pane runs over. */
const EMPTY: readonly [string, () => Promise<WorkbookPort>][] = [
  ["in memory", async () => new MemoryWorkbook()],
  ["in Excel (Office.js, fake Excel)", async () => new OfficeWorkbook({ run: new FakeExcel().run, requirements: { isSetSupported: (name) => name === "ExcelApi" } })],
  [
    "in an .xlsx opened in the browser (package port)",
    async () => {
      const blank = new ExcelJS.Workbook();
      blank.addWorksheet("Sheet1").addRow(["my own data"]);
      const opened = await XlsxPackage.open({ bytes: new Uint8Array((await blank.xlsx.writeBuffer()) as ArrayBuffer) }, "Blank.xlsx");
      if (!opened.ok) throw new Error("unreadable");
      return opened.value;
    },
  ],
];

describe("createStructure: every table, the reference tables filled", () => {
  it.each(EMPTY)("makes an empty workbook %s a CRM without errors, with the template's reference rows", async (_where, open) => {
    const port = await open();
    const made = await createStructure(port, "zh-CN");
    expect(made.ok && made.value.createdTables).toEqual([...TABLE_NAMES]);
    const read = await readSnapshot(port);
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    const { snapshot, issues } = read.value;
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(snapshot.Countries.map((c) => c.Code)).toEqual(COUNTRIES.map((c) => c.Code));
    expect(snapshot.CommissionTiers).toEqual(DEFAULT_TIERS);
    expect(snapshot.Settings.map((s) => s.Key)).toEqual(SETTING_DEFAULTS.map((s) => s.key));
    expect(snapshot.ExchangeRates.length).toBeGreaterThan(0);
    for (const t of ["Customers", "FollowUps", "Salespeople", "Orders"] as const) expect(snapshot[t]).toEqual([]);
  });

  it("leaves a table that was there as it was", async () => {
    const headers = SCHEMA.Countries.columns.map((c) => headerOf(c, "en-US"));
    const mine = [["DE", "Germany", "德国", "Europe", "Europe/Berlin"]];
    const port = MemoryWorkbook.fromTables([{ table: "Countries", headers, rows: mine }]);
    const made = await createStructure(port, "en-US");
    expect(made.ok && made.value.createdTables).not.toContain("Countries");
    const countries = await port.readTable("Countries");
    expect(countries.ok && countries.value.rows.map((r) => r.cells.Code)).toEqual(["DE"]);
  });

  it("fails as ensureStructure fails, with its issues, and fills nothing", async () => {
    const memory = new MemoryWorkbook();
    const refused = err([{ severity: "error" as const, sheet: "国家", row: null, column: null, code: "sheet-taken" as const, message: { zh: "已有同名工作表", en: "a sheet of that name exists" } }]);
    let appended = 0;
    const port: WorkbookPort = { ...portOf(memory), ensureStructure: () => Promise.resolve(refused), appendRows: (t, rows) => ((appended += rows.length), memory.appendRows(t, rows)) };
    expect(await createStructure(port, "zh-CN")).toEqual(refused);
    expect(appended).toBe(0);
  });
});
