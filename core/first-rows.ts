/**
 * "The first row of each ID" of a table, as a read-only map over the index's
 * slots (core/indexes.ts) instead of a Map built per index: the index already
 * knows each ID's slot and each slot's first row, and a second Map of 50,000
 * string keys cost as much to build as the slots themselves.
 *
 * Iterates in the order of the IDs' first rows in the table, as a Map filled
 * in sheet order would.
 */
import type { SlotLookup } from "./indexes";

export class FirstRows<K extends string, V> implements ReadonlyMap<K, V> {
  readonly size: number;

  constructor(
    private readonly slots: SlotLookup<K>,
    /** Per slot, the position of its first row in `rows`; -1 when the table has none. */
    private readonly firstRow: Int32Array,
    private readonly rows: readonly V[],
    private readonly keyOf: (row: V) => K,
  ) {
    let size = 0;
    for (let s = 0; s < firstRow.length; s++) if (firstRow[s] >= 0) size++;
    this.size = size;
  }

  get(id: K): V | undefined {
    const slot = this.slots.get(id);
    if (slot === undefined) return undefined;
    const row = this.firstRow[slot];
    return row < 0 ? undefined : this.rows[row];
  }

  has(id: K): boolean {
    return this.get(id) !== undefined;
  }

  *values(): MapIterator<V> {
    const { firstRow, rows } = this;
    for (let s = 0; s < firstRow.length; s++) if (firstRow[s] >= 0) yield rows[firstRow[s]];
  }

  *keys(): MapIterator<K> {
    for (const row of this.values()) yield this.keyOf(row);
  }

  *entries(): MapIterator<[K, V]> {
    for (const row of this.values()) yield [this.keyOf(row), row];
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const row of this.values()) callback.call(thisArg, row, this.keyOf(row), this);
  }
}
