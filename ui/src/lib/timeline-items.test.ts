import { describe, expect, it } from "vitest";
import type { Document } from "./bindings";
import fixture from "./backend/fixture.json";
import { actorNames, timelineItems, undatedEvents } from "./timeline-items";
import { event } from "./testing";

const dossier = fixture as unknown as Document[];

describe("timeline items", () => {
  it("puts every dated fixture event on the timeline and every undated one in the tray", () => {
    for (const { briefing } of dossier) {
      const items = timelineItems(briefing.events, actorNames(briefing));
      const undated = undatedEvents(briefing.events);
      expect(items.map((i) => i.id).sort()).toEqual(briefing.events.filter((e) => e.when).map((e) => e.id).sort());
      expect(undated.map((e) => e.id)).toEqual(briefing.events.filter((e) => !e.when).map((e) => e.id));
    }
  });

  it("draws days as boxes and months as approximate ranges", () => {
    const names = new Map<string, string>();
    const [day, month] = timelineItems(
      [event({ id: "d", when: "2024-06-19", precision: "day" }), event({ id: "m", when: "2024-08", precision: "month" })],
      names,
    );
    expect(day).toMatchObject({ type: "box", end: null, start: new Date(2024, 5, 19) });
    expect(day.className).not.toContain("approx");
    expect(month).toMatchObject({ type: "range", start: new Date(2024, 7, 1), end: new Date(2024, 8, 1) });
    expect(month.className).toContain("approx");
  });

  it("marks quad and non-facts in the class name", () => {
    const [item] = timelineItems([event({ when: "2024", quad: "material_conflict", modality: "speculative" })], new Map());
    expect(item.className.split(" ")).toEqual(expect.arrayContaining(["quad-material_conflict", "hypothetical", "modality-speculative"]));
  });

  it("sends unreadable dates to the tray", () => {
    const e = event({ when: "P3W" });
    expect(timelineItems([e], new Map())).toEqual([]);
    expect(undatedEvents([e])).toEqual([e]);
  });
});
