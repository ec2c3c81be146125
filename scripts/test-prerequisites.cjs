#!/usr/bin/env node
/* eslint-disable no-undef */
/**
 * What `npm test` needs besides Node, and where it is: Chromium (the task
 * pane end to end), LibreOffice Calc (sheets rendered to PDF as a printer
 * would), poppler-utils (PDF to text and pictures) and the Noto CJK fonts
 * (Chinese in those PDFs). Run first by `npm test` and by vitest's global
 * setup (tests/setup/global.ts): a missing tool stops the run at once with
 * one line naming the Debian package to install.
 *
 * Chromium: $TRADEBOOK_CHROMIUM when set, else the first of chromium,
 * chromium-browser, google-chrome-stable, google-chrome on PATH.
 */
const { execFileSync } = require("node:child_process");
const { accessSync, constants } = require("node:fs");
const { delimiter, join } = require("node:path");

const CHROMIUM_NAMES = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"];

/** The executable of that name on PATH, or null. */
function onPath(name, env = process.env) {
  for (const dir of (env.PATH || "").split(delimiter)) {
    if (!dir) continue;
    const file = join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium the tests drive, or null. */
function chromiumPath(env = process.env) {
  if (env.TRADEBOOK_CHROMIUM) return executable(env.TRADEBOOK_CHROMIUM) ? env.TRADEBOOK_CHROMIUM : null;
  for (const name of CHROMIUM_NAMES) {
    const found = onPath(name, env);
    if (found) return found;
  }
  return null;
}

function hasCjkFonts() {
  try {
    return /Noto (Sans|Serif) CJK/.test(execFileSync("fc-list", [":lang=zh", "family"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
  } catch {
    return false;
  }
}

/** One line per missing tool, naming the Debian package; empty when all are there. */
function missingTools(env = process.env) {
  const missing = [];
  if (!chromiumPath(env)) {
    missing.push(
      env.TRADEBOOK_CHROMIUM
        ? `npm test: TRADEBOOK_CHROMIUM=${env.TRADEBOOK_CHROMIUM} is not an executable; point it at Chromium or Chrome, or unset it and install the Debian package chromium`
        : "npm test needs Chromium: install the Debian package chromium (or set TRADEBOOK_CHROMIUM to a Chromium or Chrome executable)",
    );
  }
  if (!onPath("soffice", env)) missing.push("npm test needs LibreOffice (soffice): install the Debian package libreoffice-calc");
  const poppler = ["pdftoppm", "pdftotext", "pdffonts"].filter((t) => !onPath(t, env));
  if (poppler.length > 0) missing.push(`npm test needs ${poppler.join(", ")}: install the Debian package poppler-utils`);
  if (!hasCjkFonts()) missing.push("npm test needs the Noto CJK fonts: install the Debian package fonts-noto-cjk");
  return missing;
}

module.exports = { chromiumPath, missingTools, CHROMIUM_NAMES };

if (require.main === module) {
  const missing = missingTools();
  for (const line of missing) process.stderr.write(`${line}\n`);
  process.exitCode = missing.length > 0 ? 1 : 0;
}
