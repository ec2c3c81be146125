/**
 * Formulas as an analyst types them into an Excel table, and as the .xlsx
 * file must store them.
 *
 * Inside a table Excel lets one type `[@客户编号]` (this row's cell) and
 * `[客户编号]` (the table's whole column); the file keeps the long forms
 * `Customers[[#This Row],[客户编号]]` and `Customers[客户编号]`. Functions
 * newer than Excel 2007 are stored with the `_xlfn.` prefix, without which
 * Excel and LibreOffice read `MAXIFS` as an unknown name (#NAME?).
 * Structured references:
 * https://support.microsoft.com/en-us/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e
 * The `_xlfn.` prefix:
 * https://support.microsoft.com/en-us/office/issue-an-xlfn-prefix-is-displayed-in-front-of-a-formula-882f1ef7-68fb-4fcd-8d54-9fbb77fd5025
 *
 * So bench/peer/ writes every formula the way the analyst would type it and
 * this one function turns it into what the file holds.
 */

/** Functions the peer uses that Excel 2007 did not have. */
const NEWER_FUNCTIONS = ["MAXIFS", "MINIFS"] as const;

/**
 * The stored form of `typed` (a formula with or without its leading "="),
 * written in the table `table` (undefined outside any table: then `[@…]`
 * and bare `[…]` are mistakes and throw).
 */
export function storedFormula(typed: string, table?: string): string {
  const body = typed.startsWith("=") ? typed.slice(1) : typed;
  const refs = body.replace(/([A-Za-z_][A-Za-z0-9_]*)?\[(@?)([^[\]]+)\]/g, (whole, owner: string | undefined, at: string, column: string) => {
    if (owner) {
      if (at) throw new Error(`peer formula: "${whole}" names a table and "this row" at once`);
      return whole;
    }
    if (!table) throw new Error(`peer formula: "${whole}" outside a table in ${typed}`);
    return at ? `${table}[[#This Row],[${column}]]` : `${table}[${column}]`;
  });
  return NEWER_FUNCTIONS.reduce((f, name) => f.replace(new RegExp(`(?<![._A-Za-z])${name}\\(`, "g"), `_xlfn.${name}(`), refs);
}
