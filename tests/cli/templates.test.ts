import { existsSync, mkdtempSync, readdirSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { serialFromYMD } from "../../core/contract/dates";
import { SCHEMA, TABLE_NAMES, sheetNameOf, type Lang } from "../../core/contract/schema";
import { demoSummary } from "../../cli/demo";
import { main } from "../../cli/main";
import type { CliIO } from "../../cli/io";
import { generateSample } from "../../templates/sample";

function io(cwd: string, lang: Lang = "en-US"): CliIO & { readonly outText: string[]; readonly errText: string[] } {
  const outText: string[] = [];
  const errText: string[] = [];
  return { out: (t) => outText.push(t), err: (t) => errText.push(t), cwd, lang, outText, errText };
}

async function sheetRows(path: string): Promise<Map<string, number>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return new Map(wb.worksheets.map((w) => [w.name, w.actualRowCount - 1] as const));
}

describe("tradebook init", () => {
  it.each([
    [["--lang", "en-US"], "en-US", 0],
    [[], "zh-CN", 0],
    [["--sample", "--scale", "0.2", "--seed", "3"], "zh-CN", 40],
  ] as const)("init FILE %o makes a %s workbook with %d+ customers", async (flags, lang, minCustomers) => {
    const dir = mkdtempSync(join(tmpdir(), "tb-init-"));
    const cli = io(dir);
    expect(await main(["init", "new.xlsx", ...flags], cli)).toBe(0);
    const rows = await sheetRows(join(dir, "new.xlsx"));
    expect([...rows.keys()]).toEqual(TABLE_NAMES.map((t) => sheetNameOf(SCHEMA[t], lang)));
    expect(rows.get(sheetNameOf(SCHEMA.Customers, lang)) ?? 0).toBeGreaterThanOrEqual(minCustomers);
    expect(readdirSync(dir)).toEqual(["new.xlsx"]);
    expect(cli.outText.join("\n")).toContain("new.xlsx");
  });

  it("refuses to overwrite an existing file: exit 2, a message, the file untouched", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tb-init-"));
    writeFileSync(join(dir, "mine.xlsx"), "precious");
    const cli = io(dir, "zh-CN");
    expect(await main(["init", "mine.xlsx"], cli)).toBe(2);
    expect(cli.errText.join("\n")).toContain("已存在");
    expect(readFileSync(join(dir, "mine.xlsx"), "utf8")).toBe("precious");
    expect(readdirSync(dir)).toEqual(["mine.xlsx"]);
  });

  it.each([
    [["init"]],
    [["init", "a.xlsx", "--lang", "fr-FR"]],
    [["init", "a.xlsx", "--sample", "--scale", "0"]],
    [["init", "a.xlsx", "--sample", "--seed", "x"]],
    [["init", "a.xlsx", "--scale", "2"]],
    [["init", "a.xlsx", "--bogus"]],
  ])("bad usage %o exits 2 and writes nothing", async (argv) => {
    const dir = mkdtempSync(join(tmpdir(), "tb-init-"));
    const cli = io(dir);
    expect(await main(argv, cli)).toBe(2);
    expect(cli.errText.join("\n")).toMatch(/usage/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("tradebook templates", () => {
  it("writes TradeBook.xlsx (zh-CN) and TradeBook.en-US.xlsx", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "tb-tpl-")), "out");
    expect(await main(["templates", dir], io(dir))).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["TradeBook.en-US.xlsx", "TradeBook.xlsx"]);
    expect([...(await sheetRows(join(dir, "TradeBook.xlsx"))).keys()][0]).toBe("客户");
    expect([...(await sheetRows(join(dir, "TradeBook.en-US.xlsx"))).keys()][0]).toBe("Customers");
  });
});

describe("tradebook demo", () => {
  it("writes the sample workbook, replacing an old one, and prints a summary", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tb-demo-"));
    const file = join(dir, "sub", "demo.xlsx");
    const cli = io(dir);
    expect(await main(["demo", file, "--scale", "0.2"], cli)).toBe(0);
    expect(await main(["demo", file, "--scale", "0.2"], cli)).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(readdirSync(join(dir, "sub"))).toEqual(["demo.xlsx"]);
    const rows = await sheetRows(file);
    expect(rows.get("客户")).toBe(60);
    expect(cli.outText.join("\n")).toMatch(/客户 Customers: 60/);
  });

  it("summarises counts per table, countries, salespeople with hire dates and the date span", () => {
    const asOf = serialFromYMD(2026, 11, 27);
    const data = generateSample({ seed: 1, scale: 1, asOf });
    const text = demoSummary(data, asOf).join("\n");
    expect(text).toContain("截至 As of: 2026-11-27");
    for (const t of TABLE_NAMES) expect(text).toContain(`${SCHEMA[t].sheet.zh} ${SCHEMA[t].sheet.en}: ${data[t].length}`);
    expect(text).toMatch(new RegExp(`Customer countries: ${new Set(data.Customers.map((c) => c.Country)).size} `));
    for (const s of data.Salespeople) expect(text).toContain(s.Name);
    expect(text).toMatch(/Date span: 2025-\d\d-\d\d … 2026-11-27/);
  });
});
