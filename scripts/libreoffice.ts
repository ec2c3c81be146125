/**
 * Printing a workbook the way a person would: LibreOffice headless converts
 * .xlsx files to PDF. Its own profile (under `workDir`) sets
 * OOXMLRecalcMode=0, without which LibreOffice shows an .xlsx's cached
 * formula results instead of recalculating them on load. One LibreOffice
 * start converts all files: starting it is most of the cost.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const RECALC_ON_LOAD = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Converts `files` to `outDir`/NAME.pdf; throws with LibreOffice's output when it fails. */
export function convertToPdf(workDir: string, files: readonly string[], outDir: string): void {
  const profile = join(workDir, "lo");
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALC_ON_LOAD);
  execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir, ...files], {
    encoding: "utf8",
    timeout: 90_000,
  });
}
