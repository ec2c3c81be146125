/** Workbooks, CSVs and counts for the reliability suite. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { serialFromYMD } from "../../../core/contract/dates";
import type { TableName } from "../../../core/contract/schema";
import { buildWorkbook } from "../../../templates/builder";
import { generateSample } from "../../../templates/sample";
import { openXlsxTables } from "../../../workbook/node/stream-reader";

/** A fresh folder under the system's temporary one. */
export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `tb-rel-${label}-`));
}

export const AS_OF = serialFromYMD(2026, 11, 27);

/** A small en-US sample workbook's bytes (seed 3, 5 % of the demo's size). */
export async function sampleBytes(scale = 0.05): Promise<Uint8Array> {
  const data = generateSample({ seed: 3, scale, asOf: AS_OF, lang: "en-US" });
  return new Uint8Array(await buildWorkbook("en-US", data).xlsx.writeBuffer());
}

/** A salesperson of the sample workbooks. */
export function sampleOwner(): string {
  return generateSample({ seed: 3, scale: 0.05, asOf: AS_OF, lang: "en-US" }).Salespeople[0].Name;
}

/** A Customers CSV of new customers with these IDs. */
export function customersCsv(ids: readonly string[], owner: string): string {
  const lines = ids.map((id, i) => `${id},Reliable Co ${id},US,${owner},2026-11-20,Website,r${i}@${id.toLowerCase()}.example.com`);
  return `CustomerID,Company,Country,Owner,CreatedOn,Source,Email\n${lines.join("\n")}\n`;
}

export function writeCsv(dir: string, name: string, text: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The IDs in a table of the workbook at `path`, read as every command reads (streamed). */
export async function idsIn(path: string, table: TableName = "Customers"): Promise<string[]> {
  const opened = await openXlsxTables(await readFile(path), path);
  if (!opened.ok) throw new Error(`unreadable: ${opened.error[0].message.en}`);
  const read = await opened.value.readTable(table);
  if (!read.ok) throw new Error(`no ${table}: ${read.error[0].message.en}`);
  const idColumn = table === "Customers" ? "CustomerID" : "FollowUpID";
  return read.value.rows.map((r) => String(r.cells[idColumn]));
}

/** The sheet names of the workbook at `path`, in order. */
export async function sheetNames(path: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const xml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  return [...xml.matchAll(/<sheet\b[^>]*\sname="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'"));
}
