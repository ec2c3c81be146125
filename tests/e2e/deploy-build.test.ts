/**
 * A deployment build, as docs/deploy.md tells an administrator to make it:
 * `npm run build -- --url https://crm.example.com/tradebook/` gives a folder
 * a static https host serves as it is. Its manifest names that origin and
 * nothing else (no localhost, no AppDomains), SupportUrl is a help page in
 * the folder (English, and Chinese for zh-CN Office), every URL is a file
 * of the folder, the page loads office.js from Microsoft's CDN and
 * everything else from the folder, and no served file mentions localhost.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");
const BASE = "https://crm.example.com/tradebook/";
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const require = createRequire(import.meta.url);
const xml2js = require("xml2js") as { parseStringPromise(xml: string, options: Record<string, unknown>): Promise<Record<string, RawNode>> };

interface RawNode {
  "#name": string;
  $?: Record<string, string>;
  _?: string;
  $$?: RawNode[];
}

let out = "";
let manifestText = "";
let manifest: RawNode;

function build(args: readonly string[], outDir: string): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, [join(ROOT, "scripts/build.cjs"), ...args], {
    cwd: ROOT,
    env: { ...process.env, TRADEBOOK_OUT: outDir, TRADEBOOK_URL: "", TRADEBOOK_OFFICE_JS: "", TRADEBOOK_ENTRIES: "" },
    encoding: "utf8",
    timeout: 600_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

function walk(node: RawNode, visit: (n: RawNode) => void): void {
  visit(node);
  for (const c of node.$$ ?? []) walk(c, visit);
}

/** Every URL-valued attribute or AppDomain in the manifest, with where it is. */
function manifestUrls(): { where: string; url: string }[] {
  const urls: { where: string; url: string }[] = [];
  walk(manifest, (n) => {
    for (const [k, v] of Object.entries(n.$ ?? {})) if (!k.startsWith("xmlns") && /^[a-z]+:\/\//i.test(v)) urls.push({ where: `<${n["#name"]} ${k}>`, url: v });
    if (n["#name"] === "AppDomain") urls.push({ where: "<AppDomain>", url: n._ ?? "" });
  });
  return urls;
}

function element(name: string): RawNode {
  let found: RawNode | undefined;
  walk(manifest, (n) => {
    if (n["#name"] === name) found = n;
  });
  if (!found) throw new Error(`no <${name}>`);
  return found;
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "tradebook-deploy-"));
  const r = build(["--url", "https://crm.example.com/tradebook"], out);
  if (r.code !== 0) throw new Error(`build failed (${r.code}):\n${r.out.slice(-4000)}`);
  manifestText = readFileSync(join(out, "manifest.xml"), "utf8");
  const parsed = await xml2js.parseStringPromise(manifestText, { explicitChildren: true, preserveChildrenOrder: true, explicitRoot: true });
  manifest = { ...parsed.OfficeApp, "#name": "OfficeApp" };
}, 600_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe("the manifest of a deployment build", () => {
  it("names only the team's origin: every URL under the given folder, no localhost, no AppDomains", () => {
    expect(manifestText).not.toMatch(/localhost/i);
    const urls = manifestUrls();
    expect(urls.length).toBeGreaterThan(20);
    for (const { where, url } of urls) expect(url, where).toMatch(new RegExp(`^${BASE.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}`));
    expect(manifestText).not.toMatch(/<AppDomains?>/);
  });

  it("every URL is a file of the folder", () => {
    for (const { where, url } of manifestUrls()) {
      const file = join(out, decodeURIComponent(new URL(url).pathname.slice(new URL(BASE).pathname.length)));
      expect(existsSync(file), `${where} ${url}`).toBe(true);
    }
  });

  it("SupportUrl is the help page, in Chinese for zh-CN Office", () => {
    const support = element("SupportUrl");
    expect(support.$?.DefaultValue).toBe(`${BASE}help.html`);
    const zh = (support.$$ ?? []).find((c) => c["#name"] === "Override" && c.$?.Locale === "zh-CN");
    expect(zh?.$?.Value).toBe(`${BASE}help.zh-CN.html`);
    const en = readFileSync(join(out, "help.html"), "utf8");
    const cn = readFileSync(join(out, "help.zh-CN.html"), "utf8");
    expect(en).toMatch(/<html lang="en">/);
    expect(en).toMatch(/Getting started/);
    expect(cn).toMatch(/<html lang="zh-CN">/);
    expect(cn).toMatch(/开始使用/);
    // Each links to the other, within the folder.
    expect(en).toContain('href="help.zh-CN.html"');
    expect(cn).toContain('href="help.html"');
    expect(readFileSync(join(out, "help.css"), "utf8")).toMatch(/font/);
  });

  it("carries the package's version, which Office compares on update", () => {
    const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
    expect(element("Version")._).toBe(`${version}.0`);
  });
});

describe("the served folder", () => {
  it("the page loads office.js from Microsoft's CDN, first, and everything else from the folder", () => {
    const html = readFileSync(join(out, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(scripts[0]).toBe(CDN);
    expect(scripts.slice(1).length).toBeGreaterThan(0);
    for (const src of scripts.slice(1)) expect(src, src).toMatch(/^[\w.-]+\.js$/);
    expect(existsSync(join(out, "office-js"))).toBe(false);
  });

  it("no file mentions localhost", () => {
    const files = filesUnder(out);
    expect(files.length).toBeGreaterThan(10);
    const mentioning = files.filter((f) => /localhost/i.test(readFileSync(f, "latin1"))).map((f) => relative(out, f));
    expect(mentioning).toEqual([]);
  });
});

describe("npm run build --url", () => {
  it.each([
    ["http://crm.example.com/", /only over https/],
    ["crm.example.com/tradebook", /not a URL/],
    ["https://crm.example.com/tradebook/?v=2", /without \?query/],
  ])("refuses %s before building", (url, message) => {
    const dir = mkdtempSync(join(tmpdir(), "tradebook-deploy-bad-"));
    try {
      const r = build(["--url", url], dir);
      expect(r.code).toBe(2);
      expect(r.out).toMatch(message);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
