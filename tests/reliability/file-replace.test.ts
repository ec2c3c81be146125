/**
 * The replace keeps what the file is (issue: a read-only workbook was
 * overwritten, a group-shared 0660 one became 0644, a symlink and a hard
 * link were replaced by a plain file, so the real workbook never got the
 * rows), a full disk or a missing permission is a message, not a stack, and
 * the temporary files a killed writer left are removed on the next write.
 * workbook/node/file-replace.ts.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { report } from "./support/figures";
import { CliWorker, hasStack, runBin } from "./support/cli-workers";
import { customersCsv, idsIn, sampleBytes, sampleOwner, tempDir, writeCsv } from "./support/workbooks";

const dir = tempDir("replace");
const isRoot = process.getuid?.() === 0;
let bytes: Uint8Array;
let worker: CliWorker;
const owner = sampleOwner();
let n = 0;

beforeAll(async () => {
  bytes = await sampleBytes();
  worker = await CliWorker.start();
});
afterAll(() => worker.stop());

function book(name: string, at = dir): string {
  const path = join(at, name);
  writeFileSync(path, bytes);
  return path;
}

function importInto(path: string, cwd = dir) {
  const id = `C-REPL-${++n}`;
  const csv = writeCsv(cwd === dir ? dir : cwd, `replace-${n}.csv`, customersCsv([id], owner));
  return worker.run(["import", path, "--table", "Customers", csv], cwd).then((r) => ({ ...r, id }));
}

/** Temporary files in a folder (TradeBook's are hidden and end in .tmp). */
const temps = (at: string): string[] => readdirSync(at).filter((f) => f.endsWith(".tmp"));

describe("the replace keeps what the file is", () => {
  const cases: string[] = [];
  afterAll(() => report("file kinds", { cases: cases.length, kept: cases.filter((c) => c === "kept").length, refused: cases.filter((c) => c === "refused").length }));

  it("a group-shared 0660 workbook stays 0660, with its group", async () => {
    const path = book("shared.xlsx");
    chmodSync(path, 0o660);
    if (isRoot) chownSync(path, 0, 4242);
    const r = await importInto(path);
    expect(r.code, r.err).toBe(0);
    const st = statSync(path);
    expect(st.mode & 0o7777).toBe(0o660);
    if (isRoot) expect(st.gid).toBe(4242);
    expect(await idsIn(path)).toContain(r.id);
    cases.push("kept");
  });

  it("a symbolic link stays a link, and the file it points to gets the rows", async () => {
    mkdirSync(join(dir, "real"), { recursive: true });
    const real = book("team.xlsx", join(dir, "real"));
    const link = join(dir, "team-link.xlsx");
    symlinkSync(real, link);
    const r = await importInto(link);
    expect(r.code, r.err).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(real);
    expect(await idsIn(real)).toContain(r.id);
    expect(temps(dir)).toEqual([]);
    expect(temps(join(dir, "real"))).toEqual([]);
    cases.push("kept");
  });

  it("a hard-linked workbook is refused, both names unchanged", async () => {
    const path = book("linked.xlsx");
    linkSync(path, join(dir, "linked-too.xlsx"));
    const r = await importInto(path);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/linked\.xlsx has 1 other hard link\(s\); replacing it would leave them with the old content, so nothing was written/);
    expect(hasStack(r.err)).toBe(false);
    expect(statSync(path).ino).toBe(statSync(join(dir, "linked-too.xlsx")).ino);
    expect(new Uint8Array(readFileSync(path))).toEqual(bytes);
    cases.push("refused");
  });

  it("a read-only workbook is refused, unchanged (even for root)", async () => {
    const path = book("readonly.xlsx");
    chmodSync(path, 0o444);
    const r = await importInto(path);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/readonly\.xlsx is read-only; nothing was written/);
    expect(statSync(path).mode & 0o777).toBe(0o444);
    expect(new Uint8Array(readFileSync(path))).toEqual(bytes);
    cases.push("refused");
  });
});

describe("temporary files a killed writer left", () => {
  it("are removed by the next write of that workbook; other files stay", async () => {
    const path = book("killed.xlsx");
    // What `kill -9` during a save leaves: this version's temp and the earlier versions' (.NAME.PID.MS.tmp).
    const left = [".killed.xlsx.tradebook-99999-k9x2m1.tmp", ".killed.xlsx.4242.1764230400000.tmp"];
    for (const t of left) writeFileSync(join(dir, t), "half a workbook");
    writeFileSync(join(dir, ".killed.xlsx.notes.tmp"), "someone else's");
    const r = await importInto(path);
    expect(r.code, r.err).toBe(0);
    for (const t of left) expect(existsSync(join(dir, t)), t).toBe(false);
    expect(existsSync(join(dir, ".killed.xlsx.notes.tmp"))).toBe(true);
    report("stale temps", { left: left.length, "removed by the next write": left.filter((t) => !existsSync(join(dir, t))).length });
  });
});

/**
 * A full disk, honestly: a 256 KB tmpfs when the suite may mount one (as
 * root, as CI containers and this machine do); otherwise, or with
 * TB_INJECT_ENOSPC=1, ENOSPC injected at the write call of the tradebook
 * process (support/enospc.cjs).
 */
describe("a full disk", () => {
  const full = join(dir, "full");
  let how = "";
  let env: Record<string, string> = {};
  beforeAll(() => {
    mkdirSync(full, { recursive: true });
    try {
      if (process.env.TB_INJECT_ENOSPC) throw new Error("injection asked for");
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=256k", "tmpfs", full], { stdio: "ignore" });
      how = "tmpfs of 256 KB";
    } catch {
      how = "ENOSPC injected at the write call";
      env = { NODE_OPTIONS: `--require ${join(__dirname, "support", "enospc.cjs")}`, TB_FULL_DIR: full };
    }
  });
  afterAll(() => {
    if (how.startsWith("tmpfs")) execFileSync("umount", [full], { stdio: "ignore" });
  });

  /** Fills the file system (when it is a tmpfs) so that fewer than `spare` bytes are left. */
  function fill(spare: number): void {
    if (!how.startsWith("tmpfs")) return;
    const free = Number(execFileSync("df", ["--output=avail", "-B1", full]).toString().split("\n")[1].trim());
    writeFileSync(join(full, `filler-${Math.random()}`), Buffer.alloc(Math.max(0, free - spare)));
  }

  it("init: one line saying the disk is full, no stack, no file, no temporary file", async () => {
    fill(4096);
    const r = await runBin(["init", "Team.xlsx", "--sample"], full, { env });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cannot (save|lock) .*Team\.xlsx: the disk is full \(ENOSPC\); nothing was written/);
    expect(hasStack(r.err)).toBe(false);
    expect(existsSync(join(full, "Team.xlsx"))).toBe(false);
    expect(temps(full)).toEqual([]);
    report("full disk: init", { simulated: how, "exit code": r.code, stack: hasStack(r.err) ? "yes" : "none", "temp files left": temps(full).length });
  });

  it("import: refused in words, the workbook as it was, no temporary file", async () => {
    const path = join(full, "team.xlsx");
    if (how.startsWith("tmpfs")) execFileSync("sh", ["-c", `rm -f ${full}/filler-*`]);
    writeFileSync(path, bytes);
    fill(8192);
    const csv = writeCsv(dir, "full.csv", customersCsv(["C-FULL-1"], owner));
    const r = await runBin(["import", path, "--table", "Customers", csv], dir, { env });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/the disk is full \(ENOSPC\)/);
    expect(hasStack(r.err)).toBe(false);
    expect(new Uint8Array(readFileSync(path))).toEqual(bytes);
    expect(temps(full)).toEqual([]);
  });
});

describe("no permission", () => {
  it("a folder the user may not write in: refused in words, no stack", async () => {
    const locked = join(dir, "no-write");
    mkdirSync(locked, { recursive: true });
    const path = book("team.xlsx", locked);
    chmodSync(path, 0o666);
    const csv = writeCsv(dir, "perm.csv", customersCsv(["C-PERM-1"], owner));
    chmodSync(csv, 0o644);
    chmodSync(dir, 0o755);
    // Root may write anywhere: the command runs as nobody then; otherwise the folder is made read-only.
    if (!isRoot) chmodSync(locked, 0o555);
    const r = await runBin(["import", path, "--table", "Customers", csv], dir, isRoot ? { uid: 65534, gid: 65534 } : {});
    if (!isRoot) chmodSync(locked, 0o755);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cannot (lock|save) .*team\.xlsx: no permission to write in .*no-write \((EACCES|EPERM)\); nothing was written/);
    expect(hasStack(r.err)).toBe(false);
    expect(new Uint8Array(readFileSync(path))).toEqual(bytes);
  });
});
