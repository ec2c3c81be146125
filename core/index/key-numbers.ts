/**
 * Key numbers: every key cell of a read (an ID, or a reference to one)
 * numbered by its text, one numbering per key domain (the customers' IDs,
 * the orders' IDs, the salespeople's names), shared by every table that
 * names keys of that domain.
 *
 * Why: the index (core/index/indexes.ts) needs each row's customer or order as a
 * dense number. Hashing 750,000 ID texts into a dictionary of 50,000 keys
 * was four fifths of building the index at the benchmark's largest size,
 * and it grew 2.5-3.3× per doubling of the rows: every lookup reads the ID
 * string and a dictionary bucket, two trips to memory once the customers
 * outgrow the cache. The read already looks every key text up once, to
 * share it (core/index/shared-keys.ts); the number comes with that lookup for
 * free, and the index then maps numbers to slots through an Int32Array a
 * few hundred KB long instead (docs/performance.md).
 *
 * The numbers are kept beside the rows array parseTable returns, keyed by
 * that very array: a snapshot made of other arrays (rows added, filtered,
 * built by a test) has none, and the index hashes its texts as before. An
 * array whose length no longer matches its numbers is treated the same way.
 */
import { SharedKeys } from "./shared-keys";

/** The numbering of one key domain, named "Table.Column" after the column the keys belong to. */
export class KeyDomains {
  private readonly byDomain = new Map<string, SharedKeys>();

  of(domain: string): SharedKeys {
    let keys = this.byDomain.get(domain);
    if (keys === undefined) {
      keys = new SharedKeys();
      this.byDomain.set(domain, keys);
    }
    return keys;
  }
}

/** A key column's numbers, row by row (-1 for a blank cell), and the numbering they belong to. */
export interface NumberedColumn {
  readonly numbers: Int32Array;
  readonly keys: SharedKeys;
}

const NUMBERED = new WeakMap<readonly unknown[], Readonly<Record<string, NumberedColumn>>>();

/** Records the key columns' numbers of `rows` (parseTable's own, fresh array). */
export function recordKeyNumbers(rows: readonly unknown[], columns: Readonly<Record<string, NumberedColumn>>): void {
  NUMBERED.set(rows, columns);
}

/** The numbers of `rows`' key column `column`, when they were recorded for this very array and still fit it. */
export function numberedColumn(rows: readonly unknown[], column: string): NumberedColumn | undefined {
  const numbered = NUMBERED.get(rows)?.[column];
  return numbered !== undefined && numbered.numbers.length === rows.length ? numbered : undefined;
}
