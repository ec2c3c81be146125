#!/usr/bin/env node
// `npm run bench`: the performance benchmark (bench/main.ts, docs/performance.md).
// Sources are TypeScript; tsx compiles them on load, as for bin/tradebook.cjs.
require("tsx/cjs");
require("../bench/main.ts");
