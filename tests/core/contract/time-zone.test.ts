import { describe, expect, it } from "vitest";
import { isValidTimeZone } from "../../../core/contract/settings";

describe("a time zone is valid when Intl can format in it", () => {
  it.each([
    ["Asia/Shanghai", true],
    ["America/New_York", true],
    ["Asia/Calcutta", true], // an alias Intl accepts
    ["UTC", true],
    ["", false],
    ["Mars/Olympus_Mons", false],
    ["Asia/Shanghai ", false], // callers trim; a stray space is not a zone
  ] as const)("%j → %s, the same on every asking", (tz, valid) => {
    expect(isValidTimeZone(tz)).toBe(valid);
    expect(isValidTimeZone(tz)).toBe(valid);
  });
});
