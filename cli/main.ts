/**
 * `tradebook` entry: dispatches to one module per command. Each command
 * module exports `run(argv, io)` returning the exit code of the contract
 * (0 ok, 1 problems found, 2 bad usage or unreadable file).
 *
 * A command's module is loaded only when that command runs: `--help`,
 * `--version` and a usage error load this file, args.ts and io.ts, never
 * exceljs, the package reader or the rules. The shipped CLI is bundled with
 * each import() below as a chunk of its own (scripts/build-cli.cjs), so a
 * user waits only for the code of the command they asked for.
 */
import { UsageError } from "./args";
import { EXIT, describeFailure, langFromEnv, quietOnClosedPipe, type CliIO } from "./io";
import type { Lang } from "../core/contract/schema";
import { version as packageVersion } from "../package.json";
import { say } from "./messages";
import { localize, type LocalizedText } from "../core/contract/lang";

type Command = (argv: readonly string[], io: CliIO) => Promise<number>;
type Loader = () => Promise<{ run: Command }>;

interface CommandEntry {
  readonly syntax: string;
  readonly summary: LocalizedText;
  readonly load: Loader;
}

const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  init: {
    syntax: "init FILE [--lang zh-CN|en-US] [--sample] [--scale N] [--seed S]",
    summary: { zh: "新建客户管理工作簿（--sample 附带示例数据）", en: "a new CRM workbook (--sample: with sample data)" },
    load: () => import("./init"),
  },
  check: {
    syntax: "check FILE [--fix [--force]] [--json]",
    summary: { zh: "逐行检查工作簿；有错误时退出码为 1；--fix 修复旧模板的下拉范围", en: "every row checked; exit 1 when any is wrong; --fix mends old-template dropdown ranges" },
    load: () => import("./check"),
  },
  import: {
    syntax: "import FILE --table NAME CSV [--skip-invalid] [--encoding utf-8|gb18030|utf-16|cp1252] [--force]",
    summary: { zh: "把 CSV 的行追加到表中（UTF-8 或 GBK），全部有效才写入", en: "add a CSV's rows to a table (UTF-8 or GBK), all or nothing" },
    load: () => import("./import"),
  },
  due: {
    syntax: "due FILE [--date YYYY-MM-DD] [--salesperson NAME] [--limit N] [--json]",
    summary: { zh: "今天该联系谁：按规则分组，最紧急的在前", en: "who to contact today, by rule, most urgent first" },
    load: () => import("./due"),
  },
  review: {
    syntax: "review FILE [--quarter YYYY-Qn] [--out FILE] [--json] [--force]",
    summary: { zh: "季度考核表（默认上一个已结束的季度），写入工作簿", en: "the quarterly review sheet (default: the last completed quarter), written into the workbook" },
    load: () => import("./review"),
  },
  weekly: {
    syntax: "weekly FILE [--week YYYY-Www] [--salesperson NAME] [--out FILE] [--json] [--force]",
    summary: { zh: "每位业务员的周报表（默认本周），写入工作簿", en: "each salesperson's weekly report sheet (default: this week), written into the workbook" },
    load: () => import("./weekly"),
  },
  demo: {
    syntax: "demo FILE",
    summary: { zh: "演示工作簿：示例数据、考核表和周报，并打印概要", en: "a demo workbook with sample data, reviews and weekly reports" },
    load: () => import("./demo"),
  },
  templates: {
    syntax: "templates DIR",
    summary: { zh: "写出空白模板 TradeBook.xlsx 和 TradeBook.en-US.xlsx", en: "write the empty templates TradeBook.xlsx and TradeBook.en-US.xlsx" },
    load: () => import("./templates"),
  },
};

/** The package's version, as `tradebook --version` prints it. */
export const VERSION: string = packageVersion;

export function usage(lang: Lang = "en-US"): string {
  const lines = [say(lang, "usage"), ""];
  for (const c of Object.values(COMMANDS)) lines.push(`  tradebook ${c.syntax}`, `      ${localize(c.summary, lang)}`);
  lines.push("", "  tradebook --help | --version", "", say(lang, "exitCodes"), say(lang, "languageHelp"));
  return lines.join("\n");
}

/** The syntax line of one command, for its usage errors. */
function syntaxOf(name: string): string {
  return `tradebook ${COMMANDS[name].syntax}`;
}

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "--help" || name === "-h" || name === "help") {
    io.out(usage(io.lang));
    return EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    io.out(VERSION);
    return EXIT.ok;
  }
  const cmd = name ? COMMANDS[name] : undefined;
  if (!cmd) {
    io.err(name ? say(io.lang, "unknownCommand", { name }) : usage(io.lang));
    return EXIT.usage;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(`${syntaxOf(name)}\n    ${localize(cmd.summary, io.lang)}`);
    return EXIT.ok;
  }
  try {
    const { run } = await cmd.load();
    return await run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`tradebook ${name}: ${e.message}\n${say(io.lang, "usageWord")}: ${syntaxOf(name)}`);
      return EXIT.usage;
    }
    throw e;
  }
}

/** Runs `tradebook` as this process: argv, environment, stdout/stderr, exit code. */
export function start(): void {
  const io: CliIO = {
    out: quietOnClosedPipe(process.stdout),
    err: quietOnClosedPipe(process.stderr),
    cwd: process.cwd(),
    lang: langFromEnv(process.env),
  };
  main(process.argv.slice(2), io).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`tradebook: ${describeFailure(e)}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
