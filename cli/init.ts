/** `tradebook init FILE [--lang zh-CN|en-US] [--sample] [--scale N] [--seed S]`: a new CRM workbook. */
import { resolve } from "node:path";
import { generateSample } from "../templates/sample";
import { buildWorkbook } from "../templates/builder";
import { UsageError, parseArgs } from "./args";
import { writeWorkbookAtomically } from "../workbook/node/atomic-write";
import { EXIT, type CliIO } from "./io";
import { issueLine } from "./issue-lines";
import { sampleArgs, todayInShanghai } from "./sample-options";
import { say } from "./messages";

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { flags: ["sample"], values: ["lang", "scale", "seed"] });
  if (args.positionals.length !== 1) throw new UsageError("give exactly one FILE");
  const { lang, scale, seed } = sampleArgs(args);
  if (!args.options.sample && (args.options.scale !== undefined || args.options.seed !== undefined)) {
    throw new UsageError("--scale and --seed only apply with --sample");
  }
  const file = resolve(io.cwd, args.positionals[0]);
  const data = args.options.sample ? generateSample({ seed, scale, asOf: todayInShanghai(), lang }) : undefined;
  const written = await writeWorkbookAtomically(buildWorkbook(lang, data), file, { overwrite: false });
  if (!written.ok) {
    if (written.error.some((i) => i.code === "exists")) {
      io.err(say(io.lang, "exists", { file }));
      return EXIT.usage;
    }
    for (const i of written.error) io.err(issueLine(args.positionals[0], i, io));
    return EXIT.problems;
  }
  const what = data
    ? say(io.lang, "withSample", { customers: data.Customers.length, followUps: data.FollowUps.length, orders: data.Orders.length })
    : say(io.lang, "emptyTemplate");
  io.out(say(io.lang, "created", { file, lang, what }));
  return EXIT.ok;
}
