/** Any text written to a text column comes back character for character after a save and a reopen. */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeXmlText } from "../../../../workbook/xlsx/exceljs/escaped-texts";
import { XlsxWorkbook } from "../../../../workbook/xlsx/exceljs/xlsx-workbook";
import { value as must } from "../../../support/result";

async function emptyNotes(): Promise<XlsxWorkbook> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("WeeklyNotes").addTable({ name: "WeeklyNotes", ref: "A1", columns: [{ name: "Salesperson" }, { name: "Week" }, { name: "Review" }], rows: [["王芳", "2026-W48", "ok"]] });
  return must(await XlsxWorkbook.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer())));
}

describe("texts are escaped the way OOXML spells what XML cannot hold", () => {
  it.each([
    ["a carriage return", "a\rb", "a_x000D_b"],
    ["a control character", "a\u0001b", "a_x0001_b"],
    ["a literal escape sequence typed by a user", "_x000D_", "_x005F_x000D_"],
    ["tab and line feed stay", "a\tb\nc", "a\tb\nc"],
    ["plain text stays", "报价 =1+1", "报价 =1+1"],
  ])("%s", (_rule, text, escaped) => {
    expect(escapeXmlText(text)).toBe(escaped);
  });
});

describe("any non-blank text survives append → save → reopen", () => {
  const special = fc.constantFrom("=", "+", "-", "@", "\r", "\n", "\t", "\u0000", "\u0001", "\u001F", "\u007F", "_x000D_", "_x0041_", "\uFF1D", "\u3000", " ", "'", '"', "&", "<", ">", "中", "😀");
  const text = fc.array(fc.oneof(special, fc.string({ unit: "binary", maxLength: 4 })), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(""));
  it("holds for random texts", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(text.filter((s) => s.trim() !== ""), { minLength: 1, maxLength: 10 }), async (texts) => {
        const x = await emptyNotes();
        must(await x.appendRows("WeeklyNotes", texts.map((t, i) => ({ Salesperson: "王芳", Week: `2026-W${String(i + 1).padStart(2, "0")}`, Review: t }))));
        const again = must(await XlsxWorkbook.fromBuffer(await x.toBuffer()));
        const rows = must(await again.readTable("WeeklyNotes", ["Review"])).rows.slice(1);
        expect(rows.map((r) => r.cells.Review)).toEqual(texts);
        // The workbook in memory still holds the plain texts after the save.
        expect(must(await x.readTable("WeeklyNotes", ["Review"])).rows.slice(1).map((r) => r.cells.Review)).toEqual(texts);
      }),
      { numRuns: 60, seed: 20261127 },
    );
  });
});
