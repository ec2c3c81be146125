import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { csvToRawTable, parseCsv, toCsv } from "../../../core/contract/csv";
import { decodeCsv, encodeCsv } from "../../../workbook/node/csv-decode";

describe("CSV text is split as RFC 4180 says", () => {
  it.each([
    ["a,b\r\n1,2\r\n", [["a", "b"], ["1", "2"]]],
    ["a,b\n1,2", [["a", "b"], ["1", "2"]]],
    ['a,"b,c"\n"say ""hi""",2\n', [["a", "b,c"], ['say "hi"', "2"]]],
    ['a\n"line1\nline2"\n', [["a"], ["line1\nline2"]]],
    ["\ufeffa;b\n1;2\n", [["a", "b"], ["1", "2"]]],
    ["a\tb\n1\t2\n", [["a", "b"], ["1", "2"]]],
    ["a,b\n1,\n", [["a", "b"], ["1", ""]]],
    // Lenient where a file strays from RFC 4180, as spreadsheet programs are:
    ['a,b\n5" tall,x\n', [["a", "b"], ['5" tall', "x"]]], // a quote inside an unquoted field is a character
    ['a,b\n"x"y,z\n', [["a", "b"], ["xy", "z"]]], // text after a closing quote joins the field
    ['a\n"open,\nto the end', [["a"], ["open,\nto the end"]]], // an unclosed quote runs to the end of the text
    ['a\n"",""""\n', [["a"], ["", '"']]], // empty and quote-only quoted fields
    ["a,b\r1,2\r", [["a", "b"], ["1", "2"]]], // old Mac line ends
  ])("%j", (text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it("writes what it reads", () => {
    const rows = [["公司", "备注"], ['ACME "Co", Ltd.', "line1\nline2"], ["=1+1", " padded "]];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
});

describe("CSV bytes are decoded in the encoding Chinese Excel used", () => {
  const text = "公司名称,国家\r\n深圳市华强电子有限公司,CN\r\n";
  it.each([
    ["GBK (Chinese Excel's CSV)", iconv.encode(text, "gbk"), "gb18030"],
    ["GB18030", iconv.encode(text, "gb18030"), "gb18030"],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), "utf-8"],
    ["UTF-8", Buffer.from(text), "utf-8"],
    ["UTF-16 LE (Unicode text)", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]), "utf-16le"],
  ])("%s", (_name, bytes, encoding) => {
    const d = decodeCsv(new Uint8Array(bytes));
    expect(d).toEqual({ ok: true, value: { text, encoding } });
  });

  it("round-trips rejects in the user's encoding", () => {
    const bytes = encodeCsv(text, "gb18030");
    expect(decodeCsv(bytes)).toEqual({ ok: true, value: { text, encoding: "gb18030" } });
  });
});

describe("a CSV maps to a table by its header row", () => {
  it("accepts zh-CN headers in any order and ignores unknown ones", () => {
    const t = csvToRawTable("Customers", "in.csv", parseCsv("国家,公司名称,我的备注\nDE,Acme,x\n,,\n"));
    expect(t.raw.lang).toBe("zh-CN");
    expect(t.raw.headers).toMatchObject({ Country: "国家", Company: "公司名称" });
    expect(t.unknownHeaders).toEqual(["我的备注"]);
    expect(t.raw.rows).toEqual([{ rowNumber: 2, cells: { Country: "DE", Company: "Acme" } }]);
    expect(t.raw.missingColumns).toContain("CustomerID");
  });
});
