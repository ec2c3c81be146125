/**
 * An .xlsx file on disk as the one file port (workbook/xlsx/package/
 * xlsx-package.ts XlsxPackage: tables read as a stream, rows and reports
 * written into the package, exceljs only where a change needs the whole
 * workbook), opened and saved by the rules of this folder: the writers'
 * lock taken before the file is read (a second writer waits, then is
 * refused), never written while LibreOffice or Excel has it open (unless
 * `force`), never over a save someone made since it was read, through an
 * atomic replace that keeps the file's mode and symlinks (xlsx-file.ts,
 * file-replace.ts). The command line's one way to a workbook file; the
 * browser's file mode uses XlsxPackage itself (addin/host/file-host.ts).
 */
import { basename, resolve } from "node:path";
import { err, ok, type Result } from "../../core/contract/issues";
import type { LocalizedText } from "../../core/contract/lang";
import type { TableName } from "../../core/contract/schema";
import { describeRisks, inspectPackage } from "../xlsx/exceljs/package-risks";
import { mendRulesBelowTables, type MendedSheet } from "../xlsx/package/mend-rules";
import { XlsxPackage, type PackageFile } from "../xlsx/package/xlsx-package";
import { prepareSheet, putDeflated } from "./deflate";
import { inflateWithZlib } from "./inflate";
import { useZipReaderWithoutByteLoop } from "./zip-reader";
import { realTarget, type WorkbookLock } from "./workbook-lock";
import { lockForWriting, readXlsxFile, wouldLoseContent, writeXlsxBytes, type XlsxFile } from "./xlsx-file";

export type { MendedSheet };
/** The writers' lock, taken before the file is read (xlsx-file.ts): the entry points' way in. */
export { lockForWriting };

export interface XlsxFileOptions {
  /**
   * The writers' lock the caller took (lockForWriting) before opening, of
   * the file itself or of the --out a report goes to: what is read is what
   * is changed. A save to the path it locks writes under it; another save
   * takes a lock for the write alone.
   */
  readonly lock?: WorkbookLock;
  /** Write although LibreOffice or Excel seems to have the file open (its lock file is stale). */
  readonly force?: boolean;
  /** The table an import appends to: its read is kept for the append (PackageOptions.keepRead); no read is kept otherwise. */
  readonly keepRead?: TableName;
  /** Told when a change needs the whole workbook loaded (slower, and why when the port knows). */
  readonly onFullLoad?: (why: LocalizedText | undefined) => void;
}

export interface XlsxFilePort {
  /** The workbook port over the file's bytes; changes stay in memory until save(). */
  readonly port: XlsxPackage;
  /** The file as read from disk (absolute path, bytes, stamp). */
  readonly source: XlsxFile;
  /** True once a call changed the bytes. */
  changed(): boolean;
  /**
   * Takes off the data validation and conditional formats below tables that
   * stop Excel taking new rows in (`check --fix`); the sheets mended.
   */
  mendRulesBelowTables(): Promise<readonly MendedSheet[]>;
  /**
   * Writes the current bytes to `to` (default: the file itself), all or
   * nothing, under the lock; refused over the file read when a change went
   * through the full load and the file holds parts exceljs drops, or when
   * someone saved that file since it was read.
   */
  save(to?: string): Promise<Result<void>>;
}

/** Opens the file at `path` as the file port; unreadable bytes give an issue naming the file. */
export async function openXlsxFilePort(path: string, options: XlsxFileOptions = {}): Promise<Result<XlsxFilePort>> {
  const read = await readXlsxFile(path);
  if (!read.ok) return read;
  const source = read.value;
  const file: PackageFile = { bytes: source.bytes };
  let fullLoad = false;
  const onFullLoad = (why: LocalizedText | undefined): void => {
    fullLoad = true;
    options.onFullLoad?.(why);
  };
  useZipReaderWithoutByteLoop();
  const port = await XlsxPackage.open(file, basename(path), { inflate: inflateWithZlib, put: putDeflated, keepRead: options.keepRead ?? null, prepare: prepareSheet, onFullLoad });
  if (!port.ok) return port;
  return ok({
    port: port.value,
    source,
    changed: () => file.bytes !== source.bytes,
    async mendRulesBelowTables() {
      const mended = await mendRulesBelowTables(file.bytes, { inflate: inflateWithZlib, put: putDeflated });
      if (mended.mended.length > 0) file.bytes = mended.bytes;
      return mended.mended;
    },
    async save(to?: string) {
      const target = resolve(to ?? source.path);
      if (fullLoad && target === source.path) {
        const risks = await inspectPackage(source.bytes);
        if (risks.parts.length > 0) return err([wouldLoseContent(target, describeRisks(risks))]);
      }
      const lock = options.lock && options.lock.target === (await realTarget(target)) ? options.lock : undefined;
      return writeXlsxBytes(source, file.bytes, target, { lock, force: options.force });
    },
  });
}
