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
import { issueJson, issueLine } from "./issue-lines";
import { failWith } from "./report-file";
import { say } from "./messages";

function mendedLine(file: string, m: MendedSheet, io: CliIO): string {
  return say(io.lang, "mended", { file, sheet: m.sheet, tables: m.tables.join(", "), validations: m.validations, formats: m.conditionalFormats });
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
      io.err(say(io.lang, "cannotReadWorkbook", { file, why: e instanceof Error ? e.message : String(e) }));
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
    io.out(say(io.lang, "checked", { file, errors, warnings }));
  }
  return errors > 0 ? EXIT.problems : EXIT.ok;
}
