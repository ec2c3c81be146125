/**
 * The one contract every WorkbookPort adapter keeps: the same cases, run
 * unchanged against the in-memory adapter, the exceljs file adapter and the
 * Office.js adapter over the fake Excel. Each adapter builds the starting
 * workbook its own way (tests/contract/adapters/).
 */
import { describe, expect, it } from "vitest";
import { newUniqueId, seededRandom } from "../../core/contract/ids";
import type { RawTable } from "../../core/contract/raw";
import type { UpdateById } from "../../workbook/port";
import { makeMemoryHarness } from "./adapters/memory";
import { makeOfficeHarness } from "./adapters/office";
import { makeXlsxHarness } from "./adapters/xlsx";
import { makeXlsxPackageHarness } from "./adapters/xlsx-package";
import { CONTRACT_FIXTURE, d, type ContractHarness, type MakeHarness } from "./harness";
import { INJECTION_PAYLOADS } from "./injection-payloads";
import { value, issues } from "../support/result";

const byId = (t: RawTable, key: string, id: string) => t.rows.find((r) => r.cells[key] === id);
const ids = (t: RawTable, key: string): Set<string> => new Set(t.rows.map((r) => String(r.cells[key])));
const today = d(2026, 11, 27);

function describePortContract(name: string, make: MakeHarness): void {
  describe(`WorkbookPort contract: ${name}`, () => {
    const fresh = (): Promise<ContractHarness> => make(CONTRACT_FIXTURE);

    describe("columns are found by header, in either language, whatever their order", () => {
      it.each([
        ["zh-CN, Excel table", "Customers" as const, "客户", "zh-CN", { CustomerID: "C-260212-M4PRT", Company: "Bremen Tools GmbH", Country: "DE", Owner: "李雷", CreatedOn: d(2026, 2, 12), Status: "公海" }, 3],
        ["en-US, plain sheet", "FollowUps" as const, "FollowUps", "en-US", { FollowUpID: "F-260506-KK4MN", Date: d(2026, 5, 6) + 0.625, CustomerID: "C-260212-M4PRT", Channel: "Phone", Direction: "In" }, 3],
      ])("%s", async (_label, table, sheet, lang, expected, rowNumber) => {
        const h = await fresh();
        const t = value(await h.port.readTable(table));
        expect(t.sheet).toBe(sheet);
        expect(t.lang).toBe(lang);
        const row = t.rows.find((r) => r.rowNumber === rowNumber);
        for (const [k, v] of Object.entries(expected)) {
          if (typeof v === "number") expect(row?.cells[k]).toBeCloseTo(v, 6);
          else expect(row?.cells[k]).toBe(v);
        }
        expect(Object.keys(row?.cells ?? {})).not.toContain("My note");
        expect(t.missingColumns).toContain(table === "Customers" ? "Email" : "Purpose");
      });

      it("reads only the columns asked for", async () => {
        const h = await fresh();
        const t = value(await h.port.readTable("Customers", ["CustomerID", "Company"]));
        expect(t.rows).toHaveLength(4);
        for (const r of t.rows) expect(Object.keys(r.cells).sort()).toEqual(["Company", "CustomerID"]);
        expect(t.headers.CustomerID).toBe("客户编号");
      });

      it.each([
        ["a column the contract lacks", "Customers" as const, ["NoSuchColumn"], "unknown-column"],
        ["a table the workbook lacks", "Payments" as const, undefined, "missing-table"],
      ])("reading %s is an issue", async (_label, table, columns, code) => {
        const h = await fresh();
        expect(issues(await h.port.readTable(table, columns)).map((i) => i.code)).toContain(code);
      });
    });

    describe("appends are all-or-nothing and keep the user's columns", () => {
      it("appends below the data, enums in the sheet's language, user columns untouched", async () => {
        const h = await fresh();
        const before = await h.grid("客户");
        const out = value(
          await h.port.appendRows("Customers", [
            { CustomerID: "C-261127-AAAAA", Company: "New One", Country: "FR", Owner: "王芳", CreatedOn: today, Status: "Pool" },
            { CustomerID: "C-261127-CCCCC", Company: "New Two", Country: "IT", Owner: "李雷", CreatedOn: "2026-11-27", Status: "Active" },
          ]),
        );
        expect(out).toEqual({ firstRow: 6, count: 2 });
        const t = value(await (await h.reopen()).readTable("Customers"));
        expect(t.rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5, 6, 7]);
        expect(byId(t, "CustomerID", "C-261127-AAAAA")?.cells).toMatchObject({ Company: "New One", Status: "公海", CreatedOn: today });
        expect(byId(t, "CustomerID", "C-261127-CCCCC")?.cells).toMatchObject({ Status: "跟进中", CreatedOn: today });
        const after = await h.grid("客户");
        // Every cell that was there (user columns and formulas included) is still there.
        for (let r = 0; r < before.values.length; r++) {
          expect(after.values[r].slice(0, 8)).toEqual(before.values[r].slice(0, 8));
          expect(after.formulas[r].slice(0, 8)).toEqual(before.formulas[r].slice(0, 8));
        }
        expect(after.values[5][1] ?? null).toBeNull(); // the user's column of a new row stays blank
      });

      it.each([
        ["a date that is not a date", { CreatedOn: "next Tuesday" }, "建档日期", "type"],
        ["an enum value not in the list", { Status: "Sleeping" }, "状态", "type"],
        ["a column the sheet lacks", { Email: "x@y.com" }, "邮箱", "missing-column"],
        ["an ID already in the table", { CustomerID: "C-260301-HJ7CW" }, "客户编号", "duplicate-id"],
      ])("a row with %s fails the whole call, naming sheet, row and column; nothing is written", async (_label, bad, column, code) => {
        const h = await fresh();
        const before = await h.grid("客户");
        const rows = [
          { CustomerID: "C-261127-GOOD1", Company: "Fine", Country: "FR", Owner: "王芳", CreatedOn: today },
          { CustomerID: "C-261127-GOOD2", Company: "Bad", Country: "FR", Owner: "王芳", CreatedOn: today, ...bad },
          { CustomerID: "C-261127-GOOD3", Company: "Fine too", Country: "FR", Owner: "王芳", CreatedOn: today },
        ];
        const found = issues(await h.port.appendRows("Customers", rows));
        expect(found).toContainEqual(expect.objectContaining({ sheet: "客户", row: 7, column, code }));
        expect(found[0].message.zh.length).toBeGreaterThan(0);
        expect(found[0].message.en.length).toBeGreaterThan(0);
        expect((await h.grid("客户")).values).toEqual(before.values);
        expect(value(await (await h.reopen()).readTable("Customers")).rows).toHaveLength(4);
      });
    });

    describe("updates find their row by ID right before writing", () => {
      it("updates the right row after another user sorted the sheet and inserted a row", async () => {
        const h = await fresh();
        const t = value(await h.port.readTable("Customers"));
        const target = byId(t, "CustomerID", "C-260212-M4PRT");
        expect(target?.rowNumber).toBe(3);
        await h.rewriteSheet("客户", (grid) => [grid[0], ["Zeta New", "刚加的", "C-261120-NNNNN", "CN", "王芳", today, null, null], ...grid.slice(1).reverse()]);
        value(await h.port.updateRows("Customers", [{ id: "C-260212-M4PRT", values: { Company: "Bremen Tools AG", Status: "Closed" } }]));
        const after = value(await (await h.reopen()).readTable("Customers"));
        const row = byId(after, "CustomerID", "C-260212-M4PRT");
        expect(row?.rowNumber).not.toBe(3);
        expect(row?.cells).toMatchObject({ Company: "Bremen Tools AG", Status: "已关闭", Country: "DE" });
        expect(byId(after, "CustomerID", "C-261120-NNNNN")?.cells.Company).toBe("Zeta New");
        expect(byId(after, "CustomerID", "C-260105-K3QXA")?.cells.Company).toBe("Acme Trading");
        const grid = await h.grid("客户");
        const sheetRow = grid.values[(row?.rowNumber ?? 0) - 1];
        expect(sheetRow[1]).toBe("展会认识"); // the user's column on that row is kept
      });

      it.each<[string, readonly UpdateById[], string]>([
        ["an unknown ID", [{ id: "C-000000-NOPE0", values: { Company: "X" } }], "unknown-id"],
        ["a bad value", [{ id: "C-260105-K3QXA", values: { Company: "Y" } }, { id: "C-260212-M4PRT", values: { CreatedOn: "soon" } }], "type"],
        ["a changed ID", [{ id: "C-260105-K3QXA", values: { CustomerID: "C-999999-CHNGE" } }], "id-immutable"],
      ])("%s is an issue and nothing is written", async (_label, updates, code) => {
        const h = await fresh();
        const before = await h.grid("客户");
        expect(issues(await h.port.updateRows("Customers", updates)).map((i) => i.code)).toContain(code);
        expect((await h.grid("客户")).values).toEqual(before.values);
      });
    });

    describe("ensureStructure adds what is missing and leaves data alone", () => {
      it("creates missing tables and appends missing columns in the sheet's language", async () => {
        const h = await fresh();
        const customersBefore = await h.grid("客户");
        const ordersBefore = await h.grid("订单");
        const report = value(await h.port.ensureStructure("en-US"));
        expect(report.createdTables).toEqual(expect.arrayContaining(["Payments", "Salespeople", "Settings", "Countries"]));
        expect(report.createdTables).not.toContain("Customers");
        expect(report.addedColumns).toContainEqual({ table: "Orders", column: "Currency" });
        const again = await h.reopen();
        const orders = value(await again.readTable("Orders"));
        expect(orders.missingColumns).toEqual([]);
        expect(orders.headers.Currency).toBe("币种");
        expect(orders.rows[0].cells).toMatchObject({ OrderID: "O-260601-QW3RT", Amount: 12500, Currency: null });
        const payments = value(await again.readTable("Payments"));
        expect(payments.lang).toBe("en-US");
        expect(payments.rows).toEqual([]);
        const ordersAfter = await h.grid("订单");
        for (let r = 0; r < ordersBefore.values.length; r++) expect(ordersAfter.values[r].slice(0, 4)).toEqual(ordersBefore.values[r].slice(0, 4));
        const customersAfter = await h.grid("客户");
        for (let r = 0; r < customersBefore.values.length; r++) expect(customersAfter.values[r].slice(0, 8)).toEqual(customersBefore.values[r].slice(0, 8));
        // Appending after ensureStructure lands in the new column.
        value(await again.appendRows("Payments", [{ PaymentID: "P-261127-AAAAA", OrderID: "O-260601-QW3RT", Date: today, Currency: "USD", Amount: 3750 }]));
        expect(value(await again.readTable("Payments")).rows[0].cells).toMatchObject({ PaymentID: "P-261127-AAAAA", Amount: 3750, Date: today });
        const second = value(await again.ensureStructure("en-US"));
        expect(second).toEqual({ createdTables: [], addedColumns: [] });
      });

      it("never writes over the user's cells right of a table: it refuses (nothing changed) or moves them aside (Excel's insert)", async () => {
        const h = await fresh();
        // The user keeps a note right of the Orders table (a column apart, so Excel does not take it into the table),
        // where the missing columns would go.
        await h.rewriteSheet("订单", (grid) => grid.map((row, i) => [...row.slice(0, 4), null, i === 1 ? "别动这里" : null]));
        const before = await h.grid("订单");
        const result = await h.port.ensureStructure("zh-CN");
        const after = await h.grid("订单");
        if (!result.ok) {
          expect(result.error).toContainEqual(expect.objectContaining({ sheet: "订单", code: "blocked" }));
          expect(after.values).toEqual(before.values);
          expect(issues(await (await h.reopen()).readTable("Payments")).map((i) => i.code)).toContain("missing-table");
        } else {
          expect(after.values[1]).toContain("别动这里");
          expect(after.values[1].filter((v) => v === "别动这里")).toHaveLength(1);
        }
        expect(after.values.map((r) => r.slice(0, 4))).toEqual(before.values.map((r) => r.slice(0, 4)));
      });
    });

    describe("a text is stored as text, never as a formula", () => {
      it(`${INJECTION_PAYLOADS.length} injection payloads survive append and update as literal text`, async () => {
        expect(INJECTION_PAYLOADS.length).toBeGreaterThanOrEqual(20);
        const h = await fresh();
        const rows = INJECTION_PAYLOADS.map((p, i) => ({ CustomerID: `C-261127-INJ${String(i).padStart(2, "0")}`, Company: p, Country: "US", Owner: "王芳", CreatedOn: today }));
        const { firstRow } = value(await h.port.appendRows("Customers", rows));
        const afterAppend = value(await (await h.reopen()).readTable("Customers", ["CustomerID", "Company"]));
        INJECTION_PAYLOADS.forEach((p, i) => expect(byId(afterAppend, "CustomerID", rows[i].CustomerID)?.cells.Company).toBe(p));
        const shifted = INJECTION_PAYLOADS.map((_, i) => INJECTION_PAYLOADS[(i + 1) % INJECTION_PAYLOADS.length]);
        value(await h.port.updateRows("Customers", rows.map((r, i) => ({ id: r.CustomerID, values: { Company: shifted[i] } }))));
        const afterUpdate = value(await (await h.reopen()).readTable("Customers", ["CustomerID", "Company"]));
        shifted.forEach((p, i) => expect(byId(afterUpdate, "CustomerID", rows[i].CustomerID)?.cells.Company).toBe(p));
        const grid = await h.grid("客户");
        for (let i = 0; i < rows.length; i++) {
          expect(grid.formulas[firstRow - 1 + i][0]).toBe(false);
          expect(grid.values[firstRow - 1 + i][0]).toBe(shifted[i]);
        }
      });
    });

    describe("two users appending at once lose nothing and never share an ID", () => {
      it("a writer whose ID went stale is refused; re-reading IDs before writing succeeds", async () => {
        const h = await fresh();
        const [alice, bob] = await h.twoWriters();
        // Both read, then both append, with the same random source (the worst case).
        const aliceIds = ids(value(await alice.readTable("Customers", ["CustomerID"])), "CustomerID");
        const bobIds = ids(value(await bob.readTable("Customers", ["CustomerID"])), "CustomerID");
        const aliceId = newUniqueId("Customers", today, seededRandom(7), aliceIds);
        const bobStaleId = newUniqueId("Customers", today, seededRandom(7), bobIds);
        expect(bobStaleId).toBe(aliceId);
        const row = (id: string, company: string) => ({ CustomerID: id, Company: company, Country: "US", Owner: "王芳", CreatedOn: today });
        value(await alice.appendRows("Customers", [row(aliceId, "Alice's")]));
        expect(issues(await bob.appendRows("Customers", [row(bobStaleId, "Bob's")])).map((i) => i.code)).toContain("duplicate-id");
        const freshIds = ids(value(await bob.readTable("Customers", ["CustomerID"])), "CustomerID");
        const bobId = newUniqueId("Customers", today, seededRandom(7), freshIds);
        expect(bobId).not.toBe(aliceId);
        value(await bob.appendRows("Customers", [row(bobId, "Bob's")]));
        const final = value(await alice.readTable("Customers", ["CustomerID", "Company"]));
        expect(final.rows).toHaveLength(6);
        expect(ids(final, "CustomerID").size).toBe(6);
        expect(byId(final, "CustomerID", aliceId)?.cells.Company).toBe("Alice's");
        expect(byId(final, "CustomerID", bobId)?.cells.Company).toBe("Bob's");
      });
    });

    describe("report sheets never replace data sheets", () => {
      it.each([
        ["a new report name", "季度考核 2026-Q3", true],
        ["a data sheet's name", "客户", false],
      ])("%s", async (_label, sheetName, allowed) => {
        const h = await fresh();
        const result = await h.port.writeReportSheet({
          name: sheetName,
          cells: [{ row: 1, col: 1, value: "报表" }],
          merges: [],
          columnWidths: [20],
          conditional: [],
          dataBars: [],
          charts: [],
          print: { orientation: "landscape", paper: "A4", fitToWidth: 1, scale: 100, header: {}, footer: {} },
        });
        expect(result.ok).toBe(allowed);
        if (!allowed) expect(issues(result).map((i) => i.code)).toContain("data-sheet");
        expect(value(await h.port.readTable("Customers")).rows).toHaveLength(4);
      });
    });
  });
}

describePortContract("memory", makeMemoryHarness);
describePortContract("xlsx", makeXlsxHarness);
describePortContract("xlsx package (streamed read, rows written into the package)", makeXlsxPackageHarness);
describePortContract("office (fake Excel)", makeOfficeHarness);
