/**
 * The templates keep data validation (dropdowns) and conditional formats on
 * the tables' own rows, nothing below a table: Excel takes rows written below
 * a table into it only when no data validation sits there
 * (https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins).
 * Read from the template files' XML, as Excel reads it.
 */
import { describe, expect, it } from "vitest";
import { serialFromYMD } from "../../core/contract/dates";
import { TABLE_NAMES } from "../../core/contract/schema";
import { buildWorkbook } from "../../templates/builder";
import { generateSample } from "../../templates/sample";
import { packageRules, rulesOffTables } from "../support/package-rules";

const bytesOf = async (wb: ReturnType<typeof buildWorkbook>) => new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);

describe.each(["zh-CN", "en-US"] as const)("the %s template's XML", (lang) => {
  it("has every data validation and conditional format inside a table's body, none below it", async () => {
    const sheets = await packageRules(await bytesOf(buildWorkbook(lang)));
    expect(sheets).toHaveLength(TABLE_NAMES.length);
    for (const s of sheets) expect(rulesOffTables(s), s.sheet).toEqual([]);
    const followUps = sheets.find((s) => s.tables.some((t) => t.name === "FollowUps"));
    // The rules are there (on the one empty row a fresh table has), not dropped.
    expect(followUps?.validations).toContain("E2:E2");
    expect(followUps?.conditionalFormats).toEqual(["J2:J2"]);
  });

  it("does so in a workbook full of sample data too, each rule as long as its table", async () => {
    const data = generateSample({ seed: 3, scale: 1, asOf: serialFromYMD(2026, 11, 25) });
    const sheets = await packageRules(await bytesOf(buildWorkbook(lang, data)));
    for (const s of sheets) expect(rulesOffTables(s), s.sheet).toEqual([]);
    const followUps = sheets.find((s) => s.tables.some((t) => t.name === "FollowUps"));
    expect(followUps?.tables[0].ref).toBe(`A1:K${data.FollowUps.length + 1}`);
    expect(followUps?.conditionalFormats).toEqual([`J2:J${data.FollowUps.length + 1}`]);
  });
});
