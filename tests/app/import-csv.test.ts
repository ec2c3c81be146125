/**
 * Importing a CSV (app/import-csv.ts): checked whole against the contract
 * and the workbook before anything is written; a list without IDs gets new
 * ones (app/ids.ts); with skipInvalid the valid rows go in and the rest come
 * back with their reasons; an error of the whole file refuses it anyway.
 * New IDs themselves: tests/app/ids.test.ts.
 */
import { describe, expect, it } from "vitest";
import { csvToRawTable, parseCsv } from "../../core/contract/csv";
import { serialFromYMD } from "../../core/contract/dates";
import { applyImport, planImport } from "../../app/import-csv";
import { readSnapshot } from "../../app/open-crm";
import { buildWorkbook } from "../../templates/builder";
import { generateSample } from "../../templates/sample";
import { XlsxWorkbook } from "../../workbook/xlsx/exceljs/xlsx-workbook";

const today = serialFromYMD(2026, 11, 27);

async function sample() {
  const data = generateSample({ seed: 3, scale: 0.05, asOf: today, lang: "en-US" });
  const wb = XlsxWorkbook.fromWorkbook(buildWorkbook("en-US", data));
  const read = await readSnapshot(wb);
  if (!read.ok) throw new Error("the sample does not read");
  return { wb, read: read.value, owner: data.Salespeople[0].Name, customer: data.Customers[0].CustomerID };
}

const csvOf = (text: string) => csvToRawTable("Customers", "new.csv", parseCsv(text));

describe("planning an import", () => {
  it("a list without the ID column: every row gets a new ID, and is appended", async () => {
    const { wb, read, owner } = await sample();
    const csv = csvOf(`Company,Country,Owner,CreatedOn,Source\nAlpha Ltd,US,${owner},2026-11-20,Website\nBeta GmbH,DE,${owner},2026-11-21,Website\n`);
    const plan = planImport(read, { table: "Customers", csv, csvName: "new.csv", skipInvalid: false, today });
    if (plan.kind !== "import") throw new Error(plan.kind);
    expect(plan.rows.map((r) => r.CustomerID)).toEqual([expect.stringMatching(/^C-261127-/), expect.stringMatching(/^C-261127-/)]);
    const written = await applyImport(wb, plan);
    expect(written.ok && written.value).toBe(2);
    const after = await wb.readTable("Customers", ["Company"]);
    expect(after.ok && after.value.rows.slice(-2).map((r) => r.cells.Company)).toEqual(["Alpha Ltd", "Beta GmbH"]);
  });

  it("a row that breaks a rule refuses the whole file; with skipInvalid it is left out with its reason", async () => {
    const { read, owner, customer } = await sample();
    const csv = csvOf(`CustomerID,Company,Country,Owner,CreatedOn,Source\nC-261127-333333,Gamma Co,US,${owner},2026-11-20,Website\n${customer},Taken Co,US,${owner},2026-11-20,Website\n`);
    const strict = planImport(read, { table: "Customers", csv, csvName: "new.csv", skipInvalid: false, today });
    expect(strict.kind === "refused" && strict.errors).toBe(1);
    const lenient = planImport(read, { table: "Customers", csv, csvName: "new.csv", skipInvalid: true, today });
    if (lenient.kind !== "import") throw new Error(lenient.kind);
    expect(lenient.rows.map((r) => r.Company)).toEqual(["Gamma Co"]);
    expect(lenient.rejects.map((r) => [r.index, r.errors[0].row, r.errors[0].sheet])).toEqual([[1, 3, "new.csv"]]);
  });

  it("an error of the whole file (a required column missing) refuses it even with skipInvalid; an unknown column is a warning", async () => {
    const { read, owner } = await sample();
    const csv = csvOf(`Company,Owner,CreatedOn,Source,Hobby\nDelta Co,${owner},2026-11-20,Website,golf\n`);
    const plan = planImport(read, { table: "Customers", csv, csvName: "new.csv", skipInvalid: true, today });
    expect(plan.kind).toBe("refused");
    if (plan.kind !== "refused") return;
    expect(plan.issues.find((i) => i.code === "unknown-column")).toMatchObject({ severity: "warning", column: "Hobby", row: 1 });
    expect(plan.issues.some((i) => i.severity === "error" && i.column === "Country")).toBe(true);
  });

  it("a workbook without the table: nothing to import into", async () => {
    const { read } = await sample();
    const without = { ...read, raw: { ...read.raw, Customers: undefined } };
    expect(planImport(without, { table: "Customers", csv: csvOf("Company\nX\n"), csvName: "new.csv", skipInvalid: false, today })).toEqual({ kind: "no table" });
  });
});
