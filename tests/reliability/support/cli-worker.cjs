// A long-lived `tradebook` process for the reliability suite (cli-workers.ts):
// it runs the commands it is sent, one at a time, as bin/tradebook.cjs would,
// so concurrent writers are separate processes without paying tsx's start-up
// for every command. Sources are TypeScript; tsx compiles them on load.
require("tsx/cjs");
require("./cli-worker.ts");
