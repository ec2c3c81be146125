/**
 * Excel's own limits, which every workbook TradeBook reads or writes stays
 * within: Microsoft, "Excel specifications and limits"
 * (https://support.microsoft.com/office/c13798fc-f1d5-4e73-998d-c02268bc65ae):
 * 1,048,576 rows by 16,384 columns a worksheet, 32,767 characters a cell.
 * A file past them is not one Excel made or can open whole (LibreOffice
 * drops the rows past the last one on open).
 */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;
export const EXCEL_MAX_CELL_CHARS = 32_767;

const grouped = (n: number): string => n.toLocaleString("en-US");

/** "40,000 characters, more than the 32,767 a cell of Excel can hold", both languages. */
export function cellTooLongMessage(length: number): { readonly zh: string; readonly en: string } {
  return {
    zh: `文字长 ${grouped(length)} 个字符，超过 Excel 单元格上限 ${grouped(EXCEL_MAX_CELL_CHARS)}`,
    en: `the text is ${grouped(length)} characters long, more than the ${grouped(EXCEL_MAX_CELL_CHARS)} a cell of Excel can hold`,
  };
}
