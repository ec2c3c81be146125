/**
 * Texts keep their exact characters through a save.
 *
 * XML readers turn a raw carriage return into a line feed, so a cell text
 * "\r=1+1" would come back as "\n=1+1", and exceljs silently drops other
 * control characters XML cannot hold. OOXML spells such characters
 * `_x000D_` (and a literal "_x000D_" typed by a user as `_x005F_x000D_`);
 * Excel and exceljs decode both on read, but exceljs does not encode on
 * write. We encode just around the save and restore the cells afterwards, so
 * the workbook in memory always holds the plain text.
 */
import type ExcelJS from "exceljs";

/** Control characters XML cannot carry as they are (tab and line feed can): matching them is the point. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0B\x0C\x0D\x0E-\x1F\x7F\uFFFE\uFFFF]/g;
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\x00-\x08\x0B\x0C\x0D\x0E-\x1F\x7F\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;

/** The OOXML escaped form of a cell text. */
export function escapeXmlText(text: string): string {
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(CONTROL, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

/** Runs `save` with every affected string cell escaped, then puts the plain texts back. */
export async function withEscapedTexts<T>(wb: ExcelJS.Workbook, save: () => Promise<T>): Promise<T> {
  const restore: { cell: ExcelJS.Cell; value: ExcelJS.CellValue }[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (typeof v === "string" && NEEDS_ESCAPE.test(v)) {
          restore.push({ cell, value: v });
          cell.value = escapeXmlText(v);
        } else if (v && typeof v === "object" && "richText" in v && v.richText.some((p) => NEEDS_ESCAPE.test(p.text))) {
          restore.push({ cell, value: v });
          cell.value = { richText: v.richText.map((p) => ({ ...p, text: escapeXmlText(p.text) })) };
        }
      });
    });
  }
  try {
    return await save();
  } finally {
    for (const { cell, value } of restore) cell.value = value;
  }
}
