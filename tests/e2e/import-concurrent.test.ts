/**
 * `tradebook import` never overwrites a save made by someone else while it
 * worked: whether it writes into the package or falls back to the full
 * load, it writes only over the very file it read and validated.
 */
import { mkdtempSync, readFileSync, writeFileSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { run as importCsv } from "../../cli/import";
import type { CliIO } from "../../cli/io";
import { serialFromYMD } from "../../core/contract/dates";
import { buildWorkbook } from "../../templates/builder";
import { generateSample } from "../../templates/sample";
import type { PackageAppend } from "../../workbook/xlsx/package/append";

/** What the "other user" does, and what the package writer then answers. */
const race = vi.hoisted(() => ({ file: "", answer: "real" as "real" | "unsupported" }));

vi.mock("../../workbook/xlsx/package/append", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../workbook/xlsx/package/append")>();
  return {
    ...real,
    appendRowsIntoPackage: async (...args: Parameters<typeof real.appendRowsIntoPackage>): Promise<PackageAppend> => {
      // Someone saves the workbook while import works.
      writeFileSync(race.file, Buffer.concat([readFileSync(race.file), Buffer.from(" ")]));
      const later = new Date(Date.now() + 5_000);
      utimesSync(race.file, later, later);
      return race.answer === "real" ? real.appendRowsIntoPackage(...args) : { kind: "unsupported", why: { zh: "测试", en: "test" } };
    },
  };
});

const dir = mkdtempSync(path.join(tmpdir(), "tb-race-"));
const sample = generateSample({ seed: 3, scale: 0.05, asOf: serialFromYMD(2026, 11, 27) });
const csv = path.join(dir, "new.csv");
writeFileSync(csv, `CustomerID,Company,Country,Owner,CreatedOn,Source,Email\nC-RACE-1,Race Co,US,${sample.Salespeople[0].Name},2026-11-20,Website,r@race.com\n`);

describe("import and someone else's save in between", () => {
  beforeEach(async () => {
    race.file = path.join(dir, `book-${Math.random().toString(36).slice(2)}.xlsx`);
    await buildWorkbook("en-US", sample).xlsx.writeFile(race.file);
  });
  it.each([
    ["writing into the package", "real"],
    ["falling back to the full load", "unsupported"],
  ] as const)("%s: refused, their save kept", async (_name, answer) => {
    race.answer = answer;
    const err: string[] = [];
    const io: CliIO = { out: () => undefined, err: (t) => err.push(t), cwd: dir, lang: "en-US" };
    expect(await importCsv([race.file, "--table", "Customers", csv], io)).toBe(1);
    expect(err.some((l) => /was changed by someone else after it was opened; not saved/.test(l))).toBe(true);
    // Their bytes, with the space they added, are what the file holds.
    expect(readFileSync(race.file).at(-1)).toBe(0x20);
  });
});
