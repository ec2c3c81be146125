/**
 * The port contract against the Office.js adapter, on the fake Excel
 * (tests/fakes/fake-excel.ts). The starting workbook is seeded into the fake;
 * "persisted" is the fake's cells; "another user" edits the fake's cells
 * between our calls; two writers are two adapters on the same fake Excel.
 */
import { OfficeWorkbook } from "../../../workbook/office/office-workbook";
import { FakeExcel } from "../../fakes/fake-excel";
import { type ContractFixture, type MakeHarness } from "../harness";

/** A current Excel (ExcelApi up to 1.17). */
const modern = { isSetSupported: (name: string, version?: string) => name === "ExcelApi" && Number((version ?? "1.1").split(".")[1]) <= 17 };

function seed(fixture: ContractFixture): FakeExcel {
  const excel = new FakeExcel();
  for (const t of fixture.tables) excel.seed({ sheet: t.sheet, table: t.asExcelTable ? t.table : undefined, headers: t.headers, rows: t.rows });
  return excel;
}

export const makeOfficeHarness: MakeHarness = async (fixture) => {
  const excel = seed(fixture);
  const port = () => new OfficeWorkbook({ run: excel.run, requirements: modern });
  return {
    port: port(),
    reopen: async () => port(),
    grid: async (sheet) => excel.grid(sheet),
    rewriteSheet: async (sheet, rewrite) => excel.rewrite(sheet, rewrite),
    twoWriters: async () => [port(), port()] as const,
  };
};
