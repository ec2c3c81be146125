#!/usr/bin/env node
/**
 * `npm run build:cli` (and `prepare`, so `npm ci` and `npm pack` run it):
 * compiles the `tradebook` command into lib/cli/, which bin/tradebook.cjs runs.
 *
 * One ES module bundle, split at each command's import() (cli/main.ts), so
 * `tradebook --help` loads a few kilobytes and each command only its own
 * code. exceljs, jszip, iconv-lite and proper-lockfile are bundled in: the
 * packed tarball depends on nothing, so installing it needs no network, and
 * their licences go to lib/cli/THIRD-PARTY-NOTICES.txt.
 *
 * Options: --quiet (errors only), --if-stale (only when a source is newer
 * than the build: `npm run demo`, the tests' global setup).
 */
/* eslint-disable no-undef */
const { build } = require("esbuild");
const { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } = require("node:fs");
const { dirname, join, relative, resolve } = require("node:path");

const root = resolve(__dirname, "..");
const out = join(root, "lib", "cli");

// ES modules have no require(): bundled CommonJS packages (exceljs and its
// dependencies) call it for Node's own modules, so each chunk gets one.
const banner = 'import { createRequire as __tradebookRequire } from "node:module"; const require = __tradebookRequire(import.meta.url);';

/** The package folder (holding package.json) a bundled file belongs to. */
function packageDirOf(file) {
  let dir = dirname(file);
  while (dir !== root && dir !== dirname(dir)) {
    if (existsSync(join(dir, "package.json")) && dir.includes("node_modules")) {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      if (pkg.name && pkg.version) return { dir, name: pkg.name, version: pkg.version, license: typeof pkg.license === "string" ? pkg.license : "see package" };
    }
    dir = dirname(dir);
  }
  return null;
}

/** Every bundled package with its licence text, for the notices file. */
function notices(inputs) {
  const seen = new Map();
  for (const file of Object.keys(inputs)) {
    const pkg = packageDirOf(resolve(root, file));
    if (pkg && !seen.has(pkg.dir)) seen.set(pkg.dir, pkg);
  }
  const parts = [...seen.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p) => {
      const licence = readdirSync(p.dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
      const text = licence ? readFileSync(join(p.dir, licence), "utf8").trim() : `(${p.license}; no licence file shipped)`;
      return `${p.name} ${p.version} (${p.license})\n\n${text}\n`;
    });
  return `The tradebook command bundles these packages:\n\n${parts.join("\n" + "-".repeat(72) + "\n\n")}`;
}

/** The CLI compiled in memory, with esbuild's metafile (what each chunk holds and imports); nothing written. */
function compileCli({ quiet = false } = {}) {
  return build({
    absWorkingDir: root,
    entryPoints: { tradebook: "cli/tradebook.ts" },
    outdir: out,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunks/[name]-[hash]",
    banner: { js: banner },
    // Readable code: it is the code users run, and it is read once per run
    // either way (no minification makes startup slower or faster to speak of).
    minify: false,
    legalComments: "none",
    metafile: true,
    write: false,
    logLevel: quiet ? "error" : "warning",
  });
}

async function buildCli({ quiet = false } = {}) {
  const started = performance.now();
  const result = await compileCli({ quiet });
  const outputs = [...result.outputFiles, { path: join(out, "THIRD-PARTY-NOTICES.txt"), contents: Buffer.from(notices(result.metafile.inputs)) }];
  const changed = install(outputs);
  if (!quiet) {
    const bytes = outputs.reduce((n, o) => n + o.contents.length, 0);
    console.log(`[build-cli] ${relative(root, out)}/: ${outputs.length} files (${changed} changed), ${(bytes / 1e6).toFixed(1)} MB in ${Math.round(performance.now() - started)} ms`);
  }
  return result;
}

/**
 * Puts the build in place without a moment where a `tradebook` started
 * meanwhile (a test, the bench) finds a file half written or missing: only
 * changed files are written, each to a temporary name then renamed, the
 * entry last; then files no longer built are removed. The number changed.
 */
function install(outputs) {
  const entry = join(out, "tradebook.mjs");
  const ordered = [...outputs.filter((o) => o.path !== entry), ...outputs.filter((o) => o.path === entry)];
  let changed = 0;
  for (const o of ordered) {
    if (existsSync(o.path) && Buffer.compare(readFileSync(o.path), Buffer.from(o.contents)) === 0) continue;
    mkdirSync(dirname(o.path), { recursive: true });
    const tmp = `${o.path}.${process.pid}.tmp`;
    writeFileSync(tmp, o.contents);
    renameSync(tmp, o.path);
    changed++;
  }
  const built = new Set(outputs.map((o) => o.path));
  const visit = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) visit(p);
      else if (!built.has(p) && !p.endsWith(".tmp")) rmSync(p, { force: true });
    }
  };
  visit(out);
  // The entry's time is the build's time (isStale), written or not.
  const now = new Date();
  utimesSync(entry, now, now);
  return changed;
}

/** The code the CLI is built from. */
const SOURCES = ["cli", "core", "workbook", "templates", "app", "package.json", "scripts/build-cli.cjs"];

/** True when lib/cli is missing or older than a file it is built from. */
function isStale() {
  const entry = join(out, "tradebook.mjs");
  if (!existsSync(entry)) return true;
  const built = statSync(entry).mtimeMs;
  const newer = (p) => {
    if (!existsSync(p)) return false;
    const st = statSync(p);
    if (!st.isDirectory()) return st.mtimeMs > built;
    return readdirSync(p).some((name) => newer(join(p, name)));
  };
  return SOURCES.some((s) => newer(join(root, s)));
}

/** Builds only when isStale(): the tests' global setup and `npm run demo` use it. */
async function buildCliIfStale(options = {}) {
  return isStale() ? buildCli(options) : null;
}

/**
 * The packages a chunk loads before it runs: the node_modules packages in
 * it and in every chunk it imports statically (not those behind an
 * import(), which load only when called). `entry` names the output file
 * ("tradebook.mjs") or a command's chunk ("review").
 */
function staticPackagesOf(metafile, entry) {
  const outputs = metafile.outputs;
  const start = Object.keys(outputs).find((o) => o === join("lib", "cli", entry) || (o.includes("/chunks/") && o.split("/").pop().startsWith(`${entry}-`)));
  if (!start) throw new Error(`no chunk ${entry} in the build`);
  const seen = new Set();
  const stack = [start];
  while (stack.length > 0) {
    const o = stack.pop();
    if (seen.has(o) || !outputs[o]) continue;
    seen.add(o);
    for (const i of outputs[o].imports) if (i.kind === "import-statement" && !i.external) stack.push(i.path);
  }
  const packages = new Set();
  for (const o of seen) for (const input of Object.keys(outputs[o].inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
    if (m) packages.add(m[1]);
  }
  return [...packages].sort();
}

module.exports = { buildCli, buildCliIfStale, compileCli, staticPackagesOf, CLI_OUT: out };

if (require.main === module) {
  const quiet = process.argv.includes("--quiet");
  (process.argv.includes("--if-stale") ? buildCliIfStale({ quiet }) : buildCli({ quiet })).catch((e) => {
    console.error(`[build-cli] ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
