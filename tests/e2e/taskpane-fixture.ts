/**
 * The workbook the task-pane end-to-end test works on: the demo data of
 * templates/sample.ts in a zh-CN workbook (templates/builder.ts), pinned to
 * one "today" so the due list is the same on every run.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { serialFromYMD } from "../../core/dates";
import { buildWorkbook } from "../../templates/builder";
import { generateSample } from "../../templates/sample";

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
