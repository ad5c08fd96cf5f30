import { describe, expect, it } from "vitest";
import { NO_ACTOR_LANE, timelineModel, undatedEvents } from "./timeline-items";
import { articleSummary, dossierEvent } from "./testing";

const names = new Map([
  ["a", "Alpha"],
  ["b", "Beta"],
  ["c", "Gamma"],
]);
const articles = [articleSummary("a1", "first.txt"), articleSummary("a2", "second.txt")];

const events = [
  dossierEvent({ id: "a1:e1", when: "2024-06-19", precision: "day", sources: ["a"], targets: ["b"] }),
  dossierEvent({ id: "a1:e2", when: "2024-08", precision: "month", sources: ["c"], targets: [], modality: "speculative" }),
  dossierEvent({ id: "a1:e3", when: null, sources: ["a"], targets: [] }),
  dossierEvent({
    id: "a1:e4",
    when: "2024-10-24",
    precision: "day",
    sources: [],
    targets: [],
    conflicts_with: ["a2:e9"],
    reports: [...dossierEvent({}).reports, { ...dossierEvent({}).reports[0], article: "a2" }],
  }),
];

describe("timeline model", () => {
  it("draws a day as a box and a month as a range over the whole month, and leaves undated ones to the tray", () => {
    const { lanes, items } = timelineModel(events, names, articles, "none", "(none)");
    expect(lanes).toBeNull();
    expect(items.map((i) => [i.id, i.type])).toEqual([
      ["a1:e1", "box"],
      ["a1:e2", "range"],
      ["a1:e4", "box"],
    ]);
    const month = items[1];
    expect(month.start).toEqual(new Date(2024, 7, 1));
    expect(month.end).toEqual(new Date(2024, 8, 1));
    expect(month.className.split(" ")).toEqual(expect.arrayContaining(["approx", "hypothetical", "modality-speculative"]));
    expect(items[2].className).toContain("date-conflict");
    expect(items[0].label).toBe("condemned · Alpha → Beta");
    expect(undatedEvents(events).map((e) => e.id)).toEqual(["a1:e3"]);
  });

  it("puts an event into the lane of each of its actors, busiest lane first, actorless last", () => {
    const { lanes, items } = timelineModel(events, names, articles, "actor", "(no actor)");
    expect(lanes?.map((l) => [l.id, l.label])).toEqual([
      ["a", "Alpha"],
      ["b", "Beta"],
      ["c", "Gamma"],
      [NO_ACTOR_LANE, "(no actor)"],
    ]);
    expect(items.filter((i) => i.event === "a1:e1").map((i) => i.id)).toEqual(["a1:e1@a", "a1:e1@b"]);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  it("puts an event into the lane of each article that reports it, in the dossier's order", () => {
    const { lanes, items } = timelineModel(events, names, articles, "article", "");
    expect(lanes?.map((l) => l.label)).toEqual(["first.txt", "second.txt"]);
    expect(items.filter((i) => i.event === "a1:e4").map((i) => i.lane)).toEqual(["a1", "a2"]);
  });
});
