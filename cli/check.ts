/**
 * `tradebook check FILE [--fix] [--json]`: every row against the contract;
 * one line per problem with sheet, row, column and message; exit 1 when any
 * error. With --fix it first mends what an older TradeBook template left
 * behind, in the file's own package (every other part keeps its bytes): data
 * validation and conditional formats below a table, which stop Excel taking
 * new rows into the table (workbook/xlsx/ooxml/rules-below.ts).
 */
import path from "node:path";
import { checkWorkbook } from "../app/check";
import { openXlsxFilePort, type MendedSheet } from "../workbook/node/xlsx-file-port";
import { UsageError, parseArgs } from "./args";
import { EXIT, type CliIO } from "./io";
import { issueJson, issueLine } from "./report";
import { failWith } from "./report-file";

function mendedLine(file: string, m: MendedSheet, io: CliIO): string {
  const tables = m.tables.join(", ");
  return io.lang === "zh-CN"
    ? `${file}：已修复「${m.sheet}」：移除表格 ${tables} 下方的数据验证 ${m.validations} 处、条件格式 ${m.conditionalFormats} 处（它们会阻止 Excel 将新行纳入表格）`
    : `${file}: mended sheet ${m.sheet}: took ${m.validations} data validation rule(s) and ${m.conditionalFormats} conditional format(s) off the cells below table ${tables} (they stop Excel taking new rows into the table)`;
}

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { flags: ["json", "fix", "force"], values: [] });
  const [file] = args.positionals;
  if (!file || args.positionals.length > 1) throw new UsageError("give exactly one workbook FILE");
  // Streamed: checking never needs the whole workbook in memory.
  const opened = await openXlsxFilePort(path.resolve(io.cwd, file), { force: args.options.force === true });
  if (!opened.ok) return failWith(file, opened.error, io, EXIT.usage);
  let mended: readonly MendedSheet[] = [];
  if (args.options.fix) {
    try {
      mended = await opened.value.mendRulesBelowTables();
    } catch (e) {
      io.err(`${file}: ${io.lang === "zh-CN" ? "无法读取工作簿" : "cannot read the workbook"}: ${e instanceof Error ? e.message : String(e)}`);
      return EXIT.usage;
    }
    // Under the lock, refused, not overwritten, when someone saved the file since it was read (or has it open: --force).
    if (mended.length > 0) {
      const saved = await opened.value.save();
      if (!saved.ok) return failWith(file, saved.error, io, EXIT.problems);
    }
  }
  const read = await checkWorkbook(opened.value.port);
  // A table that cannot be read at all (or no Customers table): exit 2, its own message, not a count of rows' errors.
  if (!read.ok) return failWith(file, read.error, io, EXIT.usage);
  const { issues, errors, warnings } = read.value;
  if (args.options.json) {
    io.out(JSON.stringify({ file, ok: errors === 0, errors, warnings, issues: issues.map(issueJson), ...(args.options.fix ? { mended } : {}) }, null, 2));
  } else {
    for (const m of mended) io.out(mendedLine(file, m, io));
    for (const i of issues) io.out(issueLine(file, i, io));
    io.out(
      io.lang === "zh-CN"
        ? `${file}：${errors} 个错误，${warnings} 个警告`
        : `${file}: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`,
    );
  }
  return errors > 0 ? EXIT.problems : EXIT.ok;
}
