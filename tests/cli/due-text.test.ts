/**
 * The due list in a terminal 100 columns wide (cli/due-text.ts): widths as
 * a terminal counts them, lines cut with "…", deadlines said in days, and
 * on the 300-customer sample workbook every line within 100 columns in both
 * languages, rules in order of urgency, each most overdue first, --limit.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UsageError } from "../../cli/args";
import { run } from "../../cli/due";
import { displayWidth, fitWidth, LINE_WIDTH, whenText } from "../../cli/due-text";
import type { CliIO } from "../../cli/io";
import { serialFromYMD } from "../../core/contract/dates";
import type { Lang } from "../../core/contract/schema";
import { buildWorkbook } from "../../templates/builder";
import { generateSample } from "../../templates/sample";

const AS_OF = serialFromYMD(2026, 11, 25);

describe("widths as a terminal counts them", () => {
  it.each([
    ["Berlin Lights", 13],
    ["周伟", 4],
    ["逾期 3 天", 9],
    ["ＡＢＣ", 6],
    ["", 0],
  ])("%j is %i columns", (text, width) => expect(displayWidth(text)).toBe(width));

  it.each([
    ["Atlas Solar S.A. de C.V.", 10, "Atlas Sol…"],
    ["跟进样品反馈", 7, "跟进样…"],
    ["跟进样品反馈", 12, "跟进样品反馈"],
    ["short", 10, "short"],
  ])("%j cut to %i columns is %j", (text, width, cut) => {
    expect(fitWidth(text, width)).toBe(cut);
    expect(displayWidth(fitWidth(text, width))).toBeLessThanOrEqual(width);
  });
});

describe("deadlines in days", () => {
  it.each<[number, Lang, string]>([
    [-12, "en-US", "12 days overdue"],
    [-1, "en-US", "1 day overdue"],
    [0, "en-US", "due today"],
    [1, "en-US", "in 1 day"],
    [5, "en-US", "in 5 days"],
    [-12, "zh-CN", "逾期 12 天"],
    [0, "zh-CN", "今天"],
    [5, "zh-CN", "5 天后"],
  ])("%i days from today (%s): %j", (offset, lang, text) => expect(whenText(AS_OF + offset, AS_OF, lang)).toBe(text));
});

describe("tradebook due on the sample workbook", () => {
  let dir = "";
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "tradebook-due-text-"));
    for (const lang of ["zh-CN", "en-US"] as const) {
      await buildWorkbook(lang, generateSample({ seed: 7, scale: 1, asOf: AS_OF, lang })).xlsx.writeFile(path.join(dir, `${lang}.xlsx`));
    }
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function due(args: string[], lang: Lang): Promise<string> {
    const out: string[] = [];
    const io: CliIO = { out: (t) => out.push(t), err: () => undefined, cwd: dir, lang };
    expect(await run(args, io)).toBe(0);
    return out.join("\n");
  }

  it.each<Lang>(["en-US", "zh-CN"])("every line fits 100 columns (%s)", async (lang) => {
    const text = await due([`${lang}.xlsx`, "--date", "2026-11-25"], lang);
    const lines = text.split("\n");
    expect(lines.length).toBeGreaterThan(100);
    const widest = Math.max(...lines.map(displayWidth));
    expect(widest).toBeLessThanOrEqual(LINE_WIDTH);
  });

  it("promised contacts first, most overdue first; neglected customers last", async () => {
    const text = await due(["en-US.xlsx", "--date", "2026-11-25"], "en-US");
    const headings = text.split("\n").filter((l) => l.startsWith("== "));
    expect(headings[0]).toMatch(/^== Promised next contact/);
    const neglect = headings.findIndex((h) => h.startsWith("== Neglected"));
    expect(neglect).toBeGreaterThan(0);
    // After neglect only the warning about customers contacted too often.
    expect(headings.slice(neglect + 1).every((h) => h.startsWith("== Too many contacts"))).toBe(true);
    const promised = text.split("== Promised next contact")[1].split("\n\n")[0];
    const late = [...promised.matchAll(/^ {2}(\d+) days? overdue/gm)].map((m) => Number(m[1]));
    expect(late.length).toBeGreaterThan(3);
    expect(late).toEqual([...late].sort((a, b) => b - a));
  });

  it("--limit N keeps the N most urgent lines of each rule and says how many more there are", async () => {
    const all = await due(["zh-CN.xlsx", "--date", "2026-11-25"], "zh-CN");
    const limited = await due(["zh-CN.xlsx", "--date", "2026-11-25", "--limit", "2"], "zh-CN");
    const groups = limited.split("\n\n").slice(1);
    const fullGroups = all.split("\n\n").slice(1);
    expect(groups.length).toBeGreaterThan(3);
    expect(groups.length).toBe(fullGroups.length);
    const ids = (lines: readonly string[]) => lines.map((l) => /\bC-[0-9A-Z-]+/.exec(l)?.[0]);
    groups.forEach((g, k) => {
      const [heading, ...rest] = g.split("\n");
      const total = Number(/】(\d+)/.exec(heading)?.[1] ?? /(\d+) 位客户/.exec(heading)?.[1]);
      const items = rest.filter((l) => !l.startsWith("  …"));
      expect(items.length).toBe(Math.min(2, total));
      if (total > 2) expect(rest.at(-1)).toBe(`  … 另有 ${total - 2} 项（不加 --limit 可全部显示）`);
      // The customers kept are the first of the full list.
      expect(ids(items)).toEqual(ids(fullGroups[k].split("\n").slice(1, 1 + items.length)));
    });
  });

  it.each(["0", "-1", "2.5", "lots"])("--limit %s is a usage error", async (n) => {
    const io: CliIO = { out: () => undefined, err: () => undefined, cwd: dir, lang: "en-US" };
    await expect(run(["en-US.xlsx", "--limit", n], io)).rejects.toBeInstanceOf(UsageError);
  });
});
