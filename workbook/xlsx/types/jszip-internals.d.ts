/**
 * JSZip internals (jszip 3.x's lib/, untyped) used in node only: the two
 * workbook/node/deflate.ts hands a part to JSZip with (an entry's
 * compressed data, which JSZip copies as is when it generates a package,
 * and its DEFLATE method), and the three workbook/node/zip-reader.ts gives
 * JSZip's loader a reader with.
 */
declare module "jszip/lib/compressedObject" {
  class CompressedObject {
    constructor(compressedSize: number, uncompressedSize: number, crc32: number, compression: object, data: Uint8Array);
  }
  export = CompressedObject;
}
declare module "jszip/lib/compressions" {
  export const DEFLATE: object;
}
declare module "jszip/lib/zipEntries" {
  class ZipEntries {
    prepareReader(data: unknown): void;
    reader: unknown;
  }
  export = ZipEntries;
}
declare module "jszip/lib/reader/Uint8ArrayReader" {
  class Uint8ArrayReader {}
  export = Uint8ArrayReader;
}
declare module "jszip/lib/reader/DataReader" {
  class DataReader {}
  export = DataReader;
}
