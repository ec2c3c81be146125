/**
 * readDate1904: the workbook's date system from Excel's own DATE(1904,1,1),
 * one sync, with the run options every batch uses.
 */
import { describe, expect, it } from "vitest";
import { readDate1904 } from "../../../workbook/office/date-system";
import { RUN_OPTIONS } from "../../../workbook/office/run";
import { FakeExcel } from "../../fakes/fake-excel";

describe("the workbook's date system", () => {
  it.each([
    [false, "1900"],
    [true, "1904"],
  ])("date1904 = %s: a %s workbook, read in one sync", async (date1904) => {
    const excel = new FakeExcel();
    excel.date1904 = date1904;
    expect(await readDate1904(excel.run)).toBe(date1904);
    expect(excel.stats.syncs).toBe(1);
    expect(excel.runOptions).toEqual([RUN_OPTIONS]);
  });
});
