/**
 * Read-only maps over the index's slots (core/index/indexes.ts) instead of Maps
 * built per index: the index already knows each ID's slot and each slot's
 * first row, and a second Map of 50,000 string keys cost as much to build
 * as the slots themselves.
 *
 * A SlotMap has an entry for every slot with a first row, keyed by that
 * row's ID, and iterates in the order of those first rows in the table, as
 * a Map filled in sheet order would.
 */
import type { SlotLookup } from "./slots";

export abstract class SlotMap<K extends string, R, V> implements ReadonlyMap<K, V> {
  readonly size: number;

  constructor(
    protected readonly slots: SlotLookup<K>,
    /** Per slot, the position of its first row in `rows`; -1 when the table has none. */
    protected readonly firstRow: Int32Array,
    protected readonly rows: readonly R[],
    protected readonly keyOf: (row: R) => K,
  ) {
    let size = 0;
    for (let s = 0; s < firstRow.length; s++) if (firstRow[s] >= 0) size++;
    this.size = size;
  }

  /** The value of slot `slot`, whose first row is `row`. */
  protected abstract valueAt(slot: number, row: R): V;

  /** The value of the ID in slot `slot`; undefined for a slot the table has no row of. */
  ofSlot(slot: number): V | undefined {
    const row = this.firstRow[slot];
    return row < 0 ? undefined : this.valueAt(slot, this.rows[row]);
  }

  get(id: K): V | undefined {
    const slot = this.slots.get(id);
    return slot === undefined ? undefined : this.ofSlot(slot);
  }

  has(id: K): boolean {
    const slot = this.slots.get(id);
    return slot !== undefined && this.firstRow[slot] >= 0;
  }

  *entries(): MapIterator<[K, V]> {
    const { firstRow, rows } = this;
    for (let s = 0; s < firstRow.length; s++) {
      if (firstRow[s] < 0) continue;
      const row = rows[firstRow[s]];
      yield [this.keyOf(row), this.valueAt(s, row)];
    }
  }

  // values and keys walk the slots themselves: no [key, value] pair per entry.
  *values(): MapIterator<V> {
    const { firstRow, rows } = this;
    for (let s = 0; s < firstRow.length; s++) if (firstRow[s] >= 0) yield this.valueAt(s, rows[firstRow[s]]);
  }

  *keys(): MapIterator<K> {
    const { firstRow, rows } = this;
    for (let s = 0; s < firstRow.length; s++) if (firstRow[s] >= 0) yield this.keyOf(rows[firstRow[s]]);
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }
}

/** "The first row of each ID" of a table. */
export class FirstRows<K extends string, V> extends SlotMap<K, V, V> {
  protected valueAt(_slot: number, row: V): V {
    return row;
  }
}
