/**
 * Unsaved changes of the file host (addin/host/unsaved.ts): any successful
 * write leaves the workbook unsaved until it is saved; a failed write or a
 * read does not; listeners hear of every write and save; leaving the page
 * is questioned only while something is unsaved.
 */
import { describe, expect, it } from "vitest";
import { confirmLeavingUnsaved, trackUnsaved } from "../../../addin/host/unsaved";
import { MemoryWorkbook } from "../../../workbook/memory";
import { SCHEMA, headerOf } from "../../../core/contract/schema";

/** A workbook whose "bytes" are a fresh object after each successful write, as the file host's are. */
function tracked() {
  const memory = MemoryWorkbook.fromTables([{ table: "Salespeople", headers: SCHEMA.Salespeople.columns.map((c) => headerOf(c, "en-US")), rows: [] }]);
  let bytes = {};
  const port = { ...memory, readTable: memory.readTable.bind(memory), updateRows: memory.updateRows.bind(memory), ensureStructure: memory.ensureStructure.bind(memory), writeReportSheet: memory.writeReportSheet.bind(memory),
    appendRows: async (...args: Parameters<MemoryWorkbook["appendRows"]>) => {
      const r = await memory.appendRows(...args);
      if (r.ok) bytes = {};
      return r;
    },
  };
  const tracker = trackUnsaved(port, () => bytes);
  let heard = 0;
  tracker.changes.subscribe(() => heard++);
  return { tracker, current: () => bytes, heard: () => heard };
}

describe("unsaved changes", () => {
  it("appear with a write, go with a save, and stay when a write comes while saving", async () => {
    const { tracker, current, heard } = tracked();
    expect(tracker.changes.pending()).toBe(false);
    await tracker.port.readTable("Salespeople");
    expect([tracker.changes.pending(), heard()]).toEqual([false, 0]);
    await tracker.port.appendRows("Salespeople", [{ Name: "王芳", HireDate: 46000 }]);
    expect([tracker.changes.pending(), heard()]).toEqual([true, 1]);
    const saving = current();
    await tracker.port.appendRows("Salespeople", [{ Name: "Tom", HireDate: 46001 }]);
    tracker.saved(saving); // the save wrote the bytes from before the second row
    expect([tracker.changes.pending(), heard()]).toEqual([true, 3]);
    tracker.saved(current());
    expect(tracker.changes.pending()).toBe(false);
  });

  it("do not come from a write that failed", async () => {
    const { tracker, heard } = tracked();
    const r = await tracker.port.appendRows("Customers", [{ CustomerID: "C-1" }]);
    expect(r.ok).toBe(false);
    expect([tracker.changes.pending(), heard()]).toEqual([false, 1]);
  });

  it("make the browser ask before the page is left, only while pending", () => {
    let pending = false;
    let handler: ((e: BeforeUnloadEvent) => void) | undefined;
    confirmLeavingUnsaved({ addEventListener: ((_: string, h: (e: BeforeUnloadEvent) => void) => (handler = h)) as Window["addEventListener"] }, { pending: () => pending, subscribe: () => () => undefined });
    const leave = (): { prevented: boolean; returnValue: unknown } => {
      const e = { prevented: false, returnValue: "" as unknown, preventDefault() { this.prevented = true; } };
      handler?.(e as unknown as BeforeUnloadEvent);
      return { prevented: e.prevented, returnValue: e.returnValue };
    };
    expect(leave()).toEqual({ prevented: false, returnValue: "" });
    pending = true;
    expect(leave().prevented).toBe(true);
  });
});
