/**
 * What the task-pane end-to-end tests share: the workbook they work on (the
 * demo data of templates/sample.ts in a zh-CN workbook, pinned to one
 * "today" so the due list is the same on every run), the preview server, a
 * headless Chromium, screenshots and axe-core.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";
import { serialFromYMD } from "../../core/contract/dates";
import type { CrmSnapshot } from "../../core/contract/model";
import { buildWorkbook } from "../../templates/builder";
import { generateSample } from "../../templates/sample";
import { readSnapshot } from "../../app/open-crm";
import { XlsxWorkbook } from "../../workbook/xlsx/exceljs/xlsx-workbook";
import { chromiumExecutable } from "../support/tools";

export const ROOT = resolve(__dirname, "../..");
const SHOTS = join(ROOT, "artifacts/screenshots");

export const AS_OF = { iso: "2026-11-25", serial: serialFromYMD(2026, 11, 25) };

export async function makeDemoWorkbook(file: string): Promise<void> {
  const data = generateSample({ seed: 7, scale: 1, asOf: AS_OF.serial });
  const wb = buildWorkbook("zh-CN", data);
  const bytes = await wb.xlsx.writeBuffer();
  writeFileSync(file, new Uint8Array(bytes as ArrayBuffer));
}

/**
 * Starts scripts/preview.cjs on a free port (building the pane into `dist`
 * when its sources are newer) and resolves with the base URL it prints.
 */
export function startPreview(root: string, dist: string, demo: string): Promise<{ child: ChildProcess; base: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(root, "scripts/preview.cjs"), "--build=stale", "--dist", dist, "--demo", demo], {
      cwd: root,
      env: { ...process.env, PORT: "0", TRADEBOOK_ENTRIES: "taskpane,commands" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /http:\/\/localhost:(\d+)\//.exec(out);
      if (m) done({ child, base: `http://localhost:${m[1]}` });
    });
    child.stderr?.on("data", (c: Buffer) => (out += c.toString()));
    child.on("exit", (code) => fail(new Error(`preview exited ${code}:\n${out.slice(-3000)}`)));
  });
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly targets: readonly string[];
}

/** Runs axe-core (node_modules/axe-core/axe.min.js, injected once) on the page. */
export async function axeViolations(page: Page, root: string): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  if (!loaded) await page.addScriptTag({ path: join(root, "node_modules/axe-core/axe.min.js") });
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: unknown, opts: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } };
    // Tabster's focus sentinels (<i data-tabster-dummy tabindex=0 aria-hidden>)
    // pass focus straight on; Fluent UI ships them in every focus group.
    const r = await w.axe.run({ exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
  });
}

/** Chromium (tests/support/tools.ts finds it), headless, in a profile of its own. */
export async function launchChromium(profile: string): Promise<{ context: BrowserContext; page: Page }> {
  mkdirSync(SHOTS, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumExecutable(),
    headless: true,
    locale: "zh-CN",
    acceptDownloads: true,
    viewport: { width: 420, height: 900 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  return { context, page: context.pages()[0] ?? (await context.newPage()) };
}

/** A full-page screenshot in artifacts/screenshots/, for a person to look at. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/**
 * axe-core on the current screen: no violation at all, of any impact, outside
 * Fluent's own focus guards (excluded by selector in axeViolations). Colours
 * are judged at rest: Fluent animates a button's background when it becomes
 * selected, and axe caught mid-transition reports a contrast the user never
 * sees, so transitions are stopped first.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.addStyleTag({ content: "*, *::before, *::after { transition: none !important; animation: none !important; }" });
  const bad = await axeViolations(page, ROOT);
  expect(bad, `${screen}: ${JSON.stringify(bad)}`).toEqual([]);
}

/** The typed rows of a saved workbook. */
export async function snapshotOf(bytes: Uint8Array): Promise<CrmSnapshot> {
  const wb = await XlsxWorkbook.fromBuffer(bytes);
  if (!wb.ok) throw new Error("unreadable workbook");
  const snap = await readSnapshot(wb.value);
  if (!snap.ok) throw new Error("not a CRM workbook");
  return snap.value.snapshot;
}
