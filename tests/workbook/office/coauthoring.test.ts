/**
 * Appends and updates while another user works in the same table: their
 * append, insert, delete or sort lands between every pair of our syncs (the
 * fake Excel's ranges keep their address as Excel's do), and neither their
 * rows nor ours are ever overwritten, dropped or written twice.
 */
import { describe, expect, it } from "vitest";
import { serialFromYMD } from "../../../core/contract/dates";
import type { CellValue } from "../../../core/contract/raw";
import { OfficeWorkbook } from "../../../workbook/office/office-workbook";
import { FakeExcel } from "../../fakes/fake-excel";
import { issues, value } from "../../support/result";

const HEADERS = ["FollowUpID", "Date", "CustomerID", "Salesperson", "Channel", "Direction", "Purpose", "Summary", "NextStep", "NextDate", "Satisfaction"];
const day = serialFromYMD(2026, 11, 27);
const row = (id: string): CellValue[] => [id, day, "C-260105-K3QXA", "王芳", "Email", "Out"];
const upTo = (minor: number) => ({ isSetSupported: (name: string, version?: string) => name === "ExcelApi" && Number((version ?? "1.1").split(".")[1]) <= minor });
const HOSTS = [
  ["Microsoft 365 (Table.resize)", upTo(17)],
  ["Excel 2019 (auto-expansion alone)", upTo(9)],
] as const;

function workbook(rows = 5): FakeExcel {
  const excel = new FakeExcel();
  excel.seed({ sheet: "FollowUps", table: "FollowUps", headers: HEADERS, rows: Array.from({ length: rows }, (_, i) => row(`F-${i}`)) });
  return excel;
}

/** The IDs in the table's body, in sheet order, and any value below it in its columns. */
function look(excel: FakeExcel): { ids: string[]; below: CellValue[] } {
  const t = excel.table("FollowUps");
  const s = excel.sheet("FollowUps");
  const ids = Array.from({ length: t.rows }, (_, i) => s.value(t.headerRow + 1 + i, t.col)).map((v) => String(v ?? ""));
  const below: CellValue[] = [];
  for (let r = t.headerRow + t.rows + 1; r < t.headerRow + t.rows + 20; r++) for (let c = 0; c < HEADERS.length; c++) if (s.value(r, c) !== null) below.push(s.value(r, c));
  return { ids, below };
}

/** What the co-author does, and the IDs the table then holds besides ours. */
const MOVES: readonly [string, (x: FakeExcel) => void, (before: string[]) => string[]][] = [
  ["appends a row", (x) => x.coauthor.append("FollowUps", row("F-CO")), (ids) => [...ids, "F-CO"]],
  ["inserts two rows at the top", (x) => x.coauthor.insert("FollowUps", 0, [row("F-CO1"), row("F-CO2")]), (ids) => ["F-CO1", "F-CO2", ...ids]],
  ["deletes the first row", (x) => x.coauthor.delete("FollowUps", 0), (ids) => ids.slice(1)],
  ["sorts the table by ID, descending", (x) => x.coauthor.sort("FollowUps", 0, true), (ids) => [...ids].sort().reverse()],
  ["inserts rows above the table", (x) => x.coauthor.insertAbove("FollowUps", 3), (ids) => ids],
];

/** How many syncs the operation takes when nobody else is working. */
async function syncsOf(operate: (port: OfficeWorkbook) => Promise<unknown>, requirements = upTo(17)): Promise<number> {
  const excel = workbook();
  await operate(new OfficeWorkbook({ run: excel.run, requirements }));
  return excel.stats.syncs;
}

const sorted = (xs: readonly string[]) => [...xs].sort();

describe("an append never overwrites or drops a co-author's rows", () => {
  describe.each(HOSTS)("on %s", (_host, requirements) => {
    const append = (port: OfficeWorkbook) => port.appendRows("FollowUps", [{ FollowUpID: "F-NEW", Date: day + 0.5, CustomerID: "C-260105-K3QXA", Salesperson: "王芳", Channel: "Email", Direction: "Out", Summary: "=ours" }]);

    it.each(MOVES.map(([label, move, expect]) => [label, move, expect] as const))("when the co-author %s between any two of our syncs", async (_label, move, expected) => {
      const syncs = await syncsOf(append, requirements);
      expect(syncs).toBeGreaterThanOrEqual(2);
      for (let between = 1; between < syncs; between++) {
        const excel = workbook();
        excel.beforeSync = (n) => void (n === between + 1 && move(excel));
        const port = new OfficeWorkbook({ run: excel.run, requirements });
        const out = value(await append(port));
        const { ids, below } = look(excel);
        const theirs = expected(Array.from({ length: 5 }, (_, i) => `F-${i}`));
        expect(sorted(ids), `between syncs ${between} and ${between + 1}`).toEqual(sorted([...theirs, "F-NEW"]));
        expect(below).toEqual([]);
        const s = excel.sheet("FollowUps");
        expect(s.value(out.firstRow - 1, 0)).toBe("F-NEW");
        expect(s.value(out.firstRow - 1, 7)).toBe("=ours");
        expect(s.formula(out.firstRow - 1, 7)).toBeUndefined();
      }
    });
  });

  it("retries when a co-author's cells appear in the rows it was about to take, and reports after three tries with nothing written", async () => {
    const excel = workbook(3);
    excel.state.autoExpandTables = false; // the co-author's typing does not join the table
    const stray = () => excel.sheet("FollowUps");
    // Before each write sync (every second sync) a co-author types below the table; before each look, they have cleared it again.
    excel.beforeSync = (n) => stray().setRaw(4, 3, n % 2 === 0 ? "someone typing" : null);
    const found = issues(await new OfficeWorkbook({ run: excel.run, requirements: upTo(17) }).appendRows("FollowUps", [{ FollowUpID: "F-NEW", Date: day, CustomerID: "C-1", Salesperson: "王芳", Channel: "Email", Direction: "Out" }]));
    expect(found.map((i) => i.code)).toEqual(["append-conflict"]);
    expect(found[0].message.en).toContain("the form keeps what you typed");
    expect(excel.stats.syncs).toBe(6);
    expect(stray().value(4, 3)).toBe("someone typing");
    expect(look(excel).ids).toEqual(["F-0", "F-1", "F-2"]);
    for (let c = 0; c < HEADERS.length; c++) if (c !== 3) expect(stray().value(4, c)).toBeNull();
  });
});

describe("an update writes the row it means, wherever it has moved", () => {
  const update = (port: OfficeWorkbook) => port.updateRows("FollowUps", [{ id: "F-3", values: { Summary: "=updated", Satisfaction: 4 } }]);

  it.each(MOVES.map(([label, move]) => [label, move] as const))("when the co-author %s between any two of our syncs", async (_label, move) => {
    const syncs = await syncsOf(update);
    for (let between = 1; between < syncs; between++) {
      const excel = workbook();
      excel.beforeSync = (n) => void (n === between + 1 && move(excel));
      value(await update(new OfficeWorkbook({ run: excel.run, requirements: upTo(17) })));
      const s = excel.sheet("FollowUps");
      const t = excel.table("FollowUps");
      for (let r = t.headerRow + 1; r <= t.headerRow + t.rows; r++) {
        const mine = s.value(r, 0) === "F-3";
        expect(s.value(r, 7), `row of ${String(s.value(r, 0))}, between syncs ${between} and ${between + 1}`).toBe(mine ? "=updated" : null);
        expect(s.value(r, 10)).toBe(mine ? 4 : null);
      }
    }
  });

  it("when the co-author deletes the very row, nothing is written anywhere and the ID is reported gone", async () => {
    const syncs = await syncsOf(update);
    for (let between = 1; between < syncs; between++) {
      const excel = workbook();
      excel.beforeSync = (n) => void (n === between + 1 && excel.coauthor.delete("FollowUps", 3));
      const found = issues(await update(new OfficeWorkbook({ run: excel.run, requirements: upTo(17) })));
      expect(found.map((i) => i.code)).toEqual(["unknown-id"]);
      const s = excel.sheet("FollowUps");
      for (let r = 1; r <= 5; r++) expect(s.value(r, 7)).toBeNull();
    }
  });
});
