/**
 * The templates and a sample workbook as LibreOffice sees them: one headless
 * conversion of all three files to one CSV per sheet.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serialFromYMD } from "../../core/contract/dates";
import type { CustomerId } from "../../core/contract/model";
import { SCHEMA, TABLE_NAMES, headerOf, sheetNameOf, type Lang } from "../../core/contract/schema";
import { buildWorkbook, writeTemplates } from "../../templates/builder";
import { generateSample } from "../../templates/sample";

const LO = "/usr/bin/libreoffice";
/** UTF-8, cells as shown (formats applied), every sheet to its own file (LibreOffice 7.2+). */
const ALL_SHEETS_CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";
const dir = mkdtempSync(join(tmpdir(), "tb-lo-"));
const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
const asOf = serialFromYMD(2026, 11, 27);
const sample = generateSample({ seed: 4, scale: 0.2, asOf });
const hostile = "=1+1";
const customers = sample.Customers.map((c, i) => (i === 0 ? { ...c, Notes: hostile, Company: "+86 Trading", CustomerID: "C-TEXT" as CustomerId } : c));

/** Minimal CSV parsing: quoted fields with doubled quotes, commas, newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(field), (field = "");
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field), rows.push(row), (row = []), (field = "");
    } else field += ch;
  }
  if (field !== "" || row.length > 0) row.push(field), rows.push(row);
  return rows.filter((r) => r.some((f) => f !== ""));
}

function csv(base: string, sheet: string): string[][] {
  return parseCsv(readFileSync(join(dir, `${base}-${sheet}.csv`), "utf8"));
}

describe.skipIf(!existsSync(LO))("LibreOffice opens the workbooks", () => {
  beforeAll(async () => {
    await writeTemplates(dir);
    await buildWorkbook("en-US", { ...sample, Customers: customers }).xlsx.writeFile(join(dir, "Sample.xlsx"));
    execFileSync(
      LO,
      [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", ALL_SHEETS_CSV, "--outdir", dir,
        join(dir, "TradeBook.xlsx"), join(dir, "TradeBook.en-US.xlsx"), join(dir, "Sample.xlsx")],
      { timeout: 150_000, stdio: "pipe" },
    );
  }, 180_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });

  describe.each([
    ["zh-CN", "TradeBook"],
    ["en-US", "TradeBook.en-US"],
  ] as const)("the %s template", (lang: Lang, base) => {
    it.each(TABLE_NAMES.map((t) => [t]))("shows %s with every contract header in its language", (table) => {
      const rows = csv(base, sheetNameOf(SCHEMA[table], lang));
      expect(rows[0]).toEqual(SCHEMA[table].columns.map((c) => headerOf(c, lang)));
    });

    it("holds the default reference rows", () => {
      expect(csv(base, sheetNameOf(SCHEMA.Countries, lang))).toHaveLength(250);
      expect(csv(base, sheetNameOf(SCHEMA.CommissionTiers, lang)).slice(1)).toEqual([["1,000,000.00", "2.0%"], ["5,000,000.00", "2.5%"], ["", "4.0%"]]);
      const settings = csv(base, sheetNameOf(SCHEMA.Settings, lang));
      expect(settings.find((r) => r[0] === "WorkTimeZone")?.[1]).toBe("Asia/Shanghai");
    });
  });

  it("shows the sample rows with dates formatted, money formatted and text kept literal", () => {
    const rows = csv("Sample", "Customers");
    expect(rows).toHaveLength(customers.length + 1);
    const header = rows[0];
    const first = rows[1];
    const at = (key: string): string => first[header.indexOf(key)];
    expect(at("Notes")).toBe(hostile);
    expect(at("Company")).toBe("+86 Trading");
    expect(at("CreatedOn")).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(csv("Sample", "FollowUps")).toHaveLength(sample.FollowUps.length + 1);
    const followUp = csv("Sample", "FollowUps")[1];
    expect(followUp[1]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    const order = csv("Sample", "Orders")[1];
    expect(order[6]).toMatch(/^\d{1,3}(,\d{3})*\.\d\d$/);
  });
});
