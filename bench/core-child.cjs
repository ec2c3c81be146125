#!/usr/bin/env node
/* eslint-disable no-undef */
// Runs the core measurement (bench/core-bench.ts benchCoreFromFile) in its own
// process, on the rows as `tradebook` reads them from the workbook file:
// argv = workbook path, as-of day serial, runs, warm-up runs; the result goes
// as JSON to the file named by TRADEBOOK_BENCH_RESULT.
const { writeFileSync } = require("node:fs");
require("tsx/cjs");
const { benchCoreFromFile } = require("./core-bench.ts");
const [path, asOf, runs, warmup] = process.argv.slice(2);
// A full collection between the read and the timing (see benchCoreFromFile);
// node exposes gc() only behind a flag, which can be set from here.
require("node:v8").setFlagsFromString("--expose-gc");
const collect = require("node:vm").runInNewContext("gc");
benchCoreFromFile(path, Number(asOf), { runs: Number(runs), warmup: Number(warmup) }, () => collect()).then(
  // Its peak memory too: bench/process-bench.ts runNode reads it from the result.
  (result) => writeFileSync(process.env.TRADEBOOK_BENCH_RESULT, JSON.stringify({ ...result, maxRssKB: process.resourceUsage().maxRSS })),
  (e) => {
    process.stderr.write(String(e && e.stack ? e.stack : e) + "\n");
    process.exitCode = 2;
  },
);
