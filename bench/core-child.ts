/**
 * One workbook's core measurement (bench/core-session.ts), run compiled in
 * a process of its own by bench/core-bench.ts: argv = workbook path, as-of
 * day serial, warm-up runs, timed runs. It reads the workbook as `tradebook`
 * does, collects the read's garbage, runs every job `warmup` times untimed
 * and then `runs` times each, and sends the CoreResult to its parent.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { CORE_JOBS, coreSession, readForCore } from "./core-session";

// A full collection between the read and the timing (see readForCore);
// node exposes gc() only behind a flag, which can be set from here.
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;
const [path, asOf, warmup, runs] = process.argv.slice(2);

readForCore(path, collect).then(
  (data) => {
    const session = coreSession(data, Number(asOf));
    // Every job warmed up before any is timed, so no timed run waits for the compiler.
    for (const count of [Number(warmup), Number(runs)]) for (const job of CORE_JOBS) for (let i = 0; i < count; i++) session.run(job);
    process.send?.(session.result(Number(warmup)), () => process.exit(0));
  },
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(2);
  },
);
