/**
 * TradeBook's quarterly review of a workbook file, read the way `tradebook
 * review` reads it (the streamed reader, then the snapshot with its
 * validation, of the columns the review uses): what the peer's figures
 * are compared with. The file is the formula copy itself: TradeBook never
 * reads a table's extra columns.
 */
import type { Quarter } from "../../core/contract/dates";
import { indexSnapshot } from "../../core/index/indexes";
import { quarterlyReview, type QuarterlyReview } from "../../core/review/review";
import { readSnapshot } from "../../app/open-crm";
import { REVIEW } from "../../core/contract/projection";
import { openXlsxTables } from "../../workbook/node/stream-reader";
import { readXlsxFile } from "../../workbook/node/xlsx-file";

export async function reviewOfFile(file: string, quarter: Quarter): Promise<QuarterlyReview> {
  const fail = (what: string, e: unknown): never => {
    throw new Error(`peer: ${what} ${file}: ${JSON.stringify(e)}`);
  };
  const source = await readXlsxFile(file);
  if (!source.ok) return fail("cannot read", source.error);
  const tables = await openXlsxTables(source.value.bytes, file);
  if (!tables.ok) return fail("cannot open", tables.error);
  const read = await readSnapshot(tables.value, REVIEW);
  if (!read.ok) return fail("cannot read the tables of", read.error);
  const errors = read.value.issues.filter((i) => i.severity === "error");
  if (errors.length > 0) fail("errors in", errors.slice(0, 5));
  return quarterlyReview(read.value.snapshot, indexSnapshot(read.value.snapshot), quarter, read.value.settings);
}
