/**
 * Two writers at once lose nothing (issue: two imports lost rows in 2 of 40
 * rounds, both saying "appended 3 row(s)"). Every writer takes the
 * workbook's lock (workbook/node/workbook-lock.ts) before it reads and holds
 * it until it has replaced the file; a second writer waits, then refuses
 * with a message. Real processes: two long-lived `tradebook` workers.
 */
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rmSync } from "node:fs";
import { replaceFile } from "../../workbook/node/file-replace";
import { lockWorkbook } from "../../workbook/node/workbook-lock";
import { report } from "./support/figures";
import { CliWorker, hasStack, type CliRun } from "./support/cli-workers";
import { customersCsv, idsIn, sampleBytes, sampleOwner, sheetNames, tempDir, writeCsv } from "./support/workbooks";

const dir = tempDir("concurrent");
let bytes: Uint8Array;
let workers: CliWorker[] = [];
const owner = sampleOwner();

beforeAll(async () => {
  bytes = await sampleBytes();
  workers = await Promise.all([CliWorker.start(), CliWorker.start()]);
});
afterAll(() => workers.forEach((w) => w.stop()));

/** A refusal that is a clean message: exit 1, said in words, no stack. */
function cleanRefusal(r: CliRun): boolean {
  return r.code === 1 && !hasStack(r.err) && /another TradeBook command is writing|was changed by someone else/.test(r.err);
}

function freshWorkbook(name: string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe("two imports into one workbook at the same time", () => {
  it("20 rounds: every row either written or cleanly refused, none lost", async () => {
    let commands = 0;
    let wrote = 0;
    let refused = 0;
    let clean = 0;
    let lost = 0;
    for (let round = 0; round < 20; round++) {
      const book = freshWorkbook(`imports-${round}.xlsx`);
      const before = await idsIn(book);
      const ids = workers.map((_, w) => [1, 2, 3].map((k) => `C-R${round}W${w}-${k}`));
      const csvs = ids.map((list, w) => writeCsv(dir, `r${round}-w${w}.csv`, customersCsv(list, owner)));
      const runs = await Promise.all(workers.map((worker, w) => worker.run(["import", book, "--table", "Customers", csvs[w]], dir)));
      const after = new Set(await idsIn(book));
      runs.forEach((r, w) => {
        commands++;
        if (r.code === 0) {
          expect(r.out).toMatch(/added 3 rows to Customers/);
          wrote++;
          lost += ids[w].filter((id) => !after.has(id)).length;
        } else {
          refused++;
          if (cleanRefusal(r)) clean++;
          // A refused import wrote none of its rows.
          expect(ids[w].filter((id) => after.has(id))).toEqual([]);
        }
      });
      // Nothing that was there before went missing.
      lost += before.filter((id) => !after.has(id)).length;
    }
    report("concurrent imports", { rounds: 20, commands, wrote, refused, "clean refusals": clean, "rows lost": lost });
    expect(lost).toBe(0);
    expect(clean).toBe(refused);
    expect(wrote + refused).toBe(40);
  });

  it("5 rounds of import beside review: the rows and the review sheet both land, or a clean refusal", async () => {
    let lost = 0;
    let reviews = 0;
    let refused = 0;
    let clean = 0;
    for (let round = 0; round < 5; round++) {
      const book = freshWorkbook(`beside-${round}.xlsx`);
      const ids = [1, 2, 3].map((k) => `C-B${round}-${k}`);
      const csv = writeCsv(dir, `b${round}.csv`, customersCsv(ids, owner));
      const [imported, reviewed] = await Promise.all([workers[0].run(["import", book, "--table", "Customers", csv], dir), workers[1].run(["review", book, "--quarter", "2026-Q3"], dir)]);
      const after = new Set(await idsIn(book));
      for (const r of [imported, reviewed]) {
        if (r.code !== 0) {
          refused++;
          if (cleanRefusal(r)) clean++;
        }
      }
      if (imported.code === 0) lost += ids.filter((id) => !after.has(id)).length;
      if (reviewed.code === 0) {
        reviews++;
        expect(await sheetNames(book)).toContain("Review 2026-Q3");
      }
    }
    report("import beside review", { rounds: 5, "reviews written": reviews, refused, "clean refusals": clean, "rows lost": lost });
    expect(lost).toBe(0);
    expect(clean).toBe(refused);
  });
});

describe("a second writer waits a bounded time, then refuses", () => {
  it("while another holds the lock: refused after the wait, with a message, the file untouched", async () => {
    const book = freshWorkbook("held.xlsx");
    const held = await lockWorkbook(book);
    if (!held.ok) throw new Error("could not lock");
    try {
      const csv = writeCsv(dir, "held.csv", customersCsv(["C-HELD-1"], owner));
      const r = await workers[0].run(["import", book, "--table", "Customers", csv], dir, { TRADEBOOK_LOCK_WAIT_MS: "1500" });
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/another TradeBook command is writing held\.xlsx \(lock held\.xlsx\.lock\); waited 2 s, nothing was written/);
      expect(hasStack(r.err)).toBe(false);
      expect(r.ms).toBeGreaterThanOrEqual(1400);
      expect(r.ms).toBeLessThan(15_000);
      expect(new Uint8Array(readFileSync(book))).toEqual(bytes);
      report("bounded wait", { "waited ms": r.ms, refused: 1 });
    } finally {
      await held.value.release();
    }
  });

  it("a lock left by a writer that was killed is taken over once stale", async () => {
    const book = freshWorkbook("stale.xlsx");
    // What a writer killed with -9 leaves: the lock directory, no longer refreshed.
    mkdirSync(`${book}.lock`);
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${book}.lock`, old, old);
    const csv = writeCsv(dir, "stale.csv", customersCsv(["C-STALE-1"], owner));
    const r = await workers[0].run(["import", book, "--table", "Customers", csv], dir, { TRADEBOOK_LOCK_STALE_MS: "5000" });
    expect(r.code, r.err).toBe(0);
    expect(await idsIn(book)).toContain("C-STALE-1");
  });
});

describe("a writer whose lock was taken from it", () => {
  it("writes nothing: the lock is checked right before the replace", async () => {
    const book = freshWorkbook("lost.xlsx");
    const held = await lockWorkbook(book, { waitMs: 0, staleMs: 2_000, updateMs: 1_000 });
    if (!held.ok) throw new Error("could not lock");
    // Another writer took it as stale and finished: the lock directory is gone; the holder notices at its next refresh.
    rmSync(held.value.lockPath, { recursive: true });
    await new Promise((r) => setTimeout(r, 1_500));
    const r = await replaceFile(held.value, book, new Uint8Array([1, 2, 3]));
    expect(r.ok).toBe(false);
    expect(r.ok ? "" : r.error[0].message.en).toMatch(/lost the lock on lost\.xlsx while writing .*; nothing was written/);
    expect(new Uint8Array(readFileSync(book))).toEqual(bytes);
    await held.value.release();
  });
});
