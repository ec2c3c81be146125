/** The outside programs the tests drive, found as scripts/test-prerequisites.cjs finds them. */
import { createRequire } from "node:module";

const prerequisites = createRequire(import.meta.url)("../../scripts/test-prerequisites.cjs") as { chromiumPath: () => string | null };

/** Chromium or Chrome: $TRADEBOOK_CHROMIUM, else chromium (or chromium-browser, google-chrome) on PATH. */
export function chromiumExecutable(): string {
  const found = prerequisites.chromiumPath();
  if (!found) throw new Error("no Chromium: install the Debian package chromium, or set TRADEBOOK_CHROMIUM to a Chromium or Chrome executable");
  return found;
}
