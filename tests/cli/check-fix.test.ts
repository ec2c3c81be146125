/** `tradebook check --fix` in-process on a workbook the old templates made: rules below the tables are taken off, once. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../cli/check";
import type { CliIO } from "../../cli/io";
import type { Lang } from "../../core/contract/schema";
import { oldTemplateBytes } from "../support/old-template";
import { packageRules, rulesOffTables } from "../support/package-rules";

const dir = mkdtempSync(path.join(tmpdir(), "tradebook-check-fix-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function check(args: string[], lang: Lang): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIO = { cwd: dir, lang, out: (s) => void (out += `${s}\n`), err: (s) => void (err += `${s}\n`) };
  const code = await run(args, io);
  return { code, out, err };
}

const offTables = async (file: string) => (await packageRules(new Uint8Array(readFileSync(file)))).flatMap(rulesOffTables);

describe.each(["en-US", "zh-CN"] as const)("tradebook check --fix (%s)", (lang) => {
  it("leaves the file alone without --fix, mends it with --fix, and finds nothing more the second time", async () => {
    const file = path.join(dir, `old-${lang}.xlsx`);
    writeFileSync(file, await oldTemplateBytes(lang));
    const before = readFileSync(file);

    const plain = await check([file], lang);
    expect(plain.code).toBe(0);
    expect(readFileSync(file).equals(before)).toBe(true);

    const fixed = await check([file, "--fix"], lang);
    expect(fixed.code).toBe(0);
    expect(fixed.out).toContain(lang === "zh-CN" ? "已修复「跟进记录」" : "mended sheet FollowUps");
    expect(await offTables(file)).toEqual([]);

    const again = await check([file, "--fix", "--json"], lang);
    expect(JSON.parse(again.out)).toMatchObject({ ok: true, errors: 0, mended: [] });
  });
});
