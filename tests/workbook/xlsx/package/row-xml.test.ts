/**
 * workbook/xlsx/package/row-xml.ts: which texts go into a sheet as they are, how a
 * new cell is written, and how the cells of a row already there are read.
 */
import { describe, expect, it } from "vitest";
import { cellXml, inlineSafe, sheetCells } from "../../../../workbook/xlsx/package/row-xml";

describe("a text goes in as an inline string only as XML and Excel keep it", () => {
  it.each([
    ["plain text", "Acme GmbH", true],
    ["Chinese", "深圳市华强电子有限公司", true],
    ["an emoji (a surrogate pair)", "ok 👍", true],
    ["a tab and a line feed", "a\tb\nc", true],
    ["a formula's look", "=SUM(A1)", true],
    ["an underscore that is no escape", "_x41_ and _xZZZZ_", true],
    ["a carriage return (a parser reads it as a line feed)", "a\r\nb", false],
    ["a NUL", "a\u0000b", false],
    ["a bell", "\u0007", false],
    ["U+FFFF", "a\uffff", false],
    ["a lone high surrogate", "a\ud83d", false],
    ["a lone low surrogate", "\udc4db", false],
    ["an OOXML escape Excel would decode", "code _x0041_", false],
  ])("%s", (_name, text, safe) => {
    expect(inlineSafe(text)).toBe(safe);
  });
});

describe("a new cell's XML", () => {
  it.each([
    ["a number", { col: 2, style: 3, value: 46353.4375 }, '<c r="B7" s="3"><v>46353.4375</v></c>'],
    ["a boolean", { col: 1, style: 0, value: true }, '<c r="A7" t="b"><v>1</v></c>'],
    ["a blank with a style", { col: 28, style: 5, value: null }, '<c r="AB7" s="5"/>'],
    ["a blank without one: nothing", { col: 3, style: 0, value: null }, ""],
    ["text, escaped, never a formula", { col: 3, style: 0, value: '=A1 & <b> "q"' }, '<c r="C7" t="inlineStr"><is><t>=A1 &amp; &lt;b&gt; "q"</t></is></c>'],
    ["text with spaces kept", { col: 3, style: 1, value: " padded " }, '<c r="C7" s="1" t="inlineStr"><is><t xml:space="preserve"> padded </t></is></c>'],
    ["text it cannot carry: undefined", { col: 3, style: 1, value: "a\rb" }, undefined],
    ["a number that is not finite: undefined", { col: 3, style: 1, value: Number.NaN }, undefined],
  ])("%s", (_name, cell, xml) => {
    expect(cellXml(7, cell)).toBe(xml);
  });
});

describe("the cells of a row already in the sheet", () => {
  it("give their column, style, whether they hold anything, and their XML", () => {
    const row = '<row r="9" spans="1:30"><c r="A9" s="2"/><c r="B9" s="4" t="s"><v>12</v></c><c r="AD9" t="inlineStr"><is><t>memo</t></is></c><c r="C9"><f>1+1</f></c></row>';
    expect(sheetCells(row)).toEqual([
      { col: 1, style: 2, filled: false, xml: '<c r="A9" s="2"/>' },
      { col: 2, style: 4, filled: true, xml: '<c r="B9" s="4" t="s"><v>12</v></c>' },
      { col: 30, style: 0, filled: true, xml: '<c r="AD9" t="inlineStr"><is><t>memo</t></is></c>' },
      { col: 3, style: 0, filled: true, xml: '<c r="C9"><f>1+1</f></c>' },
    ]);
  });
  it("are not read when a cell has no reference", () => {
    expect(sheetCells('<row r="9"><c s="2"><v>1</v></c></row>')).toBeUndefined();
  });
});
