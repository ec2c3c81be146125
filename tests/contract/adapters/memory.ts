/** The port contract harness for the in-memory adapter: persisted state is the shared MemoryState. */
import type { CellValue } from "../../../core/contract/raw";
import { MemoryWorkbook, isFormulaCell, shownValue, type MemoryCell } from "../../../workbook/memory";
import { type ContractFixture, type MakeHarness } from "../harness";

function build(fixture: ContractFixture): MemoryWorkbook {
  return MemoryWorkbook.fromTables(
    fixture.tables.map((t) => ({ table: t.table, sheet: t.sheet, asExcelTable: t.asExcelTable, headers: t.headers, rows: t.rows.map((r) => r.map((c): MemoryCell => c)) })),
  );
}

export const makeMemoryHarness: MakeHarness = async (fixture) => {
  const port = build(fixture);
  const sheetOf = (name: string) => {
    const s = port.sheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  };
  return {
    port,
    reopen: async () => new MemoryWorkbook(port.state),
    grid: async (name) => {
      const s = sheetOf(name);
      return { values: s.grid.map((r) => r.map((c) => shownValue(c))), formulas: s.grid.map((r) => r.map((c) => isFormulaCell(c))) };
    },
    rewriteSheet: async (name, rewrite) => {
      const s = sheetOf(name);
      const next: CellValue[][] = rewrite(s.grid.map((r) => r.map((c) => shownValue(c))));
      s.grid = next.map((r) => [...r]);
    },
    twoWriters: async () => [new MemoryWorkbook(port.state), new MemoryWorkbook(port.state)] as const,
  };
};
