/**
 * Staying under Excel's payload limits. Excel on the web refuses a request or
 * a response over 5 MB (RequestPayloadSizeLimitExceeded /
 * ResponsePayloadSizeLimitExceeded), and every host refuses to read a range
 * of more than 5,000,000 cells (RangeExceedsLimit):
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization
 * ("Excel add-ins"). A request weighs its values plus every call and object
 * it carries (https://learn.microsoft.com/office/dev/add-ins/excel/performance,
 * "Payload size limit best practices"). So reads and writes are cut into row
 * blocks sized from what the rows actually weigh, calls included, several
 * blocks share one sync while they fit, and a refused sync is retried with
 * half the rows.
 */
import type { CellValue } from "../../core/contract/raw";

export interface PayloadLimits {
  /** Bytes of JSON one sync may carry each way; we keep a margin under Excel's 5 MB. */
  readonly maxBytes: number;
  /** Cells in one range (one queued read or write). */
  readonly maxCellsPerRange: number;
  /** Cells in one sync, all ranges together. */
  readonly maxCellsPerSync: number;
  /** Rows vary; plan for rows this much heavier than the average seen. */
  readonly safety: number;
}

export const DEFAULT_LIMITS: PayloadLimits = { maxBytes: 4_000_000, maxCellsPerRange: 250_000, maxCellsPerSync: 1_500_000, safety: 1.15 };

/**
 * What one queued call adds to a request besides its values: Office.js sends
 * each as a JSON action with the path of the object it acts on (about 100 to
 * 150 bytes); planned generously.
 */
export const CALL_BYTES = 200;
/** What each loaded property adds to a response besides its value. */
export const PROPERTY_BYTES = 40;

/** UTF-8 length of a string without allocating (Chinese text is 3 bytes a character). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** What a block of cells weighs on the wire: its JSON, as Office.js sends it. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "");
}

/** How many rows of `bytesPerRow` and `width` cells one sync can carry. */
export function rowsPerSync(bytesPerRow: number, width: number, limits: PayloadLimits): number {
  const byBytes = Math.floor(limits.maxBytes / Math.max(1, bytesPerRow * limits.safety));
  const byCells = Math.floor(limits.maxCellsPerSync / Math.max(1, width));
  return Math.max(1, Math.min(byBytes, byCells));
}

/** How many rows of `width` cells one range may hold. */
export function rowsPerRange(width: number, limits: PayloadLimits): number {
  return Math.max(1, Math.floor(limits.maxCellsPerRange / Math.max(1, width)));
}

/** A cell as Office.js hands it over (values are typed any), as a port value: "" is blank. */
export function cellFromExcel(v: unknown): CellValue {
  if (typeof v === "string") return v === "" ? null : v;
  if (typeof v === "number" || typeof v === "boolean") return v;
  return null;
}
