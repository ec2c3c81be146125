/* eslint-disable no-undef */
/**
 * Webpack plugin: writes functions.<locale>.json next to functions.json,
 * with the descriptions from a translation map (functions/i18n/<locale>.ts,
 * which exports it as TEXTS)
 * applied by functions/i18n/localize.ts. The TypeScript modules are loaded
 * through tsx, which the CLI already depends on. A missing translation fails
 * the build.
 */
const path = require("path");
const { Compilation, WebpackError, sources } = require("webpack");
const tsx = require("tsx/cjs/api");

const NAME = "LocalizedMetadataPlugin";

class LocalizedMetadataPlugin {
  /** @param {{ input: string, locales: Record<string, string> }} options */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const root = compiler.context;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset(this.options.input);
        if (!asset) return; // the metadata plugin already reported why
        const { localizeMetadata } = tsx.require(path.join(root, "functions/i18n/localize.ts"), __filename);
        const english = JSON.parse(asset.source.source().toString());
        for (const [locale, file] of Object.entries(this.options.locales)) {
          const mod = tsx.require(path.resolve(root, file), __filename);
          const { metadata, problems } = localizeMetadata(english, mod.TEXTS, locale);
          for (const p of problems) compilation.errors.push(new WebpackError(`${NAME}: ${p}`));
          const out = this.options.input.replace(/\.json$/, `.${locale}.json`);
          compilation.emitAsset(out, new sources.RawSource(JSON.stringify(metadata, null, 4)));
        }
      });
    });
  }
}

module.exports = LocalizedMetadataPlugin;
