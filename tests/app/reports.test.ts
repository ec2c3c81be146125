/**
 * Generating the reports (app/reports.ts), one pipeline for the command
 * line, the pane and the README pictures: the period defaults and "not
 * started" of core/review/period.ts, who gets a weekly report, and writing
 * the sheets in one go where the port can, one by one where it cannot.
 */
import { describe, expect, it } from "vitest";
import { parseIsoWeek, parseQuarter, serialFromYMD } from "../../core/contract/dates";
import type { Salesperson } from "../../core/contract/model";
import { DEFAULT_SETTINGS, DEFAULT_TIERS } from "../../core/contract/settings";
import type { TableName } from "../../core/contract/schema";
import type { ReportSheet } from "../../core/report/sheet";
import { readSnapshot, type WorkbookSnapshot } from "../../app/open-crm";
import { reportMeta, reviewReport, weeklyReports, writeReports } from "../../app/reports";
import { buildWorkbook } from "../../templates/builder";
import { generateSample } from "../../templates/sample";
import { XlsxPackage } from "../../workbook/xlsx/package/xlsx-package";
import { XlsxWorkbook } from "../../workbook/xlsx/exceljs/xlsx-workbook";
import { person, snapshot } from "../support/crm";

const today = serialFromYMD(2026, 11, 27);
const meta = { companyName: "Test Co", generatedAt: "2026-11-27 10:00" };

const seller = (name: string, hired: number, active: "Y" | "N" | null = "Y"): Salesperson => ({ Name: person(name), HireDate: hired, Manager: null, BaseSalaryCNY: null, Active: active, Email: null });

function readOf(salespeople: readonly Salesperson[]): WorkbookSnapshot {
  const rowNumbers = {} as Record<TableName, readonly number[]>;
  return { snapshot: snapshot({ Salespeople: salespeople, CommissionTiers: DEFAULT_TIERS }), settings: DEFAULT_SETTINGS, issues: [], raw: {}, lang: "en-US", rowNumbers };
}

describe("the quarterly review's period", () => {
  it.each([
    ["no quarter asked: the last completed one", undefined, "review", "2026-Q3", false],
    ["the quarter in progress: as of today", "2026-Q4", "review", "2026-Q4", true],
    ["a quarter not started: nothing computed", "2027-Q1", "not started", "2027-Q1", undefined],
  ])("%s", (_, asked, kind, quarter, inProgress) => {
    const made = reviewReport(readOf([seller("Zhao", serialFromYMD(2024, 1, 2))]), { today, quarter: asked ? parseQuarter(asked) : undefined, meta });
    expect(made.kind).toBe(kind);
    if (made.kind === "review") {
      expect(made.review.quarter).toBe(quarter);
      expect(made.inProgress).toBe(inProgress);
      expect(made.sheet.name).toContain(quarter);
    } else expect(made).toMatchObject({ period: quarter, from: serialFromYMD(2027, 1, 1) });
  });
});

describe("who gets a weekly report", () => {
  const people = [seller("Zhao", serialFromYMD(2024, 1, 2)), seller("Qian", serialFromYMD(2024, 1, 2), "N"), seller("Sun", serialFromYMD(2026, 12, 1)), seller("Li", serialFromYMD(2026, 11, 23), null)];
  it("without a salesperson: everyone employed that week (active, hired by its last day)", () => {
    const made = weeklyReports(readOf(people), { today, week: parseIsoWeek("2026-W48"), meta });
    expect(made.kind === "weekly" && made.reports.map((r) => r.salesperson)).toEqual(["Zhao", "Li"]);
    expect(made.kind === "weekly" && made.sheets.length).toBe(2);
  });
  it("one salesperson, named with spaces around", () => {
    const made = weeklyReports(readOf(people), { today, salesperson: " Zhao ", meta });
    expect(made.kind === "weekly" && made.reports.map((r) => r.salesperson)).toEqual(["Zhao"]);
  });
  it("a name not in Salespeople: the names there", () => {
    expect(weeklyReports(readOf(people), { today, salesperson: "Wang", meta })).toEqual({ kind: "unknown salesperson", known: ["Zhao", "Qian", "Sun", "Li"] });
  });
  it("a week not started: nothing computed", () => {
    expect(weeklyReports(readOf(people), { today, week: parseIsoWeek("2026-W50"), meta })).toMatchObject({ kind: "not started", period: "2026-W50" });
  });
});

describe("the sheets' header and footer", () => {
  it("the company of Settings and now in the work time zone", () => {
    const read = { ...readOf([]), settings: { ...DEFAULT_SETTINGS, CompanyName: "Ningbo Lights", WorkTimeZone: "Asia/Shanghai" } };
    expect(reportMeta(read, new Date("2026-11-27T02:30:00Z"))).toEqual({ companyName: "Ningbo Lights", generatedAt: "2026-11-27 10:30" });
  });
});

describe("writing the sheets", () => {
  async function demo(): Promise<{ wb: XlsxWorkbook; sheets: readonly ReportSheet[] }> {
    const wb = XlsxWorkbook.fromWorkbook(buildWorkbook("en-US", generateSample({ seed: 1, scale: 0.3, asOf: today, lang: "en-US" })));
    const read = await readSnapshot(wb);
    if (!read.ok) throw new Error("the sample does not read");
    const made = weeklyReports(read.value, { today, week: parseIsoWeek("2026-W47"), meta });
    if (made.kind !== "weekly") throw new Error(made.kind);
    expect(made.sheets.length).toBeGreaterThan(1);
    return { wb, sheets: made.sheets };
  }

  it("one by one where the port writes one at a time (exceljs)", async () => {
    const { wb, sheets } = await demo();
    const written = await writeReports(wb, sheets);
    expect(written.ok && written.value).toEqual(sheets.map((s) => s.name));
    expect(wb.workbook.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(sheets.map((s) => s.name)));
  });

  it("in one rewrite of the package where the port can (XlsxPackage), with the same sheets", async () => {
    const { wb, sheets } = await demo();
    const file = { bytes: await wb.toBuffer() };
    const port = await XlsxPackage.open(file, "demo.xlsx");
    if (!port.ok) throw new Error("unreadable");
    const before = file.bytes;
    const written = await writeReports(port.value, sheets);
    expect(written.ok && written.value).toEqual(sheets.map((s) => s.name));
    expect(file.bytes).not.toBe(before);
    const again = await XlsxWorkbook.fromBuffer(file.bytes, "demo.xlsx");
    expect(again.ok && again.value.workbook.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(sheets.map((s) => s.name)));
  });
});
