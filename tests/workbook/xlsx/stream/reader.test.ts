/**
 * The streamed reader returns exactly what exceljs's full reader returns
 * (XlsxWorkbook.readTable) for the same bytes: same rows, row numbers,
 * headers and issues, whatever the workbook holds.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { benchSnapshot } from "../../../../bench/generate";
import { writeBenchWorkbook } from "../../../../bench/workbook-file";
import { from1904, serialFromDateTime, serialFromYMD } from "../../../../core/contract/dates";
import type { CellValue } from "../../../../core/contract/raw";
import { buildWorkbook } from "../../../../templates/builder";
import { generateSample } from "../../../../templates/sample";
import { openXlsxTables } from "../../../../workbook/node/stream-reader";
import { XlsxWorkbook } from "../../../../workbook/xlsx/exceljs/xlsx-workbook";
import { bothReads, bytesOf, expectSameTables, patched } from "./support";

const SHEET1 = "xl/worksheets/sheet1.xml";
const utc = (y: number, m: number, d: number, h = 0, min = 0, s = 0, ms = 0): Date => new Date(Date.UTC(y, m - 1, d, h, min, s, ms));

/** A plain 业务员 sheet: header in row 1, then the given rows (null leaves a row out). */
function salespeople(headers: readonly ExcelJS.CellValue[], rows: readonly (readonly ExcelJS.CellValue[] | null)[], setup?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("业务员");
  ws.getRow(1).values = [...headers];
  rows.forEach((r, i) => {
    if (r) ws.getRow(i + 2).values = [...r];
  });
  setup?.(ws, wb);
  return wb;
}

const ZH = ["姓名", "入职日期", "经理", "底薪", "在职", "邮箱"];

interface Case {
  readonly bytes: () => Promise<Uint8Array>;
  /** The streamed Salespeople rows as [row number, column key, expected value]. */
  readonly probes: readonly (readonly [number, string, CellValue])[];
}

const cases: Record<string, Case> = {
  "an Excel table anywhere (C5), English headers, its totals row left out": {
    bytes: () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Team 2026");
      ws.getCell("A1").value = "Our team";
      ws.addTable({
        name: "Salespeople",
        ref: "C5",
        headerRow: true,
        totalsRow: true,
        columns: [{ name: "Name", totalsRowLabel: "Total" }, { name: "HireDate" }, { name: "BaseSalaryCNY", totalsRowFunction: "sum" }],
        rows: [
          ["Wang", utc(2024, 1, 2), 8000],
          ["Li", utc(2025, 6, 30), 9000],
        ],
      });
      ws.getCell("D6").numFmt = "yyyy-mm-dd";
      ws.getCell("D7").numFmt = "yyyy-mm-dd";
      return bytesOf(wb);
    },
    probes: [
      [6, "Name", "Wang"],
      [6, "HireDate", serialFromYMD(2024, 1, 2)],
      [7, "BaseSalaryCNY", 9000],
    ],
  },
  "columns in another order, with the user's own columns between": {
    bytes: () => bytesOf(salespeople(["邮箱", "我的备注", "姓名", "入职日期"], [["w@x.cn", "note", "王芳", 45000]])),
    probes: [
      [2, "Email", "w@x.cn"],
      [2, "Name", "王芳"],
      [2, "HireDate", 45000],
    ],
  },
  "blank rows in the middle and at the end are skipped, row numbers kept": {
    bytes: () =>
      bytesOf(
        salespeople(ZH, [["王芳"], null, [null, null, "陈总"], ["   "], null], (ws) => {
          ws.getCell("A7").value = "";
          ws.getCell("B8").numFmt = "yyyy-mm-dd";
          ws.getCell("C9").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
        }),
      ),
    probes: [
      [2, "Name", "王芳"],
      [4, "Manager", "陈总"],
    ],
  },
  "the 1904 date system: dates and plain numbers in date columns become 1900 serials": {
    bytes: () =>
      bytesOf(
        salespeople(ZH, [["王芳", utc(2024, 1, 2)], ["李雷", 40000, null, 40000]], (ws, wb) => {
          wb.properties.date1904 = true;
          ws.getCell("B2").numFmt = "yyyy-mm-dd";
        }),
      ),
    probes: [
      [2, "HireDate", serialFromYMD(2024, 1, 2)],
      [3, "HireDate", from1904(40000)],
      [3, "BaseSalaryCNY", 40000],
    ],
  },
  "rich text becomes its text": {
    bytes: () => bytesOf(salespeople(ZH, [[{ richText: [{ text: "Wa" }, { text: "ng", font: { bold: true } }] }]])),
    probes: [[2, "Name", "Wang"]],
  },
  "a hyperlink shows its text, or its target when the cell holds no text": {
    bytes: async () => {
      const wb = salespeople(ZH, [
        [{ text: "Wang", hyperlink: "https://example.com/wang" }, null, null, 8000],
        ["Li", null, null, 9000, null, { text: "mail", hyperlink: "mailto:li@example.com" }],
      ]);
      // exceljs writes a link only with text; move the second onto the number beside it.
      return patched(await bytesOf(wb), SHEET1, (xml) => xml.replace('ref="F3"', 'ref="D3"'));
    },
    probes: [
      [2, "Name", "Wang"],
      [3, "BaseSalaryCNY", "mailto:li@example.com"],
      [3, "Email", "mail"],
    ],
  },
  "a formula reads as its cached result: number, text, error, shared": {
    bytes: () =>
      bytesOf(
        salespeople(ZH, [
          [{ formula: '"Wa"&"ng"', result: "Wang" }, null, { formula: "NA()", result: { error: "#N/A" } }, { formula: "4000*2", result: 8000 }],
          ["Li", null, { formula: "C9", result: undefined } as ExcelJS.CellValue, { sharedFormula: "D2", result: 9000 } as ExcelJS.CellValue],
        ]),
      ),
    probes: [
      [2, "Name", "Wang"],
      [2, "Manager", "#N/A"],
      [2, "BaseSalaryCNY", 8000],
      [3, "Manager", null],
      [3, "BaseSalaryCNY", 9000],
    ],
  },
  "a formula whose cached result is 0 or FALSE reads as 0 or FALSE, as Excel shows it": {
    bytes: async () =>
      patched(await bytesOf(salespeople(ZH, [["王芳", null, null, 1, true]])), SHEET1, (xml) =>
        xml.replace(/<c r="D2"([^>]*)><v>1<\/v><\/c>/, '<c r="D2"$1><f>1-1</f><v>0</v></c>').replace(/<c r="E2"([^>]*)><v>1<\/v><\/c>/, '<c r="E2"$1><f>FALSE()</f><v>0</v></c>'),
      ),
    probes: [
      [2, "BaseSalaryCNY", 0],
      [2, "Active", false],
    ],
  },
  "booleans and error cells": {
    bytes: () => bytesOf(salespeople(ZH, [["王芳", null, { error: "#REF!" }, null, true], ["李雷", null, null, null, false]])),
    probes: [
      [2, "Active", true],
      [2, "Manager", "#REF!"],
      [3, "Active", false],
    ],
  },
  "inline strings, plain and rich, with _xHHHH_ kept as written in plain ones": {
    bytes: async () =>
      patched(await bytesOf(salespeople(ZH, [["x", null, "y"], ["z"]])), SHEET1, (xml) =>
        xml
          .replace(/<c r="A2"[^>]*>.*?<\/c>/, '<c r="A2" t="inlineStr"><is><t xml:space="preserve"> In &amp; _x0041_</t></is></c>')
          .replace(/<c r="C2"[^>]*>.*?<\/c>/, '<c r="C2" t="inlineStr"><is><r><t>Ri</t></r><r><rPr><b/></rPr><t>ch_x0041_</t></r></is></c>')
          .replace(/<c r="A3"[^>]*>.*?<\/c>/, '<c r="A3" t="inlineStr"><is><t></t></is></c><c r="C3" t="str"><v>a&amp;amp;b</v></c>'),
      ),
    probes: [
      [2, "Name", " In & _x0041_"],
      [2, "Manager", "RichA"],
      [3, "Manager", "a&b"],
    ],
  },
  "a date-formatted number is a serial, a date-time keeps its fraction": {
    bytes: async () =>
      patched(
        await bytesOf(
          salespeople(ZH, [["王芳", utc(2024, 3, 5)], ["李雷", utc(2024, 3, 5, 13, 47, 12, 345)], ["陈", 45000.25], ["赵", "x"]], (ws) => {
            ws.getCell("B2").numFmt = "yyyy-mm-dd";
            ws.getCell("B3").numFmt = "yyyy-mm-dd hh:mm";
            ws.getCell("B4").numFmt = "yyyy/m/d h:mm";
            ws.getCell("B5").numFmt = "[$-804]yyyy\"年\"m\"月\"d\"日\"";
            ws.getCell("D2").numFmt = "#,##0.00";
          }),
        ),
        SHEET1,
        // A t="d" cell (ISO text), as some writers produce: exceljs reads the number its text starts with.
        (xml) => xml.replace(/<c r="B5"([^>]*?) t="s"><v>\d+<\/v><\/c>/, '<c r="B5"$1 t="d"><v>2024-03-05T00:00:00</v></c>'),
      ),
    probes: [
      [2, "HireDate", serialFromYMD(2024, 3, 5)],
      [4, "HireDate", 45000.25],
    ],
  },
  "XML as other writers spell it: cells without addresses, entities, line ends, merged cells": {
    bytes: async () =>
      patched(
        await bytesOf(
          salespeople(ZH, [["王芳", null, "陈总"], ["李雷"], ["赵"]], (ws) => {
            ws.mergeCells("C2:C4");
          }),
        ),
        SHEET1,
        (xml) =>
          xml
            .replace(/<c r="A2"([^>]*)>(.*?)<\/c><c r="B2"/, '<c$1>$2</c><c r="B2"')
            .replace(/<c r="A4"[^>]*>.*?<\/c>/, '<c r="A4" t="str"><v>&#x8D75;&#20320;\r\nok</v></c>'),
      ),
    probes: [
      [2, "Name", "王芳"],
      [3, "Manager", "陈总"],
      [4, "Manager", "陈总"],
      [4, "Name", "赵你\nok"],
    ],
  },
  "rows written out of order are read by their numbers": {
    bytes: async () =>
      patched(await bytesOf(salespeople(ZH, [["王芳"], ["李雷"], ["赵"]])), SHEET1, (xml) => {
        const rows = [...xml.matchAll(/<row r="\d+".*?<\/row>/g)].map((m) => m[0]);
        return xml.replace(rows.join(""), [rows[0], rows[3], rows[1], rows[2]].join(""));
      }),
    probes: [
      [2, "Name", "王芳"],
      [4, "Name", "赵"],
    ],
  },
  "shared strings: phonetic runs left out, rich runs joined, _xHHHH_ and entities decoded": {
    bytes: async () =>
      patched(await bytesOf(salespeople(ZH, [["甲"], ["乙"], ["丙"]])), "xl/sharedStrings.xml", (xml) =>
        xml
          .replace("<si><t>甲</t></si>", '<si><t>王芳</t><rPh sb="0" eb="1"><t>ワン</t></rPh></si>')
          .replace("<si><t>乙</t></si>", "<si><r><t>Li</t></r><r><rPr><b/><sz val=\"11\"/><color theme=\"1\"/></rPr><t xml:space=\"preserve\"> Lei_x000D_</t></r></si>")
          .replace("<si><t>丙</t></si>", "<si><t>A&amp;B &lt;&#x4E2D;&gt;\r\n</t></si>"),
      ),
    probes: [
      [2, "Name", "王芳"],
      [3, "Name", "Li Lei\r"],
      [4, "Name", "A&B <中>\n"],
    ],
  },
  "merged cells show the top-left value, in the header and below the last row; a linked header shows its text": {
    bytes: () =>
      bytesOf(
        salespeople(["姓名", null, "经理", { text: "邮箱", hyperlink: "https://example.com" }, null, "我的备注"], [["王芳", "x", "陈总", "w@x.cn", "y", "z"]], (ws) => {
          ws.mergeCells("D1:E1");
          // Rows 3 and 4 exist only through the merge; they show the user's note, so they are rows.
          ws.mergeCells("F2:F4");
        }),
      ),
    probes: [
      [2, "Name", "王芳"],
      [2, "Email", "w@x.cn"],
      [4, "Name", null],
    ],
  },
  "a sheet named like a table that holds another Excel table is not that table": {
    bytes: () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet("业务员").addTable({ name: "MyList", ref: "A1", columns: [{ name: "姓名" }], rows: [["王芳"]] });
      wb.addWorksheet("Customers").getRow(1).values = ["CustomerID", "Company"];
      return bytesOf(wb);
    },
    probes: [],
  },
};

describe("the streamed reader reads what exceljs's reader reads", () => {
  it.each(Object.entries(cases))("%s", async (_rule, { bytes, probes }) => {
    const b = await bytes();
    await expectSameTables(b);
    const { streamed } = await bothReads(b, "Salespeople");
    if (probes.length === 0) {
      expect(streamed.ok ? "found" : streamed.error[0].code).toBe("missing-table");
      return;
    }
    expect(streamed.ok).toBe(true);
    if (!streamed.ok) return;
    for (const [row, key, value] of probes) {
      expect(streamed.value.rows.find((r) => r.rowNumber === row)?.cells[key], `row ${row} ${key}`).toStrictEqual(value);
    }
  });
});

describe("whole workbooks read the same, every contract table", () => {
  const dir = mkdtempSync(join(tmpdir(), "tb-stream-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it.each([
    ["the zh-CN template", () => XlsxWorkbook.fromWorkbook(buildWorkbook("zh-CN")).toBuffer()],
    ["the en-US template", () => XlsxWorkbook.fromWorkbook(buildWorkbook("en-US")).toBuffer()],
    ["a zh-CN sample workbook", () => XlsxWorkbook.fromWorkbook(buildWorkbook("zh-CN", generateSample({ seed: 11, scale: 1, asOf: serialFromYMD(2026, 11, 27), lang: "zh-CN" }))).toBuffer()],
    ["an en-US sample workbook", () => XlsxWorkbook.fromWorkbook(buildWorkbook("en-US", generateSample({ seed: 12, scale: 1, asOf: serialFromYMD(2026, 11, 27), lang: "en-US" }))).toBuffer()],
    [
      "a benchmark workbook (exceljs's streaming writer, plain sheets)",
      async () => {
        const path = join(dir, "bench.xlsx");
        await writeBenchWorkbook(path, benchSnapshot({ customers: 50, seed: 5, asOf: serialFromYMD(2026, 11, 27) }), "en-US");
        return new Uint8Array(readFileSync(path));
      },
    ],
    [
      "a package stored without compression",
      async () => {
        const zip = await JSZip.loadAsync(await XlsxWorkbook.fromWorkbook(buildWorkbook("zh-CN", generateSample({ seed: 13, scale: 0.2, asOf: serialFromYMD(2026, 11, 27) }))).toBuffer());
        return zip.generateAsync({ type: "uint8array", compression: "STORE" });
      },
    ],
  ])("%s", async (_name, make) => {
    await expectSameTables(await make());
  }, 30_000);
});

describe("reading only some columns", () => {
  it.each<[string, readonly string[]]>([
    ["the columns asked for", ["Name", "Email"]],
    ["a column the contract lacks is an issue", ["Name", "Nickname"]],
  ])("%s", async (_rule, columns) => {
    const b = await bytesOf(salespeople(ZH, [["王芳", null, null, null, null, "w@x.cn"], [null, null, "陈总"]]));
    const { exceljs, streamed } = await bothReads(b, "Salespeople", columns);
    expect(streamed).toStrictEqual(exceljs);
  });
});

describe("bytes that are no workbook", () => {
  it.each([
    ["not a zip", new TextEncoder().encode("hello")],
    ["a zip without a workbook", new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)])],
  ])("%s: an unreadable issue naming the file", async (_rule, bytes) => {
    const r = await openXlsxTables(bytes, "team.xlsx");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error[0].code).toBe("unreadable");
    expect(r.error[0].message.en).toContain("team.xlsx");
    expect(r.error[0].message.zh).toContain("team.xlsx");
  });
});

it("a date-time's fraction survives as exceljs reads it", async () => {
  const b = await bytesOf(salespeople(ZH, [["王芳", utc(2024, 3, 5, 13, 47)]], (ws) => (ws.getCell("B2").numFmt = "yyyy-mm-dd hh:mm")));
  const { streamed } = await bothReads(b, "Salespeople");
  expect(streamed.ok && streamed.value.rows[0].cells.HireDate).toBeCloseTo(serialFromDateTime(2024, 3, 5, 13, 47), 9);
});
