/** `tradebook templates DIR`: TradeBook.xlsx (zh-CN) and TradeBook.en-US.xlsx. */
import { resolve } from "node:path";
import { writeTemplates } from "../templates/builder";
import { UsageError, parseArgs } from "./args";
import { EXIT, type CliIO } from "./io";
import { say } from "./messages";

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { flags: [], values: [] });
  if (args.positionals.length !== 1) throw new UsageError("give exactly one DIR");
  const written = await writeTemplates(resolve(io.cwd, args.positionals[0]));
  for (const path of written) io.out(say(io.lang, "wrote", { path }));
  return EXIT.ok;
}
