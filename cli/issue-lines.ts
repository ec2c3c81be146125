/** Issues as every command prints them: one line per problem, file first, and the --json form. */
import { formatIssue, type Issue } from "../core/contract/issues";
import type { CliIO } from "./io";
import { say } from "./messages";

export function issueLine(file: string, issue: Issue, io: CliIO): string {
  const tag = say(io.lang, issue.severity === "error" ? "issueError" : "issueWarning");
  return `${file}: ${tag}: ${formatIssue(issue, io.lang)}`;
}

export function issueJson(issue: Issue): Record<string, unknown> {
  return {
    severity: issue.severity,
    sheet: issue.sheet,
    row: issue.row,
    column: issue.column,
    code: issue.code,
    message: issue.message.en,
    messageZh: issue.message.zh,
  };
}
