/**
 * `npm run bench` (bin/tradebook-bench.cjs): the benchmark of issue 8 at
 * full size (options: bench/config.ts). Writes bench/out/results.json and
 * prints a table; exit 1 when a check fails. docs/performance.md has the
 * figures and how to read them.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BENCH_OUT, configFromArgs } from "./config";
import { runBench } from "./harness";
import { formatResults } from "./report";
import { peerMain } from "./peer/main";

async function main(): Promise<number> {
  if (process.argv.includes("--peer")) return peerMain(process.argv.slice(2), (line) => process.stderr.write(`${line}\n`));
  const config = configFromArgs(process.argv.slice(2), (line) => process.stderr.write(`${line}\n`));
  const results = await runBench(config);
  mkdirSync(BENCH_OUT, { recursive: true });
  const file = join(BENCH_OUT, "results.json");
  writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
  process.stdout.write(formatResults(results) + `\n\nresults: ${file}\n`);
  return results.pass ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
