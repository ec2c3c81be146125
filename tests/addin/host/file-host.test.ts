/**
 * The pane's file mode overwrites the file it opened only if nobody saved
 * it since (a browser cannot take the command line's lock): the file's time
 * and size are checked right before writing (addin/host/file-host.ts).
 */
import { describe, expect, it } from "vitest";
import { buildWorkbook } from "../../../templates/builder";
import { openFileHost, type WritableFileHandle } from "../../../addin/host/file-host";

/** A file on "disk" behind a File System Access handle: what was written, and its stamp. */
function fakeHandle(name: string, bytes: Uint8Array) {
  const disk = { bytes, lastModified: 1_000, writes: 0 };
  const handle: WritableFileHandle = {
    name,
    getFile: async () => new File([disk.bytes as BlobPart], name, { lastModified: disk.lastModified }),
    createWritable: async () => {
      const parts: Blob[] = [];
      return {
        write: async (data: Blob) => void parts.push(data),
        close: async () => {
          disk.bytes = new Uint8Array(await new Blob(parts).arrayBuffer());
          disk.lastModified += 1_000;
          disk.writes++;
        },
      };
    },
  };
  return { handle, disk };
}

describe("saving back into the opened file", () => {
  it("saves, and saves again after its own save", async () => {
    const bytes = new Uint8Array(await buildWorkbook("en-US").xlsx.writeBuffer());
    const { handle, disk } = fakeHandle("team.xlsx", bytes);
    const host = await openFileHost(bytes.slice().buffer, "team.xlsx", handle);
    if (!host.ok) throw new Error("unreadable");
    expect((await host.value.save!()).ok).toBe(true);
    expect((await host.value.save!()).ok).toBe(true);
    expect(disk.writes).toBe(2);
  });

  it("refuses when someone else saved the file since it was opened: their save is kept", async () => {
    const bytes = new Uint8Array(await buildWorkbook("en-US").xlsx.writeBuffer());
    const { handle, disk } = fakeHandle("team.xlsx", bytes);
    const host = await openFileHost(bytes.slice().buffer, "team.xlsx", handle);
    if (!host.ok) throw new Error("unreadable");
    // Someone saves it in Excel meanwhile.
    const theirs = new Uint8Array([1, 2, 3]);
    disk.bytes = theirs;
    disk.lastModified = 5_000;
    const saved = await host.value.save!();
    expect(saved.ok).toBe(false);
    expect(saved.ok ? "" : saved.error[0].message.en).toMatch(/team\.xlsx was changed by someone else after it was opened; not saved/);
    expect(disk.bytes).toBe(theirs);
    expect(disk.writes).toBe(0);
  });
});
