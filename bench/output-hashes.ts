/**
 * The outputs of `tradebook review`, `weekly` and `due` on the demo and the
 * bench workbooks, as sha256 hashes: run it before and after a change that
 * must not change what users get, and compare.
 *
 *   npx tsx bench/output-hashes.ts [--sizes 12500,50000] [--save FILE] [--compare FILE]
 *
 * Inputs: the demo (`tradebook demo`, its clock fixed at FIXED_NOW, so it
 * holds the same data on any day) and the bench workbooks of --sizes
 * (bench/workbook-file.ts, cached under bench/out/). Every command runs as
 * a separate `tradebook` process with explicit --quarter / --week / --date
 * and the same fixed clock (bench/fixed-clock.cjs), writing with --out into
 * a temporary folder; the inputs are never changed.
 *
 * What is hashed: each command's stdout (--json, and the due list's plain
 * text), and of each written workbook (an .xlsx zip carries timestamps, so
 * not its bytes) the parts that differ from the input's (compared by the
 * zip directory's CRC-32 and size), by name and content ("parts"), and the
 * cells of its changed worksheets, sheet name, address, type and value
 * ("cells": the same for any writer that puts the same values in).
 * --save writes the hashes as JSON; --compare reads such a file and exits 1
 * when any hash differs.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import JSZip from "jszip";
import { BENCH_AS_OF, BENCH_OUT, BENCH_SEED } from "./config";
import { prepareWorkbook } from "./workbook-file";

const ROOT = resolve(__dirname, "..");
/** 10:00 in Shanghai on the bench's as-of day (2026-11-27, a Friday). */
export const FIXED_NOW = "2026-11-27T02:00:00Z";
const QUARTER = "2026-Q3";
const WEEK = "2026-W47";
const DATE = "2026-11-27";
const LANG = "zh-CN";

const sha256 = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");

/** One entry of a zip's central directory. */
interface ZipEntry {
  readonly crc: number;
  readonly size: number;
}

/** The central directory of a zip: name → CRC-32 and inflated size (no ZIP64: these packages are far below 4 GB). */
export function zipDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error("not a zip file (no end of central directory)");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new Error("ZIP64 packages are not supported");
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`bad central directory entry ${k}`);
    const nameLength = view.getUint16(at + 28, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, { crc: view.getUint32(at + 16, true), size: view.getUint32(at + 24, true) });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

const unescapeXml = (s: string): string =>
  s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) =>
    e === "lt" ? "<" : e === "gt" ? ">" : e === "amp" ? "&" : e === "quot" ? '"' : e === "apos" ? "'" : String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );
const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const texts = (xml: string): string => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1])).join("");

/** A worksheet's cells as lines "address type value", in document order. */
export function cellLines(sheetXml: string, sharedStrings: readonly string[]): string[] {
  const lines: string[] = [];
  for (const m of sheetXml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const [, attrs, body = ""] = m;
    const type = attr(attrs, "t") ?? "n";
    const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    const f = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(body)?.[1];
    const value = type === "inlineStr" ? texts(body) : type === "s" ? (sharedStrings[Number(v)] ?? `#missing ${v}`) : v === undefined ? "" : unescapeXml(v);
    if (value === "" && f === undefined) continue;
    lines.push(`${attr(attrs, "r")}\t${type === "inlineStr" || type === "s" || type === "str" ? "text" : type}\t${value}${f === undefined ? "" : `\t=${unescapeXml(f)}`}`);
  }
  return lines;
}

/** What a command wrote: the parts that differ from the input, and the cells of the changed worksheets. */
export async function writtenHashes(input: Uint8Array, output: Uint8Array): Promise<{ parts: string; cells: string; sheets: string[] }> {
  const before = zipDirectory(input);
  const after = zipDirectory(output);
  const changed = [...after].filter(([name, e]) => before.get(name)?.crc !== e.crc || before.get(name)?.size !== e.size).map(([name]) => name).sort();
  const removed = [...before.keys()].filter((name) => !after.has(name)).sort();
  const zip = await JSZip.loadAsync(output);
  const read = async (name: string): Promise<string> => (await zip.file(name)?.async("string")) ?? "";
  const parts = createHash("sha256");
  for (const name of changed) parts.update(`${name}\n`).update(await zip.file(name)!.async("uint8array")).update("\n");
  for (const name of removed) parts.update(`removed ${name}\n`);
  // Sheet names by part: workbook.xml's <sheet r:id> → workbook.xml.rels' Target.
  const targets = new Map([...(await read("xl/_rels/workbook.xml.rels")).matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attr(m[0], "Id"), attr(m[0], "Target")]));
  const sheetOf = new Map<string, string>();
  for (const m of (await read("xl/workbook.xml")).matchAll(/<sheet\b[^>]*>/g)) {
    const target = targets.get(attr(m[0], "r:id")) ?? "";
    sheetOf.set(target.startsWith("/") ? target.slice(1) : `xl/${target}`, unescapeXml(attr(m[0], "name") ?? ""));
  }
  const strings = [...(await read("xl/sharedStrings.xml")).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1]));
  const cells = createHash("sha256");
  const sheets: string[] = [];
  for (const name of changed.filter((n) => n.startsWith("xl/worksheets/") && n.endsWith(".xml"))) {
    const sheet = sheetOf.get(name) ?? name;
    sheets.push(sheet);
    cells.update(`== ${sheet}\n${cellLines(await read(name), strings).join("\n")}\n`);
  }
  return { parts: parts.digest("hex"), cells: cells.digest("hex"), sheets };
}

/** The compiled command (lib/cli), built first when a source is newer, as `npm run demo` does. */
function buildCli(): void {
  const r = spawnSync(process.execPath, [join(ROOT, "scripts/build-cli.cjs"), "--quiet", "--if-stale"], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`scripts/build-cli.cjs: exit ${r.status}\n${r.stderr}`);
}

function tradebook(args: readonly string[]): string {
  const r = spawnSync(process.execPath, [join(ROOT, "bin/tradebook.cjs"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 30,
    env: { ...process.env, TRADEBOOK_LANG: LANG, TRADEBOOK_FIXED_NOW: FIXED_NOW, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${join(__dirname, "fixed-clock.cjs")}`.trim() },
  });
  if (r.status !== 0) throw new Error(`tradebook ${args.join(" ")}: exit ${r.status}\n${r.stderr}`);
  return r.stdout;
}

/** The hashes of one workbook's outputs, by name. */
async function hashesOf(file: string, dir: string): Promise<Record<string, string>> {
  const input = readFileSync(file);
  const out: Record<string, string> = { input: sha256(input) };
  const written = async (what: string, args: readonly string[]): Promise<void> => {
    const target = join(dir, `${what}.xlsx`);
    out[`${what} --json`] = sha256(tradebook([...args, "--out", target, "--json"]));
    const w = await writtenHashes(input, readFileSync(target));
    out[`${what} sheet parts`] = w.parts;
    out[`${what} sheet cells`] = w.cells;
    out[`${what} sheets`] = String(w.sheets.length);
  };
  await written("review", ["review", file, "--quarter", QUARTER]);
  await written("weekly", ["weekly", file, "--week", WEEK]);
  out["due --json"] = sha256(tradebook(["due", file, "--date", DATE, "--json"]));
  out["due text"] = sha256(tradebook(["due", file, "--date", DATE]));
  return out;
}

function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function main(argv: readonly string[]): Promise<number> {
  const sizes = (option(argv, "sizes") ?? "12500,50000").split(",").map(Number);
  buildCli();
  const dir = mkdtempSync(join(tmpdir(), "tradebook-hashes-"));
  const results: Record<string, Record<string, string>> = {};
  try {
    const demo = join(dir, "TradeBook-demo.xlsx");
    tradebook(["demo", demo]);
    // A copy under bench/out, to look at.
    mkdirSync(BENCH_OUT, { recursive: true });
    copyFileSync(demo, join(BENCH_OUT, "hashes-demo.xlsx"));
    const inputs: [string, string][] = [["demo", demo]];
    for (const customers of sizes) {
      const wb = await prepareWorkbook(BENCH_OUT, { name: `${customers}`, customers }, BENCH_SEED, BENCH_AS_OF);
      inputs.push([`bench ${customers}`, wb.path]);
    }
    for (const [name, file] of inputs) {
      process.stderr.write(`${name}…\n`);
      results[name] = await hashesOf(file, dir);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const lines = Object.entries(results).flatMap(([wb, hashes]) => Object.entries(hashes).map(([what, h]) => `${wb.padEnd(12)} ${what.padEnd(20)} ${h}`));
  process.stdout.write(`outputs of review ${QUARTER}, weekly ${WEEK}, due ${DATE} (${LANG}, clock ${FIXED_NOW})\n${lines.join("\n")}\n`);
  const save = option(argv, "save");
  if (save) writeFileSync(save, JSON.stringify(results, null, 2) + "\n");
  const compare = option(argv, "compare");
  if (!compare) return 0;
  const expected = JSON.parse(readFileSync(compare, "utf8")) as Record<string, Record<string, string>>;
  // Workbooks not hashed this time (other --sizes) are left out of the comparison.
  const compared = Object.entries(expected).filter(([wb]) => wb in results);
  const differ = compared.flatMap(([wb, hashes]) => Object.entries(hashes).filter(([what, h]) => results[wb][what] !== h).map(([what]) => `${wb}: ${what}`));
  const names = compared.map(([wb]) => wb).join(", ");
  process.stdout.write(differ.length === 0 ? `same as ${compare} (${names})\n` : `DIFFERENT from ${compare}:\n  ${differ.join("\n  ")}\n`);
  return differ.length === 0 ? 0 : 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`output-hashes: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
