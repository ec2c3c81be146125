/**
 * Customer search in the task pane's pickers (addin/state/search.ts): by
 * company, contact, email or ID, every word must match, exact ID first, then
 * company prefixes; results are capped, and 50,000 customers stay instant.
 */
import { describe, expect, it } from "vitest";
import type { Customer, CustomerId, CountryCode, SalespersonName } from "../../../core/contract/model";
import { buildSearchIndex, searchCustomers } from "../../../addin/state/search";

function customer(id: string, company: string, contact: string | null = null, email: string | null = null): Customer {
  return {
    CustomerID: id as CustomerId, Company: company, Country: "US" as CountryCode, TimeZone: null, Address: null, Website: null, Source: null,
    Products: null, Owner: "张伟" as SalespersonName, CreatedOn: 46000, Status: null, InquiryType: null, Size: null, CreditRating: null,
    CreditLimitCNY: null, Contact: contact, Title: null, Email: email, Phone: null, IM: null, Birthday: null, Grade: null, Notes: null,
  };
}

const customers = [
  customer("C-261101-AAAAAA", "Brightway Lighting LLC", "John Smith", "john@brightway.com"),
  customer("C-261101-BBBBBB", "Apex Lighting GmbH", "Anna Müller", "anna@apex.de"),
  customer("C-261101-CCCCCC", "Lighting Apex Ltd", "李娜", "lina@apex.cn"),
  customer("C-261101-DDDDDD", "深圳光明贸易", "王芳", null),
];
const index = buildSearchIndex(customers);
const ids = (q: string, limit?: number): string[] => searchCustomers(index, q, limit).customers.map((c) => c.CustomerID);

describe("customer search finds by company, contact, email or ID", () => {
  it.each([
    ["company, any case", "brightway", ["C-261101-AAAAAA"]],
    ["contact", "müller", ["C-261101-BBBBBB"]],
    ["Chinese contact", "李娜", ["C-261101-CCCCCC"]],
    ["Chinese company", "光明", ["C-261101-DDDDDD"]],
    ["email", "lina@apex", ["C-261101-CCCCCC"]],
    ["ID", "c-261101-dddddd", ["C-261101-DDDDDD"]],
    ["every word must match", "apex lighting", ["C-261101-BBBBBB", "C-261101-CCCCCC"]],
    ["company prefix ranks first", "lighting", ["C-261101-CCCCCC", "C-261101-AAAAAA", "C-261101-BBBBBB"]],
    ["surrounding space ignored", "  apex  ", ["C-261101-BBBBBB", "C-261101-CCCCCC"]],
    ["no match", "zzz", []],
    ["empty query lists nothing", "   ", []],
  ])("%s: %j", (_name, query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  it("an exact ID comes before company matches", () => {
    const withIdLikeCompany = buildSearchIndex([customer("C-1", "C-1 Trading"), customer("C-1X", "Other")]);
    expect(searchCustomers(withIdLikeCompany, "c-1").customers.map((c) => c.CustomerID)).toEqual(["C-1", "C-1X"]);
  });

  it("caps the results and says that more matched", () => {
    const r = searchCustomers(index, "lighting", 2);
    expect(r.customers).toHaveLength(2);
    expect(r.more).toBe(true);
    expect(searchCustomers(index, "brightway", 2).more).toBe(false);
  });
});

describe("customer search stays fast on 50,000 customers", () => {
  it("indexes once and answers a query in well under a frame budget", () => {
    const many: Customer[] = [];
    for (let i = 0; i < 50_000; i++) many.push(customer(`C-2611${String(i).padStart(6, "0")}`, `Company ${i} Trading Co`, `Contact ${i}`, `buyer${i}@example${i % 97}.com`));
    const t0 = performance.now();
    const big = buildSearchIndex(many);
    const built = performance.now() - t0;
    const t1 = performance.now();
    const queries = ["company 4999", "example13", "contact 12345", "C-2611049999", "no such thing"];
    for (const q of queries) searchCustomers(big, q, 20);
    const perQuery = (performance.now() - t1) / queries.length;
    expect(searchCustomers(big, "contact 12345", 20).customers[0].Contact).toBe("Contact 12345");
    expect(searchCustomers(big, "C-2611049999", 20).customers[0].CustomerID).toBe("C-2611049999");
    // Loose bounds for a loaded CI machine; typical figures are ~100 ms and ~10 ms.
    expect(built).toBeLessThan(2_000);
    expect(perQuery).toBeLessThan(200);
  });
});
