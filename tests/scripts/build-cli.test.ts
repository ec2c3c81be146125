/**
 * What each command of the compiled CLI loads before it runs
 * (scripts/build-cli.cjs: one chunk per command): `--help` nothing but its
 * own code, and the commands that only read a workbook and write reports
 * into it (review, weekly, due, check) never exceljs, the largest package
 * (its load was about a third of `tradebook review` on a small workbook).
 * Commands that load a workbook whole get it through an import() when they
 * do (workbook/node/xlsx-file.ts openXlsxFile).
 */
import { createRequire } from "node:module";
import type { Metafile } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const { compileCli, staticPackagesOf } = require("../../scripts/build-cli.cjs") as {
  compileCli: (o: { quiet: boolean }) => Promise<{ metafile: Metafile }>;
  staticPackagesOf: (metafile: Metafile, entry: string) => string[];
};

describe("what each compiled command loads", () => {
  let metafile: Metafile;
  beforeAll(async () => {
    metafile = (await compileCli({ quiet: true })).metafile;
  }, 120_000);

  it("tradebook --help and --version load no package", () => {
    expect(staticPackagesOf(metafile, "tradebook.mjs")).toEqual([]);
  });

  it.each(["review", "weekly", "due", "check"])("%s does not load exceljs", (command) => {
    const packages = staticPackagesOf(metafile, command);
    expect(packages).not.toContain("exceljs");
    // The reader and the report writer are there: the check is not vacuous.
    expect(packages).toContain("jszip");
  });

  it("import, which may load a workbook whole, still finds exceljs behind an import()", () => {
    const all = new Set(Object.values(metafile.outputs).flatMap((o) => Object.keys(o.inputs)));
    expect([...all].some((i) => i.includes("node_modules/exceljs/"))).toBe(true);
  });
});
