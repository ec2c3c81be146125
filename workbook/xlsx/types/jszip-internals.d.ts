/**
 * The two JSZip internals workbook/node/deflate.ts hands a part to
 * JSZip with (jszip 4.x's lib/, untyped): an entry's compressed data, which
 * JSZip copies as is when it generates a package, and its DEFLATE method.
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
