/**
 * `tradebook import FILE --table NAME CSV [--skip-invalid] [--encoding E] [--force]`:
 * append CSV rows after validating them all, against the contract and
 * against what the workbook already holds (references, unique IDs).
 * Nothing is written unless every row is valid; with --skip-invalid the
 * valid rows are written and the rejects go to CSV.rejects.csv with the
 * reason per row. The workbook is locked from before it is read until it
 * is written (a second writer waits), and not written while LibreOffice or
 * Excel has it open unless --force.
 */
import { importProjection } from "../core/contract/projection";
import { promises as fs } from "node:fs";
import path from "node:path";
import { csvToRawTable, parseCsv, toCsv, type CsvTable } from "../core/contract/csv";
import { serialAtInstant, dayOf } from "../core/contract/dates";
import { formatIssue } from "../core/contract/issues";
import type { TableName } from "../core/contract/schema";
import { matchTable } from "../core/contract/spellings";
import { applyImport, planImport, type ImportPlan } from "../app/import-csv";
import { decodeCsv, encodeCsv, parseCsvEncoding, type CsvEncoding, type DecodedCsv } from "../workbook/node/csv-decode";
import type { XlsxFilePort } from "../workbook/node/xlsx-file-port";
import { writeFailure } from "../workbook/node/file-replace";
import { UsageError, parseArgs, stringOption } from "./args";
import { EXIT, type CliIO } from "./io";
import { issueLine } from "./issue-lines";
import { failWith, openWorkbook, whileLocked, type XlsxFileOptions } from "./report-file";
import { say } from "./messages";

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { flags: ["skip-invalid", "json", "force"], values: ["table", "encoding"] });
  const [file, csvFile] = args.positionals;
  const tableArg = stringOption(args, "table");
  if (!file || !csvFile || args.positionals.length > 2) throw new UsageError("give a workbook FILE and a CSV file");
  if (!tableArg) throw new UsageError("--table NAME is required");
  const def = matchTable(tableArg);
  if (!def) throw new UsageError(`unknown table "${tableArg}"`);
  const encodingArg = stringOption(args, "encoding");
  const encoding = encodingArg === undefined ? undefined : parseCsvEncoding(encodingArg);
  if (encoding === null) throw new UsageError(`--encoding must be utf-8, gb18030, utf-16 or cp1252, not "${encodingArg}"`);
  const table: TableName = def.name;

  // The CSV is handed to the import once: planning drops it, so its text and
  // rows (and the workbook's snapshot) are not held while the sheet is written.
  let input: CsvInput | number | undefined = await readCsvInput(io, csvFile, table, encoding);
  if (typeof input === "number") return input;
  const job: ImportJob = { args, io, file, csvFile, table, def };
  // One writer at a time: the lock is held from before the workbook is read until it is written.
  return whileLocked(file, io, args.options.force === true, async (open) => {
    const csv = input as CsvInput;
    input = undefined;
    const planned = await planLocked(job, csv, open);
    return typeof planned === "number" ? planned : writeLocked(job, planned);
  });
}

interface ImportJob {
  readonly args: ReturnType<typeof parseArgs>;
  readonly io: CliIO;
  readonly file: string;
  readonly csvFile: string;
  readonly table: TableName;
  readonly def: NonNullable<ReturnType<typeof matchTable>>;
}

interface CsvInput {
  readonly decoded: DecodedCsv;
  readonly csv: CsvTable;
}

/** The CSV file decoded and mapped onto the table; an exit code when it cannot be read or decoded. */
async function readCsvInput(io: CliIO, csvFile: string, table: TableName, encoding: CsvEncoding | "utf-16" | undefined): Promise<CsvInput | number> {
  const csvName = path.basename(csvFile);
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path.resolve(io.cwd, csvFile));
  } catch (e) {
    io.err(say(io.lang, "cannotRead", { file: csvFile, why: (e as Error).message }));
    return EXIT.usage;
  }
  const decodedCsv = decodeCsv(bytes, csvName, encoding);
  if (!decodedCsv.ok) {
    for (const i of decodedCsv.error) io.err(issueLine(csvFile, i, io));
    return EXIT.usage;
  }
  return { decoded: decodedCsv.value, csv: csvToRawTable(table, csvName, parseCsv(decodedCsv.value.text)) };
}

/** What planning leaves for writing: the port, the plan, and the rejects file's bytes (made now, while the CSV is at hand). */
interface Planned {
  readonly opened: XlsxFilePort;
  readonly plan: Extract<ImportPlan, { kind: "import" }>;
  readonly rejects: Uint8Array | undefined;
}

/** Reads the workbook and plans the import; an exit code when there is nothing to write. */
async function planLocked(job: ImportJob, input: CsvInput, open: XlsxFileOptions): Promise<Planned | number> {
  const { args, io, file, csvFile, table, def } = job;
  const { decoded, csv } = input;
  const csvName = path.basename(csvFile);
  // Read as the reports read: streamed, never the whole workbook. The
  // target table's read is kept, so appending does not read its sheet again;
  // where the rows cannot go straight into the package the whole workbook is
  // saved again, which is slower (and refused where it would lose a part).
  const fullLoad = (why: { readonly zh: string; readonly en: string } | undefined): void => {
    if (why) io.err(say(io.lang, "savedWhole", { file, why }));
  };
  // Only what the rows are checked against: the keys and what references point at; the workbook's own rows are not checked (none of their issues is reported).
  const loaded = await openWorkbook(file, io, { ...open, keepRead: table, onFullLoad: fullLoad }, importProjection(table), { crossTable: false });
  // An unreadable table, or no Customers table: not a workbook to import into (exit 2, its own message).
  if (typeof loaded === "number") return loaded;
  const { read } = loaded;
  const today = dayOf(serialAtInstant(io.now?.() ?? new Date(), read.settings.WorkTimeZone));
  const plan = planImport(read, { table, csv, csvName, skipInvalid: args.options["skip-invalid"] === true, today });
  // The target's sheet is being deflated for the append (XlsxPackage prepare): stopped when none comes.
  if (plan.kind !== "import" || plan.rows.length === 0) loaded.opened.port.release();
  if (plan.kind === "no table") {
    io.err(say(io.lang, "noTable", { file, sheet: def.sheet.zh, table }));
    return EXIT.problems;
  }
  for (const i of plan.issues) io.err(issueLine(csvFile, i, io));
  if (plan.kind === "refused") {
    io.err(say(io.lang, "notImported", { csv: csvFile, errors: plan.errors, file }));
    return EXIT.problems;
  }
  let rejects: Uint8Array | undefined;
  if (plan.rejects.length > 0) {
    const rows: string[][] = [[...csv.headerRow, say(io.lang, "reasonColumn")]];
    for (const r of plan.rejects) rows.push([...csv.lines[r.index], r.errors.map((i) => formatIssue({ ...i, sheet: csvName }, io.lang)).join("; ")]);
    rejects = encodeCsv(toCsv(rows), decoded.encoding);
  }
  return { opened: loaded.opened, plan, rejects };
}

/** Appends the planned rows, saves, and writes the rejects file. */
async function writeLocked(job: ImportJob, { opened, plan, rejects }: Planned): Promise<number> {
  const { io, file, csvFile } = job;
  const written = await applyImport(opened.port, plan);
  if (!written.ok) return failWith(file, written.error, io, EXIT.problems);
  if (opened.changed()) {
    const saved = await opened.save();
    if (!saved.ok) return failWith(file, saved.error, io, EXIT.problems);
  }

  let rejectsNote = "";
  if (rejects !== undefined) {
    const rejectsPath = path.resolve(io.cwd, `${csvFile}.rejects.csv`);
    try {
      await fs.writeFile(rejectsPath, rejects);
    } catch (e) {
      io.err(issueLine(rejectsPath, writeFailure(rejectsPath, e, true), io));
      return EXIT.problems;
    }
    rejectsNote = say(io.lang, "rejects", { count: plan.rejects.length, path: rejectsPath });
  }
  io.out(say(io.lang, "imported", { file, sheet: plan.sheet, count: written.value, rejects: rejectsNote }));
  return plan.rejects.length > 0 ? EXIT.problems : EXIT.ok;
}
