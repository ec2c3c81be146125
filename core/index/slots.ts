/**
 * Slots: a dense number per distinct ID, in the order the IDs are first
 * met. The index (core/index/indexes.ts) numbers every customer and order ID once
 * and then groups and counts by number: each row's ID is found once per
 * index, by the read's number for it or by its text, and never again.
 */
import { numberedColumn, type NumberedColumn } from "./key-numbers";
import type { SharedKeys } from "./shared-keys";

/** ID → slot. */
export interface SlotLookup<K extends string> {
  get(id: K): number | undefined;
  readonly size: number;
}

/**
 * Slots for a key column; keys not met before get the next slot.
 *
 * Two ways in. `slotsOfNumbers` takes a column as the read numbered it
 * (core/index/key-numbers.ts) and maps number → slot through an Int32Array: no
 * text is read or hashed, and the table stays small enough for the cache
 * (200 KB for 50,000 customers). `slotOf` and `get` take the text itself.
 * For those the keys are kept as the keys of a dictionary-mode object, not
 * in a Map: V8 finds an interned key (core/index/shared-keys.ts) by identity,
 * where a Map of 50,000 strings measured twice as slow for the lookups. The
 * dictionary is built on the first text lookup only: an index whose tables
 * all came numbered never needs it (`get` asks the read's numbering), and
 * adding 50,000 keys to it cost as much as the rest of numbering the
 * customers.
 */
export class Slots<K extends string> implements SlotLookup<K> {
  /** Text → slot; null until the first lookup by text. */
  private byKey: Record<string, number> | null = null;
  /** The numbering `byNumber` follows (the first one met), and its number → slot (-1: no slot yet). */
  private numbering: SharedKeys | null = null;
  private byNumber = new Int32Array(0);
  /** Lookups by text answered through the numbering (see get). */
  private asked = 0;
  /** The keys, by slot. */
  readonly keys: K[] = [];
  get size(): number {
    return this.keys.length;
  }
  get(id: K): number | undefined {
    if (this.byKey === null && this.numbering !== null && ++this.asked <= 2 * this.keys.length) {
      // Every slot so far came from the numbering: ask it, and build no
      // dictionary for a few lookups. The read's Map finds a key slower than
      // the dictionary does, so many lookups (a caller looking every row's
      // ID up) are worth building it for.
      const n = this.numbering.find(id);
      const slot = n === undefined || n >= this.byNumber.length ? -1 : this.byNumber[n];
      return slot < 0 ? undefined : slot;
    }
    return this.dictionary()[id];
  }
  slotOf(key: K): number {
    const byKey = this.dictionary();
    const slot = byKey[key];
    return slot === undefined ? this.add(key) : slot;
  }

  /**
   * The slot of each row's key in `column`, into `out` (one per row): by
   * the numbers the read gave the column (core/index/key-numbers.ts), else by
   * each row's text, `keyAt(row)`. Every index the commands and the task
   * pane build is of a read's rows; the text path serves rows made
   * otherwise (tests, callers that build their own arrays).
   */
  slotsOf(rows: readonly unknown[], column: string, keyAt: (row: number) => K, out: Int32Array): void {
    const numbered = numberedColumn(rows, column);
    if (numbered !== undefined) this.slotsOfNumbers(numbered, out, keyAt);
    else for (let i = 0; i < rows.length; i++) out[i] = this.slotOf(keyAt(i));
  }

  /**
   * The slot of each row of a numbered column, into `out` (one per row),
   * as slotOf(the row's key) would give it. A blank cell (-1) is looked up
   * as `keyAt(row)`, the row's own value. A column of another numbering
   * than the first one met is looked up by text.
   */
  slotsOfNumbers(column: NumberedColumn, out: Int32Array, keyAt: (row: number) => K): void {
    const { numbers, keys } = column;
    const texts = keys.texts as K[];
    this.numbering ??= keys;
    if (keys !== this.numbering) {
      for (let i = 0; i < numbers.length; i++) out[i] = this.slotOf(numbers[i] < 0 ? keyAt(i) : texts[numbers[i]]);
      return;
    }
    if (this.byNumber.length < texts.length) {
      const grown = new Int32Array(texts.length).fill(-1);
      grown.set(this.byNumber);
      this.byNumber = grown;
    }
    const byNumber = this.byNumber;
    for (let i = 0; i < numbers.length; i++) {
      const n = numbers[i];
      if (n < 0) {
        out[i] = this.slotOf(keyAt(i));
        continue;
      }
      let slot = byNumber[n];
      if (slot < 0) {
        // New to the numbers: a slot by text may exist already when a table came without numbers.
        const known = this.byKey === null ? undefined : this.byKey[texts[n]];
        slot = known === undefined ? this.add(texts[n]) : known;
        byNumber[n] = slot;
      }
      out[i] = slot;
    }
  }

  private add(key: K): number {
    const slot = this.keys.length;
    this.keys.push(key);
    if (this.byKey !== null) this.byKey[key] = slot;
    return slot;
  }

  private dictionary(): Record<string, number> {
    if (this.byKey === null) {
      const byKey = Object.create(null) as Record<string, number>;
      for (let s = 0; s < this.keys.length; s++) byKey[this.keys[s]] = s;
      this.byKey = byKey;
    }
    return this.byKey;
  }
}

/** Per slot, the position of its first row in a table whose rows have slots `rowSlot`; -1 for a slot the table has no row of. */
export function firstRowOfSlots(rowSlot: Int32Array, slots: number): Int32Array {
  const first = new Int32Array(slots).fill(-1);
  // Backwards, so the first row of a slot is the one written last.
  for (let i = rowSlot.length - 1; i >= 0; i--) first[rowSlot[i]] = i;
  return first;
}
