/**
 * A long-lived `tradebook` process for the reliability suite (cli-workers.ts
 * starts it with `node --import tsx`): it runs the commands it is sent, one
 * at a time, through cli/main.ts as the bin would, and answers with what
 * they printed, so concurrent writers are separate processes without paying
 * the start-up for every command.
 */
import { main } from "../../../cli/main";
import { describeFailure, type CliIO } from "../../../cli/io";

interface Job {
  readonly id: number;
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
}

process.on("message", (job: Job) => {
  void (async () => {
    for (const [k, v] of Object.entries(job.env)) process.env[k] = v;
    let out = "";
    let err = "";
    const io: CliIO = { out: (t) => (out += t + "\n"), err: (t) => (err += t + "\n"), cwd: job.cwd, lang: "en-US" };
    const started = performance.now();
    let code: number;
    try {
      code = await main(job.argv, io);
    } catch (e) {
      // What bin/tradebook.cjs prints for a failure nothing caught.
      err += `tradebook: ${describeFailure(e)}\n`;
      code = 2;
    }
    for (const k of Object.keys(job.env)) delete process.env[k];
    process.send?.({ id: job.id, code, out, err, ms: Math.round(performance.now() - started) });
  })();
});
process.send?.({ ready: true });
