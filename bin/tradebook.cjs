#!/usr/bin/env node
// The `tradebook` command. Sources are TypeScript; tsx compiles them on load
// so the CLI, the tests and the add-in share one tree without a build step.
require("tsx/cjs");
require("../cli/main.ts");
