/**
 * The house's layout rules (guide.md), checked over the source tree:
 * no import circle anywhere (type-only imports count: they still tie two
 * files together), no source file over ~300 lines without a reason in its
 * header comment, and one way to say a thing in two languages (a catalog
 * looked up with say(), core/contract/lang.ts), never an inline switch on
 * the language.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "..");
const SOURCE_DIRS = ["core", "app", "workbook", "functions", "addin", "cli", "templates", "bench", "scripts"];

function sourceFiles(dir: string, kinds = /\.(ts|tsx|mts)$/): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" || name === "out" ? [] : sourceFiles(path, kinds);
    return kinds.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Every file of code the house writes: TypeScript and the build's JavaScript. */
const ALL_CODE = /\.(ts|tsx|mts|js|cjs|mjs)$/;

/** The files `file` imports (import, export … from, import(), type-only too) that are in the tree. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm)].map((m) => m[1]);
  return specs.flatMap((spec) => {
    if (!spec.startsWith(".")) return [];
    const base = resolve(dirname(file), spec);
    const found = [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts")].find((p) => existsSync(p) && statSync(p).isFile());
    return found ? [found] : [];
  });
}

/** Every import circle, as the files along it (one per strongly connected group of files). */
function importCircles(files: readonly string[]): string[][] {
  const graph = new Map(files.map((f) => [f, importsOf(f)]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1 || (graph.get(v) ?? []).includes(v)) circles.push(group);
  };
  for (const f of graph.keys()) if (!index.has(f)) visit(f);
  return circles;
}

describe("no import circles", () => {
  it("in the whole source tree", () => {
    const files = SOURCE_DIRS.flatMap((d) => sourceFiles(join(ROOT, d)));
    expect(files.length).toBeGreaterThan(100);
    expect(importCircles(files).map((group) => group.map((f) => relative(ROOT, f)).sort().join(" ↔ "))).toEqual([]);
  });

  it("finds a circle of type-only imports, and one through three files", () => {
    const dir = join(ROOT, "tests/fixtures/import-circles");
    const circles = importCircles(sourceFiles(dir)).map((group) => group.map((f) => relative(dir, f)).sort());
    expect(circles.sort()).toEqual([["a.ts", "b.ts"], ["c.ts", "d.ts", "e.ts"]]);
  });
});

describe("source files stay small", () => {
  const LIMIT = 300;
  const files = [...SOURCE_DIRS.flatMap((d) => sourceFiles(join(ROOT, d), ALL_CODE)), ...["webpack.config.js", "eslint.config.mjs", "vitest.config.mts"].map((f) => join(ROOT, f))];
  it.each(files.map((f) => [relative(ROOT, f), f]))("%s: at most ~300 lines, or says why in its header", (_name, file) => {
    const text = readFileSync(file, "utf8");
    const lines = text.split("\n").length;
    if (lines <= LIMIT) return;
    const header = /^\s*\/\*\*([\s\S]*?)\*\//.exec(text)?.[1] ?? "";
    expect(header.replace(/\s*\n\s*\*\s?/g, " "), `${lines} lines: the header comment should say why it runs past 300 lines`).toMatch(/past 300 lines because/);
  });
});

/**
 * An inline choice of words by language: `zh ? … : …`, `lang === "zh-CN" ? … : …`
 * (either language, either side), `if (lang === "zh-CN")`. `zh ?? x` and
 * `zh?.x` are not choices.
 */
const LANGUAGE_SWITCH = /(?:\bzh\b|===\s*"(?:zh-CN|en-US)"|"(?:zh-CN|en-US)"\s*===\s*[\w.]+)\s*\?(?![?.])|\bif\s*\([\w.]+\s*===\s*"(?:zh-CN|en-US)"\s*\)/;

/** The one place that picks a language's text: localize(). */
const SAYS_IN_ONE_PLACE = ["core/contract/lang.ts"];

describe("one way to say a thing in two languages", () => {
  it.each([
    ["zh ? \"是\" : \"yes\"", true],
    ["io.lang === \"zh-CN\" ? a : b", true],
    ["lang === \"en-US\"\n ? a : b", true],
    ["\"zh-CN\" === lang ? a : b", true],
    ["if (lang === \"zh-CN\") return \"今天\";", true],
    ["col?.zh ?? key", false],
    ["text.zh ?.length", false],
    ["localize(text, lang)", false],
  ])("the check sees a switch in %j: %s", (code, found) => expect(LANGUAGE_SWITCH.test(code)).toBe(found));

  it("no source file switches on the language inline: its words are in a catalog, said with say() or localize()", () => {
    const files = SOURCE_DIRS.flatMap((d) => sourceFiles(join(ROOT, d), ALL_CODE));
    const found = files
      .filter((f) => !SAYS_IN_ONE_PLACE.includes(relative(ROOT, f)))
      .flatMap((f) =>
        readFileSync(f, "utf8")
          .split("\n")
          .flatMap((line, i) => (LANGUAGE_SWITCH.test(line) ? [`${relative(ROOT, f)}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(found).toEqual([]);
  });
});
