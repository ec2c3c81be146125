/**
 * What an .xlsx holds that exceljs cannot carry through a save.
 *
 * exceljs keeps cells, styles, formulas, notes, merges, defined names,
 * validations, conditional formats, tables and images, but silently drops
 * charts, pivot tables, slicers, timelines, macros, external links, form
 * controls, shapes, threaded comments, sparklines and query connections.
 * Looking inside the zip before saving lets the CLI refuse to save over such
 * a file instead of quietly destroying a colleague's work. Browser-safe.
 */
import JSZip from "jszip";
import type { LocalizedText } from "../../../core/contract/schema";

export type RiskKind =
  | "chart"
  | "pivot"
  | "slicer"
  | "timeline"
  | "macro"
  | "external-link"
  | "form-control"
  | "shape"
  | "threaded-comment"
  | "sparkline"
  | "connection"
  | "embedded-object"
  | "data-model"
  | "extended-validation";

export interface RiskPart {
  readonly kind: RiskKind;
  /** The zip entry that shows it. */
  readonly path: string;
}

export interface PackageRisks {
  /** Empty when exceljs can save the file without losing anything we know of. */
  readonly parts: readonly RiskPart[];
}

const KIND_TEXT: Readonly<Record<RiskKind, LocalizedText>> = {
  chart: { zh: "图表", en: "charts" },
  pivot: { zh: "数据透视表", en: "pivot tables" },
  slicer: { zh: "切片器", en: "slicers" },
  timeline: { zh: "日程表", en: "timelines" },
  macro: { zh: "宏（VBA）", en: "macros (VBA)" },
  "external-link": { zh: "外部链接", en: "external links" },
  "form-control": { zh: "表单控件", en: "form controls" },
  shape: { zh: "形状或文本框", en: "shapes or text boxes" },
  "threaded-comment": { zh: "批注会话", en: "threaded comments" },
  sparkline: { zh: "迷你图", en: "sparklines" },
  connection: { zh: "数据连接或查询", en: "data connections or queries" },
  "embedded-object": { zh: "嵌入对象", en: "embedded objects" },
  "data-model": { zh: "数据模型", en: "a data model" },
  "extended-validation": { zh: "引用其他工作表的数据验证（旧格式）", en: "data validations in the extended (x14) format" },
};

/** Zip entry name patterns, each a kind of part exceljs drops. */
const PATH_RULES: readonly (readonly [RegExp, RiskKind])[] = [
  [/^xl\/charts\//i, "chart"],
  [/^xl\/chartsheets\//i, "chart"],
  [/^xl\/pivotTables\//i, "pivot"],
  [/^xl\/pivotCache\//i, "pivot"],
  [/^xl\/slicers\//i, "slicer"],
  [/^xl\/slicerCaches\//i, "slicer"],
  [/^xl\/timelines\//i, "timeline"],
  [/^xl\/timelineCaches\//i, "timeline"],
  [/vbaProject\.bin$/i, "macro"],
  [/^xl\/macrosheets\//i, "macro"],
  [/^xl\/dialogsheets\//i, "macro"],
  [/^xl\/externalLinks\//i, "external-link"],
  [/^xl\/ctrlProps\//i, "form-control"],
  [/^xl\/activeX\//i, "form-control"],
  [/^xl\/threadedComments\//i, "threaded-comment"],
  [/^xl\/connections\.xml$/i, "connection"],
  [/^xl\/queryTables\//i, "connection"],
  [/^customXml\/.*item\d*\.data$/i, "data-model"],
  [/^xl\/model\//i, "data-model"],
  [/^xl\/embeddings\//i, "embedded-object"],
];

/** Inside a drawing: shapes, text boxes and chart frames (pictures alone survive). */
const DRAWING_SHAPE = /<xdr:(sp|cxnSp|grpSp)\b/;
const DRAWING_CHART = /<xdr:graphicFrame\b/;
const SPARKLINES = /sparklineGroups/;
/** Data validations Excel keeps in the x14 extension (lists from other sheets in older files); exceljs drops them. */
const EXTENDED_VALIDATIONS = /<x14:dataValidations\b/;
const MACRO_CONTENT_TYPE = /macroEnabled|vbaProject/i;

export async function inspectPackage(buffer: ArrayBuffer | Uint8Array): Promise<PackageRisks> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch {
    // Not a zip: opening it fails elsewhere with its own message.
    return { parts: [] };
  }
  const parts: RiskPart[] = [];
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  for (const path of names) {
    const rule = PATH_RULES.find(([re]) => re.test(path));
    if (rule) parts.push({ kind: rule[1], path });
  }
  for (const path of names) {
    if (/^xl\/drawings\/[^/]+\.xml$/i.test(path)) {
      const xml = await zip.files[path].async("string");
      if (DRAWING_CHART.test(xml)) parts.push({ kind: "chart", path });
      if (DRAWING_SHAPE.test(xml)) parts.push({ kind: "shape", path });
    } else if (/^xl\/worksheets\/[^/]+\.xml$/i.test(path)) {
      const xml = await zip.files[path].async("string");
      if (SPARKLINES.test(xml)) parts.push({ kind: "sparkline", path });
      if (EXTENDED_VALIDATIONS.test(xml)) parts.push({ kind: "extended-validation", path });
    } else if (path === "[Content_Types].xml") {
      const xml = await zip.files[path].async("string");
      if (MACRO_CONTENT_TYPE.test(xml)) parts.push({ kind: "macro", path });
    }
  }
  return { parts };
}

/** "图表、宏（VBA）" / "charts, macros (VBA)": the kinds found, each once. */
export function describeRisks(risks: PackageRisks): LocalizedText {
  const kinds = [...new Set(risks.parts.map((p) => p.kind))];
  return { zh: kinds.map((k) => KIND_TEXT[k].zh).join("、"), en: kinds.map((k) => KIND_TEXT[k].en).join(", ") };
}
