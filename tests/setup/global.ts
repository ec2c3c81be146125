/**
 * Vitest's global setup, once before any test file: the tools the tests
 * drive must be installed (scripts/test-prerequisites.cjs; a missing one
 * stops the run with one line naming its Debian package), and the compiled
 * CLI must match the sources, since some tests and the benchmark run
 * bin/tradebook.cjs as a user does.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { missingTools } = require("../../scripts/test-prerequisites.cjs") as { missingTools: () => string[] };
const { buildCliIfStale } = require("../../scripts/build-cli.cjs") as { buildCliIfStale: (o: { quiet: boolean }) => Promise<unknown> };

export default async function setup(): Promise<void> {
  const missing = missingTools();
  if (missing.length > 0) {
    process.stderr.write(`${missing.join("\n")}\n`);
    process.exit(1);
  }
  await buildCliIfStale({ quiet: true });
}
