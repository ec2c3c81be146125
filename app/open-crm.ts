/**
 * Reads a whole CRM workbook through the port into typed records, with every
 * problem found on the way: the one read path of the CLI, the task pane and
 * the tests. Rows that can't be used (a required cell is bad) are left out of
 * the snapshot and reported; reference tables that are missing fall back to
 * the contract's defaults (with a warning), record tables to empty.
 */
import type { Issue, Result } from "../core/contract/issues";
import { err, ok } from "../core/contract/issues";
import type { CrmSnapshot, RowTypes } from "../core/contract/model";
import type { RawTableHead } from "../core/contract/raw";
import { EVERYTHING, type Projection } from "../core/contract/projection";
import { columnHeader, parseTable } from "../core/contract/rows";
import { SCHEMA, TABLE_NAMES, headerOf, type Lang, type TableName } from "../core/contract/schema";
import { DEFAULT_RATES, DEFAULT_TIERS, readSettings, type Settings } from "../core/contract/settings";
import { crossTableIssues, type TableRows, type TableSet } from "../core/contract/validation";
import type { TableReader } from "../workbook/port";

export interface WorkbookSnapshot {
  readonly snapshot: CrmSnapshot;
  readonly settings: Settings;
  /** Errors and warnings, in sheet order. */
  readonly issues: readonly Issue[];
  /**
   * The tables as read, without their raw rows (sheet names, header
   * language, headers): the typed rows are `snapshot`'s, and keeping the raw
   * cells as well held every cell twice until the command ended.
   */
  readonly raw: Readonly<Partial<Record<TableName, RawTableHead>>>;
  /** The language most of the workbook's sheets use. */
  readonly lang: Lang;
  /** Sheet row numbers of the snapshot's rows, per table, index-aligned. */
  readonly rowNumbers: Readonly<Record<TableName, readonly number[]>>;
}

const DEFAULTS: Partial<{ [T in TableName]: readonly RowTypes[T][] }> = {
  CommissionTiers: DEFAULT_TIERS,
  ExchangeRates: DEFAULT_RATES.map((r) => ({ ...r, AsOf: null })) as RowTypes["ExchangeRates"][],
};

/**
 * Codes of a table that could not be read at all (a broken or hostile
 * package, a limit of Excel passed): reading goes no further, since a due
 * list or report without that table would be silently wrong.
 */
const UNREADABLE = new Set(["unreadable", "too-large", "cell-too-long", "too-many-rows", "too-many-columns"]);

/** True when the issues say a table could not be read at all (not merely that it is missing or has bad rows). */
export function isUnreadable(issues: readonly Issue[]): boolean {
  return issues.some((i) => UNREADABLE.has(i.code));
}

/**
 * The snapshot of what `projection` names (core/contract/projection.ts;
 * every table and column unless given): other tables are not read, other
 * columns are null and unchecked. Customers is read in any case (its IDs at
 * least): a workbook without it is not a CRM workbook.
 */
export interface ReadOptions {
  /**
   * Whether the rows are checked against each other and the reference tables
   * (unique IDs, references; default yes). `tradebook import` reports none of
   * the workbook's own issues, only its new rows' (app/import-csv.ts checks
   * those against the rows read): at 500,000 follow-ups this check of rows
   * nobody reports cost about a second.
   */
  readonly crossTable?: boolean;
}

export async function readSnapshot(port: TableReader, projection: Projection = EVERYTHING, options: ReadOptions = {}): Promise<Result<WorkbookSnapshot>> {
  const issues: Issue[] = [];
  const raw: Partial<Record<TableName, RawTableHead>> = {};
  const snapshot: Partial<Record<TableName, readonly unknown[]>> = {};
  const rowNumbers: Partial<Record<TableName, readonly number[]>> = {};
  const set: Record<string, TableRows<TableName>> = {};

  // Per table: null when not read, undefined for every column, else the columns read.
  const wanted = (name: TableName): readonly string[] | undefined | null => {
    const columns = projection[name] ?? (name === "Customers" ? ["CustomerID"] : null);
    return columns !== null && SCHEMA[name].columns.every((c) => columns.includes(c.key)) ? undefined : columns;
  };
  const asked = TABLE_NAMES.filter((name) => wanted(name) !== null).map((table) => ({ table, columns: wanted(table) ?? undefined }));
  const together = port.readTables ? await port.readTables(asked) : undefined;
  for (const name of TABLE_NAMES) {
    const columns = wanted(name);
    if (columns === null) {
      snapshot[name] = DEFAULTS[name] ?? [];
      rowNumbers[name] = [];
      continue;
    }
    const res = together?.get(name) ?? (await port.readTable(name, columns));
    if (!res.ok) {
      if (isUnreadable(res.error)) return err(res.error);
      const def = SCHEMA[name];
      const missing = res.error.some((i) => i.code === "missing-table");
      if (!missing) {
        issues.push(...res.error);
      } else if (name === "Customers") {
        // Without a customer table this is not a CRM workbook (yet): say so
        // as an error value so callers can offer to set it up.
        return err(res.error);
      } else {
        issues.push({
          severity: def.kind === "reference" ? "warning" : "error",
          sheet: def.sheet.en,
          row: null,
          column: null,
          code: "missing-table",
          message:
            def.kind === "reference"
              ? { zh: `缺少「${def.sheet.zh}」表，使用默认值`, en: `table ${name} is missing; defaults are used` }
              : { zh: `缺少「${def.sheet.zh}」表`, en: `table ${name} is missing` },
        });
      }
      snapshot[name] = DEFAULTS[name] ?? [];
      rowNumbers[name] = [];
      continue;
    }
    const { rows, ...head } = res.value;
    raw[name] = head;
    const parsed = parseTable(res.value, columns);
    issues.push(...parsed.issues);
    snapshot[name] = parsed.rows.length === 0 && DEFAULTS[name] && rows.length === 0 ? DEFAULTS[name]! : parsed.rows;
    rowNumbers[name] = parsed.rowNumbers;
    set[name] = {
      sheet: head.sheet,
      header: (key: string) => {
        const col = SCHEMA[name].columns.find((c) => c.key === key);
        return col ? columnHeader(head, col) : key;
      },
      rows: parsed.rows as readonly RowTypes[TableName][],
      rowNumbers: parsed.rowNumbers,
      rejected: parsed.rejected,
    };
  }

  if (options.crossTable !== false) issues.push(...crossTableIssues(set as TableSet));
  const crm = snapshot as CrmSnapshot;
  const { settings, problems } = readSettings(crm.Settings);
  const settingsSheet = raw.Settings?.sheet ?? SCHEMA.Settings.sheet.en;
  for (const p of problems) {
    const idx = crm.Settings.findIndex((r) => r.Key.trim().toLowerCase() === p.key.toLowerCase());
    issues.push({
      severity: "error",
      sheet: settingsSheet,
      row: rowNumbers.Settings?.[idx] ?? null,
      column: raw.Settings ? columnHeader(raw.Settings, SCHEMA.Settings.columns[1]) : headerOf(SCHEMA.Settings.columns[1], "en-US"),
      code: "setting",
      message: p.message,
    });
  }

  const langs = Object.values(raw).map((t) => t.lang);
  const lang: Lang = langs.filter((l) => l === "zh-CN").length >= langs.filter((l) => l === "en-US").length ? "zh-CN" : "en-US";
  return ok({
    snapshot: crm,
    settings,
    issues,
    raw,
    lang,
    rowNumbers: rowNumbers as Record<TableName, readonly number[]>,
  });
}

/** An empty snapshot (every table without rows, reference tables with defaults). */
export function emptySnapshot(): CrmSnapshot {
  const s: Partial<Record<TableName, readonly unknown[]>> = {};
  for (const n of TABLE_NAMES) s[n] = DEFAULTS[n] ?? [];
  return s as CrmSnapshot;
}
