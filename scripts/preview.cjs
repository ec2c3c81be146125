#!/usr/bin/env node
/* eslint-disable no-undef */
/**
 * `npm run preview`: the task pane outside Office, in any browser.
 *
 * Builds the pane with webpack when dist/ is older than its sources (or
 * always with --build=always, never with --build=never), then serves dist/
 * on http://localhost:3000 (PORT overrides; PORT=0 picks a free port) and
 * the demo workbook at /demo/TradeBook-demo.xlsx. Open
 *   http://localhost:3000/taskpane.html?demo=1
 * to work on the demo through the file host; without ?demo=1 the pane asks
 * for a .xlsx. This is how the pane is tested end to end (tests/e2e).
 *
 * Options: --build=stale|always|never   --dist DIR   --demo FILE (the .xlsx
 * served as the demo; default demo/TradeBook-demo.xlsx, made with
 * `tradebook demo` when missing).
 * Environment: TRADEBOOK_ENTRIES is passed to webpack (e.g. taskpane,commands).
 */
const fs = require("fs");
const http = require("http");
const https = require("https");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.resolve(__dirname, "..");

function option(name, fallback) {
  const prefix = `--${name}=`;
  const i = process.argv.findIndex((a) => a === `--${name}` || a.startsWith(prefix));
  if (i < 0) return fallback;
  const a = process.argv[i];
  return a.startsWith(prefix) ? a.slice(prefix.length) : process.argv[i + 1];
}

const dist = path.resolve(root, option("dist", process.env.TRADEBOOK_OUT || "dist"));
const demoFile = path.resolve(root, option("demo", "demo/TradeBook-demo.xlsx"));
const buildMode = option("build", "stale");
const port = Number(process.env.PORT ?? 3000);
// --https serves with the development certificate that
// `npx office-addin-dev-certs install` puts in ~/.office-addin-dev-certs:
// Excel only loads add-ins from https://localhost:3000 (the manifest's URLs).
const secure = process.argv.includes("--https");

/** Newest modification time under the given paths (files or folders). */
function newest(paths) {
  let t = 0;
  const visit = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p)) if (name !== "node_modules") visit(path.join(p, name));
    } else t = Math.max(t, st.mtimeMs);
  };
  paths.forEach((p) => visit(path.join(root, p)));
  return t;
}

// Outside Office (the preview, the tests) the page must work offline, so it
// loads the npm package's office.js; for Excel (--https) Microsoft's CDN.
const officeJs = process.env.TRADEBOOK_OFFICE_JS || (secure ? "cdn" : "local");

function isStale() {
  const page = path.join(dist, "taskpane.html");
  if (!fs.existsSync(page)) return true;
  // A build for the other office.js (npm run build uses the CDN's) is rebuilt.
  if (fs.readFileSync(page, "utf8").includes('src="office-js/office.js"') !== (officeJs === "local")) return true;
  const built = fs.statSync(page).mtimeMs;
  return newest(["addin", "core", "workbook", "functions", "webpack.config.js", "package.json"]) > built;
}

function build() {
  console.log(`[preview] building the task pane into ${dist} …`);
  const webpack = path.join(root, "node_modules", "webpack-cli", "bin", "cli.js");
  const r = spawnSync(process.execPath, [webpack, "--mode", "production"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, TRADEBOOK_OUT: dist, TRADEBOOK_OFFICE_JS: officeJs },
  });
  if (r.status !== 0) {
    console.error("[preview] the build failed");
    process.exit(r.status || 1);
  }
}

function ensureDemo() {
  if (fs.existsSync(demoFile)) return;
  console.log(`[preview] making the demo workbook ${demoFile} …`);
  fs.mkdirSync(path.dirname(demoFile), { recursive: true });
  const r = spawnSync(process.execPath, [path.join(root, "bin", "tradebook.cjs"), "demo", demoFile], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) console.warn("[preview] could not make the demo workbook; ?demo=1 will say so");
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The file a URL path names inside `base`, or null when it would leave it. */
function within(base, urlPath) {
  const p = path.normalize(path.join(base, decodeURIComponent(urlPath)));
  return p === base || p.startsWith(base + path.sep) ? p : null;
}

function tlsOptions() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const key = path.join(dir, "localhost.key");
  const cert = path.join(dir, "localhost.crt");
  if (!fs.existsSync(key) || !fs.existsSync(cert)) {
    console.error(`[preview] no development certificate in ${dir}: run \`npx office-addin-dev-certs install\` once`);
    process.exit(2);
  }
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}

function serve() {
  const handler = (req, res) => {
    const url = new URL(req.url || "/", "http://localhost");
    let file;
    if (url.pathname === "/") {
      res.writeHead(302, { Location: "/taskpane.html" + url.search });
      res.end();
      return;
    }
    if (url.pathname === "/demo/TradeBook-demo.xlsx") file = demoFile;
    else file = within(dist, url.pathname);
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file).toLowerCase()] || "application/octet-stream", "Cache-Control": "no-store" });
    fs.createReadStream(file).pipe(res);
  };
  const server = secure ? https.createServer(tlsOptions(), handler) : http.createServer(handler);
  server.listen(port, "127.0.0.1", () => {
    const actual = server.address().port;
    console.log(
      secure
        ? `[preview] TradeBook add-in served for Excel on https://localhost:${actual}/ (sideload manifest.xml)`
        : `[preview] TradeBook task pane: http://localhost:${actual}/taskpane.html?demo=1`,
    );
  });
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (buildMode === "always" || (buildMode === "stale" && isStale())) build();
ensureDemo();
serve();
