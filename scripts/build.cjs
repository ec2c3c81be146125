#!/usr/bin/env node
/* eslint-disable no-undef */
/**
 * `npm run build [-- --url https://crm.example.com/tradebook/]`: the add-in
 * in dist/ (webpack.config.js), ready for a static https host.
 *
 * --url (or the TRADEBOOK_URL environment variable) is the address the
 * folder will be served from; dist/manifest.xml then points there and
 * nowhere else. Without it the build is for development on
 * https://localhost:3000/ (`npm run serve`). docs/deploy.md has the rest.
 * Other options go to webpack (e.g. --mode development).
 */
const { spawnSync } = require("node:child_process");
const path = require("node:path");
const { normalizeBaseUrl } = require("./deployment.cjs");

const root = path.resolve(__dirname, "..");

function parse(argv) {
  let url = process.env.TRADEBOOK_URL || null;
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--url") {
      url = argv[++i];
      if (!url) throw new Error("--url needs the https address the add-in will be served from");
    } else if (a.startsWith("--url=")) url = a.slice("--url=".length);
    else rest.push(a);
  }
  return { url, rest };
}

function main() {
  let options;
  try {
    options = parse(process.argv.slice(2));
    if (options.url) options.url = normalizeBaseUrl(options.url);
  } catch (e) {
    console.error(`build: ${e.message}`);
    return 2;
  }
  const out = path.resolve(root, process.env.TRADEBOOK_OUT || "dist");
  const env = { ...process.env };
  if (options.url) env.TRADEBOOK_URL = options.url;
  else delete env.TRADEBOOK_URL;
  const mode = options.rest.includes("--mode") ? [] : ["--mode", "production"];
  const webpack = path.join(root, "node_modules", "webpack-cli", "bin", "cli.js");
  const r = spawnSync(process.execPath, [webpack, ...mode, ...options.rest], { cwd: root, env, stdio: "inherit" });
  if (r.status !== 0) return r.status || 1;
  const rel = path.relative(root, out) || ".";
  console.log(
    options.url
      ? `\nbuild: ${rel}/ is the add-in for ${options.url}\n  1. copy everything in ${rel}/ to that address (any static https host);\n  2. install ${rel}/manifest.xml for the team (docs/deploy.md).`
      : `\nbuild: ${rel}/ is the add-in for development on https://localhost:3000/ (npm run serve).\n  For a team: npm run build -- --url https://your.server/tradebook/ (docs/deploy.md).`,
  );
  return 0;
}

process.exitCode = main();
