/* eslint-disable no-undef */
/**
 * Webpack plugin: makes sure the page loads the local office.js first, in
 * <head> (Office requires office.js before any add-in script). Page
 * templates must not name office.js themselves.
 */
const HtmlWebpackPlugin = require("html-webpack-plugin");

const NAME = "OfficeJsTagPlugin";

class OfficeJsTagPlugin {
  /** @param {{ src: string }} options */
  constructor(options) {
    this.src = options.src;
  }

  apply(compiler) {
    compiler.hooks.compilation.tap(NAME, (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap(NAME, (data) => {
        const named = (tag) => tag.tagName === "script" && typeof tag.attributes.src === "string" && /(^|\/)office\.js$/.test(tag.attributes.src);
        if (![...data.headTags, ...data.bodyTags].some(named)) {
          data.headTags.unshift({ tagName: "script", voidTag: false, meta: { plugin: NAME }, attributes: { type: "text/javascript", src: this.src } });
        }
        return data;
      });
    });
  }
}

module.exports = OfficeJsTagPlugin;
