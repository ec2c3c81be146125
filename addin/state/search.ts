/**
 * Customer search for pickers: fast on 50,000 customers because each
 * customer's searchable text (ID, company, contact, email) is lowercased once
 * when the snapshot loads, and a query only scans those strings and stops
 * collecting after `limit` matches.
 */
import type { Customer } from "../../core/contract/model";

export interface CustomerSearchIndex {
  readonly customers: readonly Customer[];
  /** Lowercased "id company contact email", aligned with `customers`. */
  readonly keys: readonly string[];
}

export interface SearchResult {
  readonly customers: readonly Customer[];
  /** More customers matched than were returned. */
  readonly more: boolean;
}

const SEP = "\u0001";

export function searchKeyOf(c: Customer): string {
  return [c.CustomerID, c.Company, c.Contact ?? "", c.Email ?? ""].join(SEP).toLowerCase();
}

export function buildSearchIndex(customers: readonly Customer[]): CustomerSearchIndex {
  return { customers, keys: customers.map(searchKeyOf) };
}

/**
 * Every whitespace-separated word of the query must occur in the customer's
 * key. An exact ID match comes first, then companies starting with the query,
 * then the rest in sheet order. An empty query returns nothing (a picker
 * with 50,000 rows helps nobody).
 */
export function searchCustomers(index: CustomerSearchIndex, query: string, limit = 20): SearchResult {
  const q = query.trim().toLowerCase();
  if (!q) return { customers: [], more: false };
  const words = q.split(/\s+/);
  const exact: Customer[] = [];
  const prefix: Customer[] = [];
  const rest: Customer[] = [];
  let matched = 0;
  const { keys, customers } = index;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    let all = true;
    for (const w of words) {
      if (!key.includes(w)) {
        all = false;
        break;
      }
    }
    if (!all) continue;
    matched++;
    const c = customers[i];
    if (c.CustomerID.toLowerCase() === q) exact.push(c);
    else if (c.Company.toLowerCase().startsWith(q)) {
      if (prefix.length < limit) prefix.push(c);
    } else if (rest.length < limit) rest.push(c);
    // Enough of every kind collected: the rest can only be counted, not shown.
    if (prefix.length >= limit && matched > limit + exact.length) break;
  }
  const ordered = [...exact, ...prefix, ...rest].slice(0, limit);
  return { customers: ordered, more: matched > ordered.length };
}
