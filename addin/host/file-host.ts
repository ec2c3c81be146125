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
import { err, ok, type Result } from "../../core/contract/issues";
import type { Host, SavedFile } from "./host";
import { confirmLeavingUnsaved, trackUnsaved } from "./unsaved";
import { browserStorage, storageUserStore } from "./user-store";

/** The part of the File System Access API we use (not yet in TypeScript's DOM lib). */
export interface WritableFileHandle {
  readonly name: string;
  createWritable(): Promise<{ write(data: Blob): Promise<void>; close(): Promise<void> }>;
}

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function openFileHost(buffer: ArrayBuffer, name: string, handle?: WritableFileHandle): Promise<Result<Host>> {
  const { XlsxPackage } = await import(/* webpackChunkName: "xlsx" */ "../../workbook/xlsx/package/xlsx-package");
  const file = { bytes: new Uint8Array(buffer) };
  const opened = await XlsxPackage.open(file, name);
  if (!opened.ok) return opened;
  const tracker = trackUnsaved(opened.value, () => file.bytes);
  if (typeof window !== "undefined") confirmLeavingUnsaved(window, tracker.changes);
  const save = async (): Promise<Result<SavedFile>> => {
    try {
      const { bytes } = file;
      const blob = new Blob([bytes as BlobPart], { type: XLSX_MIME });
      if (handle) {
        const w = await handle.createWritable();
        await w.write(blob);
        await w.close();
        tracker.saved(bytes);
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
