#!/usr/bin/env node
/* eslint-disable no-undef */
// Runs `tradebook <args>` in this process and, when it is done, writes its
// exit code, wall time and peak resident memory (process.resourceUsage().maxRSS)
// as JSON to the file named by TRADEBOOK_BENCH_RESULT. The benchmark uses it
// where /usr/bin/time is not installed.
const { writeFileSync } = require("node:fs");
const started = performance.now();
require("tsx/cjs");
const { main } = require("../cli/main.ts");
const io = {
  out: (t) => process.stdout.write(t.endsWith("\n") ? t : t + "\n"),
  err: (t) => process.stderr.write(t.endsWith("\n") ? t : t + "\n"),
  cwd: process.cwd(),
  lang: "en-US",
};
main(process.argv.slice(2), io).then(
  (code) => {
    const result = { code, wallMs: performance.now() - started, maxRssKB: process.resourceUsage().maxRSS };
    if (process.env.TRADEBOOK_BENCH_RESULT) writeFileSync(process.env.TRADEBOOK_BENCH_RESULT, JSON.stringify(result));
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(String(e && e.stack ? e.stack : e) + "\n");
    process.exitCode = 2;
  },
);
