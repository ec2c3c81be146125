/**
 * `tradebook review` and `tradebook weekly` on a real .xlsx (contract.md):
 * the JSON they print is what the sheet they write says, a rerun replaces
 * the sheet, bad input exits 1 or 2 with a message and writes nothing.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UsageError } from "../../cli/args";
import { EXIT, type CliIO } from "../../cli/io";
import { openWorkbook, writeSheets } from "../../cli/report-file";
import { reportMeta } from "../../app/reports";
import * as reviewCommand from "../../cli/review";
import * as weeklyCommand from "../../cli/weekly";
import { parseISODate, parseQuarter } from "../../core/contract/dates";
import { DEFAULT_SETTINGS } from "../../core/contract/settings";
import { indexSnapshot } from "../../core/index/indexes";
import { quarterlyReview, type QuarterlyReview } from "../../core/review/review";
import { reviewSheet } from "../../core/review/sheet";
import { ASSESSMENT_COLUMNS, PERFORMANCE_COLUMNS } from "../../core/review/sheet";
import type { WeeklyReport } from "../../core/weekly/weekly";
import { buildWorkbook } from "../../templates/builder";
import { REVIEW_SNAPSHOT } from "../fixtures/review-snapshot";

let dir = "";
let crm = "";

async function tradebook(args: string[], lang: CliIO["lang"] = "en-US", now?: string): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIO = { out: (t) => (out += t + "\n"), err: (t) => (err += t + "\n"), cwd: dir, lang, now: now === undefined ? undefined : () => new Date(now) };
  // The commands' own modules, as cli/main.ts dispatches them (usage errors exit 2).
  const [name, ...rest] = args;
  const command = name === "review" ? reviewCommand : weeklyCommand;
  try {
    return { code: await command.run(rest, io), out, err };
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    return { code: EXIT.usage, out, err: err + e.message };
  }
}

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, file));
  return wb;
}

/** Every row of a sheet as plain values (blank = null), 20 columns wide, for searching. */
function rowsOf(ws: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) rows.push(Array.from({ length: 20 }, (_, c) => ws.getCell(r, c + 1).value ?? null));
  return rows;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tradebook-cli-"));
  // Settings rows come from the template defaults, with a company name.
  const { Settings: _none, ...data } = REVIEW_SNAPSHOT;
  void _none;
  const wb = buildWorkbook("zh-CN", data);
  await wb.xlsx.writeFile(join(dir, "crm.xlsx"));
  crm = "crm.xlsx";
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("tradebook review", () => {
  it("--json prints the numbers the written sheet shows", async () => {
    const r = await tradebook(["review", crm, "--quarter", "2026-Q3", "--out", "out.xlsx", "--json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as QuarterlyReview;
    expect(json.quarter).toBe("2026-Q3");
    expect(json.team).toEqual({ paidCNY: 1294100, commissionCNY: 26882, orders: 2, newCustomers: 3, contacts: 6 });
    // Contract keys, exactly those, on every salesperson.
    for (const s of json.salespeople) {
      for (const k of ["name", "stage", "window", "paidCNY", "commissionCNY", "incomeCNY", "orders", "newCustomers", "contacts", "imCustomers", "sampleRequests", "repeatCustomers", "monthsWithOrder", "forecastCNY", "forecastCompletion", "requirement"]) expect(s).toHaveProperty(k);
    }

    const ws = (await readBack("out.xlsx")).getWorksheet("季度考核 2026-Q3");
    expect(ws).toBeDefined();
    const rows = rowsOf(ws as ExcelJS.Worksheet);
    // The numbers: one grid column each, a row per salesperson under the header.
    const header = rows.findIndex((row) => row[0] === PERFORMANCE_COLUMNS[0].head.zh && row[1] === PERFORMANCE_COLUMNS[1].head.zh);
    expect(header).toBeGreaterThan(0);
    // The assessment: the requirement's status in its own column.
    const assessed = rows.findIndex((row) => row[0] === ASSESSMENT_COLUMNS[0].head.zh && row[2] === ASSESSMENT_COLUMNS[2].head.zh);
    expect(assessed).toBeGreaterThan(0);
    json.salespeople.forEach((s, i) => {
      const row = rows[header + 1 + i];
      expect(row[0]).toBe(s.name);
      // Paid, commission, income, orders … forecast completion: columns 2-13.
      expect(row.slice(1, 13)).toEqual([s.paidCNY, s.commissionCNY, s.incomeCNY, s.orders, s.newCustomers, s.contacts, s.imCustomers, s.sampleRequests, s.repeatCustomers, s.monthsWithOrder, s.forecastCNY, s.forecastCompletion]);
      expect(rows[assessed + 1 + i][0]).toBe(s.name);
      expect(rows[assessed + 1 + i][2]).toBe(s.requirement ? { passed: "通过", "in progress": "进行中", failed: "未通过" }[s.requirement.status] : null);
    });
    // The team's total row under the numbers.
    const totals = rows[header + 1 + json.salespeople.length];
    expect(totals[0]).toBe("团队合计");
    expect([totals[1], totals[2], totals[4], totals[5], totals[6]]).toEqual([json.team.paidCNY, json.team.commissionCNY, json.team.orders, json.team.newCustomers, json.team.contacts]);
    // Customers by grade: a row per grade under its header.
    const grades = rows.findIndex((row) => row[0] === "客户等级");
    expect(rows.slice(grades + 1, grades + 7).map((row) => row[1])).toEqual([json.grades.KEY, json.grades.DEAL, json.grades.A, json.grades.B, json.grades.C, json.grades.D]);
    // Print setup as written.
    expect(ws?.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws?.headerFooter.oddFooter).toContain("&P");
  });

  it("writes into FILE itself without --out, replacing the sheet on a rerun", async () => {
    for (let i = 0; i < 2; i++) expect((await tradebook(["review", crm, "--quarter", "2026-Q3"], "zh-CN")).code).toBe(0);
    const wb = await readBack(crm);
    expect(wb.worksheets.filter((w) => w.name.startsWith("季度考核")).map((w) => w.name)).toEqual(["季度考核 2026-Q3"]);
    // The data sheets are still there.
    expect(wb.getWorksheet("客户")).toBeDefined();
    const r = await tradebook(["review", crm, "--quarter", "2026-Q3"], "zh-CN");
    expect(r.out).toContain("季度考核 2026-Q3");
    expect(r.out).toContain("未通过");
  });

  it.each([
    ["a bad quarter", ["review", "crm.xlsx", "--quarter", "2026-Q5"], 2, /2026-Q5/],
    ["a missing file", ["review", "nope.xlsx", "--quarter", "2026-Q3"], 2, /nope\.xlsx/],
    ["an unknown option", ["review", "crm.xlsx", "--quarter", "2026-Q3", "--pdf"], 2, /--pdf/],
  ] as const)("exits 2 on %s", async (_, args, code, message) => {
    const r = await tradebook([...args]);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
  });

  it("exits 1 and writes nothing when the workbook has errors", async () => {
    const { Settings: _none, ...data } = REVIEW_SNAPSHOT;
    void _none;
    const wb = buildWorkbook("en-US", data);
    const ws = wb.getWorksheet("Payments") as ExcelJS.Worksheet;
    ws.getCell(2, 5).value = "lots"; // Amount of the first payment
    await wb.xlsx.writeFile(join(dir, "bad.xlsx"));
    const before = statSync(join(dir, "bad.xlsx")).mtimeMs;
    const r = await tradebook(["review", "bad.xlsx", "--quarter", "2026-Q3"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Payments/);
    expect(r.err).toMatch(/no report written/);
    expect(statSync(join(dir, "bad.xlsx")).mtimeMs).toBe(before);
  });
});

describe("report periods on a fixed clock (core/review/period.ts; the workbook's WorkTimeZone is Asia/Shanghai)", () => {
  it.each([
    // clock (UTC), --quarter, quarter reviewed, as of, first line of the summary
    ["2026-10-08T02:00:00Z", undefined, "2026-Q3", "2026-09-30", "Review 2026-Q3 (as of 2026-09-30)"],
    ["2026-09-30T16:30:00Z", undefined, "2026-Q3", "2026-09-30", "Review 2026-Q3 (as of 2026-09-30)"], // 00:30 on 1 Oct in Shanghai
    ["2026-09-30T15:30:00Z", undefined, "2026-Q2", "2026-06-30", "Review 2026-Q2 (as of 2026-06-30)"], // 23:30 on 30 Sep in Shanghai
    ["2026-08-20T02:00:00Z", "2026-Q3", "2026-Q3", "2026-08-20", "Review 2026-Q3 (in progress, as of 2026-08-20)"],
    ["2026-09-30T15:30:00Z", "2026-Q3", "2026-Q3", "2026-09-30", "Review 2026-Q3 (in progress, as of 2026-09-30)"],
  ] as const)("at %s, --quarter %s: %s as of %s", async (now, quarter, expected, asOf, line) => {
    const args = ["review", crm, ...(quarter ? ["--quarter", quarter] : []), "--out", "period.xlsx"];
    const text = await tradebook(args, "en-US", now);
    expect(text.err).toBe("");
    expect(text.out.split("\n")[0]).toBe(line);
    const json = JSON.parse((await tradebook([...args, "--json"], "en-US", now)).out) as QuarterlyReview;
    expect([json.quarter, json.asOf]).toEqual([expected, asOf]);
  });

  it("a quarter in progress is graded and counted as of today, and its sheet is titled so", async () => {
    const now = "2026-08-20T02:00:00Z";
    const json = JSON.parse((await tradebook(["review", crm, "--quarter", "2026-Q3", "--out", "progress.xlsx", "--json"], "zh-CN", now)).out) as QuarterlyReview;
    const { snapshot, settings } = { snapshot: REVIEW_SNAPSHOT, settings: DEFAULT_SETTINGS };
    const asOfToday = quarterlyReview(snapshot, indexSnapshot(snapshot), parseQuarter("2026-Q3")!, settings, parseISODate("2026-08-20"));
    expect(json.grades).toEqual(asOfToday.grades);
    expect(json.team).toEqual(asOfToday.team);
    const ws = (await readBack("progress.xlsx")).getWorksheet("季度考核 2026-Q3") as ExcelJS.Worksheet;
    expect(String(ws.getCell(1, 1).value)).toMatch(/^季度考核 2026-Q3（进行中，截至 2026-08-20）/);
  });

  it("refuses a quarter or a week that has not started, naming the day it starts", async () => {
    const now = "2026-08-20T02:00:00Z";
    const review = await tradebook(["review", crm, "--quarter", "2026-Q4"], "en-US", now);
    expect([review.code, review.err.trim()]).toEqual([2, "2026-Q4 has not started yet (it starts on 2026-10-01; today is 2026-08-20 in Asia/Shanghai): nothing to review"]);
    const weekly = await tradebook(["weekly", crm, "--week", "2026-W35"], "en-US", now);
    expect([weekly.code, weekly.err.trim()]).toEqual([2, "2026-W35 has not started yet (it starts on 2026-08-24; today is 2026-08-20 in Asia/Shanghai)"]);
  });

  it.each([
    // clock (UTC), week reported
    ["2026-08-12T02:00:00Z", "2026-W33"],
    ["2026-08-16T15:59:00Z", "2026-W33"], // Sunday 23:59 in Shanghai
    ["2026-08-16T16:00:00Z", "2026-W34"], // Monday 00:00 in Shanghai, still Sunday in UTC
  ] as const)("weekly without --week at %s reports the current ISO week, %s", async (now, week) => {
    const r = await tradebook(["weekly", crm, "--out", "this-week.xlsx", "--json"], "en-US", now);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { week: string }).week).toBe(week);
  });
});

describe("reports go into the package: parts the .xlsx library can't read survive", () => {
  it("writes in place and keeps a chart, a pivot cache and a macro part byte for byte", async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(dir, crm)));
    const kept: Record<string, string> = {
      "xl/charts/chart1.xml": '<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
      "xl/pivotCache/pivotCacheDefinition1.xml": '<?xml version="1.0"?><pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
      "xl/vbaProject.bin": "not really VBA",
    };
    for (const [part, text] of Object.entries(kept)) zip.file(part, text);
    writeFileSync(join(dir, "charted.xlsx"), await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    expect((await tradebook(["review", "charted.xlsx", "--quarter", "2026-Q3"])).code).toBe(0);
    expect((await tradebook(["weekly", "charted.xlsx", "--week", "2026-W33"])).code).toBe(0);
    const after = await JSZip.loadAsync(readFileSync(join(dir, "charted.xlsx")));
    for (const [part, text] of Object.entries(kept)) expect(await after.file(part)?.async("string")).toBe(text);
    const wb = await readBack("charted.xlsx");
    expect(wb.worksheets.map((w) => w.name)).toContain("季度考核 2026-Q3");
    expect(wb.worksheets.filter((w) => w.name.includes("2026-W33")).length).toBeGreaterThan(0);
  });
});

describe("a workbook someone saved while the report was being made", () => {
  it("is not overwritten: exit 1, their save kept, the reason in words", async () => {
    writeFileSync(join(dir, "shared.xlsx"), readFileSync(join(dir, crm)));
    let err = "";
    const io: CliIO = { out: () => undefined, err: (t) => (err += t + "\n"), cwd: dir, lang: "en-US" };
    const loaded = await openWorkbook("shared.xlsx", io);
    if (typeof loaded === "number") throw new Error(`cannot open: ${err}`);
    const { snapshot, settings, lang } = loaded.read;
    const sheet = reviewSheet(quarterlyReview(snapshot, indexSnapshot(snapshot), parseQuarter("2026-Q3")!, settings), lang, reportMeta(loaded.read, new Date()));
    // A colleague saves the workbook in between (another size, so the change shows whatever the clock's resolution).
    const theirs = Buffer.concat([readFileSync(join(dir, crm)), Buffer.from("\n")]);
    writeFileSync(join(dir, "shared.xlsx"), theirs);
    expect(await writeSheets(loaded, [sheet], undefined, io)).toBe(EXIT.problems);
    expect(err).toMatch(/changed by someone else/);
    expect(readFileSync(join(dir, "shared.xlsx")).equals(theirs)).toBe(true);
  });
});

describe("tradebook weekly", () => {
  it("one sheet per salesperson-week, JSON matching the sheet", async () => {
    const r = await tradebook(["weekly", crm, "--week", "2026-W33", "--salesperson", "Zhao", "--out", "weekly.xlsx", "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { week: string; reports: WeeklyReport[] };
    expect(json.week).toBe("2026-W33");
    expect(json.reports.map((x) => x.salesperson)).toEqual(["Zhao"]);
    const ws = (await readBack("weekly.xlsx")).getWorksheet("周报 Zhao 2026-W33") as ExcelJS.Worksheet;
    const rows = rowsOf(ws);
    const labels = rows.findIndex((row) => row[0] === "主动联系");
    const c = json.reports[0].counts;
    expect(rows[labels + 1].slice(0, 7)).toEqual([c.contactsOut, c.contactsIn, c.newCustomers, c.samplesRequested, c.samplesSent, c.quotes, c.orders]);
    expect(rows.some((row) => row[0] === "C7 Trading Ltd & Co")).toBe(true);
    expect(rows.some((row) => row[0] === "发现的问题" && row[1] === "Slow sample approval")).toBe(true);
  });

  it("without --salesperson: everyone employed that week", async () => {
    const r = await tradebook(["weekly", crm, "--week", "2026-W33", "--out", "all.xlsx"]);
    expect(r.code).toBe(0);
    const names = (await readBack("all.xlsx")).worksheets.map((w) => w.name).filter((n) => n.startsWith("周报 "));
    expect(names).toEqual(["周报 Li 2026-W33", "周报 Wang 2026-W33", "周报 Chen 2026-W33", "周报 Zhao 2026-W33"]);
  });

  it.each([
    ["a bad week", ["weekly", "crm.xlsx", "--week", "2026-W60"], /2026-W60/],
    ["an unknown salesperson", ["weekly", "crm.xlsx", "--week", "2026-W33", "--salesperson", "Nobody"], /Nobody/],
  ] as const)("exits 2 on %s", async (_, args, message) => {
    const r = await tradebook([...args]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
