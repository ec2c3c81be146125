/**
 * A team's first run, in headless Chromium over the production bundle
 * (scripts/preview.cjs, file host), from a workbook with nothing of
 * TradeBook in it to a logged contact, never touching the sheet: create the
 * structure (the pane says what it made), add the team, say who I am, add a
 * customer, log a contact, save; the saved .xlsx holds exactly those rows
 * and the user's own sheet as it was. The page asks before it is left with
 * unsaved changes, and not after saving. Every screen is checked at 320 and
 * 350 px in both languages (pane-layout.ts).
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serialFromYMD } from "../../core/contract/dates";
import { SCHEMA, TABLE_NAMES } from "../../core/contract/schema";
import { translator, type MessageKey } from "../../addin/i18n/messages";
import { checkView } from "./pane-layout";
import { AS_OF, ROOT, launchChromium, snapshotOf, startPreview } from "./taskpane-fixture";

/** Its own build folder: test files run in parallel, and two builds must not share one. */
const DIST = join(ROOT, ".tmp/e2e-dist-setup");
// The pane starts in the browser's language, zh-CN here.
const zh = (k: MessageKey, params: Record<string, string | number> = {}): string => translator("zh-CN")(k, params);

let tmp = "";
let blankFile = "";
let server: ChildProcess | null = null;
let base = "";
let context: BrowserContext;
let page: Page;
let customerId = "";
let followUpId = "";
const dialogs: string[] = [];

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "tb-e2e-first-run-"));
  const blank = new ExcelJS.Workbook();
  blank.addWorksheet("Sheet1").addRow(["my own data", 42]);
  blankFile = join(tmp, "Blank.xlsx");
  writeFileSync(blankFile, new Uint8Array((await blank.xlsx.writeBuffer()) as ArrayBuffer));
  const preview = await startPreview(ROOT, DIST, blankFile);
  server = preview.child;
  base = preview.base;
  ({ context, page } = await launchChromium(join(tmp, "profile")));
  page.on("dialog", (d) => {
    dialogs.push(d.type());
    void d.dismiss(); // stay on the page
  });
}, 1_200_000);

afterAll(async () => {
  await context?.close();
  server?.kill("SIGTERM");
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe("first run: from an empty workbook to a logged contact, all in the pane", () => {
  it("creates the structure in one click and says which sheets and tables it made", async () => {
    await page.goto(`${base}/taskpane.html?now=${AS_OF.iso}T10:00`);
    await page.locator("input[type=file][name=workbook]").waitFor({ timeout: 60_000 });
    await checkView(page, "open");
    await page.locator("input[type=file][name=workbook]").setInputFiles(blankFile);
    await page.getByRole("button", { name: zh("setupButton") }).waitFor({ timeout: 30_000 });
    await checkView(page, "setup");
    await page.getByRole("button", { name: zh("setupButton") }).click();
    await page.getByRole("heading", { name: zh("teamTitle") }).waitFor({ timeout: 30_000 });
    const summary = (await page.getByText(zh("setupCreated", { count: TABLE_NAMES.length })).textContent()) ?? "";
    for (const table of TABLE_NAMES) expect(summary).toContain(`${SCHEMA[table].sheet.zh} (${table})`);
    await checkView(page, "team");
  });

  it("adds the team, refusing a name twice, then asks who I am", async () => {
    await page.locator("input[name=name-0]").fill("王芳");
    await page.locator("input[name=hireDate-0]").fill("2025-03-01");
    await page.locator("input[name=email-0]").fill("wang.fang@example.com");
    await page.getByRole("button", { name: zh("teamAddRow") }).click();
    await page.locator("input[name=name-1]").fill("Tom Baker");
    await page.locator("input[name=hireDate-1]").fill("2026-09-01");
    await page.locator("input[name=manager-1]").fill("王芳");
    await page.getByRole("button", { name: zh("teamAddRow") }).click();
    await page.locator("input[name=name-2]").fill(" tom baker ");
    await page.locator("input[name=hireDate-2]").fill("2026-10-01");
    await page.getByRole("button", { name: zh("teamSave") }).click();
    await page.getByText(zh("duplicateName")).waitFor();
    await checkView(page, "team-errors");
    await page.getByRole("button", { name: zh("teamRemoveRow", { n: 3 }) }).click();
    await page.locator("input[name=name-1]").press("Enter");
    await page.getByRole("status").filter({ hasText: zh("teamSaved", { count: 2, sheet: SCHEMA.Salespeople.sheet.zh }) }).waitFor({ timeout: 30_000 });
    const options = await page.locator("select[name=who] option").allTextContents();
    expect(options).toEqual(["王芳", "Tom Baker"]);
    await checkView(page, "who-first-run");
    await page.locator("select[name=who]").selectOption("王芳");
    await page.getByRole("button", { name: zh("whoConfirm") }).click();
    await page.getByText(zh("dueNone")).waitFor();
    await expect.poll(() => page.getByText(zh("unsaved")).count()).toBe(1);
  });

  it("adds a customer and logs a contact with it", async () => {
    await page.getByRole("tab", { name: zh("tabCustomers"), exact: true }).click();
    await page.getByRole("button", { name: zh("newCustomer") }).click();
    await page.locator("input[name=company]").fill("Lumen Trading GmbH");
    await page.locator("input[name=country]").fill("DE");
    await page.locator("input[name=contact]").fill("Anna Schmidt");
    await page.locator("input[name=company]").press("Enter");
    await page.getByRole("heading", { name: "Lumen Trading GmbH" }).waitFor({ timeout: 30_000 });
    customerId = (await page.locator("article .fui-Caption1").first().textContent()) ?? "";
    expect(customerId).toMatch(/^C-\d{6}-[A-Z0-9]{6}$/);

    await page.getByRole("button", { name: zh("logThis") }).click();
    await expect.poll(() => page.locator("input[name=customer]").inputValue()).toContain("Lumen Trading GmbH");
    await page.locator("textarea[name=summary]").fill("首次联系：发送产品目录");
    await page.locator("input[name=nextStep]").fill("报价");
    await page.locator("input[name=nextStep]").press("Enter");
    const status = page.getByRole("status").filter({ hasText: /F-\d{6}-/ });
    await status.waitFor({ timeout: 30_000 });
    followUpId = /F-\d{6}-[A-Z0-9]{6}/.exec((await status.textContent()) ?? "")?.[0] ?? "";
    expect(followUpId).not.toBe("");
  });

  it("asks before the page is left with unsaved changes, and stays", async () => {
    const before = dialogs.length;
    await page.evaluate(() => setTimeout(() => location.reload(), 0));
    await expect.poll(() => dialogs.length).toBe(before + 1);
    expect(dialogs.at(-1)).toBe("beforeunload");
    // Dismissed: still here, with the work.
    await page.getByText(zh("unsaved")).waitFor();
    expect(await page.locator("input[name=customer]").count()).toBe(1);
  });

  it("saves: the file holds the team, the customer and the contact, and the user's sheet as it was", async () => {
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: zh("save") }).click();
    const saved = join(tmp, "Blank-saved.xlsx");
    await (await download).saveAs(saved);
    await expect.poll(() => page.getByText(zh("unsaved")).count()).toBe(0);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(saved) as unknown as ArrayBuffer);
    expect(wb.getWorksheet("Sheet1")?.getCell("A1").value).toBe("my own data");
    const crm = await snapshotOf(readFileSync(saved));
    expect(crm.Salespeople).toEqual([
      { Name: "王芳", HireDate: serialFromYMD(2025, 3, 1), Manager: null, BaseSalaryCNY: null, Active: null, Email: "wang.fang@example.com" },
      { Name: "Tom Baker", HireDate: serialFromYMD(2026, 9, 1), Manager: "王芳", BaseSalaryCNY: null, Active: null, Email: null },
    ]);
    expect(crm.Customers.map((c) => [c.CustomerID, c.Company, c.Country, c.Owner, c.Contact])).toEqual([[customerId, "Lumen Trading GmbH", "DE", "王芳", "Anna Schmidt"]]);
    expect(crm.FollowUps.map((f) => [f.FollowUpID, f.CustomerID, f.Salesperson, f.Summary, f.NextStep])).toEqual([[followUpId, customerId, "王芳", "首次联系：发送产品目录", "报价"]]);
  });

  it("leaves without asking once everything is saved", async () => {
    const before = dialogs.length;
    await page.reload();
    await page.locator("input[type=file][name=workbook]").waitFor({ timeout: 60_000 });
    expect(dialogs.length).toBe(before);
  });
});
