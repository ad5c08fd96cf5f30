import { describe, expect, it } from "vitest";
import { escalationScales, filled, linePath, monthsBetween, niceTicks } from "./escalation-scale";

const box = { width: 440, height: 220, left: 40, right: 0, top: 10, bottom: 10 };

describe("escalation chart scales", () => {
  it("lists every month between two, across years", () => {
    expect(monthsBetween("2024-11", "2025-02")).toEqual(["2024-11", "2024-12", "2025-01", "2025-02"]);
    expect(monthsBetween("2024-06", "2024-06")).toEqual(["2024-06"]);
    expect(monthsBetween("2024-06", "2024-05")).toEqual([]);
    expect(monthsBetween("2024", "2024-05")).toEqual([]);
  });

  it("makes round ticks that include zero and cover the values", () => {
    expect(niceTicks(-6, 14.4)).toEqual([-10, -5, 0, 5, 10, 15]);
    expect(niceTicks(2, 7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(-0.3, 0)).toEqual([-0.3, -0.2, -0.1, 0]);
    expect(niceTicks(0, 0)).toEqual([-1, 0, 1]);
  });

  it("maps months to band centres and values onto the height, zero where it belongs", () => {
    const series = [
      { period: "2024-06", index: -5, events: ["e1"] },
      { period: "2024-09", index: 10, events: ["e2"] },
    ];
    const s = escalationScales([series], box);
    expect(s.months).toEqual(["2024-06", "2024-07", "2024-08", "2024-09"]);
    expect(s.band).toBe(100);
    expect(s.x("2024-06")).toBe(90);
    expect(s.x("2024-09")).toBe(390);
    expect(s.ticks).toEqual([-5, 0, 5, 10]);
    expect(s.y(10)).toBe(10);
    expect(s.y(-5)).toBe(210);
    expect(s.y(0)).toBeCloseTo(143.33, 2);
  });

  it("draws quiet months at zero", () => {
    const series = [
      { period: "2024-06", index: 4, events: ["e1"] },
      { period: "2024-08", index: -4, events: ["e2"] },
    ];
    expect(filled(series, monthsBetween("2024-06", "2024-08")).map((p) => p.index)).toEqual([4, 0, -4]);
    const s = escalationScales([series], box);
    expect(linePath(series, s)).toBe("M106.7,10.0 L240.0,110.0 L373.3,210.0");
  });
});
