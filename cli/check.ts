/**
 * `tradebook check FILE [--json]`: every row against the contract; one line
 * per problem with sheet, row, column and message; exit 1 when any error.
 */
import path from "node:path";
import { readSnapshot } from "../workbook/snapshot";
import { openXlsxTables } from "../workbook/node/stream-reader";
import { readXlsxFile } from "../workbook/node/xlsx-file";
import { UsageError, parseArgs } from "./args";
import { EXIT, type CliIO } from "./io";
import { countBySeverity, issueJson, issueLine } from "./report";

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { flags: ["json"], values: [] });
  const [file] = args.positionals;
  if (!file || args.positionals.length > 1) throw new UsageError("give exactly one workbook FILE");
  const full = path.resolve(io.cwd, file);
  // Streamed: checking never needs the whole workbook in memory.
  const source = await readXlsxFile(full);
  const opened = source.ok ? await openXlsxTables(source.value.bytes, path.basename(file)) : source;
  if (!opened.ok) {
    for (const i of opened.error) io.err(issueLine(file, i, io));
    return EXIT.usage;
  }
  const read = await readSnapshot(opened.value);
  const issues = read.ok ? read.value.issues : read.error;
  const { errors, warnings } = countBySeverity(issues);
  if (args.options.json) {
    io.out(JSON.stringify({ file, ok: errors === 0, errors, warnings, issues: issues.map(issueJson) }, null, 2));
  } else {
    for (const i of issues) io.out(issueLine(file, i, io));
    io.out(
      io.lang === "zh-CN"
        ? `${file}：${errors} 个错误，${warnings} 个警告`
        : `${file}: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`,
    );
  }
  return errors > 0 ? EXIT.problems : EXIT.ok;
}
