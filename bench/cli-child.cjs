#!/usr/bin/env node
/* eslint-disable no-undef */
// Runs `tradebook <args>` in this process, the compiled command as users run
// it (lib/cli/tradebook.mjs, built by scripts/build-cli.cjs), and when it is
// done writes its exit code, wall time and peak resident memory
// (process.resourceUsage().maxRSS) as JSON to the file named by
// TRADEBOOK_BENCH_RESULT. The benchmark uses it where /usr/bin/time is not
// installed.
const { writeFileSync } = require("node:fs");
const { join } = require("node:path");
const { pathToFileURL } = require("node:url");
const started = performance.now();
process.on("exit", (code) => {
  const result = { code: process.exitCode ?? code, wallMs: performance.now() - started, maxRssKB: process.resourceUsage().maxRSS };
  if (process.env.TRADEBOOK_BENCH_RESULT) writeFileSync(process.env.TRADEBOOK_BENCH_RESULT, JSON.stringify(result));
});
import(pathToFileURL(join(__dirname, "..", "lib", "cli", "tradebook.mjs")).href).catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + "\n");
  process.exitCode = 2;
});
