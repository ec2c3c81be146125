/**
 * The production bundle sizes: `webpack --mode production` into a temporary
 * folder (webpack.config.js's TRADEBOOK_OUT; office.js is not ours and is
 * not copied), then each entry's initial JavaScript, as webpack's stats list
 * it, gzipped with zlib as a web server would send it. Chunks loaded later
 * (dynamic imports) are listed apart: they don't delay the first paint.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const ROOT = resolve(__dirname, "..");

export interface EntryBundle {
  /** The entry's initial JS files. */
  readonly files: readonly string[];
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface BundleResult {
  readonly entries: Readonly<Record<string, EntryBundle>>;
  /** JS files no entry loads up front (lazy chunks), gzipped. */
  readonly lazyGzipBytes: number;
  readonly buildMs: number;
}

interface WebpackStats {
  readonly entrypoints: Readonly<Record<string, { readonly assets: readonly ({ readonly name: string } | string)[] }>>;
  readonly assets: readonly { readonly name: string }[];
}

/** Sizes of a finished build: its output folder and webpack's stats JSON. */
export function measureBundles(outDir: string, stats: WebpackStats, buildMs: number): BundleResult {
  const gz = new Map<string, { bytes: number; gzipBytes: number }>();
  const sizeOf = (file: string) => {
    let s = gz.get(file);
    if (!s) {
      const bytes = readFileSync(join(outDir, file));
      s = { bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
      gz.set(file, s);
    }
    return s;
  };
  const entries: Record<string, EntryBundle> = {};
  const initial = new Set<string>();
  for (const [name, ep] of Object.entries(stats.entrypoints)) {
    const files = ep.assets.map((a) => (typeof a === "string" ? a : a.name)).filter((f) => f.endsWith(".js"));
    for (const f of files) initial.add(f);
    entries[name] = { files, bytes: files.reduce((n, f) => n + sizeOf(f).bytes, 0), gzipBytes: files.reduce((n, f) => n + sizeOf(f).gzipBytes, 0) };
  }
  const lazy = stats.assets.map((a) => a.name).filter((f) => f.endsWith(".js") && !initial.has(f));
  return { entries, lazyGzipBytes: lazy.reduce((n, f) => n + sizeOf(f).gzipBytes, 0), buildMs: Math.round(buildMs) };
}

/** Builds the production bundles (only `entries` when given) and measures them. */
export async function benchBundles(entries?: readonly string[]): Promise<BundleResult> {
  const dir = mkdtempSync(join(tmpdir(), "tradebook-bundle-"));
  const out = join(dir, "dist");
  const statsFile = join(dir, "stats.json");
  try {
    const t0 = performance.now();
    await new Promise<void>((done, fail) => {
      const env = { ...process.env, TRADEBOOK_OUT: out, TRADEBOOK_NO_OFFICEJS: "1", ...(entries ? { TRADEBOOK_ENTRIES: entries.join(",") } : {}) };
      const child = spawn(process.execPath, [join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "production", "--stats", "normal", `--json=${statsFile}`], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
      let log = "";
      child.stdout.on("data", (b: Buffer) => (log = (log + b.toString()).slice(-4000)));
      child.stderr.on("data", (b: Buffer) => (log = (log + b.toString()).slice(-4000)));
      child.on("error", fail);
      child.on("close", (code) => (code === 0 ? done() : fail(new Error(`bench: webpack exited ${code}:\n${log}`))));
    });
    const buildMs = performance.now() - t0;
    return measureBundles(out, JSON.parse(readFileSync(statsFile, "utf8")) as WebpackStats, buildMs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
