/** `tradebook templates DIR`: TradeBook.xlsx (zh-CN) and TradeBook.en-US.xlsx. */
import { resolve } from "node:path";
import { writeTemplates } from "../templates/builder";
import { UsageError, parseArgs } from "./args";
import { EXIT, type CliIO } from "./io";

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { flags: [], values: [] });
  if (args.positionals.length !== 1) throw new UsageError("give exactly one DIR");
  const written = await writeTemplates(resolve(io.cwd, args.positionals[0]));
  for (const path of written) io.out(io.lang === "zh-CN" ? `已写入 ${path}` : `Wrote ${path}`);
  return EXIT.ok;
}
