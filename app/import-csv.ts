/**
 * Importing CSV rows into a table (`tradebook import`): every row checked
 * against the contract and against what the workbook already holds
 * (references, unique IDs) before anything is written; a list without the
 * ID column gets new IDs (ids.ts); with `skipInvalid` the valid rows are
 * written and the rest come back as rejects with their reasons. planImport
 * decides, applyImport writes the rows the plan keeps through the port, all
 * or nothing.
 */
import { toCells } from "../core/contract/cells";
import type { CsvTable } from "../core/contract/csv";
import type { DaySerial } from "../core/contract/dates";
import { ID_PREFIX } from "../core/contract/ids";
import { ok, type Issue, type Result } from "../core/contract/issues";
import type { RowOf } from "../core/contract/model";
import { columnHeader, parseTable } from "../core/contract/rows";
import { SCHEMA, type TableName } from "../core/contract/schema";
import { crossTableIssues, type TableRows, type TableSet } from "../core/contract/validation";
import type { CellValue, WorkbookPort } from "../workbook/port";
import { newRecordIds } from "./ids";
import type { WorkbookSnapshot } from "./open-crm";

export type ImportPlan =
  /** The workbook has no such table to import into. */
  | { readonly kind: "no table" }
  /** Nothing is to be written: errors of the whole file, or of rows without `skipInvalid`. */
  | { readonly kind: "refused"; readonly issues: readonly Issue[]; readonly errors: number }
  | {
      readonly kind: "import";
      readonly table: TableName;
      /** Errors and warnings of the CSV, its sheet named as the CSV. */
      readonly issues: readonly Issue[];
      /** The rows to append, as cells in the target sheet's language. */
      readonly rows: readonly Readonly<Record<string, CellValue>>[];
      /** The sheet imported into, as named in the workbook. */
      readonly sheet: string;
      /** The CSV rows left out (index into csv.raw.rows and csv.lines) and their errors. */
      readonly rejects: readonly { readonly index: number; readonly errors: readonly Issue[] }[];
    };

export interface ImportRequest {
  readonly table: TableName;
  readonly csv: CsvTable;
  /** The CSV's file name, which its issues name as the sheet. */
  readonly csvName: string;
  readonly skipInvalid: boolean;
  /** Today in the work time zone: the day new IDs carry. */
  readonly today: DaySerial;
}

/** What importing `request.csv` into the workbook `read` would do. */
export function planImport(read: WorkbookSnapshot, request: ImportRequest): ImportPlan {
  const { table, csv, csvName } = request;
  const def = SCHEMA[table];
  const target = read.raw[table];
  if (!target) return { kind: "no table" };

  // IDs: a CSV without the ID column gets new IDs (a list exported from
  // another system has none); a present but blank ID cell is an error.
  const idCol = def.idColumn;
  let raw = csv.raw;
  let drawn = false;
  if (idCol !== null && ID_PREFIX[table] !== undefined && raw.missingColumns.includes(idCol)) {
    const taken = new Set<string>();
    for (const r of read.snapshot[table]) taken.add(String((r as unknown as Record<string, unknown>)[idCol]));
    const ids = newRecordIds(table, request.today, taken, raw.rows.length);
    // Each row's cells with the ID first, copied key by key: an object spread per row cost ~1 s at 200,000 rows.
    const withId = (cells: Readonly<Record<string, CellValue>>, id: string): Record<string, CellValue> => {
      const out: Record<string, CellValue> = {};
      out[idCol] = id;
      for (const key in cells) out[key] = cells[key];
      return out;
    };
    raw = { ...raw, missingColumns: raw.missingColumns.filter((k) => k !== idCol), rows: raw.rows.map((r, i) => ({ rowNumber: r.rowNumber, cells: withId(r.cells, ids[i]) })) };
    drawn = true;
  }
  const parsed = parseTable<typeof table>(raw);
  // parseTable leaves out rows whose required cells are bad; their issues
  // are in parsed.issues. A CSV may leave out optional columns: only
  // missing required ones matter.
  const issues: Issue[] = [...csv.issues, ...parsed.issues.filter((i) => !(i.code === "missing-column" && i.severity === "warning"))];
  for (const h of csv.unknownHeaders) {
    issues.push({ severity: "warning", sheet: csvName, row: 1, column: h, code: "unknown-column", message: { zh: "不是本表的列，不导入", en: "not a column of this table; not imported" } });
  }

  // Cross-table checks: the workbook's rows as context, the CSV's reported.
  const tables: Record<string, TableRows<TableName>> = {};
  for (const [name, rt] of Object.entries(read.raw)) {
    const n = name as TableName;
    tables[n] = {
      sheet: rt.sheet,
      header: (key) => columnHeader(rt, SCHEMA[n].columns.find((c) => c.key === key) ?? SCHEMA[n].columns[0]),
      rows: read.snapshot[n] as readonly RowOf<TableName>[],
      rowNumbers: read.rowNumbers[n],
      reportFrom: Number.MAX_SAFE_INTEGER,
    };
  }
  const before = read.snapshot[table] as readonly RowOf<TableName>[];
  tables[table] = {
    sheet: csvName,
    header: (key) => csv.raw.headers[key] ?? key,
    rows: [...before, ...(parsed.rows as RowOf<TableName>[])],
    rowNumbers: [...read.rowNumbers[table], ...parsed.rowNumbers],
    reportFrom: before.length,
    // IDs drawn here are unique among the rows read and each other: looking each up again cost ~0.5 s at 200,000 rows.
    ...(drawn && idCol !== null ? { knownUnique: [idCol] } : {}),
  };
  issues.push(...crossTableIssues(tables as TableSet));
  // A row with the wrong number of fields has its cells in the wrong columns: that one error says it all.
  const misfits = new Set(csv.issues.map((i) => i.row));
  const said = issues.filter((i) => i.code === "field-count" || !misfits.has(i.row));

  const errors = said.filter((i) => i.severity === "error");
  const sheetErrors = errors.filter((i) => i.row === 1 || i.row === null);
  if (sheetErrors.length > 0 || (errors.length > 0 && !request.skipInvalid)) return { kind: "refused", issues: said, errors: errors.length };

  const badRows = new Set(errors.map((i) => i.row));
  const keep = parsed.rows.filter((_, i) => !badRows.has(parsed.rowNumbers[i]));
  const reasons = new Map<number, Issue[]>();
  for (const i of errors) if (i.row !== null) reasons.set(i.row, [...(reasons.get(i.row) ?? []), i]);
  const rejects = csv.raw.rows.flatMap((r, index) => {
    const why = reasons.get(r.rowNumber);
    return why ? [{ index, errors: why }] : [];
  });
  return { kind: "import", table, issues: said, rows: keep.map((r) => toCells(table, r, target.lang)), sheet: target.sheet, rejects };
}

/** Appends the plan's rows through the port, all or none; the count written. */
export async function applyImport(port: Pick<WorkbookPort, "appendRows">, plan: Extract<ImportPlan, { kind: "import" }>): Promise<Result<number>> {
  if (plan.rows.length === 0) return ok(0);
  const written = await port.appendRows(plan.table, plan.rows);
  return written.ok ? ok(written.value.count) : written;
}
