/**
 * New record IDs are drawn in one place (app/ids.ts): the table's prefix and
 * today, none already taken, no two the same; and no other source file
 * draws them (the sample data's seeded IDs aside).
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { serialFromYMD } from "../../core/contract/dates";
import { newRecordId, newRecordIds } from "../../app/ids";

const ROOT = resolve(__dirname, "../..");
const today = serialFromYMD(2026, 11, 27);

describe("new IDs", () => {
  it("one: the table's prefix and today, not one taken", () => {
    const taken = new Set(["O-261127-AAAAAA"]);
    const id = newRecordId("Orders", today, taken);
    expect(id).toMatch(/^O-261127-[3-9A-Y]{6}$/);
    expect(taken.has(id)).toBe(false);
  });

  it("many: none taken, no two the same", () => {
    const taken = new Set(["C-261127-AAAAAA"]);
    const ids = newRecordIds("Customers", today, taken, 500);
    expect(new Set(ids).size).toBe(500);
    for (const id of ids) expect(id).toMatch(/^C-261127-[3-9A-Y]{6}$/);
    expect(ids.some((id) => taken.has(id))).toBe(false);
  });

  it("are drawn nowhere else: no other source calls core's newUniqueId or idWithStem", () => {
    const allowed = new Set(["app/ids.ts", "core/contract/ids.ts", "templates/sample.ts"]);
    const callers: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.tsx?$/.test(name) && /\b(?:newUniqueId|idWithStem)\b/.test(readFileSync(full, "utf8"))) callers.push(relative(ROOT, full));
      }
    };
    for (const top of ["app", "addin", "cli", "core", "functions", "templates", "workbook"]) walk(join(ROOT, top));
    expect(callers.filter((c) => !allowed.has(c))).toEqual([]);
  });
});
