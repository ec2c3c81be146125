#!/usr/bin/env node
/* eslint-disable no-undef */
// Runs the file adapter measurement (bench/file-bench.ts) in its own process,
// so a workbook too big for the default heap ends this process, not the
// benchmark: argv = workbook path, runs, budget ms; the result goes as JSON to
// the file named by TRADEBOOK_BENCH_RESULT.
const { writeFileSync } = require("node:fs");
require("tsx/cjs");
const { benchFileRead } = require("./file-bench.ts");
const [path, runs, budgetMs] = process.argv.slice(2);
benchFileRead(path, { runs: Number(runs), warmup: 0, budgetMs: Number(budgetMs) }).then(
  (result) => writeFileSync(process.env.TRADEBOOK_BENCH_RESULT, JSON.stringify(result)),
  (e) => {
    process.stderr.write(String(e && e.stack ? e.stack : e) + "\n");
    process.exitCode = 2;
  },
);
