/**
 * Key texts (IDs and the references to them) as the one copy the JS engine
 * keeps of each: property names are interned (V8, JavaScriptCore and
 * SpiderMonkey alike), so every row's CustomerID of one customer, in every
 * table, becomes the same string.
 *
 * Why: the index (core/index/indexes.ts) looks up one key per row, 750,000 at the
 * benchmark's largest size. A workbook read gives each cell its own string,
 * or a slice of the XML it came from; V8 then reaches the interned copy
 * through a forwarding string left wherever the cell's string was, a cache
 * miss per lookup, and more of them the larger the workbook. Interned at
 * read (the Customers sheet first, so the customers' IDs lie together), the
 * lookups read only the keys themselves. docs/performance.md has the
 * figures.
 */

/**
 * The interned copy of `text`. Through a dictionary-mode object: a fresh
 * object literal per key (`{ [text]: 0 }`) would add a hidden class per
 * distinct key to the engine's transition tree of `{}`, which slowed every
 * object built afterwards (the index took twice as long).
 */
export function sharedKey(text: string): string {
  POOL[text] = 0;
  let shared = text;
  for (const key in POOL) shared = key;
  delete POOL[text];
  return shared;
}
const POOL: Record<string, number> = Object.create(null) as Record<string, number>;

/**
 * sharedKey with a memory, that also numbers the texts: the first text met
 * is number 0, the next new one 1, and so on. A read numbers each key column
 * with one SharedKeys per key domain (core/index/key-numbers.ts), so the index can
 * find a row's customer by its number instead of hashing its text.
 */
export class SharedKeys {
  private readonly numbers = new Map<string, number>();
  /** The shared texts, by number. */
  readonly texts: string[] = [];

  numberOf(text: string): number {
    let n = this.numbers.get(text);
    if (n === undefined) {
      n = this.texts.length;
      this.texts.push(sharedKey(text));
      this.numbers.set(text, n);
    }
    return n;
  }

  /** The number of a text already met; undefined for a new one (which this does not number). */
  find(text: string): number | undefined {
    return this.numbers.get(text);
  }
}
