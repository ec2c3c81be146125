// Runs one `tradebook` command in this process and prints, as JSON, its exit
// code, what it said on stderr, how long it took and the process's peak RSS
// (the reliability suite's memory bound is measured here, in a process of its own).
require("tsx/cjs");
const { main } = require("../../../cli/main.ts");
const started = Date.now();
let err = "";
const io = { out: () => undefined, err: (t) => (err += t + "\n"), cwd: process.cwd(), lang: "en-US" };
main(process.argv.slice(2), io).then(
  (code) => process.stdout.write(JSON.stringify({ code, err, ms: Date.now() - started, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })),
  (e) => process.stdout.write(JSON.stringify({ code: -1, err: String(e && e.stack), ms: Date.now() - started, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })),
);
