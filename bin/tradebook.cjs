#!/usr/bin/env node
// The `tradebook` command: runs the compiled CLI in lib/cli/ (built from
// cli/ by scripts/build-cli.cjs at `npm ci`, `npm pack` and `npm run
// build:cli`), so no TypeScript is compiled when it runs.
const { join } = require("node:path");
const { pathToFileURL } = require("node:url");

import(pathToFileURL(join(__dirname, "..", "lib", "cli", "tradebook.mjs")).href).catch((e) => {
  const missing = e && e.code === "ERR_MODULE_NOT_FOUND" && String(e.message).includes("tradebook.mjs");
  process.stderr.write(missing ? "tradebook: the command is not built yet: run `npm run build:cli` (npm ci does it)\n" : `tradebook: ${e && e.stack ? e.stack : e}\n`);
  process.exitCode = 2;
});
