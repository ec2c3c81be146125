/**
 * The workbook's date system, as the custom functions see it.
 *
 * Excel hands a custom function the workbook's own date serials and shows
 * whatever number it returns in the workbook's own system: in a 1904
 * workbook (the old Mac default, still the choice of some files) serial 0 is
 * 1904-01-01, so the same number is a date four years and a day later than in
 * a 1900 workbook. https://learn.microsoft.com/office/troubleshoot/excel/1900-and-1904-date-system
 * Every rule in core/ counts in 1900 serials: arguments come in through
 * `fromWorkbook`, date results go out through `toWorkbook`. Which system the
 * open workbook uses is read once (date-system-read.ts).
 */
import { from1904, to1904, type DateTimeSerial } from "../core/contract/dates";

export type DateSystem = "1900" | "1904";

/** The lowest serial that is a date: 1 (1900-01-01) or 0 (1904-01-01). */
export function firstSerial(system: DateSystem): number {
  return system === "1904" ? 0 : 1;
}

/** A serial as the workbook holds it → the 1900 serial every rule uses. */
export function fromWorkbook(serial: number, system: DateSystem): DateTimeSerial {
  return system === "1904" ? from1904(serial) : serial;
}

/** A 1900 serial → the number the workbook shows as the same date. */
export function toWorkbook(serial: DateTimeSerial, system: DateSystem): number {
  return system === "1904" ? to1904(serial) : serial;
}

/** The first date of the system, as messages name it. */
export function firstDateText(system: DateSystem): string {
  return system === "1904" ? "1904-01-01" : "1900-01-01";
}
