/* eslint-disable no-undef */
/**
 * Where the add-in is served from, and the manifest for that place.
 *
 * manifest.xml in the repository names https://localhost:3000/ (the
 * development server, `npm run serve`). A deployment build
 * (`npm run build -- --url https://crm.example.com/tradebook/`, or
 * TRADEBOOK_URL) writes dist/manifest.xml with every URL on the team's own
 * origin instead. No <AppDomains> is needed: the add-in loads nothing but
 * its own folder and office.js, and Microsoft's manifest reference says a
 * domain listed there that is the SourceLocation's own has no effect
 * (https://learn.microsoft.com/javascript/api/manifest/appdomain).
 */
const DEV_URL = "https://localhost:3000/";

/** Microsoft's CDN: the only office.js Microsoft supports for add-ins in production. */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * The base URL the add-in is served from: https, ending in "/", no query
 * or fragment. Throws with a message for the user on anything else.
 */
function normalizeBaseUrl(text) {
  let url;
  try {
    url = new URL(String(text).trim());
  } catch {
    throw new Error(`--url "${text}" is not a URL; give the https address the add-in's folder will be served from, e.g. https://crm.example.com/tradebook/`);
  }
  if (url.protocol !== "https:") throw new Error(`--url ${text}: Office loads add-ins only over https`);
  if (url.search || url.hash) throw new Error(`--url ${text}: give the folder's address without ?query or #fragment`);
  if (url.username || url.password) throw new Error(`--url ${text}: no user name or password in the address`);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}

/**
 * The four-part manifest version (Office compares it when an add-in is
 * updated) from the package's "major.minor.patch".
 */
function manifestVersion(packageVersion) {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(packageVersion);
  if (!m) throw new Error(`package.json version "${packageVersion}" is not major.minor.patch`);
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

/** The manifest served from `baseUrl`, at the package's version. */
function manifestFor(xml, baseUrl, packageVersion) {
  // The comment on the development URL says instead where this file is for.
  let out = String(xml).replace(/( *)Every URL is https:\/\/localhost:3000\/ in development;[^\n]*\n[^\n]*\n/, (_, indent) => `${indent}Built for ${baseUrl} (npm run build, docs/deploy.md).\n`);
  out = out.split(DEV_URL).join(baseUrl);
  out = out.replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(packageVersion)}</Version>`);
  return out;
}

module.exports = { DEV_URL, OFFICE_JS_CDN, normalizeBaseUrl, manifestFor, manifestVersion };
