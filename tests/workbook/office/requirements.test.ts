/**
 * Which Excel can run TradeBook: the pane's check against hosts as
 * Microsoft's requirement-set tables describe them (SharedRuntime 1.1 and
 * ExcelApi by version), and the manifest requiring the same set the check asks for.
 *   https://learn.microsoft.com/javascript/api/requirement-sets/common/shared-runtime-requirement-sets
 *   https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkRequirements, MINIMUM_EXCEL_API, SHARED_RUNTIME_SET } from "../../../workbook/office/requirements";
import type { RequirementSets } from "../../../workbook/office/run";

/** A host as the tables list it: whether it has SharedRuntime 1.1, and its highest ExcelApi 1.x. */
function host(sharedRuntime: boolean, excelApiMinor: number): RequirementSets {
  return {
    isSetSupported(name, version = "1.1") {
      const minor = Number(version.split(".")[1] ?? 0);
      if (name === "SharedRuntime") return sharedRuntime && version === "1.1";
      if (name === "ExcelApi") return minor <= excelApiMinor;
      return false;
    },
  };
}

describe("the Excel version check follows the requirement-set tables", () => {
  it.each([
    ["Excel on the web", host(true, 20)],
    ["Microsoft 365 on Windows, version 2002 build 12527.20092 (ExcelApi 1.10)", host(true, 10)],
    ["volume-licensed Excel 2021, version 2108 (ExcelApi 1.14)", host(true, 14)],
    ["Excel for Mac 16.35 (ExcelApi 1.11)", host(true, 11)],
  ])("%s runs TradeBook", (_label, sets) => {
    expect(checkRequirements(sets).ok).toBe(true);
  });

  it.each([
    ["Microsoft 365 on Windows, version 1908 (ExcelApi 1.10, no shared runtime)", host(false, 10), "SharedRuntime 1.1", "1.10"],
    ["Excel for Mac 16.30 (ExcelApi 1.10, no shared runtime)", host(false, 10), "SharedRuntime 1.1", "1.10"],
    ["Excel on iPad (no shared runtime)", host(false, 20), "SharedRuntime 1.1", "1.20"],
    ["volume-licensed Excel 2019 (ExcelApi 1.7)", host(false, 7), "SharedRuntime 1.1 and ExcelApi 1.9", "1.7"],
    ["volume-licensed Excel 2016 (ExcelApi 1.1)", host(false, 1), "SharedRuntime 1.1 and ExcelApi 1.9", "1.1"],
  ])("%s cannot, and the message says what it lacks", (_label, sets, lacks, has) => {
    const result = checkRequirements(sets);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const { code, message } = result.error[0];
    expect(code).toBe("excel-too-old");
    expect(message.en).toContain(`it lacks ${lacks} (it supports ExcelApi ${has})`);
    expect(message.zh).toContain(`缺少 ${lacks.replace(" and ", "、")}（它支持 ExcelApi ${has}）`);
  });

  it("the message names the hosts the shared runtime allows, and never Excel 2019 as one", () => {
    const result = checkRequirements(host(false, 7));
    if (result.ok) throw new Error("expected a refusal");
    const { en, zh } = result.error[0].message;
    expect(en).toContain("Excel on the web; Excel on Windows from Microsoft 365 or a retail Office, version 2002 or later; volume-licensed Excel 2021 or 2024; Excel for Mac 16.35 or later");
    expect(en).toContain("Volume-licensed Excel 2016 and 2019 and Excel on iPad cannot run it");
    expect(zh).toContain("网页版 Excel；Microsoft 365 或零售版 Office 的 Windows 版 Excel（版本 2002 及以上）；批量许可版 Excel 2021 或 2024；Mac 版 Excel 16.35 及以上");
    expect(zh).toContain("批量许可版 Excel 2016、2019 和 iPad 版 Excel 不支持");
    expect(en).not.toMatch(/Excel 2019, 2021/);
  });

  it("checks the set manifest.xml requires, and the API floor the adapter's calls need", () => {
    const manifest = readFileSync(path.resolve(__dirname, "../../../manifest.xml"), "utf8");
    const requirements = /<Requirements>([\s\S]*?)<\/Requirements>/.exec(manifest)?.[1] ?? "";
    const sets = [...requirements.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\/>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(sets).toEqual([`${SHARED_RUNTIME_SET.name} ${SHARED_RUNTIME_SET.version}`]);
    expect(MINIMUM_EXCEL_API).toBe("1.9");
  });
});
