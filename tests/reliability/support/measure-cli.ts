/**
 * Runs one `tradebook` command in this process (started with `node
 * --import tsx`) and prints, as JSON, its exit code, what it said on stderr,
 * how long it took and the process's peak RSS: the reliability suite's
 * memory bound is measured in a process of its own.
 */
import { main } from "../../../cli/main";
import { describeFailure, type CliIO } from "../../../cli/io";

const started = Date.now();
let err = "";
const io: CliIO = { out: () => undefined, err: (t) => (err += t + "\n"), cwd: process.cwd(), lang: "en-US" };
const done = (code: number): void => {
  process.stdout.write(JSON.stringify({ code, err, ms: Date.now() - started, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
};
main(process.argv.slice(2), io).then(done, (e: unknown) => {
  err += `tradebook: ${describeFailure(e)}\n`;
  done(-1);
});
