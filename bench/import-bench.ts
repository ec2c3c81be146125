/**
 * `tradebook import FILE --table FollowUps CSV` as a process, as a user runs
 * it: wall time and peak resident memory (GNU time, as process-bench.ts).
 * The CSV holds follow-ups of the workbook's own customers and salespeople
 * (the generated history, cycled) without the ID column, so the command
 * gives each a new ID and every row is valid: the measurement is of a
 * successful import, not of a refusal. Each run imports into a fresh copy
 * of the cached workbook, which is never changed.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { toCells } from "../core/contract/cells";
import { toCsv } from "../core/contract/csv";
import { toISODate, toISODateTime } from "../core/contract/dates";
import type { CrmSnapshot } from "../core/contract/model";
import type { CellValue } from "../core/contract/raw";
import { SCHEMA } from "../core/contract/schema";
import { GNU_TIME, runNode, summarize, type ProcessRun, type RunsSummary } from "./process-bench";

export interface ImportResult extends RunsSummary {
  /** CSV rows imported per run. */
  readonly rows: number;
}

/** The CSV's columns: every FollowUps column but its ID, by their contract keys. */
const COLUMNS = SCHEMA.FollowUps.columns.filter((c) => c.key !== SCHEMA.FollowUps.idColumn);

function csvCell(type: string, v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "number" && type === "datetime") return toISODateTime(v);
  if (typeof v === "number" && type === "date") return toISODate(v);
  return String(v);
}

/** `rows` follow-ups of the workbook's customers as an English CSV without IDs (new IDs are the command's job). */
export function followUpsCsv(data: CrmSnapshot, rows: number): string {
  const lines: string[][] = [COLUMNS.map((c) => c.key)];
  const source = data.FollowUps;
  if (source.length === 0) throw new Error("bench: no follow-ups to import");
  for (let i = 0; i < rows; i++) {
    const cells = toCells("FollowUps", source[i % source.length], "en-US");
    lines.push(COLUMNS.map((c) => csvCell(c.type, cells[c.key] ?? null)));
  }
  return toCsv(lines);
}

/** Imports `rows` follow-ups into copies of `workbook`, `runs` times (fewer when over budget; the first failure stops). */
export async function benchImport(workbook: string, data: CrmSnapshot, rows: number, runs: number, budgetMs: number): Promise<ImportResult> {
  const dir = mkdtempSync(join(tmpdir(), "tradebook-bench-import-"));
  const useGnuTime = existsSync(GNU_TIME);
  const csv = join(dir, "follow-ups.csv");
  writeFileSync(csv, followUpsCsv(data, rows));
  const done: ProcessRun[] = [];
  try {
    let spent = 0;
    while (done.length < Math.max(1, runs) && (done.length === 0 || spent < budgetMs)) {
      const copy = join(dir, `workbook-${done.length}.xlsx`);
      copyFileSync(workbook, copy);
      const r = await runNode("bin/tradebook.cjs", "bench/cli-child.cjs", ["import", copy, "--table", "FollowUps", csv], useGnuTime, join(dir, `result-${done.length}.json`));
      rmSync(copy, { force: true });
      done.push(r);
      spent += r.wallMs;
      if (r.code !== 0) break;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { rows, ...summarize(done) };
}
