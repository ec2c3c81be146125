import { describe, expect, it } from "vitest";
import { toCells } from "../../../core/contract/cells";
import { indexSnapshot, type CrmIndex } from "../../../core/index/indexes";
import { KeyDomains, numberedColumn } from "../../../core/index/key-numbers";
import type { CrmSnapshot } from "../../../core/contract/model";
import type { RawTable } from "../../../core/contract/raw";
import { parseTable } from "../../../core/contract/rows";
import { SCHEMA, headerOf, type TableName } from "../../../core/contract/schema";
import { Slots } from "../../../core/index/slots";
import { SharedKeys } from "../../../core/index/shared-keys";
import { MemoryWorkbook } from "../../../workbook/memory";
import { readSnapshot } from "../../../workbook/snapshot";
import { value } from "../../support/result";
import { cid, customer, followUp, oid, order, payment, sample, snapshot } from "../../support/crm";

/** A sheet made from typed rows, as an adapter hands it to parseTable; a null cell is left out (blank). */
function sheet(table: TableName, rows: readonly object[]): RawTable {
  return {
    table,
    sheet: table,
    lang: "en-US",
    headers: {},
    missingColumns: [],
    rows: rows.map((row, i) => ({ rowNumber: i + 2, cells: Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null)) })),
  };
}

/** Rows as a read makes them: parsed with one numbering for all the tables. */
function read(tables: Partial<Record<TableName, readonly object[]>>, domains = new KeyDomains()): CrmSnapshot {
  const parsed: Partial<Record<TableName, readonly unknown[]>> = {};
  for (const [name, rows] of Object.entries(tables) as [TableName, readonly object[]][]) parsed[name] = parseTable(sheet(name, rows), domains).rows;
  return snapshot(parsed as Partial<CrmSnapshot>);
}

/** The same rows in arrays of their own: no numbers, every key looked up by text. */
function copied(s: CrmSnapshot): CrmSnapshot {
  return snapshot(Object.fromEntries(Object.entries(s).map(([name, rows]) => [name, [...(rows as readonly unknown[])]])) as Partial<CrmSnapshot>);
}

/** Everything the index decided, in plain values. */
function decided(index: CrmIndex): unknown {
  const plain = (g: { start: Int32Array; at: Int32Array; date: Float64Array }) => ({ start: [...g.start], at: [...g.at], date: [...g.date] });
  return {
    customerSlots: ["C1", "C2", "C3", "GHOST", "NEW", "C9", "C-NONE"].map((id) => index.customerSlots.get(cid(id))),
    orderSlots: ["O1", "O2", "O-NONE", "O-NEVER"].map((id) => index.orderSlots.get(oid(id))),
    slotCounts: [index.customerSlots.size, index.orderSlots.size],
    customerKeys: [...index.customersById.keys()],
    customerRowSlot: [...index.customerRowSlot],
    firstCustomerRow: [...index.firstCustomerRow],
    followUps: plain(index.followUps),
    samples: plain(index.samples),
    orders: plain(index.orders),
    orderRowSlot: [...index.orderRowSlot],
    orderCustomerSlot: [...index.orderCustomerSlot],
    paymentRowSlot: [...index.paymentRowSlot],
    firstOrderRow: [...index.firstOrderRow],
    payments: plain(index.payments),
  };
}

const TABLES = {
  Customers: [customer("C1"), customer("C2"), customer("C1", { Company: "same ID again" }), customer("C3")],
  FollowUps: [followUp("C2", 46001), followUp("GHOST", 46002), followUp("C1", 46003), followUp("C2", 46000), followUp("GHOST", 46004)],
  Samples: [sample("C3", 46003), sample("NEW", null)],
  Orders: [order("O2", "C1", { OrderDate: 46005 }), order("O1", "C9"), order("O2", "C2")],
  Payments: [payment("O1", 46020, 1), payment("O-NONE", 46010, 2), payment("O2", 46011, 3)],
} as const;

describe("a read numbers its key cells, one numbering per key domain", () => {
  const domains = new KeyDomains();
  const s = read(TABLES, domains);
  const customers = domains.of("Customers.CustomerID");

  it.each<[string, () => unknown, unknown]>([
    ["the customers' IDs first met first", () => customers.texts, ["C1", "C2", "C3", "GHOST", "NEW", "C9"]],
    ["a duplicated ID has one number", () => [...(numberedColumn(s.Customers, "CustomerID")?.numbers ?? [])], [0, 1, 0, 2]],
    ["follow-ups share the customers' numbers", () => [...(numberedColumn(s.FollowUps, "CustomerID")?.numbers ?? [])], [1, 3, 0, 1, 3]],
    ["orders' IDs are a domain of their own", () => domains.of("Orders.OrderID").texts, ["O2", "O1", "O-NONE"]],
    ["payments number their orders in it", () => [...(numberedColumn(s.Payments, "OrderID")?.numbers ?? [])], [1, 2, 0]],
    ["each number's text is the row's own key", () => s.FollowUps.map((f, i) => customers.texts[numberedColumn(s.FollowUps, "CustomerID")?.numbers[i] ?? -1] === f.CustomerID), [true, true, true, true, true]],
    ["a column that holds no keys has no numbers", () => numberedColumn(s.FollowUps, "Summary"), undefined],
    ["another array of the same rows has none", () => numberedColumn([...s.FollowUps], "CustomerID"), undefined],
  ])("%s", (_name, actual, expected) => {
    expect(actual()).toEqual(expected);
  });

  it("rows left out for a bad required cell leave no gap in the numbers", () => {
    const rows = [followUp("C1", 46001), { ...followUp("C2", 46002), Date: "not a date" }, followUp("C3", 46003)];
    const parsed = parseTable<"FollowUps">(sheet("FollowUps", rows));
    expect(parsed.rows.map((f) => f.CustomerID)).toEqual(["C1", "C3"]);
    const numbered = numberedColumn(parsed.rows, "CustomerID");
    expect(numbered && [...numbered.numbers].map((n) => numbered.keys.texts[n])).toEqual(["C1", "C3"]);
  });

  it("an array whose length changed since the read is not trusted", () => {
    const rows = parseTable<"FollowUps">(sheet("FollowUps", [followUp("C1", 46001)])).rows;
    rows.push(followUp("C2", 46002));
    expect(numberedColumn(rows, "CustomerID")).toBeUndefined();
  });
});

describe("readSnapshot numbers every table's keys in one numbering per domain", () => {
  const table = (name: TableName, rows: readonly object[]) => {
    const columns = SCHEMA[name].columns;
    return {
      table: name,
      sheet: name,
      headers: columns.map((c) => headerOf(c, "en-US")),
      rows: rows.map((row) => {
        const cells = toCells(name, row as never, "en-US");
        return columns.map((c) => cells[c.key] ?? null);
      }),
    };
  };
  const tables = Object.entries(TABLES).map(([name, rows]) => table(name as TableName, rows));

  it.each<[TableName, string, string]>([
    ["Customers", "CustomerID", "Customers.CustomerID"],
    ["FollowUps", "CustomerID", "Customers.CustomerID"],
    ["Samples", "CustomerID", "Customers.CustomerID"],
    ["Orders", "CustomerID", "Customers.CustomerID"],
    ["Orders", "OrderID", "Orders.OrderID"],
    ["Payments", "OrderID", "Orders.OrderID"],
  ])("%s.%s is numbered in %s", async (name, column, domain) => {
    const { snapshot } = value(await readSnapshot(MemoryWorkbook.fromTables(tables)));
    const numbered = numberedColumn(snapshot[name], column);
    const sameAs = domain === "Customers.CustomerID" ? numberedColumn(snapshot.Customers, "CustomerID") : numberedColumn(snapshot.Orders, "OrderID");
    expect(numbered?.keys).toBe(sameAs?.keys);
    expect(numbered && [...numbered.numbers].map((n) => numbered.keys.texts[n])).toEqual(snapshot[name].map((r) => (r as unknown as Record<string, string>)[column]));
  });
});

/*
 * The index finds each row's slot by its number when the rows came from a
 * read, by its text otherwise; the two must decide everything alike, and
 * so must any mix of them (the task pane replaces one table's rows after
 * logging a contact and keeps the others as read).
 */
describe("indexSnapshot decides the same by numbers as by texts", () => {
  const s = read(TABLES);
  const byText = decided(indexSnapshot(copied(s)));
  it.each<[string, () => CrmSnapshot]>([
    ["every table numbered", () => s],
    ["the follow-ups replaced, the rest numbered", () => ({ ...s, FollowUps: [...s.FollowUps] })],
    ["the customers replaced, the rest numbered", () => ({ ...s, Customers: [...s.Customers] })],
    ["the orders from another read (another numbering)", () => ({ ...s, Orders: read({ Orders: TABLES.Orders }).Orders })],
    ["the payments from another read", () => ({ ...s, Payments: read({ Payments: TABLES.Payments }).Payments })],
  ])("%s", (_name, snap) => {
    expect(decided(indexSnapshot(snap()))).toEqual(byText);
  });

  it("looks IDs up by text afterwards as before", () => {
    const index = indexSnapshot(s);
    expect([index.customersById.get(cid("C1"))?.Company, index.customersById.has(cid("GHOST")), index.ordersById.get(oid("O2"))?.CustomerID]).toEqual([
      TABLES.Customers[0].Company,
      false,
      "C1",
    ]);
    expect(index.customerSlots.get(cid("NEW"))).toBe(4);
  });
});

describe("Slots by number and by text give one slot per key", () => {
  const keys = new SharedKeys();
  const column = (texts: readonly string[]) => ({ keys, numbers: Int32Array.from(texts, (t) => keys.numberOf(t)) });
  it.each<[string, (slots: Slots<string>) => unknown, unknown]>([
    [
      "numbers first, then texts",
      (slots) => {
        const out = new Int32Array(3);
        slots.slotsOfNumbers(column(["a", "b", "a"]), out, () => "?");
        return [[...out], slots.slotOf("b"), slots.slotOf("c"), slots.get("a")];
      },
      [[0, 1, 0], 1, 2, 0],
    ],
    [
      "texts first, then numbers find the same slots",
      (slots) => {
        slots.slotOf("x");
        slots.slotOf("a");
        const out = new Int32Array(3);
        slots.slotsOfNumbers(column(["a", "x", "new"]), out, () => "?");
        return [[...out], slots.keys];
      },
      [[1, 0, 2], ["x", "a", "new"]],
    ],
    [
      "get asks the numbering, for keys with a slot, without one, and never met",
      (slots) => {
        keys.numberOf("numbered elsewhere");
        const out = new Int32Array(2);
        slots.slotsOfNumbers(column(["a", "b"]), out, () => "?");
        const before = ["b", "numbered elsewhere", "never met"].map((k) => slots.get(k));
        slots.slotOf("by text");
        return [before, ["b", "numbered elsewhere", "by text"].map((k) => slots.get(k))];
      },
      [
        [1, undefined, undefined],
        [1, undefined, 2],
      ],
    ],
    [
      "get keeps its answers once enough lookups build the dictionary",
      (slots) => {
        const out = new Int32Array(3);
        slots.slotsOfNumbers(column(["p", "q", "r"]), out, () => "?");
        const asked = Array.from({ length: 20 }, (_, i) => slots.get(["p", "q", "r", "none"][i % 4]));
        return [asked.slice(0, 4), asked.slice(16), slots.slotOf("s")];
      },
      [[0, 1, 2, undefined], [0, 1, 2, undefined], 3],
    ],
    [
      "a blank cell takes the slot of the row's own value",
      (slots) => {
        const out = new Int32Array(2);
        slots.slotsOfNumbers({ keys, numbers: Int32Array.from([keys.numberOf("a"), -1]) }, out, (row) => (row === 1 ? "blank" : "?"));
        return [[...out], slots.keys];
      },
      [[0, 1], ["a", "blank"]],
    ],
  ])("%s", (_name, run, expected) => {
    expect(run(new Slots<string>())).toEqual(expected);
  });
});
