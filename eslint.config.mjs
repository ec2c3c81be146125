// ESLint: Microsoft's Office Add-ins rules (load before read, no sync in a
// loop …) plus the house's dependency direction: core is pure, workbook does
// not reach up into the entry points.
import officeAddins from "eslint-plugin-office-addins";
import tsPlugin from "@typescript-eslint/eslint-plugin";
import tsParser from "@typescript-eslint/parser";

const reactConfig = officeAddins.configs.react;

export default [
  { ignores: ["node_modules/", "dist/", "lib/", "demo/", "artifacts/", "templates/dist/", "bench/out/", ".tmp/", "**/*.cjs", "webpack.config.js"] },
  ...reactConfig,
  // Formatting is not a lint error here.
  { rules: { "prettier/prettier": "off" } },
  {
    files: ["**/*.{ts,tsx,mts}"],
    plugins: { "@typescript-eslint": tsPlugin },
    languageOptions: { parser: tsParser, ecmaVersion: 2022, sourceType: "module", parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: {
      "no-unused-vars": "off",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
      "no-undef": "off",
      "no-redeclare": "off",
    },
  },
  {
    // The Office rules read any `.load()`/`.values` as Office.js; exceljs code
    // (workbook/xlsx, templates, tests of files) uses the same words for
    // something else. Only code that talks to Excel is held to them.
    files: ["**/*.{ts,tsx,mts}"],
    ignores: ["workbook/office/**", "addin/**", "functions/**", "tests/fakes/**"],
    rules: {
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/no-context-sync-in-loop": "off",
      "office-addins/no-empty-load": "off",
      "office-addins/no-navigational-load": "off",
      "office-addins/test-for-null-using-isNullObject": "off",
    },
  },
  {
    files: ["core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["exceljs", "react", "react-dom", "@fluentui/*", "office-*", "node:*", "fs", "path", "iconv-lite"], message: "core/ is pure domain code: no Office, exceljs, React or I/O." },
            { group: ["**/workbook/**", "**/addin/**", "**/cli/**", "**/functions/**", "**/templates/**", "**/app/**"], message: "core/ depends on nothing but itself." },
          ],
        },
      ],
      "no-restricted-globals": ["error", "Excel", "Office", "document", "window"],
    },
  },
  {
    files: ["app/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/addin/**", "**/cli/**", "**/functions/**", "react", "react-dom", "@fluentui/*"], message: "app/ sits below the entry points." },
            // A use case takes a port; which adapter is behind it is the entry point's choice.
            { group: ["**/workbook/**", "!**/workbook/port"], message: "app/ talks to a workbook through workbook/port.ts only." },
          ],
        },
      ],
    },
  },
  {
    // The entry points open a workbook through a port factory (the Office
    // adapter, the file port and its node wrapper) and leave the rest of
    // workbook/ to it: the pipelines live in app/.
    files: ["cli/**/*.ts", "addin/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/workbook/xlsx/*", "!**/workbook/xlsx/package", "**/workbook/xlsx/package/*", "!**/workbook/xlsx/package/xlsx-package"], message: "Open .xlsx files through workbook/node/xlsx-file-port.ts (node) or XlsxPackage (browser)." },
            { group: ["**/workbook/office/**", "!**/workbook/office/office-workbook", "!**/workbook/office/run"], message: "Excel is reached through OfficeWorkbook (workbook/office/office-workbook.ts)." },
            { group: ["**/workbook/write-plan", "**/workbook/locate", "**/workbook/write-cell", "**/workbook/blank-row", "**/workbook/literal-text", "**/workbook/memory"], message: "workbook/ internals: call app/ or the port." },
            {
              group: ["**/workbook/node/xlsx-file", "**/workbook/node/stream-reader", "**/workbook/node/deflate", "**/workbook/node/inflate", "**/workbook/node/workbook-lock", "**/workbook/node/office-locks"],
              message: "Open, lock and save .xlsx files through workbook/node/xlsx-file-port.ts.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["workbook/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/addin/**", "**/cli/**", "**/functions/**", "**/app/**"], message: "workbook/ sits below app/ and the entry points." }] },
      ],
    },
  },
];
