import { describe, expect, it } from "vitest";
import { combineDates, compatible, precisionOf, sameMonth } from "./timex";

describe("timex", () => {
  it("knows a year, a month and a real day, and nothing else", () => {
    expect(precisionOf("2024")).toBe("year");
    expect(precisionOf("2024-06")).toBe("month");
    expect(precisionOf("2024-02-29")).toBe("day");
    for (const bad of ["2023-02-29", "2024-13", "2024-6", "24-06-01", "2024-06-19T10:00", "", "June"]) expect(precisionOf(bad), bad).toBeNull();
  });

  it("lets dates that nest in one another be one event's", () => {
    expect(compatible("2024", "2024-06-19")).toBe(true);
    expect(compatible("2024-06-19", "2024-06")).toBe(true);
    expect(compatible(null, "2024")).toBe(true);
    expect(compatible("2024-06-19", "2024-06-20")).toBe(false);
    expect(compatible("2024-06", "2024-07")).toBe(false);
    expect(sameMonth("2024-06-19", "2024-06-20")).toBe(true);
    expect(sameMonth("2024-06", "2024")).toBe(false);
  });

  it("combines dates: the finest when they nest, the common period and a conflict when not", () => {
    expect(combineDates(["2024", "2024-06", "2024-06-19", null])).toEqual({ when: "2024-06-19", conflict: null });
    expect(combineDates(["2024-06-19", "2024-06-20"])).toEqual({ when: "2024-06", conflict: ["2024-06-19", "2024-06-20"] });
    expect(combineDates(["2024-06-30", "2024-07-01"])).toEqual({ when: "2024", conflict: ["2024-06-30", "2024-07-01"] });
    expect(combineDates(["2023-12-31", "2024-01-01"])).toEqual({ when: null, conflict: ["2023-12-31", "2024-01-01"] });
    expect(combineDates([null, null])).toEqual({ when: null, conflict: null });
  });
});
