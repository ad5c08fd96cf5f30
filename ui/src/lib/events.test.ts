import { describe, expect, it } from "vitest";
import { eventActors, eventLabel, involves, isHypothetical } from "./events";
import { event } from "./testing";

const names = new Map([
  ["a", "Alpha"],
  ["b", "Beta"],
]);

describe("events", () => {
  it("labels with trigger and actors", () => {
    expect(eventLabel(event({}), names)).toBe("condemned · Alpha → Beta");
    expect(eventLabel(event({ mutual: true }), names)).toBe("condemned · Alpha ↔ Beta");
    expect(eventLabel(event({ mutual: true, sources: ["a", "b"], targets: [] }), names)).toBe("condemned · Alpha ↔ Beta");
    expect(eventLabel(event({ sources: ["x"], targets: [] }), names)).toBe("condemned · x");
  });

  it("knows who is involved", () => {
    expect(eventActors(event({ sources: ["a", "b"], targets: ["b", "c"] }))).toEqual(["a", "b", "c"]);
    expect(involves(event({}), "b")).toBe(true);
    expect(involves(event({}), "c")).toBe(false);
    expect(involves(event({}), null)).toBe(true);
  });

  it("tells facts from speculation", () => {
    expect(isHypothetical(event({ modality: "asserted" }))).toBe(false);
    expect(isHypothetical(event({ modality: "reported" }))).toBe(false);
    expect(isHypothetical(event({ modality: "speculative" }))).toBe(true);
    expect(isHypothetical(event({ modality: "negated" }))).toBe(true);
  });
});
