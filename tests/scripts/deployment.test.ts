/** scripts/deployment.cjs: the address a team serves the add-in from, and its manifest. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const { normalizeBaseUrl, manifestFor, manifestVersion } = require("../../scripts/deployment.cjs") as {
  normalizeBaseUrl: (text: string) => string;
  manifestFor: (xml: string, baseUrl: string, version: string) => string;
  manifestVersion: (version: string) => string;
};
const manifest = readFileSync(join(resolve(__dirname, "../.."), "manifest.xml"), "utf8");

describe("the base URL: https, a folder, nothing after it", () => {
  it.each([
    ["https://crm.example.com/tradebook/", "https://crm.example.com/tradebook/"],
    ["https://crm.example.com/tradebook", "https://crm.example.com/tradebook/"],
    ["https://crm.example.com", "https://crm.example.com/"],
    ["  https://Example.COM:8443/a/b  ", "https://example.com:8443/a/b/"],
    ["https://team.github.io/tradebook/", "https://team.github.io/tradebook/"],
  ])("%s → %s", (given, wanted) => expect(normalizeBaseUrl(given)).toBe(wanted));

  it.each([
    ["http://crm.example.com/", /only over https/],
    ["crm.example.com", /not a URL/],
    ["https://crm.example.com/?a=1", /without \?query/],
    ["https://crm.example.com/#top", /without \?query or #fragment/],
    ["https://me:secret@crm.example.com/", /no user name or password/],
  ])("refuses %s", (given, message) => expect(() => normalizeBaseUrl(given)).toThrow(message));
});

describe("the manifest for a deployment", () => {
  const built = manifestFor(manifest, "https://crm.example.com/tradebook/", "1.4.2");

  it("puts every development URL on the given folder", () => {
    expect(manifest).toContain("https://localhost:3000/taskpane.html");
    expect(built).not.toMatch(/localhost/);
    expect(built).toContain('<SourceLocation DefaultValue="https://crm.example.com/tradebook/taskpane.html"/>');
    expect(built).toContain('<SupportUrl DefaultValue="https://crm.example.com/tradebook/help.html">');
  });

  it("says in its comment where it is for, and carries the package's version", () => {
    expect(built).toContain("Built for https://crm.example.com/tradebook/");
    expect(built).toContain("<Version>1.4.2.0</Version>");
  });

  it.each([
    ["0.1.0", "0.1.0.0"],
    ["2.10.3", "2.10.3.0"],
    ["1.0.0-beta.1", "1.0.0.0"],
  ])("version %s → %s", (v, m) => expect(manifestVersion(v)).toBe(m));
});
