/**
 * Report sheet names are unique and stable (issue: weekly names were cut to
 * 31 characters week included, so two salespeople whose names share 31
 * characters, or names with / : * ? [ ], overwrote each other's sheets,
 * and next week's run replaced this week's). core/report/sheet.ts.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { distinctSheetNames, nameTag, reportSheetName, safeSheetName, type ReportSheet } from "../../core/report/sheet";
import { report } from "./support/figures";
import { CliWorker } from "./support/cli-workers";
import { sampleBytes, sheetNames, tempDir, writeCsv } from "./support/workbooks";

describe("a report sheet's name", () => {
  it.each([
    ["fits: as it is", "Weekly", "2026-W47", "Zhao Lei", "Weekly Zhao Lei 2026-W47"],
    ["zh-CN", "周报", "2026-W47", "王芳", "周报 王芳 2026-W47"],
    ["a long name: shortened and tagged, the week whole", "Weekly", "2026-W47", "Alexandra Konstantinopoulou-Smith", `Weekly Alexandra${nameTag("Alexandra Konstantinopoulou-Smith")} 2026-W47`],
    ["forbidden characters replaced, tagged", "Weekly", "2026-W47", "A/B:C*[D]?", `Weekly A-B-C--D--${nameTag("A/B:C*[D]?")} 2026-W47`],
    ["an apostrophe at either end replaced", "Weekly", "2026-W47", "'Quoted'", `Weekly -Quoted-${nameTag("'Quoted'")} 2026-W47`],
    ["a review", "Review", "2026-Q3", undefined, "Review 2026-Q3"],
  ])("%s", (_label, title, period, subject, expected) => {
    const name = reportSheetName(title, period, subject);
    expect(name).toBe(expected);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name.endsWith(period)).toBe(true);
    expect(name).not.toMatch(/[[\]:*?/\\]/);
  });

  it("names that share 31 characters, or differ only in a forbidden character, stay apart; the same name always gets the same sheet", () => {
    const names = ["Alexandra Konstantinopoulou-Smith", "Alexandra Konstantinopoulou-Jones", "A/B", "A:B", "A-B"];
    const sheets = names.map((n) => reportSheetName("Weekly", "2026-W47", n));
    expect(new Set(sheets).size).toBe(names.length);
    expect(names.map((n) => reportSheetName("Weekly", "2026-W47", n))).toEqual(sheets);
    // Next week's sheet is another sheet.
    expect(reportSheetName("Weekly", "2026-W48", names[0])).not.toBe(sheets[0]);
  });

  it("names that differ in case only (one sheet to Excel) are told apart when written together", () => {
    const sheet = (name: string) => ({ name }) as ReportSheet;
    const out = distinctSheetNames([sheet("Weekly Ann 2026-W47"), sheet("Weekly ANN 2026-W47"), sheet("Weekly Bo 2026-W47")]).map((s) => s.name);
    expect(new Set(out.map((n) => n.toLowerCase())).size).toBe(3);
    expect(out[2]).toBe("Weekly Bo 2026-W47");
    for (const n of out) expect(n.endsWith(" 2026-W47")).toBe(true);
  });

  it("safeSheetName leaves a safe name alone, and is stable", () => {
    expect(safeSheetName("Review 2026-Q3")).toBe("Review 2026-Q3");
    const once = safeSheetName("Review of a/b for R&D's team, third quarter 2026");
    expect(safeSheetName(once)).toBe(once);
    expect(once.length).toBeLessThanOrEqual(31);
  });
});

describe("weekly on a workbook with such salespeople", () => {
  const dir = tempDir("names");
  let worker: CliWorker;
  beforeAll(async () => {
    worker = await CliWorker.start();
  });
  afterAll(() => worker.stop());

  it("one sheet each, week after week; a rerun replaces exactly its own", async () => {
    const book = join(dir, "team.xlsx");
    writeFileSync(book, await sampleBytes());
    const people = ["Alexandra Konstantinopoulou-Smith", "Alexandra Konstantinopoulou-Jones", "A/B", "A:B"];
    const csv = writeCsv(dir, "people.csv", `Name,HireDate\n${people.map((p) => `${p},2026-01-05`).join("\n")}\n`);
    expect((await worker.run(["import", book, "--table", "Salespeople", csv], dir)).code).toBe(0);
    const start = (await sheetNames(book)).length;
    const w47 = await worker.run(["weekly", book, "--week", "2026-W47"], dir);
    expect(w47.code, w47.err).toBe(0);
    const afterW47 = await sheetNames(book);
    const weekly47 = afterW47.slice(start);
    expect(weekly47.every((n) => n.endsWith(" 2026-W47"))).toBe(true);
    for (const p of people) expect(w47.out).toContain(reportSheetName("Weekly", "2026-W47", p));
    expect((await worker.run(["weekly", book, "--week", "2026-W48"], dir)).code).toBe(0);
    const afterW48 = await sheetNames(book);
    expect(afterW48.slice(0, afterW47.length)).toEqual(afterW47);
    expect(afterW48.length).toBe(afterW47.length + weekly47.length);
    expect((await worker.run(["weekly", book, "--week", "2026-W47"], dir)).code).toBe(0);
    expect(await sheetNames(book)).toEqual(afterW48);
    report("report sheet names", { salespeople: weekly47.length, "sheets a week": weekly47.length, "weeks written": 2, "sheets after a rerun": afterW48.length - start, overwritten: 0 });
  });
});
