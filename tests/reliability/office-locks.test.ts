/**
 * A workbook open in LibreOffice or Excel is not written (issue: it was
 * written without a word, and the program's next save overwrote the
 * import): every writer refuses, naming the program, unless --force
 * (contract.md). workbook/node/office-locks.ts reads the lock files.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { officeHolders } from "../../workbook/node/office-locks";
import { report } from "./support/figures";
import { CliWorker, hasStack } from "./support/cli-workers";
import { customersCsv, idsIn, sampleBytes, sampleOwner, sheetNames, tempDir, writeCsv } from "./support/workbooks";

const dir = tempDir("office");
let bytes: Uint8Array;
let worker: CliWorker;
const owner = sampleOwner();

beforeAll(async () => {
  bytes = await sampleBytes();
  worker = await CliWorker.start();
});
afterAll(() => worker.stop());

/** Excel's owner file: the length of the user's name, the name, then padding to 162 bytes. */
function excelOwnerFile(user: string): Buffer {
  const out = Buffer.alloc(162);
  out[0] = user.length;
  out.write(user, 1, "latin1");
  return out;
}

const LOCKS = {
  LibreOffice: (name: string) => ({ file: `.~lock.${name}#`, bytes: Buffer.from(`,Wang Fang,OFFICE-PC,27.11.2026 09:30,file:///home/wang/.config/libreoffice/4;`) }),
  Excel: (name: string) => ({ file: `~$${name}`, bytes: excelOwnerFile("Li Lei") }),
} as const;
const USERS = { LibreOffice: "Wang Fang", Excel: "Li Lei" } as const;

const COMMANDS: readonly [string, (book: string, csv: string) => string[]][] = [
  ["import", (book, csv) => ["import", book, "--table", "Customers", csv]],
  ["review", (book) => ["review", book, "--quarter", "2026-Q3"]],
  ["weekly", (book) => ["weekly", book, "--week", "2026-W47"]],
];

describe("writers refuse a workbook another program has open", () => {
  let cases = 0;
  let refused = 0;
  afterAll(() => report("office lock files", { cases, "refused, naming the program": refused, "written with --force": cases }));

  for (const program of ["LibreOffice", "Excel"] as const) {
    for (const [command, argv] of COMMANDS) {
      it(`${command} while ${program} has it open: refused naming ${program} and its user; --force writes`, async () => {
        const name = `${command}-${program}.xlsx`;
        const book = join(dir, name);
        writeFileSync(book, bytes);
        const lock = LOCKS[program](name);
        writeFileSync(join(dir, lock.file), lock.bytes);
        const csv = writeCsv(dir, `${command}-${program}.csv`, customersCsv([`C-${command}-${program}`], owner));
        cases++;
        const r = await worker.run(argv(book, csv), dir);
        expect(r.code).toBe(1);
        expect(r.err).toContain(`${name} is open in ${program} (by ${USERS[program]}) (lock file ${lock.file}); its next save would overwrite what this writes, so nothing was written`);
        expect(r.err).toContain("--force");
        expect(hasStack(r.err)).toBe(false);
        expect(new Uint8Array(readFileSync(book))).toEqual(bytes);
        refused++;

        const forced = await worker.run([...argv(book, csv), "--force"], dir);
        expect(forced.code, forced.err).toBe(0);
        if (command === "import") expect(await idsIn(book)).toContain(`C-${command}-${program}`);
        else expect((await sheetNames(book)).some((s) => s.includes("2026-"))).toBe(true);
        rmSync(join(dir, lock.file));
      });
    }
  }

  it("a lock file beside the link a user opened counts as well as one beside the real file", async () => {
    const real = join(dir, "real.xlsx");
    writeFileSync(real, bytes);
    const { symlinkSync } = await import("node:fs");
    symlinkSync(real, join(dir, "link.xlsx"));
    writeFileSync(join(dir, ".~lock.link.xlsx#"), ",Zhao,PC,;");
    const found = await officeHolders([join(dir, "link.xlsx"), real]);
    expect(found.map((h) => [h.program, h.user])).toEqual([["LibreOffice", "Zhao"]]);
  });
});
