import { describe, expect, it } from "vitest";
import { countUpTo, paymentsUpTo } from "../../../core/contract/paid-orders";

describe("countUpTo: how many items of a sorted list are on or before a limit", () => {
  const days = [1, 3, 3, 5, 8];
  it.each<[number, number]>([
    [0, 0],
    [1, 1],
    [2, 1],
    [3, 3],
    [7, 4],
    [8, 5],
    [100, 5],
  ])("limit %d → %d", (limit, count) => {
    expect(countUpTo(days, (d) => d, limit)).toBe(count);
  });
  it("an empty list has none", () => {
    expect(countUpTo([], (d: number) => d, 5)).toBe(0);
  });
});

describe("paymentsUpTo: payments received by D counts them by their day (a time later on D counts)", () => {
  const payments = [{ Date: 10.2 }, { Date: 11 }, { Date: 11.9 }, { Date: 13 }];
  it.each<[number, number]>([
    [9, 0],
    [10, 1],
    [11, 3],
    [12, 3],
    [13, 4],
  ])("day %d → %d", (day, count) => {
    expect(paymentsUpTo(payments, day)).toBe(count);
  });
});
