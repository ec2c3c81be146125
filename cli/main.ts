/**
 * `tradebook` entry: dispatches to one module per command. Each command
 * module exports `run(argv, io)` returning the exit code of the contract
 * (0 ok, 1 problems found, 2 bad usage or unreadable file).
 */
import { UsageError } from "./args";
import { EXIT, langFromEnv, type CliIO } from "./io";

import * as check from "./check";
import * as demo from "./demo";
import * as due from "./due";
import * as importCsv from "./import";
import * as init from "./init";
import * as review from "./review";
import * as templates from "./templates";
import * as weekly from "./weekly";

type Command = (argv: readonly string[], io: CliIO) => Promise<number>;

const COMMANDS: Record<string, { summary: string; run: Command }> = {
  init: { summary: "init FILE [--lang zh-CN|en-US] [--sample] [--scale N] [--seed S]", run: init.run },
  check: { summary: "check FILE [--fix] [--json]", run: check.run },
  import: { summary: "import FILE --table NAME CSV [--skip-invalid]", run: importCsv.run },
  due: { summary: "due FILE [--date YYYY-MM-DD] [--salesperson NAME] [--json]", run: due.run },
  review: { summary: "review FILE --quarter YYYY-Qn [--out FILE] [--json]", run: review.run },
  weekly: { summary: "weekly FILE --week YYYY-Www [--salesperson NAME] [--out FILE] [--json]", run: weekly.run },
  demo: { summary: "demo FILE (sample workbook, reviews and reports, with a summary)", run: demo.run },
  templates: { summary: "templates DIR (TradeBook.xlsx and TradeBook.en-US.xlsx)", run: templates.run },
};

export function usage(): string {
  return ["usage: tradebook <command> …", ...Object.values(COMMANDS).map((c) => `  tradebook ${c.summary}`)].join("\n");
}

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  const cmd = name ? COMMANDS[name] : undefined;
  if (!cmd) {
    io.err(name && name !== "--help" ? `tradebook: unknown command "${name}"\n${usage()}` : usage());
    return name === "--help" ? EXIT.ok : EXIT.usage;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`tradebook ${name}: ${e.message}\nusage: tradebook ${cmd.summary}`);
      return EXIT.usage;
    }
    throw e;
  }
}

if (require.main === module || process.argv[1]?.endsWith("tradebook.cjs")) {
  const io: CliIO = {
    out: (t) => process.stdout.write(t.endsWith("\n") ? t : t + "\n"),
    err: (t) => process.stderr.write(t.endsWith("\n") ? t : t + "\n"),
    cwd: process.cwd(),
    lang: langFromEnv(process.env),
  };
  main(process.argv.slice(2), io).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`tradebook: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
