/**
 * `tradebook check FILE [--fix] [--json]`: every row against the contract;
 * one line per problem with sheet, row, column and message; exit 1 when any
 * error. With --fix it first mends what an older TradeBook template left
 * behind, in the file's own package (every other part keeps its bytes): data
 * validation and conditional formats below a table, which stop Excel taking
 * new rows into the table (workbook/xlsx/ooxml/rules-below.ts).
 */
import path from "node:path";
import { readSnapshot } from "../app/open-crm";
import { putDeflated } from "../workbook/node/deflate";
import { inflateWithZlib } from "../workbook/node/inflate";
import { openXlsxTables } from "../workbook/node/stream-reader";
import { readXlsxFile, writeXlsxBytes } from "../workbook/node/xlsx-file";
import { mendRulesBelowTables, type MendedSheet } from "../workbook/xlsx/package/mend-rules";
import { UsageError, parseArgs } from "./args";
import { EXIT, type CliIO } from "./io";
import { countBySeverity, issueJson, issueLine } from "./report";

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
  const full = path.resolve(io.cwd, file);
  // Streamed: checking never needs the whole workbook in memory.
  const onDisk = await readXlsxFile(full);
  let source = onDisk;
  let mended: readonly MendedSheet[] = [];
  if (onDisk.ok && args.options.fix) {
    let fixed;
    try {
      fixed = await mendRulesBelowTables(onDisk.value.bytes, { inflate: inflateWithZlib, put: putDeflated });
    } catch (e) {
      io.err(`${file}: ${io.lang === "zh-CN" ? "无法读取工作簿" : "cannot read the workbook"}: ${e instanceof Error ? e.message : String(e)}`);
      return EXIT.usage;
    }
    if (fixed.mended.length > 0) {
      // Under the lock, refused, not overwritten, when someone saved the file since it was read (or has it open: --force).
      const saved = await writeXlsxBytes(onDisk.value, fixed.bytes, full, { force: args.options.force === true });
      if (!saved.ok) {
        for (const i of saved.error) io.err(issueLine(file, i, io));
        return EXIT.problems;
      }
      mended = fixed.mended;
      source = { ok: true, value: { ...onDisk.value, bytes: fixed.bytes } };
    }
  }
  const opened = source.ok ? await openXlsxTables(source.value.bytes, path.basename(file)) : source;
  if (!opened.ok) {
    for (const i of opened.error) io.err(issueLine(file, i, io));
    return EXIT.usage;
  }
  const read = await readSnapshot(opened.value);
  // A table that cannot be read at all (or no Customers table): exit 2, its own message, not a count of rows' errors.
  if (!read.ok) {
    for (const i of read.error) io.err(issueLine(file, i, io));
    return EXIT.usage;
  }
  const issues = read.value.issues;
  const { errors, warnings } = countBySeverity(issues);
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
