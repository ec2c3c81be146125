/**
 * The task pane end to end, as a person uses it, in headless Chromium over
 * the production bundle served by scripts/preview.cjs (file host, ?demo=1):
 * log contacts (from a due item, from search, with the keyboard), add
 * customers (warned of a duplicate first), record a sample and an order,
 * switch language, save; then the saved .xlsx is read back with exceljs and
 * must hold exactly the new rows, hostile text as the same literal text.
 * One browser session: the last steps check what the earlier ones wrote.
 * (A team's first run on a workbook without the CRM sheets:
 * taskpane-first-run.e2e.test.ts.) Also: every screen at 320 and 350 px in
 * both languages (no sideways scroll, no label broken, axe, screenshots:
 * pane-layout.ts), time to interactive and no off-origin resources.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import ExcelJS from "exceljs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CrmSnapshot } from "../../core/contract/model";
import { TABLE_NAMES, type TableName } from "../../core/contract/schema";
import { MESSAGES, type MessageKey } from "../../addin/i18n/messages";
import { INJECTION_PAYLOADS } from "../contract/injection-payloads";
import { checkView } from "./pane-layout";
import { AS_OF, ROOT, expectAccessible, launchChromium, makeDemoWorkbook, shot as screenshot, snapshotOf, startPreview } from "./taskpane-fixture";

/** Built once and reused while the sources are unchanged (preview.cjs --build=stale). */
const DIST = join(ROOT, ".tmp/e2e-dist");
const NOW = `${AS_OF.iso}T10:00`;

let tmp = "";
let server: ChildProcess | null = null;
let base = "";
let context: BrowserContext;
let page: Page;
let original: CrmSnapshot;
const requests: string[] = [];
const timings: Record<string, number> = {};
/** IDs the pane reported for what it wrote, by table. */
const written: Record<"FollowUps" | "Customers" | "Samples" | "Orders", string[]> = { FollowUps: [], Customers: [], Samples: [], Orders: [] };
/** Text typed into a field, by record ID and column, to compare with the saved workbook. */
const typed = new Map<string, Record<string, string>>();
/** Report sheets the pane said it wrote. */
const reportSheets: string[] = [];
/** The sheet names in "报表已写入工作表 A, B。". */
const sheetNamesIn = (text: string): string[] => text.replace(/^.*工作表\s*/, "").replace(/。$/, "").split(", ").filter(Boolean);

const zh = (k: MessageKey): string => MESSAGES[k].zh;
const en = (k: MessageKey): string => MESSAGES[k].en;
const days = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 86_400_000;

const shot = (name: string): Promise<void> => screenshot(page, name);
const axe = (screen: string): Promise<void> => expectAccessible(page, screen);

async function tab(label: string): Promise<void> {
  await page.getByRole("tab", { name: label, exact: true }).click();
}

async function pickCustomer(query: string, company: string): Promise<void> {
  const box = page.locator("input[name=customer]");
  await box.fill(query);
  await page.getByRole("option", { name: new RegExp(escape(company)) }).first().click();
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Waits for the success notice and returns the ID it names. */
async function savedId(prefix: string): Promise<string> {
  const status = page.getByRole("status").filter({ hasText: new RegExp(`${prefix}-\\d{6}-`) });
  await status.waitFor({ timeout: 30_000 });
  const text = (await status.textContent()) ?? "";
  const m = new RegExp(`${prefix}-\\d{6}-[A-Z0-9]{6}`).exec(text);
  if (!m) throw new Error(`no ID in "${text}"`);
  return m[0];
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "tb-e2e-"));
  const demo = join(tmp, "TradeBook-demo.xlsx");
  await makeDemoWorkbook(demo);
  original = await snapshotOf(readFileSync(demo));
  const preview = await startPreview(ROOT, DIST, demo);
  server = preview.child;
  base = preview.base;
  ({ context, page } = await launchChromium(join(tmp, "profile")));
  context.on("request", (r) => requests.push(r.url()));
}, 1_200_000);

afterAll(async () => {
  await context?.close();
  server?.kill("SIGTERM");
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  console.log(`[taskpane e2e] timings (ms): ${JSON.stringify(timings)}`);
});

describe("task pane, end to end over the file host", () => {
  it("becomes interactive quickly after navigation and asks who I am (zh-CN)", async () => {
    const t0 = Date.now();
    await page.goto(`${base}/taskpane.html?demo=1&now=${NOW}`);
    await page.locator("select[name=who]").waitFor({ timeout: 60_000 });
    timings.timeToInteractive = Date.now() - t0;
    expect(timings.timeToInteractive).toBeLessThan(15_000);
    await checkView(page, "who");
    await page.getByRole("button", { name: zh("whoConfirm") }).click();
  });

  it("shows Today's due list grouped by severity, with local time and call window", async () => {
    await page.getByRole("heading", { level: 2 }).first().waitFor();
    const buttons = page.getByRole("button", { name: new RegExp(`^${escape(zh("logThis"))}: `) });
    expect(await buttons.count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText(/当地时间 /).count()).toBeGreaterThan(0);
    await checkView(page, "today");
  });

  it("says once how many days each overdue item is late, and never repeats a date", async () => {
    const items = await page.locator("section[aria-labelledby=due-overdue] li").allTextContents();
    expect(items.length).toBeGreaterThan(0);
    for (const text of items) {
      expect(text.match(/逾期 \d+ 天/g), text).toHaveLength(1);
      const dates = text.match(/\d{4}-\d{2}-\d{2}/g) ?? [];
      expect(new Set(dates).size, text).toBe(dates.length);
    }
    // A promised contact: late by the days since the promised date.
    const promised = items.find((t) => /约定 \d{4}-\d{2}-\d{2} 再联系/.test(t)) ?? "";
    const on = /约定 (\d{4}-\d{2}-\d{2}) 再联系/.exec(promised)?.[1] ?? "";
    expect(on).not.toBe("");
    expect(promised).toContain(`逾期 ${days(on, AS_OF.iso)} 天`);
  });

  it("follows a due item to the Log contact form, prefilled, and saves it with Enter", async () => {
    const first = page.getByRole("button", { name: new RegExp(`^${escape(zh("logThis"))}: `) }).first();
    const company = ((await first.getAttribute("aria-label")) ?? "").slice(zh("logThis").length + 2);
    await first.click();
    await expect.poll(() => page.locator("input[name=customer]").inputValue()).toContain(company);
    await checkView(page, "log");
    // Fluent names the list's chevron "Open" in English; here it speaks Chinese.
    expect(await page.locator("[aria-label*=Open]").count()).toBe(0);
    expect(await page.locator(`[aria-label="${zh("showMatches")}"]`).count()).toBe(1);
    await page.locator("textarea[name=summary]").fill("按约定回访，客户确认下月下单");
    await page.locator("input[name=nextStep]").fill("发送形式发票");
    await page.locator("input[name=nextStep]").press("Enter");
    const id = await savedId("F");
    written.FollowUps.push(id);
    typed.set(id, { Summary: "按约定回访，客户确认下月下单", NextStep: "发送形式发票" });
  });

  it("refuses an incomplete form with a message beside the field and writes nothing", async () => {
    await page.locator("input[name=customer]").fill("");
    await page.locator("textarea[name=summary]").fill("no customer");
    await page.getByRole("button", { name: zh("submit"), exact: true }).click();
    await expect.poll(() => page.getByText(zh("required")).count()).toBeGreaterThan(0);
    await checkView(page, "log-validation");
    await page.locator("textarea[name=summary]").fill("");
  });

  it("logs a return visit found by search, with satisfaction, by keyboard (Ctrl+Enter)", async () => {
    const c = original.Customers[10];
    await pickCustomer(c.Company.slice(0, 6), c.Company);
    await page.locator("select[name=channel]").selectOption("Phone");
    await page.locator("select[name=purpose]").selectOption("ReturnVisit");
    await page.locator("input[name=satisfaction]").fill("4");
    await page.locator("textarea[name=summary]").fill("回访：满意");
    await page.locator("textarea[name=summary]").press("Control+Enter");
    const id = await savedId("F");
    written.FollowUps.push(id);
    typed.set(id, { Summary: "回访：满意", CustomerID: c.CustomerID, Channel: "Phone", Purpose: "ReturnVisit", Satisfaction: "4" });
  });

  it("stores hostile text (formula injection, emoji, RTL) as the same literal text", async () => {
    const c = original.Customers[11];
    // A browser turns a lone CR in a text field into LF before any code sees
    // it, so CR payloads are the adapters' contract tests' business.
    const payloads = INJECTION_PAYLOADS.filter((p) => !p.includes("\r"));
    const oneLine = payloads.filter((p) => !p.includes("\n"));
    expect(payloads.length).toBeGreaterThanOrEqual(20);
    for (let i = 0; i < payloads.length; i++) {
      await pickCustomer(c.CustomerID, c.Company);
      const summary = payloads[i];
      const nextStep = oneLine[(i + 1) % oneLine.length];
      await page.locator("textarea[name=summary]").fill(summary);
      await page.locator("input[name=nextStep]").fill(nextStep);
      await page.locator("textarea[name=summary]").press("Control+Enter");
      const id = await savedId("F");
      written.FollowUps.push(id);
      typed.set(id, { Summary: summary, NextStep: nextStep });
    }
  }, 600_000);

  it("opens the Samples and Orders forms from Log contact's shortcuts", async () => {
    const c = original.Customers[12];
    await page.getByRole("tab", { name: zh("sampleTitle") }).click();
    await pickCustomer(c.Company.slice(0, 5), c.Company);
    await page.locator("input[name=items]").fill("=SUM(A1:A9) LED 样品 ×3");
    await page.locator("input[name=feeCNY]").fill("200");
    await page.locator("select[name=feePaid]").selectOption("Y");
    await checkView(page, "sample");
    await page.locator("input[name=items]").press("Enter");
    const sid = await savedId("S");
    written.Samples.push(sid);
    typed.set(sid, { Items: "=SUM(A1:A9) LED 样品 ×3" });

    await page.getByRole("tab", { name: zh("orderTitle") }).click();
    await pickCustomer(c.Company.slice(0, 5), c.Company);
    await page.locator("input[name=amount]").fill("0");
    await page.locator("input[name=amount]").press("Enter");
    await expect.poll(() => page.getByText(zh("mustBePositive")).count()).toBeGreaterThan(0);
    await page.locator("input[name=amount]").fill("12345.6");
    await page.locator("input[name=products]").fill("LED panel 600×600");
    await checkView(page, "order");
    await page.locator("input[name=amount]").press("Enter");
    const oid = await savedId("O");
    written.Orders.push(oid);
    typed.set(oid, { Products: "LED panel 600×600", Amount: "12345.6" });
  });

  it("warns of a duplicate customer, naming its owner, and saves after confirmation", async () => {
    const existing = original.Customers[20];
    await tab(zh("tabCustomers"));
    await checkView(page, "customers");
    // A list of results: company over ID, contact, country and owner.
    await page.locator("input[name=customerSearch]").fill("C-");
    await expect.poll(() => page.locator("ul.tb-results li").count()).toBeGreaterThan(5);
    await checkView(page, "customers-search");
    await page.locator("input[name=customerSearch]").fill(existing.CustomerID);
    await page.getByRole("button", { name: new RegExp(escape(existing.CustomerID)) }).first().click();
    await page.getByRole("heading", { name: existing.Company }).waitFor();
    await checkView(page, "customer-card");
    await page.getByRole("button", { name: zh("newCustomer") }).click();
    await page.locator("input[name=company]").fill(existing.Company);
    await page.locator("input[name=country]").fill("US");
    await page.locator("input[name=email]").fill("buyer@example.com");
    await page.locator("input[name=company]").press("Enter");
    const warning = page.getByRole("alert").filter({ hasText: existing.CustomerID });
    await warning.waitFor();
    expect(await warning.textContent()).toContain(existing.Owner);
    await checkView(page, "customer-duplicate");
    await page.getByRole("button", { name: zh("duplicateConfirm") }).click();
    await page.getByRole("heading", { name: existing.Company }).waitFor();
    const id = (await page.locator("article .fui-Caption1").first().textContent()) ?? "";
    expect(id).toMatch(/^C-\d{6}-/);
    written.Customers.push(id);
    typed.set(id, { Company: existing.Company, Country: "US", Email: "buyer@example.com" });
  });

  it("adds a customer with emoji, right-to-left and 10,000-character text unchanged", async () => {
    const company = "🚀 Ünïcödé 贸易 👩‍👩‍👧 Ltd";
    const contact = "مرحبا بالعالم שלום";
    const notes = "长文本🙂 ".repeat(1666) + "长文本 "; // 10,000 UTF-16 units, no emoji cut in half
    expect(notes.length).toBe(10_000);
    await page.getByRole("button", { name: zh("newCustomer") }).click();
    await page.locator("input[name=company]").fill(company);
    await page.locator("input[name=country]").fill("DE");
    await page.locator("input[name=contact]").fill(contact);
    await page.locator("input[name=address]").fill('=HYPERLINK("http://x","y")');
    await page.locator("textarea[name=notes]").fill(notes);
    await page.locator("input[name=company]").press("Enter");
    await page.getByRole("heading", { name: company }).waitFor({ timeout: 30_000 });
    const id = (await page.locator("article .fui-Caption1").first().textContent()) ?? "";
    written.Customers.push(id);
    typed.set(id, { Company: company, Contact: contact, Notes: notes, Address: '=HYPERLINK("http://x","y")' });
  });

  it("offers the last completed quarter first, says which is in progress, and generates both and a weekly report", async () => {
    await tab(zh("tabReports"));
    const quarter = page.locator("select[name=quarter]");
    await expect.poll(() => quarter.inputValue()).toBe("2026-Q3");
    const options = await quarter.locator("option").allTextContents();
    expect(options.slice(0, 3)).toEqual(["2026-Q3", zh("quarterInProgress").replace("{quarter}", "2026-Q4").replace("{date}", AS_OF.iso), "2026-Q2"]);
    await page.getByText(zh("quarterNote").replace("{quarter}", "2026-Q4").replace("{date}", AS_OF.iso)).waitFor();
    await checkView(page, "reports");
    for (const q of ["2026-Q3", "2026-Q4"]) {
      await quarter.selectOption(q);
      await page.getByRole("button", { name: zh("generate") }).click();
      const done = page.getByRole("status").filter({ hasText: `季度考核 ${q}` });
      await done.waitFor({ timeout: 60_000 });
      reportSheets.push(...sheetNamesIn((await done.textContent()) ?? ""));
    }
    await page.getByRole("radio", { name: zh("weekly") }).check();
    await expect.poll(() => page.locator("input[name=week]").inputValue()).toBe("2026-W48");
    await checkView(page, "reports-weekly");
    await page.locator("input[name=week]").press("Enter");
    const weekly = page.getByRole("status").filter({ hasText: /2026-W48/ });
    await weekly.waitFor({ timeout: 60_000 });
    reportSheets.push(...sheetNamesIn((await weekly.textContent()) ?? ""));
    expect(reportSheets.slice(0, 2)).toEqual(["季度考核 2026-Q3", "季度考核 2026-Q4"]);
    expect(reportSheets).toHaveLength(3);
  });

  it("switches to English and every screen follows", async () => {
    await page.locator("select[name=language]").selectOption("en-US");
    await page.getByRole("tab", { name: en("tabToday"), exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en-US");
    await tab(en("tabReports"));
    await shot("reports-en-US");
    await axe("reports en");
    await tab(en("tabToday"));
    await page.getByText(/Local time /).first().waitFor();
    await shot("today-en-US");
    await axe("today en");
    await tab(en("tabLog"));
    await shot("log-en-US");
    await axe("log en");
    await page.getByRole("tab", { name: en("sampleTitle") }).click();
    await shot("sample-en-US");
    await page.getByRole("tab", { name: en("orderTitle") }).click();
    await shot("order-en-US");
    await tab(en("tabCustomers"));
    await page.locator("input[name=customerSearch]").fill(original.Customers[20].CustomerID);
    await page.getByRole("button", { name: new RegExp(escape(original.Customers[20].CustomerID)) }).first().click();
    await shot("customers-card-en-US");
    await axe("customers en");
    await page.getByRole("button", { name: en("newCustomer") }).click();
    await checkView(page, "customer-new");
    await page.getByRole("button", { name: en("cancel") }).click();
    await page.getByRole("button", { name: en("whoChange") }).click();
    await page.locator("select[name=who]").waitFor();
    await shot("who-en-US");
    await axe("who en");
    await page.getByRole("button", { name: en("whoManager") }).click();
    await tab(en("tabToday"));
    await page.getByText(en("wholeTeam"), { exact: false }).first().waitFor();
    await checkView(page, "today-manager");
  });

  it("saves the workbook, which then holds exactly the new rows with the typed values", async () => {
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: en("save") }).click();
    const file = join(tmp, "saved.xlsx");
    await (await download).saveAs(file);
    const bytes = readFileSync(file);
    const after = await snapshotOf(bytes);

    const added: Partial<Record<TableName, number>> = { FollowUps: written.FollowUps.length, Customers: written.Customers.length, Samples: written.Samples.length, Orders: written.Orders.length };
    for (const table of TABLE_NAMES) expect(after[table].length, table).toBe(original[table].length + (added[table] ?? 0));
    const rowsById = new Map<string, Record<string, unknown>>();
    const idOf = (rec: Record<string, unknown>): string => String(rec.FollowUpID ?? rec.SampleID ?? rec.OrderID ?? rec.CustomerID);
    for (const r of [...after.FollowUps, ...after.Customers, ...after.Samples, ...after.Orders]) {
      const rec = r as unknown as Record<string, unknown>;
      rowsById.set(idOf(rec), rec);
    }
    for (const [id, fields] of typed) {
      const row = rowsById.get(id);
      expect(row, id).toBeDefined();
      for (const [col, value] of Object.entries(fields)) expect(String(row?.[col]), `${id}.${col}`).toBe(value);
    }
    // Stored as text, never as a formula.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const texts = new Set([...typed.values()].flatMap((f) => Object.values(f)));
    let literal = 0;
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === "string" && texts.has(cell.value)) literal++;
          const formula = (cell.value as { formula?: string } | null)?.formula;
          if (formula) expect(texts.has(`=${formula}`), `${ws.name}!${cell.address} became a formula`).toBe(false);
        }),
      ),
    );
    expect(literal).toBeGreaterThanOrEqual(written.FollowUps.length);
    const sheetNames = wb.worksheets.map((w) => w.name);
    for (const name of reportSheets) expect(sheetNames, name).toContain(name);
    // The quarter in progress is computed and titled as of today; the completed one as of its last day.
    expect(String(wb.getWorksheet("季度考核 2026-Q4")?.getCell("A1").value)).toMatch(/^季度考核 2026-Q4（进行中，截至 2026-11-25）/);
    expect(String(wb.getWorksheet("季度考核 2026-Q3")?.getCell("A2").value)).toMatch(/^截至 2026-09-30 /);
    expect(String(wb.getWorksheet("季度考核 2026-Q4")?.getCell("A2").value)).toMatch(/^截至 2026-11-25 /);
  });

  it("keeps the pane's initial JavaScript under 350 KB gzipped (exceljs loads only in file mode)", () => {
    const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*src="?([^" >]+)"?/g)].map((m) => m[1]).filter((src) => !src.includes("office-js/"));
    expect(scripts).toContain("taskpane.js");
    const gz = scripts.reduce((sum, src) => sum + gzipSync(readFileSync(join(DIST, src))).length, 0);
    timings.initialJsGzipBytes = gz;
    expect(gz).toBeLessThan(350 * 1024);
    expect(readFileSync(join(DIST, "taskpane.js"), "utf8")).not.toContain("ExcelJS");
  });

  it("loaded nothing from outside its origin but office.js's own", () => {
    const origin = new URL(base).origin;
    const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:"));
    // office.js (served locally) itself reaches Microsoft's telemetry frame when
    // run outside Office; nothing of the pane's own may leave the origin.
    const notOffice = foreign.filter((u) => !/^https:\/\/[^/]*(oaspapps\.com|office\.com|office\.net|microsoft\.com)\//.test(u));
    console.log(`[taskpane e2e] ${requests.length} requests, off-origin from office.js: ${JSON.stringify(foreign)}`);
    expect(notOffice).toEqual([]);
    expect(requests.some((u) => u.endsWith("/office-js/office.js"))).toBe(true);
  });
});
