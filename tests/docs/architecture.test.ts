/**
 * docs/architecture.md and README's architecture paragraph match the tree:
 * every folder or file they name in `code` exists, and every link and
 * picture stays inside the repository.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");

function architectureOf(file: string): string {
  const text = readFileSync(join(ROOT, file), "utf8");
  if (file !== "README.md") return text;
  const from = text.indexOf("## Architecture");
  return text.slice(from, text.indexOf("\n## ", from + 1));
}

/** `core/rules/`, `app/open-crm.ts`, `workbook/port.ts` …: code spans that look like a path of the tree. */
function namedPaths(text: string): string[] {
  const spans = [...text.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]);
  return spans.filter((s) => /^(core|app|workbook|addin|cli|functions|templates|scripts|bench|tests)\//.test(s) || /^[\w-]+\.ts$/.test(s));
}

describe.each(["docs/architecture.md", "README.md"])("%s", (file) => {
  const text = architectureOf(file);

  it("names only folders and files that exist", () => {
    const paths = namedPaths(text);
    expect(paths.length).toBeGreaterThan(5);
    const missing = paths.filter((p) => {
      if (p.includes("/")) return !existsSync(join(ROOT, p.replace(/…$/, "")));
      // A bare file name (`open-crm.ts`, `port.ts`, `schema.ts`) is in the folder the text is about.
      return !["app", "workbook", "core/contract"].some((d) => existsSync(join(ROOT, d, p)));
    });
    expect(missing).toEqual([]);
  });

  it("links and pictures stay inside the repository, and are there", () => {
    const targets = [...text.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(0);
    for (const t of targets) {
      expect(t).not.toMatch(/^[a-z]+:/i);
      expect(existsSync(resolve(ROOT, dirname(file), t.split("#")[0])), t).toBe(true);
    }
  });
});
