/* eslint-disable no-undef */
/**
 * The add-in build (modelled on the yo-office templates "Excel Custom
 * Functions using a Shared Runtime" and "Task pane with React").
 *
 * One page, taskpane.html, is the shared runtime: it loads office.js, then
 * the commands, functions and task-pane bundles. The custom-functions
 * metadata plugin writes functions.json from the JSDoc in
 * functions/functions.ts; scripts/localized-metadata-plugin.cjs writes
 * functions.zh-CN.json from it. office.js is copied from
 * node_modules/@microsoft/office-js so nothing comes from a CDN.
 *
 * Environment:
 *   TRADEBOOK_ENTRIES  comma list of entries to build (taskpane,commands,functions);
 *                      default: all whose source exists.
 *   TRADEBOOK_OUT      output folder (default dist/).
 *   TRADEBOOK_NO_OFFICEJS=1  skip copying office.js (faster partial builds).
 */
const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const MinimizerPlugin = require("minimizer-webpack-plugin");
const LocalizedMetadataPlugin = require("./scripts/localized-metadata-plugin.cjs");
const OfficeJsTagPlugin = require("./scripts/office-js-tag-plugin.cjs");

const urlDev = "https://localhost:3000/";
const root = __dirname;

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
  const entries = {};
  for (const name of names) {
    const file = path.join(root, SOURCES[name]);
    if (fs.existsSync(file)) entries[name] = "./" + SOURCES[name];
    else if (wanted.length) throw new Error(`TRADEBOOK_ENTRIES: ${SOURCES[name]} does not exist yet`);
    else console.warn(`[tradebook] skipping entry ${name}: ${SOURCES[name]} does not exist yet`);
  }
  return entries;
}

/** The page template: the task pane's own if it has one, else a minimal one with #root. */
function pageTemplate() {
  const own = path.join(root, "addin/taskpane/taskpane.html");
  if (fs.existsSync(own)) return { template: own };
  return {
    templateContent: `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="X-UA-Compatible" content="IE=Edge" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>TradeBook</title>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`,
  };
}

module.exports = (env, options) => {
  const dev = options.mode === "development";
  const entry = selectedEntries();
  const outDir = process.env.TRADEBOOK_OUT ? path.resolve(process.env.TRADEBOOK_OUT) : path.join(root, "dist");
  const copyOfficeJs = !process.env.TRADEBOOK_NO_OFFICEJS && (entry.taskpane || entry.commands);
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
        ...pageTemplate(),
        // Shared runtime: commands and functions must register before Office
        // calls them, so they load before the React pane.
        chunks: Object.keys(SOURCES).filter((n) => entry[n]),
        chunksSortMode: "manual",
        inject: "body",
      }),
      new OfficeJsTagPlugin({ src: "office-js/office.js" }),
    );
  }
  const patterns = [
    { from: "assets/*.png", to: "assets/[name][ext]", noErrorOnMissing: true },
    {
      from: "manifest*.xml",
      to: "[name][ext]",
      // The manifest is served as written in development; a production
      // deployment replaces the dev URL here (set TRADEBOOK_URL).
      transform(content) {
        const prod = process.env.TRADEBOOK_URL;
        return dev || !prod ? content : content.toString().split(urlDev).join(prod.endsWith("/") ? prod : prod + "/");
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
