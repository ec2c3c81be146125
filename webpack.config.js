/* eslint-disable no-undef */
/**
 * The add-in build (modelled on the yo-office templates "Excel Custom
 * Functions using a Shared Runtime" and "Task pane with React").
 *
 * One page, taskpane.html, is the shared runtime: it loads office.js, then
 * the commands, functions and task-pane bundles. The custom-functions
 * metadata plugin writes functions.json from the JSDoc in
 * functions/functions.ts; scripts/localized-metadata-plugin.cjs writes
 * functions.zh-CN.json from it. The help pages (addin/help/) and the
 * manifest are copied beside them: the output folder is the whole add-in,
 * for any static https host (docs/deploy.md).
 *
 * office.js comes from Microsoft's CDN, the only copy Microsoft supports in
 * production; the preview outside Office and the tests, which must work
 * offline, use the npm package's copy (TRADEBOOK_OFFICE_JS=local).
 *
 * Environment (`npm run build -- --url URL` sets TRADEBOOK_URL: scripts/build.cjs):
 *   TRADEBOOK_URL      the https folder the add-in is served from; the manifest's
 *                      URLs are rewritten to it (default: https://localhost:3000/).
 *   TRADEBOOK_OFFICE_JS=local  office.js copied from node_modules (offline preview, tests).
 *   TRADEBOOK_ENTRIES  comma list of entries to build (taskpane,commands,functions);
 *                      default: all three.
 *   TRADEBOOK_OUT      output folder (default dist/).
 *   TRADEBOOK_NO_OFFICEJS=1  skip copying office.js (faster partial builds).
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const MinimizerPlugin = require("minimizer-webpack-plugin");
const LocalizedMetadataPlugin = require("./scripts/localized-metadata-plugin.cjs");
const OfficeJsTagPlugin = require("./scripts/office-js-tag-plugin.cjs");
const { OFFICE_JS_CDN, manifestFor, normalizeBaseUrl } = require("./scripts/deployment.cjs");

const root = __dirname;
const { version } = require("./package.json");

/** Entry name → source file, in the order the page loads them. */
const SOURCES = {
  commands: "addin/commands/commands.ts",
  functions: "functions/functions.ts",
  taskpane: "addin/taskpane/index.tsx",
};

function selectedEntries() {
  const wanted = (process.env.TRADEBOOK_ENTRIES || "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const w of wanted) {
    if (!SOURCES[w]) throw new Error(`TRADEBOOK_ENTRIES: unknown entry "${w}" (known: ${Object.keys(SOURCES).join(", ")})`);
  }
  const names = wanted.length ? wanted : Object.keys(SOURCES);
  return Object.fromEntries(names.map((name) => [name, "./" + SOURCES[name]]));
}

module.exports = (env, options) => {
  const dev = options.mode === "development";
  const entry = selectedEntries();
  const outDir = process.env.TRADEBOOK_OUT ? path.resolve(process.env.TRADEBOOK_OUT) : path.join(root, "dist");
  const localOfficeJs = process.env.TRADEBOOK_OFFICE_JS === "local";
  if (process.env.TRADEBOOK_OFFICE_JS && !["local", "cdn"].includes(process.env.TRADEBOOK_OFFICE_JS)) throw new Error(`TRADEBOOK_OFFICE_JS: "local" or "cdn", not "${process.env.TRADEBOOK_OFFICE_JS}"`);
  const copyOfficeJs = localOfficeJs && !process.env.TRADEBOOK_NO_OFFICEJS && (entry.taskpane || entry.commands);
  // Checked before building: a wrong address should not cost a build.
  const deployUrl = process.env.TRADEBOOK_URL ? normalizeBaseUrl(process.env.TRADEBOOK_URL) : null;
  const hasPage = Boolean(entry.taskpane || entry.commands || entry.functions);

  const plugins = [];
  if (entry.functions) {
    plugins.push(
      new CustomFunctionsMetadataPlugin({ input: "./functions/functions.ts", output: "functions.json" }),
      new LocalizedMetadataPlugin({ input: "functions.json", locales: { "zh-CN": "./functions/i18n/zh-CN.ts" } }),
    );
  }
  if (hasPage) {
    plugins.push(
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: path.join(root, "addin/taskpane/taskpane.html"),
        // Shared runtime: commands and functions must register before Office
        // calls them, so they load before the React pane.
        chunks: Object.keys(SOURCES).filter((n) => entry[n]),
        chunksSortMode: "manual",
        inject: "body",
      }),
      new OfficeJsTagPlugin({ src: localOfficeJs ? "office-js/office.js" : OFFICE_JS_CDN }),
    );
  }
  const patterns = [
    { from: "assets/*.png", to: "assets/[name][ext]" },
    // SupportUrl and the Get Started "learn more" link (en-US and zh-CN).
    { from: "addin/help/*.{html,css}", to: "[name][ext]" },
    {
      from: "manifest*.xml",
      to: "[name][ext]",
      // As written (https://localhost:3000/) for development; with
      // TRADEBOOK_URL, every URL on that origin (scripts/deployment.cjs).
      transform(content) {
        return deployUrl ? manifestFor(content.toString(), deployUrl, version) : content;
      },
    },
  ];
  if (copyOfficeJs) {
    patterns.push({
      from: "**/*",
      context: path.dirname(require.resolve("@microsoft/office-js/dist/office.js")),
      to: "office-js/",
      globOptions: { ignore: ["**/*.debug.js", "**/*.d.ts"] },
    });
  }
  plugins.push(new CopyWebpackPlugin({ patterns }));

  return {
    mode: dev ? "development" : "production",
    context: root,
    devtool: dev ? "source-map" : false,
    entry,
    output: { path: outDir, filename: "[name].js", clean: true },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // H7 (task pane): exceljs's package main is its Node build (fs, streams);
      // the browser gets its self-contained browser bundle instead. The pane
      // loads it only in file mode, by dynamic import (a separate chunk).
      alias: { exceljs$: path.join(root, "node_modules/exceljs/dist/exceljs.min.js") },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Types are checked by `npm run typecheck` (tsc --noEmit); the
            // bundle only needs the JavaScript.
            options: { transpileOnly: true, configFile: path.join(root, "tsconfig.json"), compilerOptions: { noEmit: false } },
          },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico|svg)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext]" },
        },
      ],
    },
    plugins,
    optimization: {
      // exceljs and jszip ship minified browser builds (about 1 MB): they get
      // a chunk of their own, loaded only in file mode, and are not minified
      // again (terser spent minutes on them for nothing); nor is office.js,
      // copied as Microsoft ships it.
      splitChunks: {
        cacheGroups: {
          xlsxVendor: { test: /[\\/]node_modules[\\/](exceljs|jszip)[\\/]/, name: "vendor-xlsx", chunks: "async", enforce: true },
        },
      },
      // esbuild (already here for tsx) minifies in seconds what terser took
      // minutes over, for a bundle within a few percent of the same size.
      minimizer: [new MinimizerPlugin({ minify: MinimizerPlugin.esbuildMinify, exclude: [/vendor-xlsx/, /^office-js\//], extractComments: false })],
    },
    performance: { hints: false },
    // A partial build (tests) must not print the whole stats object.
    stats: process.env.TRADEBOOK_ENTRIES ? "errors-warnings" : "normal",
  };
};
