import { describe, expect, it } from "vitest";
import { countUpToDay, groupRows, rowsOfGroup } from "../../../core/index/row-groups";

/** Groups of rows as lists of row positions, for reading a case at a glance. */
function groupsOf(groupOf: number[], groups: number, dates: number[], sorted: boolean): number[][] {
  const g = groupRows(Int32Array.from(groupOf), groups, Float64Array.from(dates), sorted);
  return Array.from({ length: groups }, (_, k) => Array.from(g.at.subarray(g.start[k], g.start[k + 1])));
}

const N = Number.NaN;
// A long group (over the insertion-sort limit) in reverse date order, with a tie.
const LONG = 40;
const longDates = Array.from({ length: LONG }, (_, i) => (i === LONG - 1 ? 5 : LONG - i));
const longOrder = Array.from({ length: LONG }, (_, i) => i).sort((a, b) => longDates[a] - longDates[b]);
// With a date that is not a number, the order is the one sorting the rows by date gave before the flat index.
const nanDates = [3, N, 1];
const nanOrder = [0, 1, 2].sort((a, b) => nanDates[a] - nanDates[b]);

describe("groupRows: rows grouped by a dense key, each group by date, ties in sheet order", () => {
  it.each<[string, number[], number, number[], boolean, number[][]]>([
    ["groups in sheet order when not sorted", [1, 0, 1, 0], 2, [4, 3, 2, 1], false, [[1, 3], [0, 2]]],
    ["each group sorted by date", [1, 0, 1, 0], 2, [4, 3, 2, 1], true, [[3, 1], [2, 0]]],
    ["a group already in date order keeps sheet order", [0, 0, 0], 1, [1, 2, 3], true, [[0, 1, 2]]],
    ["same date: sheet order", [0, 0, 0, 0], 1, [2, 1, 2, 1], true, [[1, 3, 0, 2]]],
    ["a group with no rows is empty", [0, 2], 3, [1, 1], true, [[0], [], [1]]],
    ["a date that is not a number: as Array.prototype.sort orders the rows", [0, 0, 0], 1, nanDates, true, [nanOrder]],
    ["a long group is sorted stably too", Array<number>(LONG).fill(0), 1, longDates, true, [longOrder]],
    ["no rows", [], 2, [], true, [[], []]],
  ])("%s", (_name, groupOf, groups, dates, sorted, expected) => {
    expect(groupsOf(groupOf, groups, dates, sorted)).toEqual(expected);
  });

  it.each<[string, number[], number[], boolean]>([
    ["sorted by insertion", [1, 0, 1, 0], [4, 3, 2, 1], true],
    ["not sorted", [1, 0, 1, 0], [4, 3, 2, 1], false],
    ["sorted by comparison (a long group)", Array<number>(LONG).fill(0), longDates, true],
    ["with a date that is not a number", [0, 0, 0], nanDates, true],
  ])("each row's date moves with it into group order (%s)", (_name, groupOf, dates, sorted) => {
    const g = groupRows(Int32Array.from(groupOf), Math.max(...groupOf) + 1, Float64Array.from(dates), sorted);
    expect(Array.from(g.date)).toEqual(Array.from(g.at, (row) => dates[row]));
  });
});

describe("countUpToDay: how many of a group's rows fall on or before a day (by their day)", () => {
  // Group 0 holds rows dated 10.2, 11, 11.9 (a time on day 11), 13; group 1 none.
  const g = groupRows(Int32Array.from([0, 0, 0, 0]), 2, Float64Array.from([13, 11.9, 10.2, 11]), true);
  it.each<[number, number, number]>([
    [0, 9, 0],
    [0, 10, 1],
    [0, 11, 3],
    [0, 12, 3],
    [0, 13, 4],
    [1, 13, 0],
  ])("group %d, day %d → %d", (group, day, count) => {
    expect(countUpToDay(g, group, day)).toBe(count);
  });
  it("rowsOfGroup lists a group's rows in group order", () => {
    expect(rowsOfGroup(g, 0, ["a", "b", "c", "d"])).toEqual(["c", "d", "b", "a"]);
  });
});
