/**
 * A plain number read from the XML is the number parseFloat makes of the
 * same text, to the last bit; anything not plain is left to parseFloat (NaN).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plainNumber } from "../../../../workbook/xlsx/stream/plain-number";

const read = (text: string, integer = false): number => plainNumber(`<v>${text}</v>`, 3, 3 + text.length, integer);

describe("plain numbers, as parseFloat reads them", () => {
  it.each([
    ["0", 0],
    ["7", 7],
    ["007", 7],
    ["-0", -0],
    ["46300", 46300],
    ["46300.5", 46300.5],
    ["-12.25", -12.25],
    ["0.1", 0.1],
    ["123456789012345", 123456789012345],
    ["12345.6789012345", 12345.6789012345],
  ])("%s", (text, expected) => {
    expect(Object.is(read(text), expected)).toBe(true);
    expect(Object.is(read(text), parseFloat(text))).toBe(true);
  });

  it.each(["", "-", ".", "5.", ".5", "1.2.3", "1e5", "1E-3", " 1", "1 ", "+1", "0x10", "&#49;", "1234567890123456", "1.234567890123456", "NaN", "Infinity"])("%j is left to parseFloat", (text) => {
    expect(read(text)).toBeNaN();
  });

  it("a shared string's index is an integer: a point is not plain there", () => {
    expect([read("12", true), read("1.5", true)]).toEqual([12, NaN]);
  });

  it("any text of up to 15 digits with or without a point and a minus reads as parseFloat does", () => {
    const plain = fc
      .tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,15}$/), fc.nat({ max: 14 }), fc.boolean())
      .map(([negative, digits, at, pointed]) => {
        const cut = pointed && digits.length > 1 ? Math.max(1, Math.min(digits.length - 1, at)) : digits.length;
        return `${negative ? "-" : ""}${digits.slice(0, cut)}${cut < digits.length ? "." + digits.slice(cut) : ""}`;
      });
    fc.assert(fc.property(plain, (text) => Object.is(read(text), parseFloat(text))), { numRuns: 20_000 });
  });
});
