/**
 * `npm run bench -- --peer` (bench/main.ts hands over to this): the peer
 * comparison alone, written to bench/out/peer.json and printed; exit 1 when
 * a check fails (a figure that differs, or the ratio below its target).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BENCH_OUT } from "../config";
import { peerConfigFromArgs, runPeerBench } from "./peer-bench";
import { formatPeerResults } from "./report";

export async function peerMain(argv: readonly string[], log: (line: string) => void): Promise<number> {
  const results = await runPeerBench(peerConfigFromArgs(argv, BENCH_OUT, log));
  mkdirSync(BENCH_OUT, { recursive: true });
  const file = join(BENCH_OUT, "peer.json");
  writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
  process.stdout.write(formatPeerResults(results) + `\n\nresults: ${file}\n`);
  return results.pass ? 0 : 1;
}
