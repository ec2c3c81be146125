#!/usr/bin/env node
/* eslint-disable no-undef */
// One workbook's core measurement (bench/core-bench.ts), driven by
// benchCoreInterleaved over the IPC channel: argv = workbook path, as-of day
// serial. It reads the workbook as `tradebook` does, says it is ready, then
// answers { run: job } with one timed run of that job and { done: warmup }
// with the result (and its peak memory), and exits.
require("tsx/cjs");
const { coreSession, readForCore } = require("./core-bench.ts");
// A full collection between the read and the timing (see readForCore);
// node exposes gc() only behind a flag, which can be set from here.
require("node:v8").setFlagsFromString("--expose-gc");
const collect = require("node:vm").runInNewContext("gc");
const [path, asOf] = process.argv.slice(2);
readForCore(path, () => collect()).then(
  (data) => {
    const session = coreSession(data, Number(asOf));
    process.on("message", (m) => {
      if (m.run) process.send(session.run(m.run));
      else if (m.done !== undefined) process.send({ ...session.result(m.done), maxRssKB: process.resourceUsage().maxRSS }, () => process.exit(0));
    });
    process.send({ ready: true });
  },
  (e) => {
    process.stderr.write(String(e && e.stack ? e.stack : e) + "\n");
    process.exit(2);
  },
);
