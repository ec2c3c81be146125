/* eslint-disable no-undef */
// Preloaded (NODE_OPTIONS=--require) by bench/output-hashes.ts into every
// `tradebook` process it runs: fixes the wall clock at TRADEBOOK_FIXED_NOW
// (an ISO instant), so that what a command derives from "now" (the demo's
// as-of day, a report sheet's "generated at" line) is the same on every run
// and the outputs can be compared byte for byte. Only `Date` is fixed;
// performance.now() and timers keep running.
const fixed = Date.parse(process.env.TRADEBOOK_FIXED_NOW ?? "");
if (Number.isFinite(fixed)) {
  const RealDate = Date;
  function FixedDate(...args) {
    if (!new.target) return new RealDate(fixed).toString();
    return args.length === 0 ? new RealDate(fixed) : new RealDate(...args);
  }
  FixedDate.prototype = RealDate.prototype;
  FixedDate.now = () => fixed;
  FixedDate.parse = RealDate.parse;
  FixedDate.UTC = RealDate.UTC;
  globalThis.Date = FixedDate;
}
