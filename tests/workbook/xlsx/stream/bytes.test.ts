/**
 * Utf8Pieces: strings added one after another come out as the UTF-8 of
 * their join, in pieces of about the size asked, whatever they hold.
 */
import { describe, expect, it } from "vitest";
import { concatBytes, Utf8Pieces } from "../../../../workbook/xlsx/stream/bytes";

const cases: readonly (readonly [string, readonly string[], number])[] = [
  ["nothing added", [], 16],
  ["one empty string", [""], 16],
  ["ASCII rows", Array.from({ length: 50 }, (_, i) => `<row r="${i}"><c><v>${i}</v></c></row>`), 64],
  ["Chinese text", Array.from({ length: 30 }, (_, i) => `客户回复报价，约定下周再联系 ${i}`), 40],
  ["surrogate pairs (emoji)", ["😀", "a😀b", "𠀋𠀋"], 8],
  ["a string longer than a piece", ["x".repeat(100), "客".repeat(50), "y"], 16],
  ["many rows into the default piece size", Array.from({ length: 5000 }, (_, i) => `<row r="${i}"><is><t>跟进 ${i}</t></is></row>`), 1 << 20],
];

describe("Utf8Pieces", () => {
  it.each(cases)("%s: the pieces join to the UTF-8 of the strings", (_, texts, size) => {
    const pieces = new Utf8Pieces(size);
    for (const t of texts) pieces.add(t);
    const out = pieces.done();
    expect(out.length).toBeGreaterThan(0);
    expect(concatBytes(out)).toEqual(new TextEncoder().encode(texts.join("")));
    // No piece but one holding a single longer string runs past the size asked.
    for (const p of out) expect(p.length <= size || texts.some((t) => t.length * 3 >= size)).toBe(true);
  });
});
