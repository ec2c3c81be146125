/**
 * LibreOffice headless as the peer's calculator: it opens the formula
 * workbook, recalculates every formula (OOXMLRecalcMode=0 in its own
 * profile, as scripts/libreoffice.ts sets it: without it LibreOffice would
 * show the file's cached results, and this file has none), and writes the
 * review sheet as CSV, from which bench/peer/read-back.ts reads the figures.
 * Writing one small sheet keeps the measured time to opening and computing:
 * saving the whole workbook would add the cost of writing every table.
 *
 * CSV filter options, by position: 44 (comma), 34 (quote), 76 (UTF-8),
 * 1 (first line), cell formats (none), language (0), quoted as text (false),
 * detect numbers (true), "as shown" (false: full precision), formulas
 * (false), trim (false), sheet number (LibreOffice ≥ 7.2 writes only that
 * sheet, to NAME-SHEET.csv).
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { timed, type TimedRun } from "./timed";

const RECALC_ON_LOAD = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A private LibreOffice profile under `dir` that recalculates .xlsx files on load; its file URL. */
export function recalcProfile(dir: string): string {
  mkdirSync(join(dir, "user"), { recursive: true });
  writeFileSync(join(dir, "user", "registrymodifications.xcu"), RECALC_ON_LOAD);
  return `file://${dir}`;
}

/** Where recalcToCsv writes the sheet of `file`. */
export function csvPathOf(file: string, sheet: string, outDir: string): string {
  return join(outDir, `${basename(file, extname(file))}-${sheet}.csv`);
}

/**
 * One LibreOffice start: opens each file, recalculates it and writes its
 * `sheet` (its name, and its place among the sheets, 1-based) as CSV into
 * `outDir`. Resolves with
 * the run's times; rejects with LibreOffice's output when a CSV is missing
 * (soffice exits 0 even when it could not load a file).
 */
export async function recalcToCsv(
  profile: string,
  files: readonly string[],
  sheet: { readonly name: string; readonly number: number },
  outDir: string,
  timeoutMs = 30 * 60_000,
): Promise<TimedRun> {
  const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${sheet.number}`;
  for (const file of files) rmSync(csvPathOf(file, sheet.name, outDir), { force: true });
  const run = await timed("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", filter, "--outdir", outDir, ...files], { timeoutMs });
  for (const file of files) {
    if (!existsSync(csvPathOf(file, sheet.name, outDir))) throw new Error(`soffice wrote no ${sheet.name} sheet for ${file}:\n${run.stdout}`);
  }
  return run;
}
