/**
 * The metadata Excel reads: dist/functions.json generated from the JSDoc of
 * functions/functions.ts, and functions.zh-CN.json generated from it with the
 * Chinese descriptions. Built once, functions entry only, into a temp folder.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

interface Param {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: Param[];
  result?: { type?: string; dimensionality?: string };
  options?: { volatile?: boolean };
}
interface Metadata {
  functions: Fn[];
}

const root = path.resolve(__dirname, "../..");
let out = "";
let english: Metadata;
let chinese: Metadata;
let bundle = "";
let page = "";

beforeAll(() => {
  out = mkdtempSync(path.join(tmpdir(), "tradebook-functions-"));
  execFileSync(process.execPath, [path.join(root, "node_modules/webpack/bin/webpack.js"), "--mode", "production"], {
    cwd: root,
    env: { ...process.env, TRADEBOOK_ENTRIES: "functions", TRADEBOOK_OUT: out, TRADEBOOK_NO_OFFICEJS: "1" },
    stdio: "pipe",
  });
  english = JSON.parse(readFileSync(path.join(out, "functions.json"), "utf8")) as Metadata;
  chinese = JSON.parse(readFileSync(path.join(out, "functions.zh-CN.json"), "utf8")) as Metadata;
  bundle = readFileSync(path.join(out, "functions.js"), "utf8");
  page = readFileSync(path.join(out, "taskpane.html"), "utf8");
}, 120_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

/** contract.md "Custom functions": name → parameters, [optional] in brackets. */
const CONTRACT: readonly [string, string][] = [
  ["COMMISSION", "amount, [tiers], [method]"],
  ["COMMISSIONRATE", "amount, [tiers]"],
  ["GRADE", "paidOrders, sampleSent, inquiryType, [daysSinceContact], [paidCNY12m]"],
  ["NEXTCONTACT", "grade, lastContact, [createdOn]"],
  ["LOCALTIME", "timeZone, [when], [workTimeZone]"],
  ["CALLWINDOW", "timeZone, [date]"],
  ["TOCNY", "amount, currency, rates"],
  ["STAGE", "hireDate, [asOf]"],
  ["QUARTER", "date"],
];

const signature = (f: Fn): string => f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
const byId = (m: Metadata, id: string): Fn => {
  const f = m.functions.find((x) => x.id === id);
  if (!f) throw new Error(`no function ${id}`);
  return f;
};
const CJK = /[\u4e00-\u9fff]/;

describe("functions.json follows the contract's CRM functions", () => {
  it("has exactly the contract's functions", () => {
    expect(english.functions.map((f) => f.id).sort()).toEqual(CONTRACT.map(([id]) => id).sort());
  });

  it.each(CONTRACT)("CRM.%s(%s)", (id, params) => {
    const f = byId(english, id);
    expect(f.name).toBe(id);
    expect(signature(f)).toBe(params);
    expect(f.description).toMatch(/\w{4,}/);
    for (const p of f.parameters) expect(p.description, `${id}(${p.name})`).toMatch(/\w{3,}/);
  });

  it.each([
    ["COMMISSION", "tiers"],
    ["COMMISSIONRATE", "tiers"],
    ["TOCNY", "rates"],
  ])("%s takes %s as a range (matrix)", (id, param) => {
    const p = byId(english, id).parameters.find((x) => x.name === param);
    expect(p?.dimensionality).toBe("matrix");
  });

  it.each([
    ["COMMISSION", "number"],
    ["COMMISSIONRATE", "number"],
    ["GRADE", "string"],
    ["NEXTCONTACT", "number"],
    ["LOCALTIME", "number"],
    ["CALLWINDOW", "string"],
    ["TOCNY", "number"],
    ["STAGE", "any"],
    ["QUARTER", "string"],
  ])("%s returns %s", (id, type) => {
    // The generator leaves the type out for "any".
    expect(byId(english, id).result?.type ?? "any").toBe(type);
  });

  it.each([
    ["LOCALTIME", true],
    ["CALLWINDOW", true],
    ["STAGE", true],
    ["COMMISSION", false],
    ["QUARTER", false],
  ])("%s volatile (it defaults to now/today): %s", (id, volatile) => {
    expect(Boolean(byId(english, id).options?.volatile)).toBe(volatile);
  });
});

describe("functions.zh-CN.json is the same functions in Chinese", () => {
  it("has the same ids, names and parameters", () => {
    expect(chinese.functions.map((f) => [f.id, f.name, signature(f)])).toEqual(english.functions.map((f) => [f.id, f.name, signature(f)]));
  });

  it.each(CONTRACT)("CRM.%s: every description is Chinese", (id) => {
    const zh = byId(chinese, id);
    const en = byId(english, id);
    expect(zh.description).toMatch(CJK);
    zh.parameters.forEach((p, i) => {
      expect(p.description, `${id}(${p.name})`).toMatch(CJK);
      expect(p.description).not.toBe(en.parameters[i].description);
      expect({ ...p, description: "" }).toEqual({ ...en.parameters[i], description: "" });
    });
  });
});

describe("the shared-runtime bundle", () => {
  it.each(CONTRACT.map(([id]) => [id]))("functions.js associates %s", (id) => {
    expect(bundle).toContain(`CustomFunctions.associate("${id}",`);
  });

  it("taskpane.html loads office.js from Microsoft's CDN before the functions bundle", () => {
    // The npm copy is only for the offline preview and the tests (TRADEBOOK_OFFICE_JS=local).
    const office = page.indexOf("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    const functions = page.indexOf("functions.js");
    expect(office).toBeGreaterThan(-1);
    expect(functions).toBeGreaterThan(office);
    expect(page).not.toContain("office-js/office.js");
  });
});
