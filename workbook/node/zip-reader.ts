/**
 * JSZip's loader without its pass over every byte of the file. Reading a
 * Uint8Array, JSZip's ArrayReader first runs `data[i] = data[i] & 0xFF`
 * over the whole input, which leaves a byte array as it was: on a 47 MB
 * workbook that loop was 220-290 ms of every command's CPU, and the file
 * port loads the package twice for a report (read, then write). Here a
 * Uint8Array gets the same reader, made without that loop; every other
 * step of the load (directory, names, checks, errors) is JSZip's own.
 * Node only: jszip resolves to its lib/ modules there; a browser bundle
 * gets JSZip's prebuilt copy, which keeps its loop.
 */
import ZipEntries from "jszip/lib/zipEntries";
import DataReader from "jszip/lib/reader/DataReader";
import Uint8ArrayReader from "jszip/lib/reader/Uint8ArrayReader";

let installed = false;

/** Makes JSZip.loadAsync of a Uint8Array skip its no-op byte loop, once for the process. */
export function useZipReaderWithoutByteLoop(): void {
  if (installed) return;
  installed = true;
  const original = ZipEntries.prototype.prepareReader;
  ZipEntries.prototype.prepareReader = function prepareReader(this: ZipEntries, data: unknown): void {
    // A node Buffer (or anything else) keeps JSZip's own reader.
    if (!(data instanceof Uint8Array) || Object.getPrototypeOf(data) !== Uint8Array.prototype) return original.call(this, data);
    const reader = Object.create(Uint8ArrayReader.prototype) as object;
    (DataReader as unknown as (this: object, d: Uint8Array) => void).call(reader, data);
    this.reader = reader;
  };
}
