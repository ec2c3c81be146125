/**
 * CSV text ⇄ rows (RFC 4180: quoted fields, doubled quotes, CR/LF/CRLF, line
 * breaks inside quotes), and a CSV's rows → a RawTable of the contract by its
 * header row (en-US or zh-CN column names). Decoding bytes (UTF-8, GB18030)
 * happens at the edge (workbook/node/csv-decode.ts); this module sees text.
 */
import type { Issue } from "./issues";
import type { CellValue, RawRow, RawTable } from "./raw";
import { SCHEMA, type Lang, type TableName } from "./schema";
import { matchHeader } from "./spellings";

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * Splits CSV text into rows of fields; the delimiter is guessed from the header (`,` `;` or tab).
 * A field is cut out of the text in one piece (a slice), never grown a character at a time:
 * at 200,000 rows the character-wise version built millions of throwaway strings.
 */
export function parseCsv(text: string, delimiter?: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = src.slice(0, src.search(/\r|\n|$/));
  const delim = delimiter ?? ([",", "\t", ";"].map((d) => [d, firstLine.split(d).length] as const).sort((a, b) => b[1] - a[1])[0][0]);
  const delimCode = delim.length === 1 ? delim.charCodeAt(0) : -1;
  const n = src.length;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  const endField = (): void => {
    row.push(field);
    field = "";
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < n) {
    const ch = src.charCodeAt(i);
    if (ch === QUOTE && field === "") {
      // A quoted stretch: up to the quote that is not doubled (or the end of the text).
      i++;
      for (;;) {
        const q = src.indexOf('"', i);
        if (q < 0) {
          field += src.slice(i);
          i = n;
          break;
        }
        field += src.slice(i, q);
        if (src.charCodeAt(q + 1) === QUOTE) {
          field += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
    } else if (ch === delimCode) {
      endField();
      i++;
    } else if (ch === CR) {
      endRow();
      i += src.charCodeAt(i + 1) === LF ? 2 : 1;
    } else if (ch === LF) {
      endRow();
      i++;
    } else {
      // Unquoted text up to the next delimiter or line end (a quote inside it is a character like any other).
      let j = i + 1;
      while (j < n) {
        const c = src.charCodeAt(j);
        if (c === delimCode || c === CR || c === LF) break;
        j++;
      }
      field += src.slice(i, j);
      i = j;
    }
  }
  if (field !== "" || row.length > 0) endRow();
  return rows;
}

/** Quotes a field when it needs it. */
export function csvField(v: string): string {
  return /[",\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}

export interface CsvTable {
  readonly raw: RawTable;
  /** CSV headers that name no contract column (not imported). */
  readonly unknownHeaders: readonly string[];
  /** The CSV's header row, as written. */
  readonly headerRow: readonly string[];
  /** Every data row's fields as written, index-aligned with raw.rows. */
  readonly lines: readonly (readonly string[])[];
  /** Rows with more or fewer fields than the header: a field would be dropped or land in the wrong column. */
  readonly issues: readonly Issue[];
}

/**
 * Maps a CSV to a table by its header row. Row numbers are CSV line numbers
 * of records (header = 1), which is what a user sees in Excel when opening
 * the CSV. Fields stay text; core/contract/rows.ts types them.
 */
export function csvToRawTable(table: TableName, sheet: string, rows: readonly (readonly string[])[]): CsvTable {
  const [header = [], ...body] = rows;
  const headers: Record<string, string> = {};
  const positions: { key: string; index: number }[] = [];
  const unknownHeaders: string[] = [];
  let zh = 0;
  header.forEach((h, index) => {
    const col = matchHeader(table, h);
    if (!col || headers[col.key] !== undefined) {
      if (h.trim()) unknownHeaders.push(h);
      return;
    }
    headers[col.key] = h.trim();
    positions.push({ key: col.key, index });
    if (h.trim() === col.zh) zh++;
  });
  const lang: Lang = zh > positions.length / 2 ? "zh-CN" : "en-US";
  const missingColumns = SCHEMA[table].columns.map((c) => c.key).filter((k) => headers[k] === undefined);
  const lines: (readonly string[])[] = [];
  const rawRows: RawRow[] = [];
  const issues: Issue[] = [];
  body.forEach((fields, i) => {
    if (fields.every((f) => f.trim() === "")) return;
    if (fields.length !== header.length) {
      const [more, zh] = fields.length > header.length ? ["more", "多于"] : ["fewer", "少于"];
      issues.push({
        severity: "error",
        sheet,
        row: i + 2,
        column: null,
        code: "field-count",
        message: {
          zh: `有 ${fields.length} 个字段，${zh}标题行的 ${header.length} 个（分隔符或引号有误？），此行未导入`,
          en: `has ${fields.length} fields, ${more} than the header's ${header.length} (a stray delimiter or quote?); the row is not imported`,
        },
      });
    }
    const cells: Record<string, CellValue> = {};
    for (const p of positions) {
      const v = fields[p.index];
      cells[p.key] = v === undefined || v.trim() === "" ? null : v;
    }
    rawRows.push({ rowNumber: i + 2, cells });
    lines.push(fields);
  });
  return { raw: { table, sheet, lang, headers, missingColumns, rows: rawRows }, unknownHeaders, headerRow: header, lines, issues };
}
