/**
 * `tradebook import` deflates the target's sheet while it checks the rows
 * (XlsxPackage prepare, workbook/node/deflate.ts prepareSheet): the file it
 * writes holds what the streamed splice writes, byte for byte once inflated,
 * and an import that writes nothing stops that work.
 */
import JSZip from "jszip";
import { describe, expect, it, vi } from "vitest";
import { toCells } from "../../../core/contract/cells";
import { serialFromYMD, type DaySerial } from "../../../core/contract/dates";
import { buildWorkbook } from "../../../templates/builder";
import { generateSample } from "../../../templates/sample";
import { prepareSheet, putDeflated } from "../../../workbook/node/deflate";
import { inflateWithZlib } from "../../../workbook/node/inflate";
import { XlsxPackage } from "../../../workbook/xlsx/package/xlsx-package";
import { followUp } from "../../support/crm";
import { value } from "../../support/result";
import { bytesOf } from "../xlsx/package/support";

const AS_OF = serialFromYMD(2026, 11, 27) as DaySerial;

async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const out = new Map<string, string>();
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) out.set(name, await f.async("string"));
  return out;
}

describe("an import's sheet deflated while its rows are checked", () => {
  it.each([
    ["one follow-up", 1],
    ["a batch of 300", 300],
  ])("%s: the file holds what the streamed splice writes", async (_name, count) => {
    const bytes = await bytesOf(buildWorkbook("zh-CN", generateSample({ seed: 7, scale: 0.2, asOf: AS_OF })));
    const customers = value(await value(await XlsxPackage.open({ bytes }, "b.xlsx")).readTable("Customers", ["CustomerID"]));
    const rows = Array.from({ length: count }, (_, i) => toCells("FollowUps", followUp(String(customers.rows[i % customers.rows.length].cells.CustomerID), AS_OF + 0.5, { FollowUpID: `FU-PREP-${i}` as never }), "zh-CN"));

    // prepareSheet, counting the sheets put from its work.
    let puts = 0;
    const prepare = vi.fn((...args: Parameters<typeof prepareSheet>) => {
      const prepared = prepareSheet(...args);
      const ready = prepared.ready.then((r) => ({ ...r, put: (...a: Parameters<typeof r.put>) => ((puts += 1), r.put(...a)) }));
      return { ...prepared, ready };
    });
    const ahead = { bytes };
    const port = value(await XlsxPackage.open(ahead, "b.xlsx", { inflate: inflateWithZlib, put: putDeflated, keepRead: "FollowUps", prepare }));
    value(await port.readTable("FollowUps", ["FollowUpID", "CustomerID"]));
    value(await port.readTable("Customers", ["CustomerID"]));
    value(await port.appendRows("FollowUps", rows));
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(puts).toBe(1);

    const streamed = { bytes };
    const plain = value(await XlsxPackage.open(streamed, "b.xlsx", { inflate: inflateWithZlib, put: putDeflated, keepRead: "FollowUps" }));
    value(await plain.readTable("FollowUps", ["FollowUpID", "CustomerID"]));
    value(await plain.appendRows("FollowUps", rows));

    expect(ahead.bytes).not.toBe(bytes);
    expect(await parts(ahead.bytes)).toEqual(await parts(streamed.bytes));
  });

  it("an import that writes nothing stops the work", async () => {
    const bytes = await bytesOf(buildWorkbook("en-US", generateSample({ seed: 7, scale: 0.2, asOf: AS_OF })));
    const prepare = vi.fn(prepareSheet);
    const port = value(await XlsxPackage.open({ bytes }, "b.xlsx", { inflate: inflateWithZlib, put: putDeflated, keepRead: "FollowUps", prepare }));
    value(await port.readTable("FollowUps", ["FollowUpID"]));
    port.release();
    const ready = prepare.mock.results[0].value.ready;
    await expect(ready).rejects.toThrow("cancelled");
  });
});
