/**
 * Slots: a dense number per distinct ID, in the order the IDs are first
 * met. The index (core/indexes.ts) numbers every customer and order ID once
 * and then groups and counts by number, so each row's ID text is looked up
 * once per index and never hashed again.
 */

/** ID → slot, the index's one lookup per row. */
export interface SlotLookup<K extends string> {
  get(id: K): number | undefined;
  readonly size: number;
}

/**
 * Slots for a key column; keys not met before get the next slot.
 * The keys are kept as the keys of a dictionary-mode object, not in a Map:
 * it is the index's one lookup per row (750,000 at the benchmark's largest
 * size), and V8 finds an interned key (core/shared-keys.ts) by identity,
 * where a Map of 50,000 strings measured twice as slow for the lookups.
 */
export class Slots<K extends string> implements SlotLookup<K> {
  private readonly byKey: Record<string, number> = Object.create(null) as Record<string, number>;
  /** The keys, by slot. */
  readonly keys: K[] = [];
  get size(): number {
    return this.keys.length;
  }
  get(id: K): number | undefined {
    return this.byKey[id];
  }
  slotOf(key: K): number {
    let slot = this.byKey[key];
    if (slot === undefined) {
      slot = this.keys.length;
      this.byKey[key] = slot;
      this.keys.push(key);
    }
    return slot;
  }
}

/** Per slot, the position of its first row in a table whose rows have slots `rowSlot`; -1 for a slot the table has no row of. */
export function firstRowOfSlots(rowSlot: Int32Array, slots: number): Int32Array {
  const first = new Int32Array(slots).fill(-1);
  // Backwards, so the first row of a slot is the one written last.
  for (let i = rowSlot.length - 1; i >= 0; i--) first[rowSlot[i]] = i;
  return first;
}
