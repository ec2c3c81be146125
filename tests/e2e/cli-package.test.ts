/**
 * The `tradebook` command as a team gets it: the project packed (`npm pack`,
 * which runs `prepare`: the compiled CLI in lib/cli/), the tarball installed
 * into a new project with `--offline` (it depends on nothing, so no network
 * and no registry are needed), then run through `npx`, through
 * node_modules/.bin, from a global install and as `node bin/tradebook.cjs`
 * in this checkout. Exit codes are the contract's: 0 ok, 1 problems, 2 bad
 * usage or unreadable file, through npx too (a CI job relies on them).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

let dir = "";
let project = "";
let tarball = "";
let files: string[] = [];

/**
 * The environment without what `npm test` sets for its own run (npm_config_*,
 * npm_package_*, the lifecycle): a child npm would take those as its own
 * settings. English unless a test asks for Chinese.
 */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && k !== "INIT_CWD") env[k] = v;
  return { ...env, TRADEBOOK_LANG: "en-US", NO_UPDATE_NOTIFIER: "1", npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false", ...extra };
}

interface Run {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

function run(cmd: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): Run {
  const r = spawnSync(cmd, args, { cwd, env: cleanEnv(env), encoding: "utf8", timeout: 120_000 });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** `npx tradebook …` in the team's project; --no: never fetch a package of that name. */
const npx = (args: readonly string[], env: Record<string, string> = {}): Run => run("npx", ["--no", "--offline", "tradebook", ...args], project, env);

function npm(args: readonly string[], cwd: string): string {
  const r = run("npm", args, cwd);
  if (r.code !== 0) throw new Error(`npm ${args.join(" ")} exited ${r.code}:\n${r.err.slice(-3000)}`);
  return r.out;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tradebook-pack-"));
  const packed = JSON.parse(npm(["pack", "--json", "--pack-destination", dir], ROOT)) as { filename: string; files: { path: string }[] }[];
  tarball = join(dir, packed[0].filename);
  files = packed[0].files.map((f) => f.path);
  project = join(dir, "team");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "team-crm", version: "1.0.0", private: true }, null, 2));
  npm(["install", "--offline", "--no-audit", "--no-fund", tarball], project);
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the packed tarball", () => {
  it("holds the compiled command, not the TypeScript sources", () => {
    expect(files).toContain("bin/tradebook.cjs");
    expect(files).toContain("lib/cli/tradebook.mjs");
    expect(files).toContain("lib/cli/THIRD-PARTY-NOTICES.txt");
    expect(files.filter((f) => /\.tsx?$/.test(f))).toEqual([]);
    expect(files.filter((f) => /^(tests|core|cli|workbook|addin|node_modules)\//.test(f))).toEqual([]);
  });

  it("depends on nothing, so it installs without a network", () => {
    const installed = JSON.parse(readFileSync(join(project, "node_modules/tradebook/package.json"), "utf8")) as { dependencies?: object; version: string };
    expect(installed.dependencies ?? {}).toEqual({});
    expect(installed.version).toBe(VERSION);
    // The launcher runs compiled JavaScript: no TypeScript loader.
    expect(readFileSync(join(project, "node_modules/tradebook/bin/tradebook.cjs"), "utf8")).not.toMatch(/tsx/);
  });
});

describe("npx tradebook, in a project that depends on it", () => {
  it("--help prints the commands and exits 0; --version prints the version", () => {
    const help = npx(["--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^usage: tradebook <command>/);
    for (const c of ["init", "check", "import", "due", "review", "weekly"]) expect(help.out).toContain(`tradebook ${c} `);
    const v = npx(["--version"]);
    expect(v).toEqual({ code: 0, out: `${VERSION}\n`, err: "" });
  });

  it("speaks Chinese when asked", () => {
    const help = npx(["--help"], { TRADEBOOK_LANG: "zh-CN" });
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^用法：tradebook <命令>/);
  });

  it("init writes a workbook and check passes it (exit 0)", () => {
    const init = npx(["init", "Team.xlsx", "--lang", "en-US", "--sample", "--scale", "0.1", "--seed", "7"]);
    expect(init.err).toBe("");
    expect(init.code).toBe(0);
    expect(init.out).toMatch(/Team\.xlsx/);
    expect(existsSync(join(project, "Team.xlsx"))).toBe(true);
    const check = npx(["check", "Team.xlsx"]);
    expect(check.code).toBe(0);
    expect(check.out).toMatch(/Team\.xlsx: 0 errors/);
  });

  it("check exits 1 on a workbook with a wrong row, naming sheet, row and column", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(project, "Team.xlsx"));
    const sheet = wb.getWorksheet("Customers");
    if (!sheet) throw new Error("no Customers sheet");
    const header = sheet.getRow(1).values as unknown[];
    const column = header.indexOf("Country");
    sheet.getRow(2).getCell(column).value = "Atlantis";
    await wb.xlsx.writeFile(join(project, "Broken-row.xlsx"));
    const check = npx(["check", "Broken-row.xlsx"]);
    expect(check.code).toBe(1);
    expect(`${check.out}${check.err}`).toMatch(/Customers.*row 2.*Country/);
  });

  it("check exits 2 on a file that is not a workbook, and on bad usage", () => {
    writeFileSync(join(project, "Broken.xlsx"), "not a workbook");
    const broken = npx(["check", "Broken.xlsx"]);
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/Broken\.xlsx/);
    const missing = npx(["check"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/usage: tradebook check FILE/);
    const unknown = npx(["nope"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown command "nope"/);
  });
});

describe("the same command through every other way of running it", () => {
  it("node_modules/.bin/tradebook in the project", () => {
    const r = run(join(project, "node_modules/.bin/tradebook"), ["check", "Team.xlsx"], project);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Team\.xlsx: 0 errors/);
  });

  it("npm install -g of the tarball", () => {
    const prefix = join(dir, "global");
    npm(["install", "-g", "--offline", "--no-audit", "--no-fund", "--prefix", prefix, tarball], dir);
    const r = run(join(prefix, "bin/tradebook"), ["--version"], dir);
    expect(r).toEqual({ code: 0, out: `${VERSION}\n`, err: "" });
    const check = run(join(prefix, "bin/tradebook"), ["check", join(project, "Broken.xlsx")], dir);
    expect(check.code).toBe(2);
  });

  it("node bin/tradebook.cjs in this checkout", () => {
    const r = run(process.execPath, [join(ROOT, "bin/tradebook.cjs"), "check", join(project, "Team.xlsx")], dir);
    expect(r.code).toBe(0);
    expect(execFileSync(process.execPath, [join(ROOT, "bin/tradebook.cjs"), "--version"], { env: cleanEnv(), encoding: "utf8" })).toBe(`${VERSION}\n`);
  });
});
