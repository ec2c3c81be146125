import { describe, expect, it } from "vitest";
import { productLines } from "../../../core/review/products";

describe("an order's Products text names its product lines", () => {
  it.each([
    ["LED downlight × 500 pcs", ["LED downlight"]],
    ["LED downlight × 500 pcs; LED strip x200", ["LED downlight", "LED strip"]],
    ["Solar street light *100, Smart bulb - 300 sets", ["Solar street light", "Smart bulb"]],
    ["LED面板灯 500件、应急灯 200个", ["LED面板灯", "应急灯"]],
    ["Track light (2 containers)", ["Track light"]],
    ["LED strip 500pcs; led strip × 100", ["LED strip"]],
    ["  ", []],
    [null, []],
  ])("%j → %j", (text, lines) => {
    expect(productLines(text)).toEqual(lines);
  });
});
