import { describe, expect, it } from "vitest";
import { timeRange } from "./dates";

const d = (y: number, m: number, day = 1) => new Date(y, m - 1, day);

describe("timeRange", () => {
  it("draws a day as a point", () => {
    expect(timeRange("2024-06-19")).toEqual({ start: d(2024, 6, 19), end: null, approximate: false });
  });

  it("covers a whole month, not its first day", () => {
    expect(timeRange("2024-08")).toEqual({ start: d(2024, 8), end: d(2024, 9), approximate: true });
    expect(timeRange("2024-12")).toEqual({ start: d(2024, 12), end: d(2025, 1), approximate: true });
    const feb = timeRange("2024-02");
    expect(feb && feb.end && (feb.end.getTime() - feb.start.getTime()) / 86_400_000).toBeCloseTo(29, 0);
  });

  it("covers a whole year", () => {
    expect(timeRange("2023")).toEqual({ start: d(2023, 1), end: d(2024, 1), approximate: true });
  });

  it("reads seasons, quarters, halves, ISO weeks and decades", () => {
    expect(timeRange("2023-FA")).toMatchObject({ start: d(2023, 9), end: d(2023, 12) });
    expect(timeRange("2023-WI")).toMatchObject({ start: d(2023, 12), end: d(2024, 3) });
    expect(timeRange("2024-Q3")).toMatchObject({ start: d(2024, 7), end: d(2024, 10) });
    expect(timeRange("2024-H2")).toMatchObject({ start: d(2024, 7), end: d(2025, 1) });
    expect(timeRange("2024-W01")).toMatchObject({ start: d(2024, 1, 1), end: d(2024, 1, 8) });
    expect(timeRange("2021-W01")).toMatchObject({ start: d(2021, 1, 4), end: d(2021, 1, 11) });
    expect(timeRange("197")).toMatchObject({ start: d(1970, 1), end: d(1980, 1), approximate: true });
  });

  it("rejects what is not a date", () => {
    for (const v of [null, undefined, "", "P3W", "2024-13", "2024-02-30", "2024-W60", "yesterday"]) {
      expect(timeRange(v)).toBeNull();
    }
  });
});
