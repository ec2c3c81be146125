/**
 * The task pane's first run on a workbook without the CRM sheets, in
 * headless Chromium over the production bundle (scripts/preview.cjs, file
 * host): it offers one button that creates the structure, and the user's
 * own sheet is untouched in the saved file.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZH, type MessageKey } from "../../addin/i18n/messages";
import { AS_OF, ROOT, expectAccessible, launchChromium, shot, snapshotOf, startPreview } from "./taskpane-fixture";

/** Its own build folder: test files run in parallel, and two builds must not share one. */
const DIST = join(ROOT, ".tmp/e2e-dist-setup");
// The pane starts in the browser's language, zh-CN here.
const zh = (k: MessageKey): string => ZH[k];

let tmp = "";
let blankFile = "";
let server: ChildProcess | null = null;
let base = "";
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "tb-e2e-setup-"));
  const blank = new ExcelJS.Workbook();
  blank.addWorksheet("Sheet1").addRow(["my own data", 42]);
  blankFile = join(tmp, "Blank.xlsx");
  writeFileSync(blankFile, new Uint8Array((await blank.xlsx.writeBuffer()) as ArrayBuffer));
  const preview = await startPreview(ROOT, DIST, blankFile);
  server = preview.child;
  base = preview.base;
  ({ context, page } = await launchChromium(join(tmp, "profile")));
}, 1_200_000);

afterAll(async () => {
  await context?.close();
  server?.kill("SIGTERM");
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe("task pane on a workbook without the CRM structure", () => {
  it("offers to set it up, and creates it in one click without touching the user's sheet", async () => {
    await page.goto(`${base}/taskpane.html?now=${AS_OF.iso}T10:00`);
    await shot(page, "open-zh-CN");
    await expectAccessible(page, "open");
    await page.locator("input[type=file][name=workbook]").setInputFiles(blankFile);
    await page.getByRole("button", { name: zh("setupButton") }).waitFor({ timeout: 30_000 });
    await shot(page, "setup-zh-CN");
    await expectAccessible(page, "setup");
    await page.getByRole("button", { name: zh("setupButton") }).click();
    // Created: the pane now asks who I am, and says the team list is empty.
    await page.getByText(zh("noSalespeople")).waitFor({ timeout: 30_000 });
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: zh("whoManager") }).click();
    await page.getByRole("button", { name: zh("save") }).click();
    const saved = join(tmp, "Blank-saved.xlsx");
    await (await download).saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(saved) as unknown as ArrayBuffer);
    expect(wb.getWorksheet("Sheet1")?.getCell("A1").value).toBe("my own data");
    const structured = await snapshotOf(readFileSync(saved));
    expect(structured.Customers).toEqual([]);
  });
});
