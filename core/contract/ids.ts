/**
 * Record IDs that stay unique when several people add rows to one shared
 * workbook at the same time without talking to each other: no MAX+1 (two
 * writers would both pick the same next number). An ID is a table prefix,
 * the creation day and random characters from an alphabet without look-alikes:
 *   C-261127-7K3QX   (customer created 2026-11-27)
 * 25^6 ≈ 2.4e8 values per prefix and day keep the chance of a clash among
 * even thousands of rows a day negligible, and writers still check the IDs
 * present right before writing (workbook adapters) to make it zero.
 */
import { ymdOf, type DaySerial } from "./dates";
import type { TableName } from "./schema";

export const ID_PREFIX: Partial<Record<TableName, string>> = {
  Customers: "C",
  FollowUps: "F",
  Samples: "S",
  Orders: "O",
  Payments: "P",
};

/** No 0/O, 1/I/L, 2/Z, 5/S, 8/B: IDs are read over the phone and retyped. */
const ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY";
const RANDOM_CHARS = 6;

/** A source of uniform numbers in [0, 1): Math.random or a seeded generator. */
export type RandomSource = () => number;

/** What every ID of `table` made on `day` starts with: "C-261127-". */
export function idStem(table: TableName, day: DaySerial): string {
  const prefix = ID_PREFIX[table] ?? table.slice(0, 1).toUpperCase();
  const { year, month, day: d } = ymdOf(day);
  return `${prefix}-${String(year % 100).padStart(2, "0")}${String(month).padStart(2, "0")}${String(d).padStart(2, "0")}-`;
}

/** An ID: `stem` (idStem) and random characters. */
export function idWithStem(stem: string, random: RandomSource): string {
  let tail = "";
  for (let i = 0; i < RANDOM_CHARS; i++) tail += ALPHABET[Math.floor(random() * ALPHABET.length) % ALPHABET.length];
  return stem + tail;
}

export function newId(table: TableName, day: DaySerial, random: RandomSource): string {
  return idWithStem(idStem(table, day), random);
}

/** A new ID not in `taken` (tries again on the rare clash). */
export function newUniqueId(table: TableName, day: DaySerial, random: RandomSource, taken: ReadonlySet<string>): string {
  for (;;) {
    const id = newId(table, day, random);
    if (!taken.has(id)) return id;
  }
}

/** Mulberry32: a small, fast, seeded generator for deterministic sample data and tests. */
export function seededRandom(seed: number): RandomSource {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
