/**
 * Every .xlsx writer keeps data validation and conditional formats on the
 * tables' own rows, growing with them, nothing below (Excel does not take
 * rows written below a table into it over data validation); and a workbook
 * the old templates made (rules down to row 2001) is mended in its package.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { toCells } from "../../../core/contract/cells";
import { serialFromYMD } from "../../../core/contract/dates";
import type { FollowUp, FollowUpId } from "../../../core/contract/model";
import { SCHEMA, TABLE_NAMES, sheetNameOf, type Lang } from "../../../core/contract/schema";
import { buildWorkbook } from "../../../templates/builder";
import { generateSample } from "../../../templates/sample";
import { inflateWithZlib } from "../../../workbook/node/inflate";
import { openXlsxTables } from "../../../workbook/node/stream-reader";
import { XlsxWorkbook } from "../../../workbook/xlsx/exceljs/xlsx-workbook";
import { keepRulesOffZones, zonesBelow } from "../../../workbook/xlsx/ooxml/rules-below";
import { appendRowsIntoPackage } from "../../../workbook/xlsx/package/append";
import { mendRulesBelowTables } from "../../../workbook/xlsx/package/mend-rules";
import { oldTemplateBytes } from "../../support/old-template";
import { packageRules, rulesOffTables, type SheetRules } from "../../support/package-rules";

const asOf = serialFromYMD(2026, 11, 27);
const sample = generateSample({ seed: 5, scale: 0.03, asOf });
const lang: Lang = "zh-CN";
const oldBytes = () => oldTemplateBytes(lang, sample);
const FOLLOW_UPS = sheetNameOf(SCHEMA.FollowUps, lang);

const newBytes = async (): Promise<Uint8Array> => new Uint8Array((await buildWorkbook(lang, sample).xlsx.writeBuffer()) as ArrayBuffer);
const offTables = (sheets: readonly SheetRules[]) => sheets.flatMap((s) => rulesOffTables(s).map((r) => `${s.sheet}!${r}`));
const followUpsOf = (sheets: readonly SheetRules[]) => sheets.find((s) => s.sheet === FOLLOW_UPS) as SheetRules;

const newFollowUps = (n: number) =>
  Array.from({ length: n }, (_, i) => toCells("FollowUps", { ...sample.FollowUps[0], FollowUpID: `F-NEW-${i}` as FollowUpId, Date: asOf + 0.5 } as FollowUp, lang));

describe("the old templates' rules below the tables", () => {
  it("reach below the tables (what this mends)", async () => {
    expect(offTables(await packageRules(await oldBytes())).length).toBeGreaterThan(30);
  });

  it("are taken off the cells below each table by the package mend, the rules on the tables' rows kept, every other part byte for byte", async () => {
    const before = await oldBytes();
    const { bytes, mended } = await mendRulesBelowTables(before, { inflate: inflateWithZlib });
    expect(mended.map((m) => m.sheet)).toEqual(TABLE_NAMES.map((t) => sheetNameOf(SCHEMA[t], lang)).filter((name) => mended.some((m) => m.sheet === name)));
    expect(mended.find((m) => m.sheet === FOLLOW_UPS)).toMatchObject({ tables: ["FollowUps"], conditionalFormats: 1 });
    const after = await packageRules(bytes);
    expect(offTables(after)).toEqual([]);
    expect(followUpsOf(after).conditionalFormats).toEqual([`J2:J${sample.FollowUps.length + 1}`]);
    expect(followUpsOf(after).validations.length).toBe(followUpsOf(await packageRules(before)).validations.length);
    const [a, b] = await Promise.all([JSZip.loadAsync(before), JSZip.loadAsync(bytes)]);
    const changed = new Set(mended.map((m) => m.sheet));
    for (const name of Object.keys(a.files)) {
      const isMendedSheet = (await packageRules(before)).some((s) => changed.has(s.sheet) && name.endsWith(".xml") && name.startsWith("xl/worksheets/"));
      if (isMendedSheet) continue;
      expect(await b.file(name)?.async("string"), name).toBe(await a.file(name)?.async("string"));
    }
    // Mending again finds nothing and writes nothing.
    const again = await mendRulesBelowTables(bytes, { inflate: inflateWithZlib });
    expect(again.mended).toEqual([]);
    expect(again.bytes).toBe(bytes);
    // exceljs reads the mended workbook.
    await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
  });

  it("in Excel's x14 extension form too, dropping what is wholly below and the wrappers left empty", () => {
    const x14 = (sqref: string) => `<x14:dataValidation type="list"><x14:formula1><xm:f>Lists!$A$1:$A$5</xm:f></x14:formula1><xm:sqref>${sqref}</xm:sqref></x14:dataValidation>`;
    const tail = (inner: string) => `</sheetData><extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="x"><x14:dataValidations count="2" xmlns:xm="m">${inner}</x14:dataValidations></ext></extLst></worksheet>`;
    const zones = zonesBelow(["A1:K10"]);
    expect(keepRulesOffZones(tail(x14("E2:E2001") + x14("M2:M2001")), zones).tail).toBe(tail(x14("E2:E10") + x14("M2:M2001")).replace('count="2"', 'count="2"'));
    expect(keepRulesOffZones(tail(x14("E20:E30") + x14("B11 B5")), zones).tail).toBe(tail(x14("B5")).replace('count="2"', 'count="1"'));
    expect(keepRulesOffZones(tail(x14("E20:E30")), zones).tail).toBe("</sheetData></worksheet>");
    // An entire-column rule is allowed below a table and stays.
    expect(keepRulesOffZones(`<dataValidations count="1"><dataValidation sqref="E1:E1048576"/></dataValidations>`, zones).validations).toBe(0);
  });
});

describe("writers keep the rules on the tables' rows as the tables grow", () => {
  it("the full load (exceljs) grows a new template's rules with the table", async () => {
    const wb = await XlsxWorkbook.fromBuffer(await newBytes());
    if (!wb.ok) throw new Error("unreadable");
    expect((await wb.value.appendRows("FollowUps", newFollowUps(3))).ok).toBe(true);
    const after = await packageRules(await wb.value.toBuffer());
    expect(offTables(after)).toEqual([]);
    expect(followUpsOf(after).conditionalFormats).toEqual([`J2:J${sample.FollowUps.length + 4}`]);
    // exceljs writes a dropdown back in pieces of alike cells; the last piece reaches the new last row.
    expect(followUpsOf(after).validations.some((r) => r.endsWith(`:E${sample.FollowUps.length + 4}`))).toBe(true);
  });

  it("the full load (exceljs) leaves nothing below the table of an old-template workbook", async () => {
    const wb = await XlsxWorkbook.fromBuffer(await oldBytes());
    if (!wb.ok) throw new Error("unreadable");
    expect((await wb.value.appendRows("FollowUps", newFollowUps(2))).ok).toBe(true);
    expect(rulesOffTables(followUpsOf(await packageRules(await wb.value.toBuffer())))).toEqual([]);
  });

  it.each([
    ["a new template", newBytes],
    ["an old-template workbook", oldBytes],
  ])("the package append grows %s's rules with the table, nothing below", async (_label, make) => {
    const bytes = await make();
    const reader = await openXlsxTables(bytes, "book.xlsx");
    if (!reader.ok) throw new Error("unreadable");
    const out = await appendRowsIntoPackage(reader.value, bytes, "FollowUps", newFollowUps(2));
    if (out.kind !== "written") throw new Error(out.kind);
    const followUps = followUpsOf(await packageRules(out.bytes));
    expect(rulesOffTables(followUps)).toEqual([]);
    expect(followUps.tables[0].ref).toBe(`A1:K${sample.FollowUps.length + 3}`);
    expect(followUps.conditionalFormats).toEqual([`J2:J${sample.FollowUps.length + 3}`]);
  });
});
