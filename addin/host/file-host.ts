/**
 * The file host: a .xlsx opened in a plain browser, edited through the
 * package port (workbook/xlsx/package/xlsx-package.ts: tables read as a stream,
 * rows and reports written into the package, exceljs only for what needs
 * the whole workbook), saved back by download (or into the opened file
 * where the File System Access API gave us a handle). Until then the page
 * says there are unsaved changes and the browser asks before leaving it
 * (unsaved.ts). The port and exceljs
 * are loaded only here, with a dynamic import, so the Excel task pane never
 * downloads them.
 */
import { err, ok, type Issue, type Result } from "../../core/contract/issues";
import type { Host, SavedFile } from "./host";
import { confirmLeavingUnsaved, trackUnsaved } from "./unsaved";
import { browserStorage, storageUserStore } from "./user-store";

/** The part of the File System Access API we use (not yet in TypeScript's DOM lib). */
export interface WritableFileHandle {
  readonly name: string;
  createWritable(): Promise<{ write(data: Blob): Promise<void>; close(): Promise<void> }>;
  /** The file as it is on disk now (its time and size tell whether someone saved it meanwhile). */
  getFile?(): Promise<File>;
}

/** What the file on disk is now, to notice a save by someone else; undefined when the browser cannot say. */
async function stampOf(handle: WritableFileHandle): Promise<string | undefined> {
  const file = await handle.getFile?.().catch(() => undefined);
  return file ? `${file.lastModified}:${file.size}` : undefined;
}

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function openFileHost(buffer: ArrayBuffer, name: string, handle?: WritableFileHandle): Promise<Result<Host>> {
  const { XlsxPackage } = await import(/* webpackChunkName: "xlsx" */ "../../workbook/xlsx/package/xlsx-package");
  const file = { bytes: new Uint8Array(buffer) };
  const opened = await XlsxPackage.open(file, name);
  if (!opened.ok) return opened;
  const tracker = trackUnsaved(opened.value, () => file.bytes);
  if (typeof window !== "undefined") confirmLeavingUnsaved(window, tracker.changes);
  // A browser cannot take the lock the command line takes (workbook/node/workbook-lock.ts); it checks
  // right before overwriting that nobody saved the file since it was opened or last saved here.
  let stamp = handle ? await stampOf(handle) : undefined;
  const save = async (): Promise<Result<SavedFile>> => {
    try {
      const { bytes } = file;
      const blob = new Blob([bytes as BlobPart], { type: XLSX_MIME });
      if (handle) {
        const now = await stampOf(handle);
        if (stamp !== undefined && now !== stamp) return err([changedOnDisk(handle.name)]);
        const w = await handle.createWritable();
        await w.write(blob);
        await w.close();
        tracker.saved(bytes);
        stamp = await stampOf(handle);
        return ok({ name: handle.name, via: "handle" });
      }
      downloadBlob(blob, name);
      tracker.saved(bytes);
      return ok({ name, via: "download" });
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return err([{ severity: "error", sheet: name, row: null, column: null, code: "save-failed", message: { zh: `保存失败：${why}`, en: `Saving failed: ${why}` } }]);
    }
  };
  return ok({ kind: "file", port: tracker.port, displayName: name, store: storageUserStore(browserStorage(), `file:${name}`), save, unsaved: tracker.changes });
}

function changedOnDisk(name: string): Issue {
  return {
    severity: "error" as const,
    sheet: name,
    row: null,
    column: null,
    code: "changed-on-disk",
    message: {
      zh: `${name} 在打开后已被其他人或程序修改；为免覆盖他们的改动，未保存。请重新打开文件后再修改。`,
      en: `${name} was changed by someone else after it was opened; not saved, so their changes are not overwritten. Open the file again and redo the change.`,
    },
  };
}

function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before releasing the bytes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
