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
import { promises as fs } from "node:fs";
import path from "node:path";
import { toCells } from "../core/contract/cells";
import { csvToRawTable, parseCsv, toCsv } from "../core/contract/csv";
import { serialAtInstant } from "../core/contract/dates";
import { ID_PREFIX, newUniqueId } from "../core/contract/ids";
import { formatIssue, type Issue } from "../core/contract/issues";
import type { CellValue } from "../core/contract/raw";
import type { RowOf } from "../core/contract/model";
import { columnHeader, parseTable } from "../core/contract/rows";
import { SCHEMA, type TableName } from "../core/contract/schema";
import { matchTable } from "../core/contract/spellings";
import { crossTableIssues, type TableRows, type TableSet } from "../core/contract/validation";
import { decodeCsv, encodeCsv, parseCsvEncoding, type DecodedCsv } from "../workbook/node/csv-decode";
import { readSnapshot } from "../app/open-crm";
import { putDeflated } from "../workbook/node/deflate";
import { appendRowsIntoPackage } from "../workbook/xlsx/package/append";
import type { TableReader } from "../workbook/port";
import { rawTableOf } from "../workbook/write-plan";
import type { PackageTableView } from "../workbook/xlsx/stream/table-reader";
import { openXlsxTables, type XlsxTableReader } from "../workbook/node/stream-reader";
import { lockForWriting, openXlsxFile, readXlsxFile, saveXlsx, writeXlsxBytes, type WriteOptions, type XlsxFile } from "../workbook/node/xlsx-file";
import { writeFailure } from "../workbook/node/file-replace";
import { UsageError, parseArgs, stringOption } from "./args";
import { EXIT, type CliIO } from "./io";
import { issueLine } from "./report";

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
  const zh = io.lang === "zh-CN";
  const csvName = path.basename(csvFile);

  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path.resolve(io.cwd, csvFile));
  } catch (e) {
    io.err(`${csvFile}: ${zh ? "无法读取" : "cannot read"}: ${(e as Error).message}`);
    return EXIT.usage;
  }
  const decodedCsv = decodeCsv(bytes, csvName, encoding);
  if (!decodedCsv.ok) {
    for (const i of decodedCsv.error) io.err(issueLine(csvFile, i, io));
    return EXIT.usage;
  }
  const decoded = decodedCsv.value;
  const csv = csvToRawTable(table, csvName, parseCsv(decoded.text));

  // One writer at a time: the lock is held from before the workbook is read until it is written.
  const full = path.resolve(io.cwd, file);
  const held = await lockForWriting(full, { force: args.options.force === true });
  if (!held.ok) {
    for (const i of held.error) io.err(issueLine(file, i, io));
    return EXIT.problems;
  }
  try {
    return await importLocked({ args, io, file, csvFile, table, def, decoded, csv, full, write: { lock: held.value, force: args.options.force === true } });
  } finally {
    await held.value.release();
  }
}

interface ImportJob {
  readonly args: ReturnType<typeof parseArgs>;
  readonly io: CliIO;
  readonly file: string;
  readonly csvFile: string;
  readonly table: TableName;
  readonly def: NonNullable<ReturnType<typeof matchTable>>;
  readonly decoded: DecodedCsv;
  readonly csv: ReturnType<typeof csvToRawTable>;
  readonly full: string;
  readonly write: WriteOptions;
}

async function importLocked(job: ImportJob): Promise<number> {
  const { args, io, file, csvFile, table, def, decoded, csv, full } = job;
  const zh = io.lang === "zh-CN";
  const csvName = path.basename(csvFile);
  // Read as the reports read: streamed, never the whole workbook (see appendRows below).
  const unreadable = (issues: readonly Issue[]): number => {
    for (const i of issues) io.err(issueLine(file, i, io));
    return EXIT.usage;
  };
  const source = await readXlsxFile(full);
  if (!source.ok) return unreadable(source.error);
  const reader = await openXlsxTables(source.value.bytes, path.basename(file));
  if (!reader.ok) return unreadable(reader.error);
  // The target table's view is kept from this read, so appending does not read its sheet again.
  let targetView: PackageTableView | undefined;
  const keepingTarget: TableReader = {
    readTable: async (name, columns) => {
      if (name !== table) return reader.value.readTable(name, columns);
      const read = await reader.value.readView(name);
      if (!read.ok) return read;
      targetView = read.value;
      return rawTableOf(name, read.value.view, columns);
    },
  };
  const existing = await readSnapshot(keepingTarget);
  // An unreadable table, or no Customers table: not a workbook to import into (exit 2, its own message).
  if (!existing.ok) return unreadable(existing.error);
  const target = existing.value.raw[table];
  if (!target) {
    io.err(`${file}: ${zh ? `没有「${def.sheet.zh}」表` : `has no ${table} table`}`);
    return EXIT.problems;
  }

  // IDs: a CSV without the ID column gets new IDs (a list exported from
  // another system has none); a present but blank ID cell is an error.
  const idCol = def.idColumn;
  const generateIds = idCol !== null && ID_PREFIX[table] !== undefined && csv.raw.missingColumns.includes(idCol);
  let raw = csv.raw;
  if (generateIds && idCol) {
    const taken = new Set<string>(existing.value.snapshot[table].map((r) => String((r as unknown as Record<string, unknown>)[idCol])));
    const today = Math.floor(serialAtInstant(new Date(), existing.value.settings.WorkTimeZone));
    raw = {
      ...raw,
      missingColumns: raw.missingColumns.filter((k) => k !== idCol),
      rows: raw.rows.map((r) => {
        const id = newUniqueId(table, today, Math.random, taken);
        taken.add(id);
        return { ...r, cells: { ...r.cells, [idCol]: id } };
      }),
    };
  }
  const parsed = parseTable<typeof table>(raw);
  // parseTable leaves out rows whose required cells are bad; those rows'
  // issues are already in parsed.issues.
  // A CSV may leave out optional columns: only missing required ones matter.
  const issues: Issue[] = [...csv.issues, ...parsed.issues.filter((i) => !(i.code === "missing-column" && i.severity === "warning"))];
  for (const h of csv.unknownHeaders) {
    issues.push({ severity: "warning", sheet: csvName, row: 1, column: h, code: "unknown-column", message: { zh: "不是本表的列，不导入", en: "not a column of this table; not imported" } });
  }

  // Cross-table checks: the workbook's rows as context, the CSV's reported.
  const tables: Record<string, TableRows<TableName>> = {};
  for (const [name, rt] of Object.entries(existing.value.raw)) {
    const n = name as TableName;
    tables[n] = {
      sheet: rt.sheet,
      header: (key) => columnHeader(rt, SCHEMA[n].columns.find((c) => c.key === key) ?? SCHEMA[n].columns[0]),
      rows: existing.value.snapshot[n] as readonly RowOf<TableName>[],
      rowNumbers: existing.value.rowNumbers[n],
      reportFrom: Number.MAX_SAFE_INTEGER,
    };
  }
  const before = existing.value.snapshot[table] as readonly RowOf<TableName>[];
  tables[table] = {
    sheet: csvName,
    header: (key) => csv.raw.headers[key] ?? key,
    rows: [...before, ...(parsed.rows as RowOf<TableName>[])],
    rowNumbers: [...existing.value.rowNumbers[table], ...parsed.rowNumbers],
    reportFrom: before.length,
  };
  issues.push(...crossTableIssues(tables as TableSet));
  // A row with the wrong number of fields has its cells in the wrong columns: that one error says it all.
  const misfits = new Set(csv.issues.map((i) => i.row));
  const said = issues.filter((i) => i.code === "field-count" || !misfits.has(i.row));
  issues.length = 0;
  issues.push(...said);

  const errors = issues.filter((i) => i.severity === "error");
  const badRows = new Set(errors.map((i) => i.row));
  const sheetErrors = errors.filter((i) => i.row === 1 || i.row === null);
  for (const i of issues) io.err(issueLine(csvFile, i, io));

  if (sheetErrors.length > 0 || (errors.length > 0 && !args.options["skip-invalid"])) {
    io.err(zh ? `${csvFile}：${errors.length} 个错误，${file} 未做任何改动` : `${csvFile}: ${errors.length} error${errors.length === 1 ? "" : "s"}; ${file} was not changed`);
    return EXIT.problems;
  }

  const keep = parsed.rows.filter((_, i) => !badRows.has(parsed.rowNumbers[i]));
  const lang = target.lang;
  if (keep.length > 0) {
    const written = await appendRows({ file, full, source: source.value, reader: reader.value, view: targetView, write: job.write }, table, keep.map((r) => toCells(table, r, lang)), io);
    if (written.length > 0) {
      for (const i of written) io.err(issueLine(file, i, io));
      return EXIT.problems;
    }
  }

  let rejectsNote = "";
  if (errors.length > 0) {
    const reasons = new Map<number, string[]>();
    for (const i of errors) {
      if (i.row === null) continue;
      reasons.set(i.row, [...(reasons.get(i.row) ?? []), formatIssue({ ...i, sheet: csvName }, io.lang)]);
    }
    const rejectsPath = path.resolve(io.cwd, `${csvFile}.rejects.csv`);
    const rows: string[][] = [[...csv.headerRow, zh ? "原因" : "Reason"]];
    csv.raw.rows.forEach((r, idx) => {
      const why = reasons.get(r.rowNumber);
      if (why) rows.push([...csv.lines[idx], why.join("; ")]);
    });
    try {
      await fs.writeFile(rejectsPath, encodeCsv(toCsv(rows), decoded.encoding));
    } catch (e) {
      io.err(issueLine(rejectsPath, writeFailure(rejectsPath, e, true), io));
      return EXIT.problems;
    }
    rejectsNote = zh ? `；${rows.length - 1} 行未导入，原因见 ${rejectsPath}` : `; ${rows.length - 1} left out, the reasons are in ${rejectsPath}`;
  }
  io.out(zh ? `${file}：已向「${target.sheet}」添加 ${keep.length} 行${rejectsNote}` : `${file}: added ${keep.length} row${keep.length === 1 ? "" : "s"} to ${target.sheet}${rejectsNote}`);
  return errors.length > 0 ? EXIT.problems : EXIT.ok;
}

interface ReadWorkbook {
  /** As the user named it, for messages. */
  readonly file: string;
  readonly full: string;
  readonly source: XlsxFile;
  readonly reader: XlsxTableReader;
  /** The target table as read for validation, if it was. */
  readonly view: PackageTableView | undefined;
  /** The lock held since before the read, and --force. */
  readonly write: WriteOptions;
}

/**
 * Appends the rows and saves, all or nothing; the issues when nothing was
 * written. Straight into the package where workbook/xlsx/package/append.ts
 * can (seconds and a few hundred MB for a workbook of 250,000 follow-ups,
 * and charts or pivot tables keep their bytes); else through the full load
 * (XlsxWorkbook), saying why, since that takes minutes on a big workbook
 * and refuses one with parts it would drop.
 */
async function appendRows(wb: ReadWorkbook, table: TableName, rows: readonly Readonly<Record<string, CellValue>>[], io: CliIO): Promise<readonly Issue[]> {
  const direct = await appendRowsIntoPackage(wb.reader, wb.source.bytes, table, rows, { put: putDeflated, view: wb.view });
  if (direct.kind === "refused") return direct.issues;
  if (direct.kind === "written") {
    const saved = await writeXlsxBytes(wb.source, direct.bytes, wb.full, wb.write);
    return saved.ok ? [] : saved.error;
  }
  // What happens to the user's file, in their words: it is saved whole, which
  // is slower, and refused (nothing written) where that would lose a part.
  io.err(
    io.lang === "zh-CN"
      ? `${wb.file}：${direct.why.zh}，将重新保存整个工作簿来添加这些行（文件大时较慢）`
      : `${wb.file}: ${direct.why.en}, so the whole workbook is saved again to add the rows (slower for a large file)`,
  );
  // The bytes validated above, so a save by someone else since then is refused, not overwritten.
  const opened = await openXlsxFile(wb.source);
  if (!opened.ok) return opened.error;
  const appended = await opened.value.appendRows(table, rows);
  if (!appended.ok) return appended.error;
  const saved = await saveXlsx(opened.value, wb.full, wb.write);
  return saved.ok ? [] : saved.error;
}
