/**
 * Report sheets written into an .xlsx package without loading the workbook.
 *
 * XlsxWorkbook.writeReportSheet + save re-serialises every cell of the
 * workbook through exceljs: gigabytes for a big CRM (out of memory at 692k
 * rows), and charts, pivot tables and whatever else exceljs cannot model are
 * lost. Here each report is rendered as SpreadsheetML text (report-xml.ts,
 * the same sheet exceljs/report-writer.ts renders, without loading exceljs),
 * and its sheet is moved into the target package: styles appended to styles.xml, texts inlined,
 * the sheet listed in workbook.xml with its print titles. Every other part
 * keeps its bytes (JSZip reuses an unchanged entry's compressed data), so the
 * cost follows the report's size, not the workbook's. Browser-safe.
 *
 * Same rules as XlsxWorkbook.writeReportSheet: the name is made safe; a data
 * sheet (named like a contract table, or holding an Excel table that is) is
 * never replaced and nothing is written; a report sheet of the same name is
 * replaced where it stands; a new one goes last.
 */
import JSZip from "jszip";
import { err, ok, type Issue, type Result } from "../../../core/contract/issues";
import { safeSheetName, type ReportSheet } from "../../../core/report/sheet";
import { matchTable } from "../../../core/contract/spellings";
import { issueAt } from "../../locate";
import { unreadableIssue } from "../file-issues";
import { REL, CONTENT_TYPES, WORKSHEET_TYPE, addRelationship, dropOverrides, dropRelationships, entry, freePart, reachableParts, readText, relsOf, relsPathOf, setOverride, workbookPart } from "../ooxml/parts";
import { mergeStyles } from "./styles";
import { sharedStrings, transplantSheet } from "./report-sheet-xml";
import { listSheets, placeSheet, type ListedSheet } from "./workbook-xml";
import { renderReportXml, type RenderedReport } from "./report-xml";
import { plainBytes } from "../stream/bytes";

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export type { RenderedReport } from "./report-xml";

/**
 * The parts of a one-sheet package exceljs wrote. Refuses a sheet with
 * relationships of its own (drawings, hyperlinks, comments): their parts
 * would have to move too, and no report has any.
 */
export async function renderedParts(bytes: Uint8Array | ArrayBuffer): Promise<RenderedReport> {
  const zip = await JSZip.loadAsync(bytes);
  const sheetPart = (await relsOf(zip, "xl/workbook.xml")).find((r) => r.type === REL.worksheet)?.part ?? "";
  const own = await relsOf(zip, sheetPart);
  if (own.length > 0) throw new Error(`the rendered report sheet links to ${own.map((r) => r.type.slice(r.type.lastIndexOf("/") + 1)).join(", ")}, which this writer does not carry`);
  const [sheetXml, stylesXml, stringsXml, workbookXml] = await Promise.all([readText(zip, sheetPart), readText(zip, "xl/styles.xml"), readText(zip, "xl/sharedStrings.xml"), readText(zip, "xl/workbook.xml")]);
  if (sheetXml === undefined || stylesXml === undefined || workbookXml === undefined) throw new Error("exceljs wrote no sheet, styles or workbook part");
  const definedNames = [...workbookXml.matchAll(/<definedName\b[^>]*?(?:\/>|>[\s\S]*?<\/definedName>)/g)].map((m) => m[0]);
  return { sheetXml, stylesXml, strings: sharedStrings(stringsXml ?? ""), definedNames };
}

/** True when the sheet part holds an Excel table named like a contract table. */
async function holdsContractTable(zip: JSZip, sheetPart: string): Promise<boolean> {
  if (sheetPart === "") return false;
  for (const r of await relsOf(zip, sheetPart)) {
    if (r.type !== REL.table || r.external) continue;
    const xml = (await readText(zip, r.part)) ?? "";
    const open = /<(?:\w+:)?table\b[^>]*>/.exec(xml)?.[0] ?? "";
    const names = [/\sname="([^"]*)"/.exec(open)?.[1], /\sdisplayName="([^"]*)"/.exec(open)?.[1]];
    if (names.some((n) => n !== undefined && matchTable(n) !== undefined)) return true;
  }
  return false;
}

const unreadable = (name: string, why: string): Issue => unreadableIssue(name, why);
const failed = (sheet: string, why: string): Issue => issueAt(sheet, null, null, "report-failed", `无法写入报表「${sheet}」（${why}）`, `cannot write the report "${sheet}" (${why})`);

/**
 * The package `bytes` with `sheets` written into it, in order (a later sheet
 * of the same name replaces an earlier one). On any issue nothing is
 * returned but the issue. `name` is the file name, for messages.
 */
export async function writeReportSheetsIntoPackage(bytes: Uint8Array, sheets: readonly ReportSheet[], name: string): Promise<Result<Uint8Array>> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(plainBytes(bytes));
  } catch (e) {
    return err([unreadable(name, message(e))]);
  }
  const wbPart = await workbookPart(zip);
  const wbRelsPart = wbPart === undefined ? "" : relsPathOf(wbPart);
  let workbookXml = wbPart === undefined ? undefined : await readText(zip, wbPart);
  let relsXml = await readText(zip, wbRelsPart);
  let typesXml = await readText(zip, CONTENT_TYPES);
  const rels = wbPart === undefined ? [] : await relsOf(zip, wbPart);
  const stylesPart = rels.find((r) => r.type === REL.styles)?.part;
  let stylesXml = stylesPart === undefined ? undefined : await readText(zip, stylesPart);
  if (wbPart === undefined || workbookXml === undefined || relsXml === undefined || typesXml === undefined) return err([unreadable(name, "no workbook part")]);
  if (stylesPart === undefined || stylesXml === undefined) return err([unreadable(name, "no styles part")]);

  const before = await reachableParts(zip);
  const added = new Set<string>();
  const sheetDir = `${wbPart.slice(0, wbPart.lastIndexOf("/") + 1)}worksheets/`;
  for (const report of sheets) {
    const sheetName = safeSheetName(report.name);
    let listed: ListedSheet[];
    try {
      listed = listSheets(workbookXml, relsXml, wbPart);
    } catch (e) {
      return err([unreadable(name, message(e))]);
    }
    const existing = listed.find((s) => s.name === sheetName);
    // A report named like a contract table would later be read as that table.
    if (matchTable(sheetName) || (existing && (matchTable(existing.name) || (await holdsContractTable(zip, existing.part))))) {
      return err([issueAt(sheetName, null, null, "data-sheet", `「${sheetName}」是数据表，报表不能覆盖它`, `"${sheetName}" is a data sheet; a report never replaces it`)]);
    }
    // Excel (and exceljs) treat sheet names without regard to case.
    if (listed.some((s) => s !== existing && s.name.toLowerCase() === sheetName.toLowerCase())) return err([failed(sheetName, `Worksheet name already exists: ${sheetName}`)]);
    try {
      const rendered = renderReportXml({ ...report, name: sheetName });
      const merged = mergeStyles(stylesXml, rendered.stylesXml);
      const part = freePart(zip, sheetDir, "sheet", "xml");
      zip.file(part, transplantSheet(rendered.sheetXml, rendered.strings, merged.maps), { createFolders: false });
      added.add(part.toLowerCase());
      stylesXml = merged.xml;
      const rel = addRelationship(relsXml, REL.worksheet, part.slice(sheetDir.length - "worksheets/".length));
      relsXml = existing ? dropRelationships(rel.xml, (id) => id === existing.relId) : rel.xml;
      typesXml = setOverride(typesXml, part, WORKSHEET_TYPE);
      workbookXml = placeSheet(workbookXml, { name: sheetName, relId: rel.id, replacing: existing, definedNames: rendered.definedNames });
    } catch (e) {
      return err([failed(sheetName, message(e))]);
    }
  }

  // Excel rebuilds the calculation chain; a stale one naming a replaced sheet's cells makes it offer a repair.
  const calcChain = rels.filter((r) => r.type === REL.calcChain).map((r) => r.id);
  relsXml = dropRelationships(relsXml, (id) => calcChain.includes(id));

  zip.file(wbPart, workbookXml, { createFolders: false });
  zip.file(wbRelsPart, relsXml, { createFolders: false });
  zip.file(stylesPart, stylesXml, { createFolders: false });
  // Parts no longer reached (a replaced sheet, its own parts, the calculation chain) go, with their content types.
  const after = await reachableParts(zip);
  const gone = new Set<string>();
  for (const p of [...before, ...added]) {
    if (after.has(p)) continue;
    for (const n of [p, relsPathOf(p)]) {
      const e = entry(zip, n);
      if (e) {
        zip.remove(e.name);
        gone.add(e.name);
      }
    }
  }
  zip.file(CONTENT_TYPES, dropOverrides(typesXml, gone), { createFolders: false });
  try {
    return ok(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } }));
  } catch (e) {
    return err([failed(sheets.map((s) => safeSheetName(s.name)).join(", "), message(e))]);
  }
}
