/**
 * The shared string table reads each entry as exceljs does, decoded the
 * first time a cell asks for it; entries past Excel's cell limit are known
 * from the start (a cell showing one is refused).
 */
import { describe, expect, it } from "vitest";
import { sharedStringsOf } from "../../../../workbook/xlsx/stream/shared-strings";

const HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="9" uniqueCount="9">`;
const sst = (entries: readonly string[]): Uint8Array => new TextEncoder().encode(`${HEAD}${entries.join("")}</sst>`);

describe("shared strings, as exceljs reads them", () => {
  it.each([
    ["plain text", "<si><t>Acme GmbH</t></si>", "Acme GmbH"],
    ["CJK text", "<si><t>上海贸易有限公司</t></si>", "上海贸易有限公司"],
    ["entities", "<si><t>A &amp; B &lt;1&gt; &#x4E2D;&#25991;</t></si>", "A & B <1> 中文"],
    ["kept spaces", '<si><t xml:space="preserve">  two  </t></si>', "  two  "],
    ["an OOXML escape", "<si><t>a_x000D_b</t></si>", "a\rb"],
    ["line ends normalised", "<si><t>a\r\nb</t></si>", "a\nb"],
    ["rich text runs joined", "<si><r><rPr><b/></rPr><t>bold</t></r><r><t> plain</t></r></si>", "bold plain"],
    ["phonetic runs left out", "<si><t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh></si>", "東京"],
    ["an entry with attributes", '<si foo="1"><t>x</t></si>', "x"],
    ["an empty <t/>", "<si><t/></si>", ""],
    ["an entry without text", "<si></si>", null],
    ["an empty entry", "<si/>", null],
  ])("%s", (_label, entry, expected) => {
    const { strings, tooLong } = sharedStringsOf(sst(["<si><t>first</t></si>", entry, "<si><t>last</t></si>"]));
    expect([strings.at(0), strings.at(1), strings.at(2), strings.at(3)]).toEqual(["first", expected, "last", undefined]);
    expect(tooLong.size).toBe(0);
  });

  it("an index past the end, negative or not a number is undefined", () => {
    const { strings } = sharedStringsOf(sst(["<si><t>a</t></si>"]));
    expect([strings.at(1), strings.at(-1), strings.at(NaN)]).toEqual([undefined, undefined, undefined]);
  });

  it("an unfinished entry at the end is not an entry", () => {
    const { strings } = sharedStringsOf(new TextEncoder().encode(`${HEAD}<si><t>a</t></si><si><t>b</t>`));
    expect([strings.at(0), strings.at(1)]).toEqual(["a", undefined]);
  });

  it("a string past Excel's 32,767 characters is null and its length known; one at the limit is read, whatever its bytes", () => {
    const { strings, tooLong } = sharedStringsOf(sst([`<si><t>${"y".repeat(32_768)}</t></si>`, `<si><t>${"中".repeat(32_767)}</t></si>`, `<si><t>${"&amp;".repeat(32_767)}</t></si>`]));
    expect([...tooLong]).toEqual([[0, 32_768]]);
    expect(strings.at(0)).toBeNull();
    expect(strings.at(1)).toBe("中".repeat(32_767));
    expect(strings.at(2)).toBe("&".repeat(32_767));
  });

  it("an entry is decoded once: asking again gives the same string", () => {
    const { strings } = sharedStringsOf(sst(["<si><t>a</t></si>"]));
    expect(strings.at(0)).toBe(strings.at(0));
  });
});
