/**
 * The first run's team (addin/state/forms/team-form.ts, addin/state/team.ts):
 * a Salespeople row per filled row with exactly the contract's columns,
 * a name only once however it is capitalised, and nothing written when a
 * name was taken in the sheet meanwhile.
 */
import { describe, expect, it } from "vitest";
import { serialFromYMD } from "../../../core/contract/dates";
import { SCHEMA, headerOf } from "../../../core/contract/schema";
import { EMPTY_TEAM_ROW, validateTeam, type TeamRowForm } from "../../../addin/state/forms/team-form";
import { addSalespeople } from "../../../addin/state/team";
import { MemoryWorkbook } from "../../../workbook/memory";
import type { MessageKey } from "../../../addin/i18n/messages";

const row = (r: Partial<TeamRowForm>): TeamRowForm => ({ ...EMPTY_TEAM_ROW, ...r });
const wang = row({ name: " 王芳 ", hireDate: "2025-03-01", email: "wang.fang@example.com" });
const tom = row({ name: "Tom Baker", hireDate: "2026-09-01", manager: "王芳" });
const keys = (errors: readonly Partial<Record<string, { key: MessageKey }>>[]): Record<string, MessageKey>[] =>
  errors.map((e) => Object.fromEntries(Object.entries(e).map(([f, m]) => [f, m?.key as MessageKey])));

describe("team form: one Salespeople row per salesperson", () => {
  it("gives rows with Name, HireDate, Email and Manager, the other columns blank (their defaults)", () => {
    const v = validateTeam([wang, tom, EMPTY_TEAM_ROW], new Set());
    expect(v).toEqual({
      ok: true,
      rows: [
        { Name: "王芳", HireDate: serialFromYMD(2025, 3, 1), Manager: null, BaseSalaryCNY: null, Active: null, Email: "wang.fang@example.com" },
        { Name: "Tom Baker", HireDate: serialFromYMD(2026, 9, 1), Manager: "王芳", BaseSalaryCNY: null, Active: null, Email: null },
      ],
    });
  });

  it.each<[string, TeamRowForm[], Set<string>, Record<string, MessageKey>[]]>([
    ["nobody at all", [EMPTY_TEAM_ROW], new Set(), [{ name: "required" }]],
    ["only blank rows", [EMPTY_TEAM_ROW, EMPTY_TEAM_ROW], new Set(), [{ name: "required" }, {}]],
    ["a name without a hire date", [row({ name: "李娜" })], new Set(), [{ hireDate: "required" }]],
    ["an impossible hire date", [row({ name: "李娜", hireDate: "2026-02-30" })], new Set(), [{ hireDate: "invalidDate" }]],
    ["a hire date without a name", [row({ hireDate: "2026-01-05" })], new Set(), [{ name: "required" }]],
    ["a bad email", [row({ name: "李娜", hireDate: "2026-01-05", email: "lina@" })], new Set(), [{ email: "invalidEmail" }]],
    ["the same name twice, in other capitals", [tom, row({ name: " tom baker", hireDate: "2026-10-01" })], new Set(), [{}, { name: "duplicateName" }]],
    ["a name already in the sheet", [wang], new Set(["王芳"]), [{ name: "duplicateName" }]],
  ])("refuses %s, with a message beside the field", (_case, rows, taken, expected) => {
    const v = validateTeam(rows, taken);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(keys(v.errors)).toEqual(expected);
  });
});

describe("adding the team to the workbook", () => {
  const headers = SCHEMA.Salespeople.columns.map((c) => headerOf(c, "zh-CN"));

  it("appends every row in one go, in the sheet's language", async () => {
    const port = MemoryWorkbook.fromTables([{ table: "Salespeople", headers, rows: [] }]);
    const v = validateTeam([wang, tom], new Set());
    if (!v.ok) throw new Error("invalid");
    const res = await addSalespeople(port, v.rows);
    expect(res).toEqual({ ok: true, value: { count: 2, sheet: "业务员" } });
    const read = await port.readTable("Salespeople");
    expect(read.ok && read.value.rows.map((r) => [r.cells.Name, r.cells.HireDate, r.cells.Manager, r.cells.Email])).toEqual([
      ["王芳", serialFromYMD(2025, 3, 1), null, "wang.fang@example.com"],
      ["Tom Baker", serialFromYMD(2026, 9, 1), "王芳", null],
    ]);
  });

  it("writes nothing when someone typed one of the names into the sheet meanwhile", async () => {
    const port = MemoryWorkbook.fromTables([{ table: "Salespeople", headers, rows: [["TOM BAKER", serialFromYMD(2024, 1, 2), null, null, null, null]] }]);
    const v = validateTeam([wang, tom], new Set());
    if (!v.ok) throw new Error("invalid");
    const res = await addSalespeople(port, v.rows);
    expect(res.ok ? [] : res.error.map((i) => [i.sheet, i.column, i.code])).toEqual([["业务员", "姓名", "duplicate"]]);
    const read = await port.readTable("Salespeople");
    expect(read.ok && read.value.rows.map((r) => r.cells.Name)).toEqual(["TOM BAKER"]);
  });
});
