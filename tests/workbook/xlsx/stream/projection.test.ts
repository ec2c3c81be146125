/**
 * The streamed reader with a projection: only the asked columns' cells
 * become values, and the rows are the same rows (a row holding only cells of
 * other columns still counts as filled, so an append lands below it).
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { SCHEMA, headerOf } from "../../../../core/contract/schema";
import { openXlsxTables } from "../../../../workbook/node/stream-reader";
import { bytesOf } from "./support";
import { value } from "../../../support/result";

const HEADERS = SCHEMA.FollowUps.columns.map((c) => headerOf(c, "en-US"));

async function followUps(rows: readonly (readonly ExcelJS.CellValue[])[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("FollowUps");
  ws.getRow(1).values = [...HEADERS];
  rows.forEach((r, i) => (ws.getRow(i + 2).values = [...r]));
  return bytesOf(wb);
}

describe("a projected read of the streamed reader", () => {
  const rows = [
    ["F-1", 46300.5, "C-1", "Li", "Email", "Out", null, "price list", null, null, 4],
    // Only a summary: not blank, though no asked column holds anything.
    [null, null, null, null, null, null, null, "a note alone"],
    ["F-3", 46301.25, "C-2", "Wang", "Phone", "In", null, "call back", "quote", 46310, null],
  ];

  it("equals the full read cut to the asked columns, row for row", async () => {
    const reader = value(await openXlsxTables(await followUps(rows), "book.xlsx"));
    const full = value(await reader.readTable("FollowUps"));
    const cut = value(await reader.readTable("FollowUps", ["FollowUpID", "CustomerID"]));
    expect(cut.rows.map((r) => r.rowNumber)).toEqual([2, 3, 4]);
    expect(cut.rows).toEqual(full.rows.map((r) => ({ rowNumber: r.rowNumber, cells: { FollowUpID: r.cells.FollowUpID, CustomerID: r.cells.CustomerID } })));
    expect(cut.headers).toEqual(full.headers);
  });

  it("a view of the IDs alone keeps the rows an append must land below", async () => {
    const reader = value(await openXlsxTables(await followUps(rows), "book.xlsx"));
    const view = value(await reader.readView("FollowUps", ["FollowUpID"]));
    expect(view.view.rows.map((r) => [r.rowNumber, r.cells[0]])).toEqual([
      [2, "F-1"],
      [3, null],
      [4, "F-3"],
    ]);
    expect(view.columns).toEqual(["FollowUpID"]);
  });

  // The scan passes over unread cells without decoding them; what they hold still decides what a full read would.
  it.each([
    ["only blanks in other columns: the row is blank", ["   ", null], [2, 4]],
    ["a number alone in another column: the row counts", [null, 7], [2, 3, 4]],
  ])("%s", async (_label, [summary, attachments], numbers) => {
    const bytes = await followUps([rows[0], [null, null, null, null, null, null, null, summary, null, null, attachments], rows[2]]);
    const reader = value(await openXlsxTables(bytes, "book.xlsx"));
    expect(value(await reader.readView("FollowUps", ["FollowUpID"])).view.rows.map((r) => r.rowNumber)).toEqual(numbers);
    expect(value(await reader.readTable("FollowUps", ["FollowUpID"])).rows.map((r) => r.rowNumber)).toEqual(value(await reader.readTable("FollowUps")).rows.map((r) => r.rowNumber));
  });

  it.each([
    ["a shared string", (s: string) => s],
    ["an inline string", (s: string) => ({ richText: [{ text: s }] })],
  ])("%s past Excel's cell limit in a column not read is refused as in a full read", async (_label, make) => {
    const long = "x".repeat(32_768);
    const bytes = await followUps([rows[0], ["F-2", 46300.5, "C-1", "Li", "Email", "Out", null, make(long) as ExcelJS.CellValue]]);
    const reader = value(await openXlsxTables(bytes, "book.xlsx"));
    const cut = await reader.readTable("FollowUps", ["FollowUpID"]);
    expect(cut.ok ? [] : cut.error.map((i) => [i.code, i.row, i.column])).toEqual([["cell-too-long", 3, "H"]]);
  });
});
