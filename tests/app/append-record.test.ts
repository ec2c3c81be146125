/**
 * Appending a record (app/append-record.ts), as the pane's forms do: enums
 * spelled in the sheet's language, an ID taken meanwhile is drawn again,
 * nothing written to a workbook without the table; adding a customer
 * (app/add-customer.ts) checks for duplicates first.
 */
import { describe, expect, it } from "vitest";
import { serialFromDateTime, serialFromYMD } from "../../core/contract/dates";
import type { Customer, CustomerId, FollowUp, FollowUpId, SalespersonName } from "../../core/contract/model";
import { SCHEMA, headerOf, type Lang } from "../../core/contract/schema";
import { duplicateIndex } from "../../core/rules/duplicates";
import { MemoryWorkbook } from "../../workbook/memory";
import { appendRecord, logContact } from "../../app/append-record";
import { addCustomer } from "../../app/add-customer";

function workbookWithFollowUp(lang: Lang, existingId: string): MemoryWorkbook {
  const headers = SCHEMA.FollowUps.columns.map((c) => headerOf(c, lang));
  const row = SCHEMA.FollowUps.columns.map((c) => (c.key === "FollowUpID" ? existingId : c.key === "Date" ? 46000 : c.key === "CustomerID" ? "C-1" : c.key === "Salesperson" ? "张伟" : c.key === "Channel" ? "Email" : c.key === "Direction" ? "Out" : null));
  return MemoryWorkbook.fromTables([{ table: "FollowUps", headers, rows: [row] }]);
}

const row = (id: string): FollowUp => ({
  FollowUpID: id as FollowUpId, Date: serialFromDateTime(2026, 11, 25, 10, 0), CustomerID: "C-1" as CustomerId, Salesperson: "张伟" as SalespersonName,
  Channel: "WeChat", Direction: "In", Purpose: "ReturnVisit", Summary: "=1+1", NextStep: null, NextDate: null, Satisfaction: 5,
});

describe("appending a record", () => {
  it.each<[Lang, string, string, string]>([
    ["zh-CN", "微信", "收到", "回访"],
    ["en-US", "WeChat", "In", "ReturnVisit"],
  ])("a %s sheet gets enums in its own language", async (lang, channel, direction, purpose) => {
    const wb = workbookWithFollowUp(lang, "F-261101-AAAAAA");
    const res = await appendRecord(wb, "FollowUps", row("F-261125-BBBBBB"), serialFromYMD(2026, 11, 25));
    expect(res.ok).toBe(true);
    const table = await wb.readTable("FollowUps");
    expect(table.ok && table.value.rows.map((r) => [r.cells.FollowUpID, r.cells.Channel, r.cells.Direction, r.cells.Purpose, r.cells.Summary])).toEqual([
      ["F-261101-AAAAAA", "Email", "Out", null, null],
      ["F-261125-BBBBBB", channel, direction, purpose, "=1+1"],
    ]);
  });

  it("an ID someone else took since the snapshot is drawn again", async () => {
    const wb = workbookWithFollowUp("zh-CN", "F-261125-BBBBBB");
    const res = await appendRecord(wb, "FollowUps", row("F-261125-BBBBBB"), serialFromYMD(2026, 11, 25));
    expect(res.ok && res.value.id).toMatch(/^F-261125-[3-9A-Y]{6}$/);
    expect(res.ok && res.value.id).not.toBe("F-261125-BBBBBB");
    const table = await wb.readTable("FollowUps", ["FollowUpID"]);
    expect(table.ok && new Set(table.value.rows.map((r) => r.cells.FollowUpID)).size).toBe(2);
  });

  it("a workbook without the table writes nothing and says so", async () => {
    const wb = MemoryWorkbook.fromTables([]);
    const res = await appendRecord(wb, "FollowUps", row("F-1"), serialFromYMD(2026, 11, 25));
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error[0].code).toBe("missing-table");
  });
});


describe("logging a contact", () => {
  it("is a FollowUps row appended", async () => {
    const wb = workbookWithFollowUp("en-US", "F-261101-AAAAAA");
    const res = await logContact(wb, row("F-261125-CCCCCC"), serialFromYMD(2026, 11, 25));
    expect(res.ok && res.value.id).toBe("F-261125-CCCCCC");
    const table = await wb.readTable("FollowUps", ["FollowUpID"]);
    expect(table.ok && table.value.rows.map((r) => r.cells.FollowUpID)).toEqual(["F-261101-AAAAAA", "F-261125-CCCCCC"]);
  });
});

describe("adding a customer", () => {
  const today = serialFromYMD(2026, 11, 25);
  const customer = (id: string, company: string): Customer => ({
    CustomerID: id as CustomerId, Company: company, Country: "US" as Customer["Country"], TimeZone: null, Address: null, Website: null, Source: null, Products: null,
    Owner: "张伟" as SalespersonName, CreatedOn: today, Status: null, InquiryType: null, Size: null, CreditRating: null, CreditLimitCNY: null,
    Contact: null, Title: null, Email: null, Phone: null, IM: null, Birthday: null, Grade: null, Notes: null,
  });
  async function workbookWith(existing: Customer): Promise<MemoryWorkbook> {
    const wb = MemoryWorkbook.fromTables([{ table: "Customers", headers: SCHEMA.Customers.columns.map((c) => headerOf(c, "en-US")), rows: [] }]);
    const first = await appendRecord(wb, "Customers", existing, today);
    expect(first.ok).toBe(true);
    return wb;
  }
  const ids = async (wb: MemoryWorkbook) => {
    const t = await wb.readTable("Customers", ["CustomerID"]);
    return t.ok ? t.value.rows.map((r) => r.cells.CustomerID) : [];
  };

  it("a customer matching one in the workbook is not written: the matches come back", async () => {
    const existing = customer("C-261101-AAAAAA", "Lumen Trading LLC");
    const wb = await workbookWith(existing);
    const res = await addCustomer(wb, customer("C-261125-BBBBBB", "Lumen Trading LLC"), today, duplicateIndex([existing]));
    expect(res.ok && res.value.kind).toBe("duplicates");
    expect(res.ok && res.value.kind === "duplicates" && res.value.matches.map((m) => m.customerId)).toEqual(["C-261101-AAAAAA"]);
    expect(await ids(wb)).toEqual(["C-261101-AAAAAA"]);
  });

  it("once the user confirmed (no index), or when nothing matches, it is appended", async () => {
    const existing = customer("C-261101-AAAAAA", "Lumen Trading LLC");
    const wb = await workbookWith(existing);
    const confirmed = await addCustomer(wb, customer("C-261125-BBBBBB", "Lumen Trading LLC"), today, null);
    expect(confirmed.ok && confirmed.value.kind).toBe("added");
    const other = await addCustomer(wb, customer("C-261125-CCCCCC", "Harbor Lights GmbH"), today, duplicateIndex([existing]));
    expect(other.ok && other.value.kind).toBe("added");
    expect(await ids(wb)).toEqual(["C-261101-AAAAAA", "C-261125-BBBBBB", "C-261125-CCCCCC"]);
  });
});
