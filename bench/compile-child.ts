/**
 * A bench child compiled as users run the code: esbuild bundles it into one
 * file, the way the shipped command (bin/tradebook.cjs) and the task pane's
 * webpack build are bundled. Run through tsx instead, every module is
 * compiled at start and every import goes through a getter, which cost the
 * file-mode open about a tenth of its CPU time that the browser never pays.
 */
import { join, resolve } from "node:path";
import { build } from "esbuild";

const ROOT = resolve(__dirname, "..");

/** `entry` (a path from the project root) bundled into `outfile`, packages included: the file runs from any folder. */
export async function compileChild(entry: string, outfile: string): Promise<string> {
  await build({
    absWorkingDir: ROOT,
    entryPoints: [join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    logLevel: "error",
  });
  return outfile;
}
